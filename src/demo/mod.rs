//! Synthetic demonstration data.
//!
//! Contract of [`generate`]:
//! - Everything it writes is CLEARLY LABELLED synthetic: zone memberships carry `synthetic = 1`
//!   and source [`SYNTHETIC_SOURCE`] ("demo (dati sintetici)"); the UI shows a warning while any
//!   synthetic membership is valid.
//! - It refuses (validation error) when the database holds any membership that is not synthetic:
//!   demo data never mixes with real data. Run again, it replaces its own previous output.
//! - Zone membership: every comune is put in a zone of its own ASL, the zone whose "seed" comuni
//!   (the zone's main towns, listed below) are geographically nearest (centroids of the embedded
//!   ISTAT/openpolis boundaries). Plausible, NOT the official composition. The zone template is
//!   then marked confirmed.
//! - `scale` (1–1000) is the volume multiplier that later generators (people, meetings, actions)
//!   use; the territory part does not depend on it.
//! - People ([`DEMO_SOURCE`] as data source, tag `demo`, e-mails at `esempio.it`): for every
//!   comune a sindaco and an assessore al sociale (every third comune also a past sindaco with an
//!   end date), one SdS (organisation "SdS <zone>") with a director per confirmed zone, a prefetto
//!   per prefettura, then extra contacts (referenti, funzionari, some without office) up to about
//!   2,000 × `scale` people. Names come from built-in lists through a seeded xorshift generator:
//!   the same scale always gives the same people. It refuses when the database holds people not
//!   created by the demo, and replaces its own previous people.
//! - Bodies ([`DEMO_ORG_NOTE`] in their notes): 17 Unioni dei Comuni named after real ones with
//!   plausible (NOT official) members from 2024, and one "Conferenza zonale dei sindaci"
//!   organisation per zone whose president is the demo mayor of the zone's largest comune.
//! - Meetings (UID suffix [`MEETING_UID_SUFFIX`], description ending "Incontro dimostrativo (dati
//!   sintetici)."): 1,000 × `scale` over the year before and the year after `today` (working
//!   days, office hours): every kind with its proper scope, invitations proposed for the scope on
//!   the meeting's date, past ones mostly held with attendance (present, excused, absent,
//!   delegated to the assessore or to a named person), a few postponed or cancelled, future ones
//!   planned or confirmed, each with its dated status history and agenda; a monthly "Direttori
//!   SdS" series per ASL with its August occurrences removed and one moved; the Sindaco di Pisa
//!   met a month before and two weeks after `today`. The same scale and `today` give the same
//!   meetings ([`generate_on`]). It refuses when the database holds meetings not created by the
//!   demo, and replaces its own previous meetings.
//! - Actions (description ending [`ACTION_DEMO_MARK`]): 10,000 × `scale` follow-ups, most decided
//!   in a held demo meeting and concerning its comuni, statuses that follow the due date (some
//!   overdue, most long-past ones completed), dated histories with notes; Pisa (050026) always has
//!   two overdue, one in progress and one completed action from the meeting with its mayor. It
//!   refuses when the database holds actions not created by the demo.
//! - Minutes (closing notes [`MINUTES_DEMO_NOTE`]): a verbale for every demo meeting held in the
//!   90 days before `today`, written through the minutes core — approved (some revised) when
//!   older than two weeks, drafts after; the meeting with the Sindaco di Pisa a month ago always
//!   has an approved one. They go with their meetings.
//! - SAI survey ([`sai`], records flagged synthetic): a plausible ricognizione of
//!   the comuni, Unioni and SdS; refused over survey records entered by the user.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::Serialize;
use serde_json::json;

use crate::audit::{self, AuditAction};
use crate::error::{Error, Result};
use crate::territory::{iso, AslCode, SYNTHETIC_SOURCE};
use crate::text;

mod actions;
mod meetings;
mod minutes;
mod orgs;
mod people;
pub mod sai;
mod words;

pub use actions::DEMO_MARK as ACTION_DEMO_MARK;
pub use meetings::UID_SUFFIX as MEETING_UID_SUFFIX;
pub use minutes::DEMO_NOTE as MINUTES_DEMO_NOTE;
pub use orgs::DEMO_ORG_NOTE;
pub use people::DEMO_SOURCE;

const BOUNDARIES: &str = include_str!("../../assets/territory/toscana-comuni.geojson");

/// Start date of synthetic memberships.
const DEMO_VALID_FROM: (i32, u32, u32) = (2024, 1, 1);

/// Largest accepted scale.
pub const MAX_SCALE: u32 = 1000;

