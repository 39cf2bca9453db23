//! Shared by the benches on `demo` data: each query through the core next to the same query in
//! raw rusqlite SQL, measured with criterion, then a table of medians, p95 and ratios.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use raccordo::Store;
use rusqlite::Connection;

/// A benchmarked query: name, the core call, the raw SQL doing the same work; each returns a
/// count so that nothing is optimised away.
pub type Case = (
    &'static str,
    Box<dyn Fn(&Store) -> usize>,
    Box<dyn Fn(&Connection) -> usize>,
);

/// Median and p95 of `f` over `n` runs.
pub fn timings(n: usize, mut f: impl FnMut() -> usize) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[n / 2], times[n * 95 / 100])
}

/// Runs every case under criterion (`group/name` and `raw_sqlite/name`), then prints the table
/// of 100 runs each: median, p95, raw median, ratio, and the budget when `budget` gives one.
pub fn compare(
    group: &str,
    data: &str,
    store: &Store,
    raw: &Connection,
    cases: impl Fn() -> Vec<Case>,
    budget: impl Fn(&str) -> Option<Duration>,
) {
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for (name, core, sql) in cases() {
        c.bench_function(&format!("{group}/{name}"), |b| {
            b.iter(|| black_box(core(store)))
        });
        c.bench_function(&format!("raw_sqlite/{name}"), |b| {
            b.iter(|| black_box(sql(raw)))
        });
    }
    c.final_summary();

    println!("\nraccordo vs raw SQLite (100 runs, {data}):");
    println!(
        "{:<34} {:>12} {:>12} {:>12} {:>8} {:>10}",
        "query", "median", "p95", "raw median", "ratio", "budget"
    );
    for (name, core, sql) in cases() {
        let (a, p95) = timings(100, || core(store));
        let (b, _) = timings(100, || sql(raw));
        let verdict = match budget(name) {
            Some(limit) if p95 <= limit => format!("< {} ms", limit.as_millis()),
            Some(limit) => format!("OVER {} ms", limit.as_millis()),
            None => String::new(),
        };
        println!(
            "{name:<34} {:>10.1}µs {:>10.1}µs {:>10.1}µs {:>7.2}× {verdict:>10}",
            a.as_secs_f64() * 1e6,
            p95.as_secs_f64() * 1e6,
            b.as_secs_f64() * 1e6,
            a.as_secs_f64() / b.as_secs_f64().max(1e-9)
        );
    }
}
