//! Which demo meetings there are: the drawn ones (kind by weight, its proper scope, a working day
//! and hour, title, place, organiser), the featured ones every demo has (meetings with the Sindaco
//! di Pisa and regional conferences, past and future) and the monthly series of the SdS
//! directors of each ASL, with one occurrence removed (EXDATE) and one moved.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use rusqlite::{params, Transaction};

use super::{at, working, Comune, Plan, Rng, World, Writer, SERIES_RULE, UID_SUFFIX, WEIGHTS};
use crate::demo::words;
use crate::error::Result;
use crate::meetings::{recurrence, MeetingKind, Scope, ScopeKind};
use crate::territory::AslCode;
use crate::time;

/// Start times of the drawn meetings.
const HOURS: [(u32, u32); 10] = [
    (9, 0),
    (9, 30),
    (10, 0),
    (10, 0),
    (10, 30),
    (11, 0),
    (14, 30),
    (15, 0),
    (15, 30),
    (16, 0),
];

/// Lengths (minutes) of the drawn meetings.
const LENGTHS: [i64; 6] = [60, 90, 120, 120, 150, 180];

/// ISTAT code of Pisa, whose mayor every demo meets.
const PISA: &str = "050026";

fn scope_of(kind: ScopeKind) -> Scope {
    Scope {
        kind,
        ..Scope::none()
    }
}

/// A meeting of `kind` drawn at `start`: scope, title, place and organiser.
fn build(rng: &mut Rng, w: &World, kind: MeetingKind, start: NaiveDateTime, uid: String) -> Plan {
    let subject = rng.pick(&words::SUBJECTS);
    let (scope, title, place, organiser) = match kind {
        MeetingKind::ConferenzaZonale | MeetingKind::ZonaDistretto => {
            let z = &w.zones[rng.below(w.zones.len() as u64) as usize];
            let scope = Scope {
                zone_id: Some(z.id),
                ..scope_of(ScopeKind::Zone)
            };
            if kind == MeetingKind::ConferenzaZonale {
                let body = format!("Conferenza zonale dei sindaci della zona {}", z.name);
                (
                    scope,
                    format!("{body}: {subject}"),
                    format!("Sala consiliare, Comune di {}", z.main_comune),
                    body,
                )
            } else {
                (
                    scope,
                    format!("Incontro di Zona-distretto {}: {subject}", z.name),
                    format!("Sede della SdS {}", z.name),
                    format!("SdS {}", z.name),
                )
            }
        }
        MeetingKind::ConferenzaAziendale | MeetingKind::DirettoriSds => {
            let asl = AslCode::ALL[rng.below(3) as usize];
            let name = asl.official_name();
            let title = if kind == MeetingKind::DirettoriSds {
                format!("Incontro dei Direttori SdS – {name}: {subject}")
            } else {
                format!("Conferenza aziendale dei sindaci – {name}")
            };
            (
                Scope {
                    asl: Some(asl),
                    ..scope_of(ScopeKind::Asl)
                },
                title,
                words::asl_seat(asl).to_owned(),
                name.to_owned(),
            )
        }
        MeetingKind::GiuntaUnione if !w.unioni.is_empty() => {
            let (id, name, seat) = &w.unioni[rng.below(w.unioni.len() as u64) as usize];
            (
                Scope {
                    unione_org_id: Some(*id),
                    ..scope_of(ScopeKind::Unione)
                },
                format!("Giunta dell'{name}"),
                format!("Sede dell'Unione, {seat}"),
                name.clone(),
            )
        }
        MeetingKind::IncontroSindaco => {
            let pick = rng.below(w.comuni.last().map(|c| c.until).unwrap_or(1));
            let i = w.comuni.partition_point(|c| c.until <= pick);
            let c = &w.comuni[i.min(w.comuni.len() - 1)];
            return sindaco(rng, c, start, uid);
        }
        MeetingKind::Prefettura => {
            let (code, name) = &w.provinces[rng.below(w.provinces.len() as u64) as usize];
            (
                Scope {
                    province: Some(code.clone()),
                    ..scope_of(ScopeKind::Province)
                },
                format!("Tavolo in Prefettura di {name}: {subject}"),
                format!("Prefettura di {name} - UTG, sala riunioni"),
                format!("Prefettura di {name} - UTG"),
            )
        }
        MeetingKind::ConferenzaRegionale => (
            scope_of(ScopeKind::Region),
            format!("Conferenza regionale dei sindaci: {subject}"),
            rng.pick(&words::REGION_PLACES).to_owned(),
            "Regione Toscana e ANCI Toscana".to_owned(),
        ),
        MeetingKind::GiuntaUnione | MeetingKind::Altro => (
            Scope::none(),
            rng.pick(&words::OTHER_TITLES).to_owned(),
            rng.pick(&words::REGION_PLACES).to_owned(),
            "ANCI Toscana".to_owned(),
        ),
    };
    let all_day = kind == MeetingKind::Altro && rng.below(100) < 15;
    let mut p = Plan {
        kind,
        title,
        start: if all_day {
            at(start.date(), 0, 0)
        } else {
            start
        },
        minutes: if all_day {
            24 * 60
        } else {
            LENGTHS[rng.below(LENGTHS.len() as u64) as usize]
        },
        all_day,
        place,
        link: String::new(),
        scope,
        organiser,
        series: None,
        uid,
    };
    online(rng, &mut p);
    p
}