/// Seed comuni of each template zone (by template position, 1-based `sort_order`); `exclusive`
/// zones get only their seeds (the Firenze zone is the city alone).
const ZONE_SEEDS: [(&[&str], bool); 28] = [
    (&["Massa", "Carrara"], false),
    (&["Aulla", "Pontremoli"], false),
    (&["Lucca", "Capannori"], false),
    (&["Castelnuovo di Garfagnana", "Barga"], false),
    (&["Viareggio", "Pietrasanta"], false),
    (&["Pisa", "Cascina"], false),
    (&["Pontedera", "Volterra"], false),
    (&["Livorno", "Collesalvetti"], false),
    (&["Cecina", "Piombino"], false),
    (&["Portoferraio"], false),
    (&["Firenze"], true),
    (&["Sesto Fiorentino", "Scandicci"], false),
    (&["Bagno a Ripoli", "Figline e Incisa Valdarno"], false),
    (&["Borgo San Lorenzo", "Firenzuola"], false),
    (&["Empoli", "Castelfiorentino", "San Miniato"], false),
    (&["Prato"], false),
    (&["Pistoia"], false),
    (&["Montecatini Terme"], false),
    (&["Poggibonsi"], false),
    (&["Siena", "Montalcino"], false),
    (&["Montepulciano", "Abbadia San Salvatore"], false),
    (&["Arezzo"], false),
    (&["Bibbiena"], false),
    (&["Sansepolcro"], false),
    (&["Montevarchi"], false),
    (
        &["Cortona", "Castiglion Fiorentino", "Foiano della Chiana"],
        false,
    ),
    (&["Grosseto", "Massa Marittima", "Arcidosso"], false),
    (&["Orbetello", "Pitigliano"], false),
];

/// What [`generate`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoReport {
    pub scale: u32,
    /// Synthetic memberships written (one per comune).
    pub memberships: u32,
    /// Zones newly marked as confirmed.
    pub zones_confirmed: u32,
    /// Synthetic people, roles and organisations (SdS, Unioni, zone conferences) written.
    pub people: u32,
    pub roles: u32,
    pub organisations: u32,
    /// Synthetic meetings, recurring series and invitations written.
    pub meetings: u32,
    pub series: u32,
    pub invitations: u32,
    /// Synthetic follow-up actions written.
    pub actions: u32,
    /// Demo meetings given a verbale (approved or draft).
    pub minutes: u32,
    /// Synthetic SAI survey records (see [`sai`]).
    pub sai_records: u32,
}

/// Fills the database with synthetic data (see module contract), meetings around today.
pub fn generate(tx: &Transaction, scale: u32) -> Result<DemoReport> {
    generate_on(tx, scale, crate::time::today_rome())
}

/// [`generate`] with meetings around `today` (the same scale and date give the same data).
pub fn generate_on(tx: &Transaction, scale: u32, today: NaiveDate) -> Result<DemoReport> {
    if !(1..=MAX_SCALE).contains(&scale) {
        return Err(Error::invalid(
            "scale",
            format!("La scala dei dati dimostrativi deve essere tra 1 e {MAX_SCALE}."),
        ));
    }
    people::check_no_real_people(tx)?;
    let real: i64 = tx.query_row(
        "SELECT count(*) FROM comune_zone WHERE synthetic = 0",
        [],
        |r| r.get(0),
    )?;
    refuse_real(real, "appartenenze a zone inserite")?;
    meetings::check_no_real_meetings(tx)?;
    actions::check_no_real_actions(tx)?;
    sai::check_no_real(tx)?;
    actions::clear(tx)?;
    meetings::clear(tx)?;
    tx.execute("DELETE FROM comune_zone WHERE synthetic = 1", [])?;

    let centroids = centroids()?;
    let comuni = comuni(tx)?;
    let zones = template_zones(tx)?;
    // Seeds: (zone id, zone ASL, centroid, exclusive).
    let mut seeds = Vec::new();
    let mut exclusive_members: HashMap<String, i64> = HashMap::new();
    for (zone_id, sort_order, asl) in &zones {
        let Some((names, exclusive)) = usize::try_from(*sort_order - 1)
            .ok()
            .and_then(|i| ZONE_SEEDS.get(i))
        else {
            continue;
        };
        for name in *names {
            let folded = text::fold(name);
            let Some((code, _)) = comuni.iter().find(|(_, (n, _))| *n == folded) else {
                return Err(Error::Internal(format!(
                    "demo seed comune {name} not found"
                )));
            };
            if *exclusive {
                exclusive_members.insert(code.clone(), *zone_id);
            } else if let Some(c) = centroids.get(code) {
                seeds.push((*zone_id, *asl, *c));
            }
        }
    }
    let valid_from =
        NaiveDate::from_ymd_opt(DEMO_VALID_FROM.0, DEMO_VALID_FROM.1, DEMO_VALID_FROM.2)
            .ok_or_else(|| Error::Internal("demo date".to_owned()))?;
    let mut insert = tx.prepare(
        "INSERT INTO comune_zone (istat_code, zone_id, valid_from, valid_to, source, synthetic)
         VALUES (?1, ?2, ?3, NULL, ?4, 1)",
    )?;
    let mut memberships = 0u32;
    for (code, (_, asl)) in &comuni {
        let zone = exclusive_members.get(code).copied().or_else(|| {
            let here = centroids.get(code)?;
            seeds
                .iter()
                .filter(|(_, seed_asl, _)| seed_asl == asl)
                .min_by(|a, b| distance(here, &a.2).total_cmp(&distance(here, &b.2)))
                .map(|(zone_id, _, _)| *zone_id)
        });
        if let Some(zone_id) = zone {
            insert.execute(params![code, zone_id, iso(valid_from), SYNTHETIC_SOURCE])?;
            memberships += 1;
        }
    }
    let zones_confirmed = tx.execute("UPDATE zone SET confirmed = 1 WHERE confirmed = 0", [])?;
    let bodies = orgs::generate(tx)?;
    let people = people::generate(tx, scale)?;
    let meetings = meetings::generate(tx, scale, today, &bodies.unioni)?;
    let actions = actions::generate(tx, scale, today)?;
    let minutes = minutes::generate(tx, today)?;
    let sai_records = sai::generate(tx, today)?;
    audit::record(
        tx,
        AuditAction::Create,
        "demo",
        None,
        &format!(
            "Generati dati dimostrativi (sintetici), scala {scale}: {memberships} appartenenze a \
             zone, {} incontri, {} azioni",
            meetings.meetings, actions.actions
        ),
        Some(&json!({
            "scale": scale,
            "memberships": memberships,
            "meetings": meetings.meetings,
            "actions": actions.actions
        })),
    )?;
    Ok(DemoReport {
        scale,
        memberships,
        zones_confirmed: u32::try_from(zones_confirmed).unwrap_or(u32::MAX),
        people: people.people,
        roles: people.roles,
        organisations: people.organisations + bodies.created,
        meetings: meetings.meetings,
        series: meetings.series,
        invitations: meetings.invitations,
        actions: actions.actions,
        minutes,
        sai_records,
    })
}

