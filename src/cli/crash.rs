//! `raccordo internal crash-writer`: the child process of the crash harness (`tests/it/crash.rs`),
//! hidden from `--help`.
//!
//! Contract: opens the database with [`Store::open`] (the normal path) and performs random
//! writes through the core contacts API (create a person, or update one it knows), each in one
//! transaction. Only after `Store::write` has returned, i.e. after COMMIT, it prints and flushes
//! one acknowledgement line per write:
//!
//! `ack <person id> <run> <seq> <hash>` where `hash` is FNV-1a (hex) of
//! `given_name|family_name|notes` as written. Every person it writes has `given_name` =
//! `Crash<run>-<seq>`, `family_name` = `Prova`, `notes` = `run=<run>;seq=<seq>;x=<random>`, so
//! a row is self-describing and a torn write is detectable. It runs until killed, until
//! `--max` writes, or until its stdout is closed.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;
use raccordo::contacts::{self, PersonInput};
use raccordo::Store;

use super::Failure;

#[derive(Debug, Subcommand)]
pub enum InternalCommand {
    /// Scritture casuali con conferma dopo il COMMIT (per il test dei crash)
    CrashWriter {
        /// Seme del generatore casuale
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Numero della sessione (distingue le scritture di sessioni diverse)
        #[arg(long, default_value_t = 0)]
        run: u64,
        /// Numero massimo di scritture
        #[arg(long, default_value_t = 1_000_000)]
        max: u64,
    },
}

/// A tiny xorshift64* generator (deterministic per seed; no crate needed).
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// FNV-1a 64 of `given|family|notes`.
pub fn content_hash(given: &str, family: &str, notes: &str) -> u64 {
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

pub fn run(db: &Path, command: InternalCommand) -> Result<ExitCode, Failure> {
    let InternalCommand::CrashWriter { seed, run, max } = command;
    let store = Store::open(db)?;
    let mut rng = XorShift::new(seed);
    let mut known: Vec<i64> = store.read(|c| {
        let mut stmt = c.prepare("SELECT id FROM person WHERE family_name = 'Prova'")?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<Vec<i64>>>()?)
    })?;
    let stdout = std::io::stdout();
    for seq in 1..=max {
        let input = PersonInput {
            given_name: format!("Crash{run}-{seq}"),
            family_name: "Prova".to_owned(),
            notes: format!("run={run};seq={seq};x={:x}", rng.next()),
            ..PersonInput::default()
        };
        let update = !known.is_empty() && !rng.next().is_multiple_of(3);
        let id = if update {
            let id = known[(rng.next() % known.len() as u64) as usize];
            store
                .write(|tx| contacts::update_person(tx, id, &input))?
                .id
        } else {
            let id = store.write(|tx| contacts::create_person(tx, &input))?.id;
            known.push(id);
            id
        };
        // Committed: acknowledge.
        let hash = content_hash(&input.given_name, &input.family_name, &input.notes);
        let mut lock = stdout.lock();
        let acked = writeln!(lock, "ack {id} {run} {seq} {hash:016x}").and_then(|()| lock.flush());
        if acked.is_err() {
            // The reader went away: stop quietly.
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}
