//! Huge inputs to the importers: each is refused with an Italian message naming the limit, or
//! read, with peak memory bounded. Complements `interchange_safety.rs` (which checks the messages
//! of the basic limits) by measuring what each worst case costs.
//!
//! Contract: every case runs in a child process of this test binary (only the [`CHILD_TEST`]
//! test, selected by `RACCORDO_LIMITS_CASE`), so its peak resident memory (`VmHWM`) is its own
//! and not the sum of tests running in parallel; the parent asserts the child passed, its peak
//! stayed under [`PEAK_LIMIT_MB`], and prints the figures (`cargo test -p raccordo --test it --
//! interchange_limits:: --nocapture` shows them).

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::Command;
use std::time::Instant;

use crate::common::figures;
use raccordo::interchange::text::read_limited;
use raccordo::interchange::{csv_contacts, vcard, ContactField};
use raccordo::territory;
use raccordo::{ApiError, Error};

/// The bound on any single case's peak resident memory, including the input it builds.
const PEAK_LIMIT_MB: u64 = 400;

const CASE_VAR: &str = "RACCORDO_LIMITS_CASE";

/// The full name of the [`child`] test in the `it` binary (run alone with `--exact`).
const CHILD_TEST: &str = "interchange_limits::child";

/// Peak resident set of this process so far, in kB.
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status")
}

/// Runs `case` in a child process; returns (peak MB, seconds).
fn measure(case: &str) -> (u64, f64) {
    let start = Instant::now();
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args([CHILD_TEST, "--exact", "--nocapture", "--test-threads=1"])
        .env(CASE_VAR, case)
        .output()
        .expect("run the child");
    let secs = start.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "case {case} must pass in its child process:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kb: u64 = stdout
        .lines()
        .find_map(|l| l.split("VmHWM_KB=").nth(1))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("case {case}: the child reports its peak memory:\n{stdout}"));
    let mb = kb / 1024;
    figures::report(&format!("huge input {case}: peak {mb} MB, {secs:.2} s"));
    assert!(
        mb < PEAK_LIMIT_MB,
        "case {case}: peak memory {mb} MB must stay under {PEAK_LIMIT_MB} MB"
    );
    (mb, secs)
}

/// The child side: runs the case named in the environment, then reports its peak memory.
#[test]
fn child() {
    let Ok(case) = std::env::var(CASE_VAR) else {
        return; // only meaningful when started by `measure`
    };
    match case.as_str() {
        "csv_million_rows" => csv_million_rows(),
        "ten_mb_line" => ten_mb_line(),
        "sixty_mb_file" => sixty_mb_file(),
        "four_million_blank_lines" => four_million_blank_lines(),
        "folded_vcard_line" => folded_vcard_line(),
        "hundred_thousand_cards" => hundred_thousand_cards(),
        "zones_million_rows" => zones_million_rows(),
        other => panic!("unknown case {other}"),
    }
    println!("VmHWM_KB={}", peak_kb());
}

fn message(e: Error) -> String {
    ApiError::from(e).message
}

fn csv_million_rows() {
    let mut input = String::with_capacity(16 * 1_000_001);
    input.push_str("Nome;Cognome;E-mail\n");
    for i in 0..1_000_000 {
        writeln!(input, "M{i};R;m{i}@x.it").expect("write");
    }
    let m = message(csv_contacts::preview(input.as_bytes()).expect_err("preview refuses"));
    assert!(
        m.contains("più di 200000 righe") && m.contains("dividilo"),
        "the message names the row limit: {m}"
    );
    let m = message(
        csv_contacts::read(
            input.as_bytes(),
            &[("Nome".to_owned(), ContactField::GivenName)],
        )
        .expect_err("read refuses"),
    );
    assert!(m.contains("200000"), "read names the row limit: {m}");
}

fn ten_mb_line() {
    let mut input = b"BEGIN:VCARD\nNOTE:".to_vec();
    input.resize(input.len() + 10 * 1024 * 1024, b'a');
    input.extend(b"\nEND:VCARD\n");
    for result in [
        csv_contacts::preview(&input).map(|_| ()),
        vcard::read(&input).map(|_| ()),
        territory::parse_zone_rows(&input, "zone.csv").map(|_| ()),
    ] {
        let m = message(result.expect_err("a 10 MB line is refused"));
        assert!(
            m.contains("riga 2") && m.contains("troppo lunga") && m.contains("1024 KB"),
            "the message names the line and the limit: {m}"
        );
    }
}

