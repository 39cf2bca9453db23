//! Synthetic follow-up actions for `demo` (see the contract in `demo`): 10,000 × scale actions
//! over the year before and the months after the anchor date, most decided in a demo meeting
//! that was held (due 2–8 weeks after it, about the meeting's comuni), the rest created directly;
//! statuses follow the due date (long past: mostly completed, some cancelled, some still open —
//! overdue —; near or future: open, in progress or waiting), each with its dated history and
//! notes; owners are the coordinator, a demo person or nobody. Pisa (050026) always has four
//! actions from the meeting with its mayor a month ago: two overdue, one in progress, one done.
//!
//! Written with prepared statements in the caller's transaction. Demo actions are recognised by
//! their description ending [`DEMO_MARK`]; the same scale and anchor date give the same rows.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Transaction};

use super::people::Rng;
use crate::error::Result;
use crate::time;

/// The end of every demo action's description.
pub const DEMO_MARK: &str = "Azione dimostrativa (dati sintetici).";

/// Actions per unit of scale (scale 10: 100,000).
const PER_SCALE: u32 = 10_000;

const PISA: &str = "050026";

const WHAT: &[&str] = &[
    "Inviare la scheda del progetto SAI",
    "Trasmettere la bozza di delibera di adesione",
    "Verificare la disponibilità di alloggi",
    "Convocare i servizi sociali della zona",
    "Chiedere alla Prefettura i dati sulle presenze",
    "Organizzare un incontro con la Giunta",
    "Raccogliere le manifestazioni di interesse",
    "Preparare la relazione per la conferenza zonale",
    "Condividere il verbale con gli uffici",
    "Verificare i requisiti del bando FNPSA",
    "Mettere in contatto con l'ente gestore",
    "Aggiornare la ricognizione SAI",
    "Fissare un sopralluogo",
    "Inviare i riferimenti della rete SAI",
];

const WHO: &[&str] = &[
    "al Comune di",
    "per il Comune di",
    "con il Comune di",
    "a",
    "per",
];

const NOTES: &[&str] = &[
    "Sentito l'ufficio servizi sociali.",
    "In attesa della risposta del Sindaco.",
    "Documentazione inviata via PEC.",
    "Rinviato alla prossima conferenza zonale.",
    "L'ente gestore ha dato disponibilità.",
    "Serve il parere della Giunta.",
    "",
];

/// What was written.
pub struct ActionsReport {
    pub actions: u32,
}

/// Refuses when actions not created by the demo exist.
pub fn check_no_real_actions(tx: &Transaction) -> Result<()> {
    let real: i64 = tx.query_row(
        "SELECT count(*) FROM action WHERE description NOT LIKE '%' || ?1",
        [DEMO_MARK],
        |r| r.get(0),
    )?;
    super::refuse_real(real, "azioni inserite")
}

/// Removes the actions of a previous demo run.
pub fn clear(tx: &Transaction) -> Result<()> {
    tx.execute(
        "DELETE FROM action WHERE description LIKE '%' || ?1",
        [DEMO_MARK],
    )?;
    Ok(())
}

struct Held {
    id: i64,
    day: NaiveDate,
    comuni: Vec<String>,
}

