//! Synthetic SAI survey for `raccordo demo` (called by [`crate::demo::generate_on`]).
//!
//! Contract: every record written is flagged `synthetic = 1`, its changes carry the source text
//! [`DEMO_SOURCE`] and the ente attuatore names end with "(dati sintetici)". [`check_no_real`]
//! refuses a database holding survey records not written by the demo; [`generate`] replaces the
//! demo's previous records. The same `today` always gives the same survey: about 60 % of the
//! comuni surveyed (larger comuni more often, and more often with a project), half of the
//! demo's Unioni and under a third of its SdS, each with a plausible dated path of 1–4 steps over the
//! two years before `today`, places for the enti with a project and a next step with a due date
//! for those still on the way. Plausible, NOT real data.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Transaction};

use crate::error::{Error, Result};
use crate::sai::types::{SaiPlaces, SaiStatus};
use crate::territory::iso;
use crate::time;

/// Source text of every synthetic status change.
pub const DEMO_SOURCE: &str = "demo (dati sintetici)";

/// Refuses when the database holds survey records entered by the user.
pub fn check_no_real(tx: &Transaction) -> Result<()> {
    let real: i64 = tx.query_row(
        "SELECT count(*) FROM sai_survey WHERE synthetic = 0",
        [],
        |r| r.get(0),
    )?;
    if real == 0 {
        return Ok(());
    }
    Err(Error::invalid(
        "demo",
        format!(
            "Il database contiene già {real} schede di ricognizione SAI inserite dall'utente: i \
             dati dimostrativi non vengono mescolati ai dati reali. Usa un database nuovo (--db FILE)."
        ),
    ))
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The path an ente took to reach `last` (statuses in order).
fn path_to(last: SaiStatus, rng: &mut Rng) -> Vec<SaiStatus> {
    use SaiStatus::*;
    let full = [
        Informed,
        Interested,
        Evaluating,
        DeliberationAdopted,
        ApplicationSubmitted,
        Active,
        Expanding,
    ];
    match last {
        NotEngaged => vec![NotEngaged],
        Declined => {
            let upto = 1 + rng.below(3) as usize;
            full[..upto].iter().copied().chain([Declined]).collect()
        }
        _ => {
            let end = full.iter().position(|s| *s == last).unwrap_or(0);
            let start = end.saturating_sub(1 + rng.below(3) as usize);
            full[start..=end].to_vec()
        }
    }
}

/// Writes the synthetic survey (see module contract); returns how many records.
pub fn generate(tx: &Transaction, today: NaiveDate) -> Result<u32> {
    tx.execute("DELETE FROM sai_survey WHERE synthetic = 1", [])?;
    let mut enti: Vec<(i64, String, String, i64)> = Vec::new();
    {
        let mut stmt = tx.prepare(
            "SELECT o.id, o.kind, o.name, coalesce(c.population, 0) FROM organisation o
             LEFT JOIN comune c ON c.istat_code = o.istat_code
             WHERE o.kind IN ('comune', 'unione', 'sds') ORDER BY o.kind, o.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        for row in rows {
            enti.push(row?);
        }
    }
    let mut rng = Rng(0x5A1_u64 ^ (today.num_days_from_ce_u64() << 17));
    let now = time::now_utc();
    let mut written = 0u32;
    for (org_id, kind, name, population) in enti {
        let roll = rng.below(100);
        let (surveyed, project_bias) = match kind.as_str() {
            "comune" => (
                roll < 45 + (population / 4000).min(50) as u64,
                population > 15_000,
            ),
            "unione" => (roll < 50, rng.below(2) == 0),
            _ => (roll < 30, false),
        };
        if !surveyed {
            continue;
        }
        let pick = rng.below(100) + if project_bias { 20 } else { 0 };
        let last = match pick {
            0..=11 => SaiStatus::NotEngaged,
            12..=27 => SaiStatus::Informed,
            28..=41 => SaiStatus::Interested,
            42..=54 => SaiStatus::Evaluating,
            55..=63 => SaiStatus::DeliberationAdopted,
            64..=71 => SaiStatus::ApplicationSubmitted,
            72..=81 => SaiStatus::Declined,
            82..=112 => SaiStatus::Active,
            _ => SaiStatus::Expanding,
        };
        let steps = path_to(last, &mut rng);
        let mut day = today - Duration::days(200 + rng.below(500) as i64);
        let mut dated = Vec::with_capacity(steps.len());
        for s in &steps {
            dated.push((*s, day));
            day = (day + Duration::days(30 + rng.below(120) as i64)).min(today);
        }
        let since = dated.last().map_or(today, |d| d.1);
        let places = if last.has_project() {
            let base = (population / 2500).clamp(6, 120) + rng.below(10) as i64;
            SaiPlaces {
                ordinari: if kind == "comune" { base } else { base * 2 },
                dm_ds: if rng.below(3) == 0 {
                    2 + rng.below(6) as i64
                } else {
                    0
                },
                msna: if rng.below(2) == 0 {
                    4 + rng.below(12) as i64
                } else {
                    0
                },
            }
        } else {
            SaiPlaces::default()
        };
        let (start, end) = if last.has_project() {
            let start = NaiveDate::from_ymd_opt(2023 + rng.below(3) as i32, 1, 1).unwrap_or(today);
            let end = NaiveDate::from_ymd_opt(time_year(start) + 2, 12, 31).unwrap_or(today);
            (Some(start), Some(end))
        } else {
            (None, None)
        };
        let (next_step, due) = match last {
            SaiStatus::Informed | SaiStatus::Interested => (
                "Incontro con la giunta per presentare il SAI",
                Some(today + Duration::days(10 + rng.below(60) as i64)),
            ),
            SaiStatus::Evaluating => (
                "Proposta di delibera di adesione",
                Some(today + Duration::days(20 + rng.below(90) as i64)),
            ),
            SaiStatus::DeliberationAdopted => (
                "Presentazione della domanda di finanziamento",
                Some(today + Duration::days(15 + rng.below(60) as i64)),
            ),
            SaiStatus::ApplicationSubmitted => ("Attesa del decreto di finanziamento", None),
            SaiStatus::Expanding => (
                "Verifica dei posti aggiuntivi richiesti",
                Some(today + Duration::days(30 + rng.below(90) as i64)),
            ),
            _ => ("", None),
        };
        let gestore = if last.has_project() {
            format!(
                "Cooperativa sociale Esempio {} (dati sintetici)",
                1 + rng.below(12)
            )
        } else {
            String::new()
        };
        let titolare = if last.has_project() {
            name
        } else {
            String::new()
        };
        tx.execute(
            "INSERT INTO sai_survey (org_id, status, status_since, titolare, gestore,
                 places_ordinari, places_dm_ds, places_msna, funding_start, funding_end, triennial,
                 next_step, next_step_due, notes, synthetic, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, ?15, ?15)",
            params![
                org_id,
                last,
                iso(since),
                titolare,
                gestore,
                places.ordinari,
                places.dm_ds,
                places.msna,
                start.map(iso),
                end.map(iso),
                start.is_some(),
                next_step,
                due.map(iso),
                "Scheda dimostrativa (dati sintetici).",
                now
            ],
        )?;
        let survey = tx.last_insert_rowid();
        for (status, on) in dated {
            tx.execute(
                "INSERT INTO sai_status_change (survey_id, status, on_date, note, source_text,
                     recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    survey,
                    status,
                    iso(on),
                    format!("Stato «{}» (dato dimostrativo)", status.label()),
                    DEMO_SOURCE,
                    now
                ],
            )?;
        }
        written += 1;
    }
    Ok(written)
}

fn time_year(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    d.year()
}

/// Days since the common era as u64 (for seeding).
trait DaysU64 {
    fn num_days_from_ce_u64(&self) -> u64;
}

impl DaysU64 for NaiveDate {
    fn num_days_from_ce_u64(&self) -> u64 {
        use chrono::Datelike;
        u64::try_from(self.num_days_from_ce()).unwrap_or(0)
    }
}
