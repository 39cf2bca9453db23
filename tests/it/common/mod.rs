//! Helpers shared by the integration tests: temporary databases, the CLI runner, file snapshots.
//! Compiled once into the `it` test binary; a helper no test uses is a warning, so it is deleted.

pub mod actions;
pub mod calendar;
pub mod contacts;
pub mod dump;
pub mod figures;
pub mod fuzz_checks;
pub mod meetings;
pub mod meetings_cli;
pub mod minutes;
pub mod minutes_batch;
pub mod random_data;
pub mod safety;
pub mod sai;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use raccordo::Store;
use tempfile::TempDir;

/// A temporary folder with a database path inside it (the file is not created).
pub struct TempDb {
    pub dir: TempDir,
    pub path: PathBuf,
}

impl TempDb {
    pub fn new() -> TempDb {
        let dir = tempfile::tempdir().expect("create temp dir");
        let path = dir.path().join("raccordo.sqlite");
        TempDb { dir, path }
    }

    /// Opens (creating) the database.
    pub fn open(&self) -> Store {
        Store::open(&self.path).expect("open temp database")
    }

    /// A sibling path in the same temporary folder.
    pub fn sibling(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Names of the files in the temporary folder, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("read temp dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

/// A `raccordo` command on database `db`, with `RACCORDO_DB` cleared so the test never touches
/// the user's real database.
pub fn cli(db: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("raccordo").expect("raccordo binary");
    cmd.env_remove("RACCORDO_DB").arg("--db").arg(db);
    cmd
}

/// A `raccordo` command without `--db` (for environment tests).
pub fn cli_bare() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("raccordo").expect("raccordo binary");
    cmd.env_remove("RACCORDO_DB");
    cmd
}

/// The bytes of a file (to prove it was not modified).
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// ISTAT codes used across tests.
pub const FIRENZE: &str = "048017";
pub const AULLA: &str = "045001";
pub const PRATO: &str = "100005";

/// Id of a zone by exact name.
pub fn zone_id(store: &Store, name: &str) -> i64 {
    store
        .read(|c| raccordo::territory::zones(c, raccordo::time::today_rome()))
        .expect("list zones")
        .into_iter()
        .find(|z| z.name == name)
        .unwrap_or_else(|| panic!("zone {name} exists"))
        .id
}