/// Writes the demo actions (see the module contract).
pub fn generate(tx: &Transaction, scale: u32, today: NaiveDate) -> Result<ActionsReport> {
    let mut rng = Rng(0x5EED_AC71_0000_0000 ^ u64::from(scale));
    let comuni: Vec<(String, String)> = {
        let mut s = tx.prepare("SELECT istat_code, name FROM comune ORDER BY istat_code")?;
        let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let people: Vec<i64> = {
        let mut s = tx.prepare("SELECT id FROM person ORDER BY id")?;
        let rows = s.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let held = held_meetings(tx, today)?;
    let mut w = Writer::new(tx, today)?;
    let total = PER_SCALE * scale;
    // Pisa's four, from the meeting with its mayor a month ago.
    let pisa_meeting: Option<i64> = tx
        .query_row(
            "SELECT id FROM meeting WHERE uid = 'demo-featured-1' || ?1",
            [super::MEETING_UID_SUFFIX],
            |r| r.get(0),
        )
        .ok();
    let featured: [(&str, i64, &str, &str); 4] = [
        (
            "Trasmettere al Comune di Pisa la scheda del progetto SAI",
            -10,
            "open",
            "",
        ),
        (
            "Convocare i servizi sociali della Zona Pisana",
            -3,
            "waiting",
            "In attesa delle date dagli uffici.",
        ),
        (
            "Preparare con gli uffici la delibera di adesione alla rete SAI",
            20,
            "in_progress",
            "Bozza condivisa con il Segretario comunale.",
        ),
        (
            "Verificare con la Prefettura di Pisa i posti disponibili",
            -15,
            "done",
            "Dati ricevuti dalla Prefettura.",
        ),
    ];
    let meeting_day = today - Duration::days(30);
    for (title, due, status, note) in featured {
        w.write(
            &mut rng,
            &Draft {
                title: title.to_owned(),
                meeting: pisa_meeting,
                created: meeting_day + Duration::days(1),
                due: Some(today + Duration::days(due)),
                status,
                note,
                owner: Some(Owner::Coordinator),
                priority: "high",
                comuni: vec![PISA.to_owned()],
            },
        )?;
    }
    for i in 0..total.saturating_sub(4) {
        let from_meeting = !held.is_empty() && rng.below(100) < 65;
        let (meeting, base, comuni_of) = if from_meeting {
            let m = &held[rng.below(held.len() as u64) as usize];
            // One or two comuni of the meeting's territory (its comuni, else its zone's or
            // ASL's), else any.
            let mut c = Vec::new();
            for _ in 0..1 + rng.below(2) {
                let pick = if m.comuni.is_empty() {
                    comuni[rng.below(comuni.len() as u64) as usize].0.clone()
                } else {
                    m.comuni[rng.below(m.comuni.len() as u64) as usize].clone()
                };
                if !c.contains(&pick) {
                    c.push(pick);
                }
            }
            (Some(m.id), m.day, c)
        } else {
            let c = comuni[rng.below(comuni.len() as u64) as usize].0.clone();
            (None, today - Duration::days(rng.below(365) as i64), vec![c])
        };
        let due = (rng.below(10) != 0).then(|| base + Duration::days(14 + rng.below(42) as i64));
        let status = match due.map(|d| (today - d).num_days()) {
            Some(late) if late > 30 => match rng.below(100) {
                0..=69 => "done",
                70..=76 => "cancelled",
                77..=84 => "waiting",
                _ => "open",
            },
            Some(late) if late > 0 => match rng.below(100) {
                0..=44 => "done",
                45..=49 => "cancelled",
                50..=69 => "in_progress",
                _ => "open",
            },
            _ => match rng.below(100) {
                0..=14 => "done",
                15..=44 => "in_progress",
                45..=59 => "waiting",
                _ => "open",
            },
        };
        let name = comuni
            .iter()
            .find(|(c, _)| *c == comuni_of[0])
            .map(|(_, n)| n.as_str())
            .unwrap_or("");
        let owner = match rng.below(10) {
            0 => None,
            1..=4 => Some(Owner::Coordinator),
            _ if !people.is_empty() => Some(Owner::Person(
                people[rng.below(people.len() as u64) as usize],
            )),
            _ => Some(Owner::Coordinator),
        };
        let title = format!(
            "{} {} {name}",
            WHAT[(i as usize) % WHAT.len()],
            rng.pick(WHO)
        );
        let note = rng.pick(NOTES);
        let priority = ["high", "normal", "normal", "normal", "low"][rng.below(5) as usize];
        w.write(
            &mut rng,
            &Draft {
                title,
                meeting,
                created: base + Duration::days(1),
                due,
                status,
                note,
                owner,
                priority,
                comuni: comuni_of,
            },
        )?;
    }
    derive_areas(tx, today)?;
    Ok(ActionsReport { actions: w.count })
}

fn held_meetings(tx: &Transaction, today: NaiveDate) -> Result<Vec<Held>> {
    let until = format!("{today}T00:00:00Z");
    let mut s = tx.prepare(
        "SELECT m.id, m.starts_at,
                coalesce(
                    (SELECT group_concat(istat_code) FROM meeting_comune mc
                     WHERE mc.meeting_id = m.id),
                    (SELECT group_concat(istat_code) FROM (SELECT cz.istat_code FROM comune_zone cz
                     WHERE cz.zone_id = m.filter_zone_id ORDER BY cz.istat_code)),
                    (SELECT group_concat(istat_code) FROM (SELECT c.istat_code FROM comune c
                     WHERE c.asl_code = m.filter_asl ORDER BY c.istat_code)))
         FROM meeting m
         WHERE m.uid LIKE '%' || ?1 AND m.status = 'held' AND m.starts_at < ?2
         ORDER BY m.id",
    )?;
    let rows = s.query_map(params![super::MEETING_UID_SUFFIX, until], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, starts, comuni) = row?;
        out.push(Held {
            id,
            day: time::utc_to_rome(time::parse_instant(&starts)?).date(),
            comuni: comuni
                .map(|c| c.split(',').map(str::to_owned).collect())
                .unwrap_or_default(),
        });
    }
    Ok(out)
}

enum Owner {
    Coordinator,
    Person(i64),
}

struct Draft<'a> {
    title: String,
    meeting: Option<i64>,
    created: NaiveDate,
    due: Option<NaiveDate>,
    status: &'a str,
    note: &'a str,
    owner: Option<Owner>,
    priority: &'a str,
    comuni: Vec<String>,
}

