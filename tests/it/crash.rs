//! Crash harness: a child process (`raccordo internal crash-writer`) performs random person
//! writes, one transaction each, and acknowledges each one on stdout only after COMMIT; the
//! parent kills it with SIGKILL at random times, reopens the database with the normal start-up
//! path (`open_checked`), runs `integrity_check`, and checks that every acknowledged commit is
//! present with the acknowledged content (a later, unacknowledged commit to the same person may
//! also be there: it was committed just before the kill).
//!
//! `RACCORDO_CRASH_RUNS` sets the number of kill cycles (default 100, about 15 s in a debug
//! build); `RACCORDO_CRASH_SEED` the seed of the parent's generator. The summary (runs, kills,
//! acknowledged writes, failures, time) is printed to stderr (`--nocapture` to see it).
#![cfg(unix)]

use crate::common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::TempDb;
use raccordo::backup::check;
use raccordo::startup::open_checked;

/// xorshift64* (the same generator as the child's; no crate needed).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// FNV-1a 64 of `given|family|notes`, as the crash writer computes it.
fn content_hash(given: &str, family: &str, notes: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in [given, "|", family, "|", notes]
        .iter()
        .flat_map(|s| s.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// The acknowledged state of one person: the (run, seq) of its last acknowledged write and the
/// hash of what that write stored.
#[derive(Debug, Clone, Copy)]
struct Acked {
    run: u64,
    seq: u64,
    hash: u64,
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Runs one child until it is killed after `delay`, returning its complete acknowledgement lines
/// and whether SIGKILL ended it.
fn one_run(db: &TempDb, seed: u64, run: u64, delay: Duration) -> (Vec<String>, bool) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("raccordo"))
        .env_remove("RACCORDO_DB")
        .arg("--db")
        .arg(&db.path)
        .args(["internal", "crash-writer", "--seed"])
        .arg(seed.to_string())
        .arg("--run")
        .arg(run.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the crash writer");
    let stdout = child.stdout.take().expect("child stdout");
    let reader = std::thread::spawn(move || {
        let mut lines = Vec::new();
        let mut r = BufReader::new(stdout);
        let mut line = String::new();
        // Only complete lines count: the writer prints each acknowledgement in one write.
        while r.read_line(&mut line).is_ok_and(|n| n > 0) {
            if line.ends_with('\n') {
                lines.push(line.trim_end().to_owned());
            }
            line.clear();
        }
        lines
    });
    std::thread::sleep(delay);
    let _ = child.kill(); // SIGKILL on Unix
    let status = child.wait().expect("reap the child");
    let lines = reader.join().expect("reader thread");
    (lines, status.signal() == Some(9))
}

#[test]
fn acknowledged_commits_survive_sigkill() {
    let runs = env_u64("RACCORDO_CRASH_RUNS", 100);
    let mut rng = XorShift(env_u64("RACCORDO_CRASH_SEED", 0x5EED_CAFE) | 1);
    let db = TempDb::new();
    drop(db.open());
    let started = Instant::now();
    let mut expected: HashMap<i64, Acked> = HashMap::new();
    let (mut kills, mut acks, mut unclean, mut later_commits) = (0u64, 0u64, 0u64, 0u64);

    for run in 1..=runs {
        // Mostly mid-write kills; one in eight during the child's start-up.
        let delay = if rng.next().is_multiple_of(8) {
            rng.next() % 25
        } else {
            30 + rng.next() % 150
        };
        let (lines, killed) = one_run(&db, rng.next(), run, Duration::from_millis(delay));
        kills += u64::from(killed);
        for line in &lines {
            let f: Vec<&str> = line.split(' ').collect();
            assert!(
                f.len() == 5 && f[0] == "ack",
                "run {run}: malformed acknowledgement {line:?}"
            );
            let id: i64 = f[1].parse().expect("id");
            let acked = Acked {
                run: f[2].parse().expect("run"),
                seq: f[3].parse().expect("seq"),
                hash: u64::from_str_radix(f[4], 16).expect("hash"),
            };
            expected.insert(id, acked);
            acks += 1;
        }

        let (store, report) = open_checked(&db.path)
            .unwrap_or_else(|e| panic!("run {run}: the database must open after SIGKILL: {e}"));
        unclean += u64::from(report.unclean_shutdown);
        assert!(
            report.recovery.is_none(),
            "run {run}: a SIGKILL must never damage the database: {report:?}"
        );
        let health = check(&db.path).expect("integrity check");
        assert!(
            health.ok,
            "run {run}: integrity_check must pass after SIGKILL: {:?}",
            health.integrity
        );
        let rows: HashMap<i64, (String, String, String)> = store
            .read(|c| {
                let mut stmt = c.prepare(
                    "SELECT id, given_name, family_name, notes FROM person \
                     WHERE family_name = 'Prova'",
                )?;
                let rows =
                    stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?;
                Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
            })
            .expect("read the people");
        let mut seen_later = Vec::new();
        for (id, want) in &expected {
            let (given, family, notes) = rows.get(id).unwrap_or_else(|| {
                panic!("run {run}: acknowledged person {id} is missing ({want:?})")
            });
            let (r, s) = notes
                .split(';')
                .take(2)
                .map(|kv| kv.split_once('=').and_then(|(_, v)| v.parse::<u64>().ok()))
                .collect::<Option<Vec<u64>>>()
                .and_then(|v| Some((*v.first()?, *v.get(1)?)))
                .unwrap_or_else(|| panic!("run {run}: person {id} has foreign notes {notes:?}"));
            assert_eq!(
                given,
                &format!("Crash{r}-{s}"),
                "run {run}: person {id} is torn: name and notes come from different writes"
            );
            assert!(
                (r, s) >= (want.run, want.seq),
                "run {run}: person {id} went back to ({r},{s}), acknowledged ({},{})",
                want.run,
                want.seq
            );
            if (r, s) == (want.run, want.seq) {
                assert_eq!(
                    content_hash(given, family, notes),
                    want.hash,
                    "run {run}: person {id} differs from the acknowledged content"
                );
            } else {
                // Committed just before the kill, never acknowledged: from now on it must stay.
                seen_later.push((
                    *id,
                    Acked {
                        run: r,
                        seq: s,
                        hash: content_hash(given, family, notes),
                    },
                ));
            }
        }
        later_commits += seen_later.len() as u64;
        expected.extend(seen_later);
        drop(store);
    }
    let elapsed = started.elapsed();
    common::figures::report(&format!(
        "crash harness: {runs} runs, {kills} SIGKILLs, {unclean} unclean start-ups checked, \
         {acks} acknowledged writes, {} people verified, {later_commits} committed-but-unacked \
         writes seen, 0 integrity failures, 0 missing, {:.1} s",
        expected.len(),
        elapsed.as_secs_f64()
    ));
    assert!(
        kills * 10 >= runs * 9,
        "most runs must end by SIGKILL (the writer never stops by itself): {kills}/{runs}"
    );
    assert!(
        acks >= runs,
        "the writer must acknowledge writes before it is killed: {acks} in {runs} runs"
    );
}
