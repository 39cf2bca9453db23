//! Synthetic meetings for `demo` (see the contract in `demo`): two years around the anchor date,
//! every kind with its proper scope, invitations from [`propose_invitees`] on each meeting's
//! date, statuses with a dated history, attendance of the meetings held (delegations and absences
//! included), agenda items, and one monthly "Direttori SdS" series per ASL with exceptions.
//!
//! Written with prepared statements inside the caller's transaction (one audit row for the whole
//! demo, not one per meeting). Every value, timestamps included, derives from the scale, the
//! anchor date and a seeded generator: the same inputs give the same rows. Demo meetings and
//! series are recognised by their UID suffix [`UID_SUFFIX`].

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use rusqlite::{params, Statement, Transaction};

use super::people::{Rng, DEMO_SOURCE, FAMILY, GIVEN};
use super::words;
use crate::error::{Error, Result};
use crate::meetings::{propose_invitees, scope, Attendance, MeetingKind, MeetingStatus, Scope};
use crate::time;

/// UID suffix of every demo meeting and series.
pub const UID_SUFFIX: &str = "@demo.raccordo";

/// Meetings per unit of scale (scale 10: 10,000).
const PER_SCALE: u32 = 1000;

/// Relative frequency of each kind among the drawn meetings (same order as `MeetingKind::ALL`).
const WEIGHTS: [u64; 9] = [26, 5, 2, 6, 11, 20, 12, 10, 8];

/// The rule of the monthly directors' meetings (second Tuesday).
const SERIES_RULE: &str = "FREQ=MONTHLY;BYDAY=2TU;COUNT=24";

/// What was written.
pub struct MeetingsReport {
    pub meetings: u32,
    pub series: u32,
    pub invitations: u32,
}

/// Refuses when meetings not created by the demo exist.
pub fn check_no_real_meetings(tx: &Transaction) -> Result<()> {
    let real: i64 = tx.query_row(
        "SELECT count(*) FROM meeting WHERE uid NOT LIKE '%' || ?1",
        [UID_SUFFIX],
        |r| r.get(0),
    )?;
    super::refuse_real(real, "incontri inseriti")
}

/// Removes the meetings and series of a previous demo run.
pub fn clear(tx: &Transaction) -> Result<()> {
    tx.execute("DELETE FROM meeting WHERE uid LIKE '%' || ?1", [UID_SUFFIX])?;
    tx.execute(
        "DELETE FROM meeting_series WHERE uid LIKE '%' || ?1",
        [UID_SUFFIX],
    )?;
    Ok(())
}

struct Zone {
    id: i64,
    name: String,
    main_comune: String,
}

struct Comune {
    code: String,
    name: String,
    org: i64,
    /// Cumulative weight (square root of the population) for drawing.
    until: u64,
}

/// What the generator draws from.
struct World {
    zones: Vec<Zone>,
    comuni: Vec<Comune>,
    /// (ISTAT code, name) of each province.
    provinces: Vec<(String, String)>,
    /// (organisation id, name, first member comune).
    unioni: Vec<(i64, String, String)>,
    /// (person, organisation, title) of the demo "Referente SAI" offices.
    referenti: Vec<(i64, i64, String)>,
    /// Assessore al sociale in office per comune organisation (delegate of the mayor).
    assessori: HashMap<i64, i64>,
    /// Working days of the two years.
    days: Vec<NaiveDate>,
}

