//! Support for the fuzz targets: the invariant checks, shared with the corpus replay of the
//! normal test run (`tests/it/fuzz_corpus.rs`) by including the very same file.

#[path = "../../tests/it/common/fuzz_checks/mod.rs"]
pub mod checks;