/// About one meeting in eight is held by videoconference.
fn online(rng: &mut Rng, p: &mut Plan) {
    if !p.all_day && rng.below(100) < 12 {
        p.place = "Videoconferenza".to_owned();
        p.link = format!("https://meet.esempio.it/sai-{:08x}", rng.next() >> 32);
    }
}

/// A meeting with the mayor of `c`.
fn sindaco(rng: &mut Rng, c: &Comune, start: NaiveDateTime, uid: String) -> Plan {
    let mut p = Plan {
        kind: MeetingKind::IncontroSindaco,
        title: format!("Incontro con il Sindaco di {}", c.name),
        start,
        minutes: [60, 90][rng.below(2) as usize],
        all_day: false,
        place: format!("Palazzo comunale di {}", c.name),
        link: String::new(),
        scope: Scope {
            comuni: vec![c.code.clone()],
            ..scope_of(ScopeKind::Comune)
        },
        organiser: "ANCI Toscana".to_owned(),
        series: None,
        uid,
    };
    online(rng, &mut p);
    p
}

/// The `n`-th drawn meeting: the first ones go through every kind, then kinds by [`WEIGHTS`].
pub fn draw(rng: &mut Rng, w: &World, n: u32) -> Plan {
    let all = MeetingKind::ALL;
    let kind = match all.get(n as usize) {
        Some(k) => *k,
        None => {
            let mut pick = rng.below(WEIGHTS.iter().sum());
            let mut kind = MeetingKind::Altro;
            for (k, weight) in all.iter().zip(WEIGHTS) {
                if pick < weight {
                    kind = *k;
                    break;
                }
                pick -= weight;
            }
            kind
        }
    };
    let day = w.days[rng.below(w.days.len() as u64) as usize];
    let (h, m) = HOURS[rng.below(HOURS.len() as u64) as usize];
    build(
        rng,
        w,
        kind,
        at(day, h, m),
        format!("demo-{n:06}{UID_SUFFIX}"),
    )
}

/// Meetings every demo has: the Sindaco di Pisa a month ago and in two weeks, regional
/// conferences four months ago and in six weeks.
pub fn featured(rng: &mut Rng, w: &World, today: NaiveDate) -> Vec<Plan> {
    let day = |offset: i64| working(today + Duration::days(offset));
    let uid = |k: u32| format!("demo-featured-{k}{UID_SUFFIX}");
    let mut out = Vec::new();
    if let Some(pisa) = w.comuni.iter().find(|c| c.code == PISA) {
        out.push(sindaco(rng, pisa, at(day(-30), 11, 0), uid(1)));
        out.push(sindaco(rng, pisa, at(day(16), 10, 0), uid(2)));
    }
    for (k, offset) in [(3, -120), (4, 45)] {
        let kind = MeetingKind::ConferenzaRegionale;
        out.push(build(rng, w, kind, at(day(offset), 10, 0), uid(k)));
    }
    out
}

/// The second Tuesday of the month of `d`, or of the next month if it is before `d`.
fn second_tuesday(d: NaiveDate) -> NaiveDate {
    let in_month = |y: i32, m: u32| {
        NaiveDate::from_weekday_of_month_opt(y, m, chrono::Weekday::Tue, 2).unwrap_or(d)
    };
    let this = in_month(d.year(), d.month());
    if this >= d {
        return this;
    }
    let next = d + chrono::Months::new(1);
    in_month(next.year(), next.month())
}

/// One monthly series of SdS directors per ASL from the second Tuesday after `first`: the
/// August occurrence removed (EXDATE), the fifth moved two days later. Returns the series count.
pub fn series(
    tx: &Transaction,
    rng: &mut Rng,
    w: &World,
    writer: &mut Writer,
    first: NaiveDate,
) -> Result<u32> {
    let mut count = 0;
    for (k, asl) in AslCode::ALL.into_iter().enumerate() {
        let (h, m) = [(10, 0), (11, 0), (14, 30)][k];
        let start = at(second_tuesday(first), h, m);
        let every = recurrence::expand("recurrence", SERIES_RULE, start, &[])?.starts;
        let except: Vec<NaiveDateTime> = every.iter().filter(|s| s.month() == 8).copied().collect();
        let kept = recurrence::expand("recurrence", SERIES_RULE, start, &except)?.starts;
        let uid = format!("demo-series-{}{UID_SUFFIX}", asl.as_str());
        let created = time::rome_to_utc("start", start - Duration::days(30))?;
        tx.execute(
            "INSERT INTO meeting_series (uid, rrule, created_at) VALUES (?1, ?2, ?3)",
            params![uid, SERIES_RULE, time::instant_iso(created)],
        )?;
        let series_id = tx.last_insert_rowid();
        for x in &except {
            tx.execute(
                "INSERT INTO meeting_series_exdate (series_id, occurrence_at) VALUES (?1, ?2)",
                params![
                    series_id,
                    time::instant_iso(time::rome_to_utc("recurrence", *x)?)
                ],
            )?;
        }
        for (j, original) in kept.iter().enumerate() {
            let moved = if j == 4 {
                *original + Duration::days(2)
            } else {
                *original
            };
            let mut p = build(rng, w, MeetingKind::DirettoriSds, moved, uid.clone());
            p.title = format!(
                "Incontro mensile dei Direttori SdS – {}",
                asl.official_name()
            );
            p.scope.asl = Some(asl);
            p.place = words::asl_seat(asl).to_owned();
            p.link.clear();
            p.organiser = asl.official_name().to_owned();
            p.minutes = 120;
            p.series = Some((series_id, time::rome_to_utc("start", *original)?));
            writer.write(rng, w, &p)?;
        }
        count += 1;
    }
    Ok(count)
}
