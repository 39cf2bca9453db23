//! Support for the fuzz targets: the invariant checks, shared with the corpus replay of the
//! normal test run (`tests/fuzz_corpus.rs`) by including the very same file.

#[path = "../../tests/common/fuzz_checks.rs"]
pub mod checks;
