//! Rendering a verbale (issue 5): a typical one (20 attendees, 5 agenda items) and a regional
//! conference (300 attendees) to PDF, PDF/A-2b and DOCX, with the realistic Italian fixture of
//! the tests. A table with median and p95 against the budget is printed at the end.
//!
//! Budget (DESIGN.md, issue 5): a verbale's PDF in < 1 s.
//!
//! Run: `cargo bench -p raccordo --bench minutes` (add `-- --quick` for a shorter run).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use raccordo::minutes::{render, Format, MinutesDocument, Options};

#[allow(dead_code)]
#[path = "../tests/it/common/minutes.rs"]
mod fixture;

const BUDGET: Duration = Duration::from_secs(1);

fn cases() -> Vec<(&'static str, MinutesDocument, Format)> {
    let typical = fixture::verbale(20, 5);
    let regional = fixture::verbale(300, 5);
    vec![
        (
            "typical_20x5/pdf",
            typical.clone(),
            Format::Pdf { pdfa: false },
        ),
        (
            "typical_20x5/pdfa",
            typical.clone(),
            Format::Pdf { pdfa: true },
        ),
        ("typical_20x5/docx", typical, Format::Docx),
        (
            "regional_300x5/pdf",
            regional.clone(),
            Format::Pdf { pdfa: false },
        ),
        (
            "regional_300x5/pdfa",
            regional.clone(),
            Format::Pdf { pdfa: true },
        ),
        ("regional_300x5/docx", regional, Format::Docx),
    ]
}

fn once(doc: &MinutesDocument, f: Format) -> usize {
    render(doc, f, &Options::default())
        .map(|b| b.len())
        .unwrap_or_else(|e| panic!("render: {e:?}"))
}

fn main() {
    let t = Instant::now();
    let first = once(&fixture::verbale(20, 5), Format::Pdf { pdfa: false });
    println!(
        "first PDF (fonts parsed, template compiled): {:.1?}, {first} bytes",
        t.elapsed()
    );
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (name, doc, f) in cases() {
        c.bench_function(&format!("minutes/{name}"), |b| {
            b.iter(|| black_box(once(&doc, f)))
        });
    }
    c.final_summary();

    println!("\nminutes rendering (20 runs each; budget: PDF < 1 s):");
    println!(
        "{:<24} {:>10} {:>10} {:>10} {:>10}",
        "case", "median", "p95", "size", "budget"
    );
    for (name, doc, f) in cases() {
        let mut size = 0;
        let mut times: Vec<Duration> = (0..20)
            .map(|_| {
                let t = Instant::now();
                size = black_box(once(&doc, f));
                t.elapsed()
            })
            .collect();
        times.sort();
        let (median, p95) = (times[10], times[19]);
        let verdict = match f {
            Format::Pdf { .. } if p95 < BUDGET => "< 1 s".to_owned(),
            Format::Pdf { .. } => "OVER 1 s".to_owned(),
            _ => String::new(),
        };
        println!(
            "{name:<24} {:>8.1}ms {:>8.1}ms {:>8}kB {verdict:>10}",
            median.as_secs_f64() * 1e3,
            p95.as_secs_f64() * 1e3,
            size / 1024
        );
    }
}
