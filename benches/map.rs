//! The map of Tuscany: the core part of opening the map (criterion) — building the model from the
//! embedded GeoJSON (done once per process), the cached read, serialising it to the JSON the
//! desktop sends over IPC, and the statuses of the 273 comuni on a `demo` database
//! (`sai::comune_views` + JSON, the other IPC call of the map view) — then a table of medians and
//! p95 against the 300 ms budget of opening the map (the UI part is timed by the end-to-end test
//! `13-sai`).
//!
//! Run: `cargo bench -p raccordo --bench map` (a few seconds).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use raccordo::territory::{self, map};
use raccordo::{demo, sai, Store};

/// Budget of opening the map, core and UI together.
const BUDGET: Duration = Duration::from_millis(300);

fn build() -> usize {
    map::build_map(map::BOUNDARIES)
        .map(|m| m.comuni.len())
        .unwrap_or(0)
}

fn cached() -> usize {
    territory::tuscany_map()
        .map(|m| m.comuni.len())
        .unwrap_or(0)
}

fn to_json() -> usize {
    territory::tuscany_map()
        .ok()
        .and_then(|m| serde_json::to_string(m).ok())
        .map(|s| s.len())
        .unwrap_or(0)
}

/// The map view's statuses call on the bench database: views of the 273 comuni as JSON.
fn statuses(store: &Store) -> usize {
    store
        .read(|c| sai::comune_views(c, raccordo::time::today_rome()))
        .ok()
        .and_then(|v| serde_json::to_string(&v).ok())
        .map(|s| s.len())
        .unwrap_or(0)
}

/// A measured step: name and the work (returns a size so nothing is optimised away).
type Step = (&'static str, fn() -> usize);

/// Median and p95 of `f` over `n` runs.
fn timings(n: usize, f: fn() -> usize) -> (Duration, Duration) {
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

fn main() {
    let cases: [Step; 3] = [
        ("map/build_from_geojson", build),
        ("map/cached", cached),
        ("map/serialise_ipc_json", to_json),
    ];
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for (name, f) in cases {
        c.bench_function(name, |b| b.iter(|| black_box(f())));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("bench.sqlite")).expect("open bench database");
    let report = store.write(|tx| demo::generate(tx, 1)).expect("demo data");
    c.bench_function("map/sai_statuses_demo", |b| {
        b.iter(|| black_box(statuses(&store)))
    });
    c.final_summary();

    let bytes = to_json();
    println!(
        "\nmap of Tuscany: 273 comuni, IPC payload {} KB",
        bytes / 1024
    );
    println!(
        "{:<28} {:>12} {:>12} {:>10}",
        "step", "median", "p95", "budget"
    );
    for (name, f) in cases {
        let (median, p95) = timings(50, f);
        println!(
            "{name:<28} {:>12.2?} {:>12.2?} {:>10.0?}",
            median, p95, BUDGET
        );
    }
    let mut times: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            black_box(statuses(&store));
            t.elapsed()
        })
        .collect();
    times.sort();
    let (st_median, st_p95) = (times[25], times[47]);
    println!(
        "{:<28} {:>12.2?} {:>12.2?} {:>10.0?}   ({} demo survey records)",
        "map/sai_statuses_demo", st_median, st_p95, BUDGET, report.sai_records
    );
    let (first, _) = timings(1, build);
    let (json, _) = timings(20, to_json);
    let core = first + json + st_median;
    println!(
        "first open, core part (build + serialise + statuses): {core:.2?} = {:.0}% of the \
         {BUDGET:.0?} budget",
        core.as_secs_f64() / BUDGET.as_secs_f64() * 100.0
    );
}
