//! The figures the data-safety tests measure (runs, kills, rows compared, peak memory), printed
//! and also appended to `<target>/tmp/safety-figures.txt`, which `make test` shows after
//! `cargo test` (whose harness hides the output of passing tests).
//!
//! Contract: tests running in parallel threads of the one test process may report at the same
//! time; each line is appended with a single `write` on a file opened in append mode, so lines
//! never interleave.

use std::io::Write;

/// Prints `line` and appends it to the figures file.
pub fn report(line: &str) {
    println!("{line}");
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("safety-figures.txt");
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    {
        let _ = file.write_all(format!("{line}\n").as_bytes());
    }
}
