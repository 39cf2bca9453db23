//! Helpers of the data-safety tests: damaging a database, leaving a stale clean-shutdown marker,
//! listing a folder, detecting whether permissions bind this process.

use std::fs;
use std::path::{Path, PathBuf};

/// Overwrites the b-tree pages after the first two with garbage (the header stays valid), so
/// `quick_check` reports damage.
pub fn damage(db: &Path) {
    let mut bytes = fs::read(db).unwrap_or_else(|e| panic!("read {}: {e}", db.display()));
    assert!(
        bytes.len() > 3 * 4096,
        "the database must have pages to damage"
    );
    for b in &mut bytes[2 * 4096..] {
        *b = 0x5A;
    }
    fs::write(db, &bytes).unwrap_or_else(|e| panic!("write {}: {e}", db.display()));
}

/// Leaves `<db>.running` as a killed process would (a marker nobody holds).
pub fn leave_stale_marker(db: &Path) {
    fs::write(marker(db), b"").expect("write a stale marker");
}

/// `<db>.running`.
pub fn marker(db: &Path) -> PathBuf {
    raccordo::db::marker::marker_path(db)
}

/// Sorted names in `dir` (empty if it does not exist).
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// True when this process can write into a folder whose mode forbids it (root): then
/// permission tests use a path whose parent is a regular file instead of `chmod`.
#[cfg(unix)]
pub fn permissions_do_not_bind(scratch: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = scratch.join("perm-probe");
    fs::create_dir_all(&probe).expect("probe dir");
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o555)).expect("chmod probe");
    let bypass = fs::write(probe.join("x"), b"x").is_ok();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o755)).expect("chmod back");
    let _ = fs::remove_dir_all(&probe);
    bypass
}