fn world(tx: &Transaction, unioni: &[i64], first: NaiveDate, last: NaiveDate) -> Result<World> {
    let zones = tx
        .prepare(
            "SELECT z.id, z.name,
                (SELECT c.name FROM comune_zone cz JOIN comune c ON c.istat_code = cz.istat_code
                 WHERE cz.zone_id = z.id AND cz.valid_to IS NULL
                 ORDER BY c.population DESC LIMIT 1)
             FROM zone z WHERE z.confirmed = 1 ORDER BY z.sort_order",
        )?
        .query_map([], |r| {
            Ok(Zone {
                id: r.get(0)?,
                name: r.get(1)?,
                main_comune: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut total = 0u64;
    let mut comuni = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT c.istat_code, c.name, c.population, o.id FROM comune c
         JOIN organisation o ON o.kind = 'comune' AND o.istat_code = c.istat_code
         ORDER BY c.istat_code",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)?, r.get(3)?))
    })?;
    for row in rows {
        let (code, name, population, org) = row?;
        total += (population.max(1) as f64).sqrt() as u64 + 1;
        comuni.push(Comune {
            code,
            name,
            org,
            until: total,
        });
    }
    let provinces = tx
        .prepare("SELECT code, name FROM province ORDER BY code")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut unione = tx.prepare(
        "SELECT o.name, (SELECT c.name FROM unione_member um JOIN comune c
                           ON c.istat_code = um.istat_code WHERE um.org_id = o.id
                         ORDER BY um.id LIMIT 1)
         FROM organisation o WHERE o.id = ?1",
    )?;
    let mut unioni_out = Vec::with_capacity(unioni.len());
    for id in unioni {
        let (name, seat): (String, Option<String>) =
            unione.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        unioni_out.push((*id, name, seat.unwrap_or_default()));
    }
    let office = |title: &str| -> Result<Vec<(i64, i64, String)>> {
        Ok(tx
            .prepare(
                "SELECT r.person_id, r.organisation_id, r.title FROM role r
                 JOIN person p ON p.id = r.person_id
                 WHERE r.title = ?1 AND r.valid_to IS NULL AND p.data_source = ?2
                 ORDER BY r.id",
            )?
            .query_map(params![title, DEMO_SOURCE], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    };
    let assessori = office("Assessore al sociale")?
        .into_iter()
        .map(|(p, o, _)| (o, p))
        .collect();
    let mut days = Vec::new();
    let mut d = first;
    while d <= last {
        let holiday = (d.month() == 8 && (8..=24).contains(&d.day()))
            || (d.month() == 12 && d.day() >= 24)
            || (d.month() == 1 && d.day() <= 6);
        if !holiday && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            days.push(d);
        }
        d += Duration::days(1);
    }
    Ok(World {
        zones,
        comuni,
        provinces,
        unioni: unioni_out,
        referenti: office("Referente SAI")?,
        assessori,
        days,
    })
}

/// One meeting to write.
struct Plan {
    kind: MeetingKind,
    title: String,
    start: NaiveDateTime,
    minutes: i64,
    all_day: bool,
    place: String,
    link: String,
    scope: Scope,
    organiser: String,
    /// (series id, original start) of an occurrence.
    series: Option<(i64, DateTime<Utc>)>,
    uid: String,
}

/// The prepared statements and the running totals.
struct Writer<'t> {
    tx: &'t Transaction<'t>,
    meeting: Statement<'t>,
    comune: Statement<'t>,
    agenda: Statement<'t>,
    invitation: Statement<'t>,
    status: Statement<'t>,
    now: DateTime<Utc>,
    meetings: u32,
    invitations: u32,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t Transaction<'t>, now: DateTime<Utc>) -> Result<Writer<'t>> {
        Ok(Writer {
            tx,
            meeting: tx.prepare(
                "INSERT INTO meeting (uid, series_id, recurrence_id, sequence, kind, title,
                    title_folded, starts_at, ends_at, all_day, place, link, status, scope_kind,
                    scope_asl, scope_zone_id, scope_province, scope_org_id, filter_asl,
                    filter_zone_id, organiser, description, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
            )?,
            comune: tx
                .prepare("INSERT INTO meeting_comune (meeting_id, istat_code) VALUES (?1, ?2)")?,
            agenda: tx.prepare(
                "INSERT INTO agenda_item (meeting_id, position, title, presenter, duration_min)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            invitation: tx.prepare(
                "INSERT INTO meeting_invitation (meeting_id, position, person_id,
                    organisation_id, title, attendance, delegate_person_id, delegate_name, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?,
            status: tx.prepare(
                "INSERT INTO meeting_status_change (meeting_id, status, changed_at, note)
                 VALUES (?1, ?2, ?3, ?4)",
            )?,
            now,
            meetings: 0,
            invitations: 0,
        })
    }

    /// Writes one meeting with its comuni, agenda, history and invitations.
    fn write(&mut self, rng: &mut Rng, w: &World, p: &Plan) -> Result<()> {
        let tx = self.tx;
        let end = p.start + Duration::minutes(p.minutes);
        let starts_at = time::rome_to_utc("start", p.start)?;
        let ends_at = time::rome_to_utc("end", end)?;
        let day = p.start.date();
        let (asl, zone) = scope::placement(tx, &p.scope, day)?;
        let history = history(rng, starts_at, ends_at, self.now);
        let created = history[0].1;
        let (last, updated, _) = history[history.len() - 1];
        let description = format!("{} {}", rng.pick(&words::DESCRIPTIONS), words::DEMO_LABEL);
        let sc = &p.scope;
        self.meeting.execute(params![
            p.uid,
            p.series.map(|s| s.0),
            p.series.map(|s| time::instant_iso(s.1)),
            history.len() as i64 - 1,
            p.kind,
            p.title,
            crate::text::fold(&p.title),
            time::instant_iso(starts_at),
            time::instant_iso(ends_at),
            p.all_day,
            p.place,
            p.link,
            last,
            sc.kind,
            sc.asl,
            sc.zone_id,
            sc.province,
            sc.unione_org_id,
            asl,
            zone,
            p.organiser,
            description,
            time::instant_iso(created),
            time::instant_iso(updated),
        ])?;
        let id = tx.last_insert_rowid();
        for code in &sc.comuni {
            self.comune.execute(params![id, code])?;
        }
        for (s, at, note) in &history {
            self.status
                .execute(params![id, s, time::instant_iso(*at), note])?;
        }
        for (pos, (title, presenter, minutes)) in agenda(rng, p.kind).into_iter().enumerate() {
            self.agenda
                .execute(params![id, pos as i64, title, presenter, minutes])?;
        }
        let held = last == MeetingStatus::Held;
        let mut seen = HashSet::new();
        for (pos, (person, org, title)) in invitees(tx, rng, w, p, day)?.into_iter().enumerate() {
            if person.is_some_and(|x| !seen.insert(x)) {
                continue;
            }
            let (att, delegate, name, note) = match person {
                Some(x) if held => attendance(rng, w, x, org),
                _ => (Attendance::Invited, None, String::new(), ""),
            };
            self.invitation.execute(params![
                id, pos as i64, person, org, title, att, delegate, name, note
            ])?;
            self.invitations += 1;
        }
        self.meetings += 1;
        Ok(())
    }
}

/// Status history of a meeting: (status, when, note), oldest first; the last is the current one.
fn history(
    rng: &mut Rng,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<(MeetingStatus, DateTime<Utc>, &'static str)> {
    let days = |n: u64| Duration::days(i64::try_from(n).unwrap_or(0));
    let created = (starts_at - days(14 + rng.below(45))).min(now - days(1 + rng.below(5)));
    let mut out = vec![(MeetingStatus::Planned, created, "")];
    let mut push = |s: MeetingStatus, at: DateTime<Utc>, note: &'static str| {
        let after = out.last().map(|l| l.1).unwrap_or(created);
        out.push((s, at.max(after + Duration::hours(1)), note));
    };
    let r = rng.below(100);
    let between = created + (now - created) / 2;
    if ends_at <= now {
        if r < 4 {
            push(
                MeetingStatus::Cancelled,
                starts_at - Duration::days(2),
                rng.pick(&words::CANCELLED_NOTES),
            );
        } else if r < 8 {
            push(
                MeetingStatus::Postponed,
                starts_at - Duration::days(3),
                rng.pick(&words::POSTPONED_NOTES),
            );
        } else {
            push(
                MeetingStatus::Confirmed,
                starts_at - Duration::days(7),
                words::CONFIRMED_NOTE,
            );
            push(MeetingStatus::Held, ends_at + Duration::hours(1), "");
        }
    } else if r < 3 {
        push(
            MeetingStatus::Cancelled,
            between,
            rng.pick(&words::CANCELLED_NOTES),
        );
    } else if r < 6 {
        push(
            MeetingStatus::Postponed,
            between,
            rng.pick(&words::POSTPONED_NOTES),
        );
    } else if starts_at - now < Duration::days(21) && r < 75 {
        push(
            MeetingStatus::Confirmed,
            (starts_at - Duration::days(7)).min(now),
            words::CONFIRMED_NOTE,
        );
    }
    out.retain(|(_, at, _)| *at <= now.max(created));
    out
}

/// Agenda items: (title, presenter, minutes).
fn agenda(rng: &mut Rng, kind: MeetingKind) -> Vec<(&'static str, &'static str, i64)> {
    let pool = words::agenda(kind);
    let formal = matches!(
        kind,
        MeetingKind::ConferenzaZonale
            | MeetingKind::ConferenzaAziendale
            | MeetingKind::ConferenzaRegionale
            | MeetingKind::GiuntaUnione
    );
    let mut out = Vec::new();
    if formal {
        out.push((words::OPENING, "", 10));
    }
    let n = 2 + rng.below(2) as usize;
    let first = rng.below(pool.len() as u64) as usize;
    for k in 0..n.min(pool.len()) {
        let minutes = [15, 20, 30, 45][rng.below(4) as usize];
        out.push((
            pool[(first + k) % pool.len()],
            rng.pick(&words::PRESENTERS),
            minutes,
        ));
    }
    if formal {
        out.push((words::CLOSING, "", 10));
    }
    out
}

/// An invitation to write: person, organisation, title.
type Invitee = (Option<i64>, Option<i64>, String);

/// Who is invited: the offices proposed for the scope on the day, plus the assessore al sociale
/// at a mayor's meeting and a few SAI referenti at "Altro" meetings.
fn invitees(
    tx: &Transaction,
    rng: &mut Rng,
    w: &World,
    p: &Plan,
    day: NaiveDate,
) -> Result<Vec<Invitee>> {
    let mut out: Vec<Invitee> = propose_invitees(tx, p.kind, &p.scope, day)?
        .into_iter()
        .map(|i| (i.person_id, Some(i.organisation_id), i.title))
        .collect();
    if p.kind == MeetingKind::IncontroSindaco {
        for c in w.comuni.iter().filter(|c| p.scope.comuni.contains(&c.code)) {
            if let Some(a) = w.assessori.get(&c.org) {
                out.push((Some(*a), Some(c.org), "Assessore al sociale".to_owned()));
            }
        }
    }
    if p.kind == MeetingKind::Altro && !w.referenti.is_empty() {
        for _ in 0..3 + rng.below(4) {
            let (person, org, title) = &w.referenti[rng.below(w.referenti.len() as u64) as usize];
            out.push((Some(*person), Some(*org), title.clone()));
        }
    }
    Ok(out)
}

/// How an invited person took part in a meeting held: (attendance, delegate, typed name, note).
fn attendance(
    rng: &mut Rng,
    w: &World,
    person: i64,
    org: Option<i64>,
) -> (Attendance, Option<i64>, String, &'static str) {
    match rng.below(100) {
        0..=69 => (Attendance::Present, None, String::new(), ""),
        70..=79 => (
            Attendance::Excused,
            None,
            String::new(),
            rng.pick(&words::EXCUSED_NOTES),
        ),
        80..=86 => (Attendance::Absent, None, String::new(), ""),
        _ => match org.and_then(|o| w.assessori.get(&o)) {
            Some(a) if *a != person => (Attendance::Delegated, Some(*a), String::new(), ""),
            _ => {
                let name = format!("{} {}", rng.pick(&GIVEN), rng.pick(&FAMILY));
                (
                    Attendance::Delegated,
                    None,
                    name,
                    "Delega scritta agli atti",
                )
            }
        },
    }
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN))
}

