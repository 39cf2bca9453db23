//! The figures the data-safety tests measure (runs, kills, rows compared, peak memory), printed
//! and also appended to `<target>/tmp/safety-figures.txt`, which `make test` shows after
//! `cargo test` (whose harness hides the output of passing tests).

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
        let _ = writeln!(file, "{line}");
    }
}
