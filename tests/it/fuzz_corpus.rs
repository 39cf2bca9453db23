//! Replays the checked-in fuzzing corpus (`fuzz/corpus/<target>/`) in the normal, stable test
//! run, through the same invariant checks the cargo-fuzz targets run (`common/fuzz_checks/mod.rs`).
//!
//! Contract: every target in `fuzz_checks::TARGETS` has a non-empty corpus directory (a missing
//! or empty one fails the test, it never passes silently); every file in it passes its target's
//! checks; a failure names the file, so it can be replayed with
//! `cargo +nightly fuzz run <target> fuzz/corpus/<target>/<file>`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use crate::common::{figures, fuzz_checks};

fn corpus_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target)
}

fn corpus_files(target: &str) -> Vec<PathBuf> {
    let dir = corpus_dir(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus directory {} must exist: {e}", dir.display()))
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "corpus directory {} must not be empty: seed it (see fuzz/README.md)",
        dir.display()
    );
    files
}

fn replay(target: &str) {
    let (_, check) = fuzz_checks::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .unwrap_or_else(|| panic!("{target} is a fuzz target"));
    let files = corpus_files(target);
    let mut failures = Vec::new();
    for file in &files {
        let data = std::fs::read(file).expect("read corpus file");
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&data))) {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("panic");
            failures.push(format!("{}: {why}", file.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{target}: {} of {} corpus files break an invariant:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    figures::report(&format!(
        "fuzz corpus {target}: {} files replayed, 0 invariant failures",
        files.len()
    ));
}

#[test]
fn every_target_has_a_corpus_directory_and_no_stray_ones() {
    let mut dirs: Vec<String> = std::fs::read_dir(corpus_dir(""))
        .expect("fuzz/corpus exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut targets: Vec<String> = fuzz_checks::TARGETS
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect();
    targets.sort();
    assert_eq!(
        dirs, targets,
        "one corpus directory per fuzz target, and one target per corpus directory"
    );
}

#[test]
fn text_decode_corpus() {
    replay("text_decode");
}

#[test]
fn csv_contacts_corpus() {
    replay("csv_contacts");
}

#[test]
fn vcard_corpus() {
    replay("vcard");
}

#[test]
fn zones_csv_corpus() {
    replay("zones_csv");
}

#[test]
fn ics_corpus() {
    replay("ics");
}