/// The first working day on or after `d`.
fn working(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => d + Duration::days(2),
        Weekday::Sun => d + Duration::days(1),
        _ => d,
    }
}

mod plan;

/// Writes the demo meetings of `scale` around `today` (see the module contract).
pub fn generate(
    tx: &Transaction,
    scale: u32,
    today: NaiveDate,
    unioni: &[i64],
) -> Result<MeetingsReport> {
    let first = today - Duration::days(365);
    let last = today + Duration::days(365);
    let w = world(tx, unioni, first, last)?;
    if w.days.is_empty() || w.zones.is_empty() || w.comuni.is_empty() {
        return Err(Error::Internal("demo meetings: empty territory".to_owned()));
    }
    let now = time::rome_to_utc("now", at(today, 8, 0))?;
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B ^ u64::from(scale));
    let mut writer = Writer::new(tx, now)?;
    let series = plan::series(tx, &mut rng, &w, &mut writer, first)?;
    let total = PER_SCALE.saturating_mul(scale);
    let featured = plan::featured(&mut rng, &w, today);
    for p in &featured {
        writer.write(&mut rng, &w, p)?;
    }
    let mut n = 0u32;
    while writer.meetings < total {
        let p = plan::draw(&mut rng, &w, n);
        writer.write(&mut rng, &w, &p)?;
        n += 1;
    }
    Ok(MeetingsReport {
        meetings: writer.meetings,
        series,
        invitations: writer.invitations,
    })
}