fn sixty_mb_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("enorme.csv");
    let row = "Mario;Rossi;mario.rossi@comune.example.it\n".repeat(25_000); // 1 MB
    let mut f = std::fs::File::create(&path).expect("create");
    for _ in 0..60 {
        f.write_all(row.as_bytes()).expect("write");
    }
    drop(f);
    let before = peak_kb();
    let m = message(read_limited(&path).expect_err("a 60 MB file is refused"));
    assert!(
        m.contains("troppo grande") && m.contains("50 MB"),
        "the message names the size limit: {m}"
    );
    let grown_mb = (peak_kb() - before) / 1024;
    assert!(
        grown_mb < 4,
        "read_limited refuses by the file's size, without reading it (peak grew {grown_mb} MB)"
    );
    // The zones import takes a reader, whose size is unknown: it reads at most the limit.
    let reader = std::fs::File::open(&path).expect("open");
    let err = raccordo::Store::open(dir.path().join("db.sqlite"))
        .expect("db")
        .write(|tx| {
            territory::import_zones(
                tx,
                reader,
                "enorme.csv",
                chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
                true,
            )
        })
        .expect_err("zones refuse it too");
    assert!(
        message(err).contains("troppo grande"),
        "zones name the size limit"
    );
}

/// Millions of lines, each costing the readers nothing: memory must not grow per line (a table
/// of line starts, or one string per line, would cost hundreds of MB here and gigabytes at the
/// 50 MB size limit).
fn four_million_blank_lines() {
    const BLANK: usize = 4_000_000;
    let mut input = b"Nome;Cognome\nMario;Rossi\n".to_vec();
    input.resize(input.len() + BLANK, b'\n');
    input.extend(b"Anna;Bianchi\n");
    let p = csv_contacts::preview(&input).expect("blank lines are skipped");
    assert_eq!(p.total_rows, 2, "two data rows");
    let r = csv_contacts::read(&input, &p.suggested).expect("read");
    assert_eq!(
        r.records.iter().map(|r| r.source_line).collect::<Vec<_>>(),
        vec![2, BLANK as u32 + 3],
        "line numbers count the blank lines"
    );
    let m = message(vcard::read(&input).expect_err("no card"));
    assert!(m.contains("BEGIN:VCARD"), "vcard explains: {m}");
}

fn folded_vcard_line() {
    // One NOTE folded over a million physical lines (4 MB).
    let mut input = String::from("BEGIN:VCARD\nVERSION:3.0\nFN:Anna Bianchi\nNOTE:");
    for _ in 0..1_000_000 {
        input.push_str("ab\n ");
    }
    input.push_str("fine\nEND:VCARD\n");
    let r = vcard::read(input.as_bytes()).expect("a folded line is unfolded");
    assert_eq!(r.records.len(), 1, "one card");
    let note = r.records[0].notes.as_deref().expect("note");
    assert_eq!(note.len(), 2 * 1_000_000 + 4, "the whole note is kept");
}

fn hundred_thousand_cards() {
    let mut input = String::with_capacity(100_000 * 120);
    for i in 0..100_000 {
        write!(
            input,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Rossi{i};Mario;;;\r\nEMAIL:m{i}@x.it\r\n\
             TEL:055 {i}\r\nEND:VCARD\r\n"
        )
        .expect("write");
    }
    let r = vcard::read(input.as_bytes()).expect("100 000 cards are read");
    assert_eq!(r.records.len(), 100_000, "every card read");
    assert!(r.issues.is_empty(), "no issues");
}

fn zones_million_rows() {
    let mut input = String::from("istat_code;zona\n");
    for _ in 0..1_000_000 {
        input.push_str("048017;Firenze\n");
    }
    let m = message(territory::parse_zone_rows(input.as_bytes(), "zone.csv").expect_err("refused"));
    assert!(
        m.contains("più di 10000 righe") && m.contains("zone.csv"),
        "the message names the row limit and the file: {m}"
    );
}

#[test]
fn csv_with_a_million_rows_is_refused_in_bounded_memory() {
    measure("csv_million_rows");
}

#[test]
fn ten_megabyte_line_is_refused_in_bounded_memory() {
    measure("ten_mb_line");
}

#[test]
fn sixty_megabyte_file_is_refused_without_reading_it() {
    measure("sixty_mb_file");
}

#[test]
fn four_million_blank_lines_stay_bounded() {
    measure("four_million_blank_lines");
}

#[test]
fn deeply_folded_vcard_line_is_read_in_bounded_memory() {
    measure("folded_vcard_line");
}

#[test]
fn hundred_thousand_vcards_are_read_in_bounded_memory() {
    measure("hundred_thousand_cards");
}

#[test]
fn zones_file_with_a_million_rows_is_refused() {
    measure("zones_million_rows");
}