/// Refuses (validation error) when `count` records of `what` (e.g. "persone inserite") were
/// written by the user: demo data never mixes with real data.
fn refuse_real(count: i64, what: &str) -> Result<()> {
    if count == 0 {
        return Ok(());
    }
    Err(Error::invalid(
        "demo",
        format!(
            "Il database contiene già {count} {what} dall'utente: i dati dimostrativi non vengono \
             mescolati ai dati reali. Usa un database nuovo (--db FILE)."
        ),
    ))
}

/// Comuni: ISTAT code → (folded name, ASL), ordered by code.
fn comuni(tx: &Transaction) -> Result<Vec<(String, (String, AslCode))>> {
    let mut stmt =
        tx.prepare("SELECT istat_code, name_folded, asl_code FROM comune ORDER BY istat_code")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Zones: (id, sort_order, ASL).
fn template_zones(tx: &Transaction) -> Result<Vec<(i64, i64, AslCode)>> {
    let mut stmt = tx.prepare("SELECT id, sort_order, asl_code FROM zone ORDER BY sort_order")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Approximate centroid (mean of outer-ring vertices) of each comune, by ISTAT code.
fn centroids() -> Result<HashMap<String, (f64, f64)>> {
    let bad = |what: &str| Error::Internal(format!("embedded boundaries: {what}"));
    let doc: serde_json::Value =
        serde_json::from_str(BOUNDARIES).map_err(|e| bad(&e.to_string()))?;
    let features = doc["features"]
        .as_array()
        .ok_or_else(|| bad("no features"))?;
    let mut out = HashMap::new();
    for f in features {
        let code = f["properties"]["istat_code"]
            .as_str()
            .ok_or_else(|| bad("feature without istat_code"))?;
        let geometry = &f["geometry"];
        let polygons: Vec<&serde_json::Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
        for ring in polygons.iter().filter_map(|p| p.get(0)?.as_array()) {
            for pt in ring {
                if let (Some(x), Some(y)) = (pt[0].as_f64(), pt[1].as_f64()) {
                    sx += x;
                    sy += y;
                    n += 1.0;
                }
            }
        }
        if n > 0.0 {
            out.insert(code.to_owned(), (sx / n, sy / n));
        }
    }
    Ok(out)
}

/// Squared equirectangular distance at Tuscany's latitude (enough to compare).
fn distance(a: &(f64, f64), b: &(f64, f64)) -> f64 {
    let dx = (a.0 - b.0) * 0.73; // cos(43.5°)
    let dy = a.1 - b.1;
    dx * dx + dy * dy
}