struct Writer<'t> {
    action: rusqlite::Statement<'t>,
    change: rusqlite::Statement<'t>,
    comune: rusqlite::Statement<'t>,
    today: NaiveDate,
    count: u32,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t Transaction, today: NaiveDate) -> Result<Self> {
        Ok(Writer {
            action: tx.prepare(
                "INSERT INTO action (title, title_folded, description, owner_kind,
                     owner_person_id, due_date, status, priority, meeting_id, created_at,
                     updated_at, closed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?,
            change: tx.prepare(
                "INSERT INTO action_status_change (action_id, status, changed_at, note)
                 VALUES (?1, ?2, ?3, ?4)",
            )?,
            comune: tx.prepare(
                "INSERT OR IGNORE INTO action_comune (action_id, istat_code) VALUES (?1, ?2)",
            )?,
            today,
            count: 0,
        })
    }

    fn write(&mut self, rng: &mut Rng, d: &Draft) -> Result<()> {
        let created = stamp(d.created.min(self.today), 9 + rng.below(8) as u32);
        let changed_day = match d.due {
            Some(due) if d.status == "done" || d.status == "cancelled" => {
                d.created.max(due - Duration::days(rng.below(10) as i64))
            }
            Some(due) => d
                .created
                .max(due - Duration::days(7 + rng.below(20) as i64)),
            None => d.created + Duration::days(rng.below(20) as i64),
        };
        // History never lies in the future.
        let changed = stamp(changed_day.min(self.today).max(d.created), 17);
        let closed = matches!(d.status, "done" | "cancelled").then(|| changed.clone());
        let (kind, person) = match d.owner {
            None => ("none", None),
            Some(Owner::Coordinator) => ("coordinator", None),
            Some(Owner::Person(p)) => ("person", Some(p)),
        };
        let updated = if d.status == "open" {
            &created
        } else {
            &changed
        };
        let id = self.action.insert(params![
            d.title,
            crate::text::fold(&d.title),
            format!("Deciso nel corso dell'incontro. {DEMO_MARK}"),
            kind,
            person,
            d.due.map(|x| x.to_string()),
            d.status,
            d.priority,
            d.meeting,
            created,
            updated,
            closed,
        ])?;
        self.change.execute(params![id, "open", created, ""])?;
        if d.status != "open" {
            self.change
                .execute(params![id, d.status, changed, d.note])?;
        }
        for c in &d.comuni {
            self.comune.execute(params![id, c])?;
        }
        self.count += 1;
        Ok(())
    }
}

fn stamp(day: NaiveDate, hour: u32) -> String {
    let local = day.and_hms_opt(hour, 0, 0).unwrap_or_default();
    time::rome_to_utc("demo", local)
        .map(time::instant_iso)
        .unwrap_or_else(|_| format!("{day}T{hour:02}:00:00Z"))
}

/// The ASL/zone rows of every demo action (what `actions::store` derives at each write).
fn derive_areas(tx: &Transaction, today: NaiveDate) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO action_area (action_id, asl_code, zone_id)
         SELECT ac.action_id, c.asl_code, coalesce((SELECT cz.zone_id FROM comune_zone cz
                 WHERE cz.istat_code = c.istat_code AND cz.valid_from <= ?1
                   AND coalesce(cz.valid_to, '9999-12-31') >= ?1
                 ORDER BY cz.valid_from DESC LIMIT 1), 0)
         FROM action_comune ac JOIN comune c ON c.istat_code = ac.istat_code",
        [today.to_string()],
    )?;
    Ok(())
}
