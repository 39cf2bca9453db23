//! Random but valid data for the full export/import property test, written through the public
//! core API (so every row is one the application itself could have written).
//!
//! A small seeded xorshift generator: the same seed always gives the same calls. Texts mix
//! accents, emoji, quotes, backslashes, JSON-looking fragments, long strings, and (in notes,
//! which allow them) newlines, tabs and other control characters. Inputs the core refuses
//! (validation) are skipped: the property is about what gets stored, not about validation.
//! The meetings, actions and minutes are written by [`meeting_records`].

mod meeting_records;

use meeting_records::{fill_actions, fill_meetings, fill_minutes};

use chrono::NaiveDate;
use raccordo::contacts::{
    self, Email, LegalBasis, OrgInput, OrgKind, PersonInput, Phone, RoleInput,
};
use raccordo::territory::{self, AslCode};
use raccordo::{settings, ProfileInput, Store};

/// xorshift64* generator.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn date(&mut self) -> NaiveDate {
        let days = i64::try_from(self.below(40 * 365)).unwrap_or(0);
        NaiveDate::from_ymd_opt(1995, 1, 1).expect("base date") + chrono::Days::new(days as u64)
    }
}

const PIECES: &[&str] = &[
    "Niccolò",
    "D'Angelo",
    "Città",
    "Ça",
    "Ügo",
    "ß",
    "Łukasz",
    "Zoë",
    "李",
    "Ελένη",
    "Дмитрий",
    "🎉",
    "👩‍⚕️",
    "\"quoted\"",
    "back\\slash",
    "{\"json\": [1]}",
    "<script>alert(1)</script>",
    "=SUM(A1)",
    "100%",
    "a'b\"c",
    "Forlì",
    "Sant'Anna",
    "x",
    "",
];

/// A single-line text (no control characters), 0–6 pieces, sometimes very long.
pub fn line(rng: &mut Rng, max_chars: usize) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(6) {
        let piece = *rng.pick::<&str>(PIECES);
        s.push_str(piece);
        if rng.chance(50) {
            s.push(' ');
        }
    }
    if rng.chance(5) {
        s.push_str(&"è".repeat(rng.below(max_chars)));
    }
    let s: String = s.trim().chars().take(max_chars).collect();
    s.trim().to_owned()
}

/// A notes text: lines, tabs, control characters, up to a few thousand characters.
pub fn notes(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(8) {
        s.push_str(&line(rng, 300));
        let end = *rng.pick::<&str>(&["\n", "\r\n", "\t", "\u{7}", "\u{1b}[0m", " ", "\u{feff}"]);
        s.push_str(end);
    }
    if rng.chance(5) {
        s.push_str(&"ü\n".repeat(rng.below(2000)));
    }
    s
}

fn non_empty(rng: &mut Rng, max: usize) -> String {
    let s = line(rng, max);
    if s.is_empty() {
        format!("Nome {}", rng.below(1000))
    } else {
        s
    }
}

fn person_input(rng: &mut Rng, i: usize) -> PersonInput {
    let emails = (0..rng.below(3))
        .map(|k| Email {
            email: format!("p{i}.{k}.{}@esempio{}.it", rng.below(1000), rng.below(9)),
            label: line(rng, 30),
            primary: k == 0,
        })
        .collect();
    let phones = (0..rng.below(3))
        .map(|k| Phone {
            phone: format!("+39 0{} {}", 50 + k, 1_000_000 + rng.below(8_999_999)),
            label: line(rng, 30),
            primary: k == 0,
        })
        .collect();
    PersonInput {
        given_name: non_empty(rng, 120),
        family_name: line(rng, 120),
        honorific: rng.chance(30).then(|| line(rng, 20)),
        notes: notes(rng),
        emails,
        phones,
        tags: (0..rng.below(4)).map(|_| non_empty(rng, 40)).collect(),
        legal_basis: rng.chance(60).then(|| *rng.pick(LegalBasis::ALL)),
        data_source: rng.chance(50).then(|| line(rng, 80)),
        retention_until: rng.chance(30).then(|| rng.date()),
        restricted: rng.chance(20),
    }
}

/// Ids written, to build on.
#[derive(Default)]
struct Made {
    people: Vec<i64>,
    meetings: Vec<i64>,
    orgs: Vec<i64>,
    unioni: Vec<i64>,
    sds: Vec<i64>,
}

/// Fills `store` with random data from `seed` (about `size` people); returns how many calls
/// succeeded, so the test can check the data is not trivially small.
pub fn fill(store: &Store, seed: u64, size: usize) -> usize {
    let mut rng = Rng::new(seed);
    let mut ok = 0;
    let mut made = Made::default();
    let zones: Vec<i64> = store
        .read(|c| territory::zones(c, raccordo::time::today_rome()))
        .expect("zones")
        .iter()
        .map(|z| z.id)
        .collect();
    let comuni: Vec<String> = store
        .read(|c| territory::search_comuni(c, "", 400))
        .map(|v| v.into_iter().map(|c| c.istat_code).collect())
        .unwrap_or_default();
    let comuni = if comuni.is_empty() {
        vec![
            "048017".to_owned(),
            "045001".to_owned(),
            "100005".to_owned(),
        ]
    } else {
        comuni
    };
    let mut run = |f: &mut dyn FnMut(&mut Rng, &mut Made) -> raccordo::Result<()>| {
        let r = f(&mut rng, &mut made);
        if r.is_ok() {
            ok += 1;
        }
    };
    run(&mut |rng, _| {
        let input = ProfileInput {
            coordinator_name: non_empty(rng, 80),
            organisation: non_empty(rng, 80),
        };
        store
            .write(|tx| settings::save_profile(tx, &input))
            .map(drop)
    });
    for _ in 0..3 {
        run(&mut |rng, _| {
            let id = *rng.pick(&zones);
            let name = non_empty(rng, 80);
            store
                .write(|tx| territory::rename_zone(tx, id, &name))
                .map(drop)
        });
    }
    run(&mut |rng, _| {
        let ids: Vec<i64> = zones.iter().copied().filter(|_| rng.chance(50)).collect();
        store
            .write(|tx| territory::confirm_zones(tx, &ids))
            .map(drop)
    });
    for _ in 0..size / 2 + 2 {
        run(&mut |rng, _| {
            let code = rng.pick(&comuni).clone();
            let zone = rng.chance(90).then(|| *rng.pick(&zones));
            let from = rng.date();
            let source = line(rng, 60);
            store
                .write(|tx| territory::set_comune_zone(tx, &code, zone, from, &source))
                .map(drop)
        });
    }
    let kinds = [
        OrgKind::Unione,
        OrgKind::Sds,
        OrgKind::EnteGestore,
        OrgKind::Associazione,
        OrgKind::Altro,
    ];
    for _ in 0..size / 3 + 2 {
        run(&mut |rng, made| {
            let kind = *rng.pick(&kinds);
            let input = OrgInput {
                kind,
                name: non_empty(rng, 150),
                istat_code: None,
                zone_id: (kind == OrgKind::Sds).then(|| *rng.pick(&zones)),
                asl: rng.chance(30).then(|| *rng.pick(&AslCode::ALL)),
                province_code: None,
                notes: notes(rng),
            };
            let org = store.write(|tx| contacts::create_org(tx, &input))?;
            made.orgs.push(org.id);
            match kind {
                OrgKind::Unione => made.unioni.push(org.id),
                OrgKind::Sds => made.sds.push(org.id),
                _ => {}
            }
            Ok(())
        });
    }
    for _ in 0..size / 4 + 1 {
        run(&mut |rng, made| {
            let Some(&org) = made.unioni.get(rng.below(made.unioni.len().max(1))) else {
                return Ok(());
            };
            let code = rng.pick(&comuni).clone();
            let (from, to) = (rng.date(), rng.chance(40).then(|| rng.date()));
            store
                .write(|tx| contacts::add_unione_member(tx, org, &code, from, to))
                .map(drop)
        });
        run(&mut |rng, made| {
            let Some(&org) = made.sds.get(rng.below(made.sds.len().max(1))) else {
                return Ok(());
            };
            let zone = *rng.pick(&zones);
            let (from, to) = (rng.date(), rng.chance(40).then(|| rng.date()));
            store
                .write(|tx| contacts::add_sds_zone(tx, org, zone, from, to))
                .map(drop)
        });
    }
    for i in 0..size {
        run(&mut |rng, made| {
            let p = store.write(|tx| contacts::create_person(tx, &person_input(rng, i)))?;
            made.people.push(p.id);
            Ok(())
        });
    }
    let seeded_comune_org = store
        .write(|tx| contacts::comune_org(tx, "048017"))
        .expect("Comune di Firenze organisation");
    for _ in 0..size {
        run(&mut |rng, made| {
            if made.people.is_empty() {
                return Ok(());
            }
            let org = if made.orgs.is_empty() || rng.chance(30) {
                seeded_comune_org
            } else {
                *rng.pick(&made.orgs)
            };
            let from = rng.chance(80).then(|| rng.date());
            let input = RoleInput {
                person_id: *rng.pick(&made.people),
                organisation_id: org,
                title: non_empty(rng, 100),
                valid_from: from,
                valid_to: from
                    .filter(|_| rng.chance(40))
                    .map(|f| f + chrono::Days::new(rng.below(3000) as u64)),
                notes: notes(rng),
            };
            let role = store.write(|tx| contacts::add_role(tx, &input))?;
            if rng.chance(15) {
                let on = rng.date();
                let _ = store.write(|tx| contacts::end_role(tx, role.id, on));
            }
            Ok(())
        });
    }
    let mut meeting_calls = 0;
    run(&mut |rng, made| {
        meeting_calls = fill_meetings(store, rng, made, &zones, &comuni, size);
        Ok(())
    });
    let mut action_calls = 0;
    run(&mut |rng, made| {
        action_calls = fill_actions(store, rng, made, &comuni, size);
        Ok(())
    });
    let mut minutes_calls = 0;
    run(&mut |rng, made| {
        minutes_calls = fill_minutes(store, rng, made);
        Ok(())
    });
    let mut sai_calls = 0;
    run(&mut |rng, made| {
        sai_calls = fill_sai(store, rng, made, size);
        Ok(())
    });
    // Edits, merges, deletions and GDPR erasures (tombstones; ids never reused): they also touch
    // the meetings' invitations and delegates.
    for _ in 0..size / 3 + 1 {
        run(&mut |rng, made| {
            if made.people.len() < 3 {
                return Ok(());
            }
            let idx = rng.below(made.people.len());
            let id = made.people[idx];
            match rng.below(4) {
                0 => {
                    let input = person_input(rng, idx + 10_000);
                    store
                        .write(|tx| contacts::update_person(tx, id, &input))
                        .map(drop)
                }
                1 => {
                    made.people.swap_remove(idx);
                    store.write(|tx| contacts::erase(tx, id))
                }
                2 => {
                    made.people.swap_remove(idx);
                    store.write(|tx| contacts::delete_person(tx, id)).map(drop)
                }
                _ => {
                    made.people.swap_remove(idx);
                    let keep = *rng.pick(&made.people);
                    store.write(|tx| contacts::merge(tx, keep, &[id])).map(drop)
                }
            }
        });
    }
    ok + meeting_calls + action_calls + minutes_calls + sai_calls
}

/// Random SAI survey records of comuni, Unioni and SdS: status histories sourced from meetings,
/// people or text, project facts and next steps (which create follow-up actions).
fn fill_sai(store: &Store, rng: &mut Rng, made: &mut Made, size: usize) -> usize {
    use raccordo::sai::{self, SaiFactsInput, SaiPlaces, SaiStatus, SaiStatusInput};
    let comuni: Vec<i64> = store
        .read(|c| {
            let mut st = c.prepare("SELECT id FROM organisation WHERE kind = 'comune' LIMIT 60")?;
            let ids = st
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            Ok(ids)
        })
        .unwrap_or_default();
    let mut enti: Vec<i64> = made.unioni.iter().chain(&made.sds).copied().collect();
    enti.extend(comuni);
    if enti.is_empty() {
        return 0;
    }
    let today = raccordo::time::today_rome();
    let mut ok = 0;
    for _ in 0..size / 2 + 2 {
        let org = *rng.pick(&enti);
        let on = rng.date().min(today);
        let input = SaiStatusInput {
            status: *rng.pick(SaiStatus::ALL),
            on,
            note: notes(rng),
            source_meeting_id: (!made.meetings.is_empty() && rng.chance(40))
                .then(|| *rng.pick(&made.meetings)),
            source_person_id: (!made.people.is_empty() && rng.chance(30))
                .then(|| *rng.pick(&made.people)),
            source_text: line(rng, 80),
        };
        if store.write(|tx| sai::set_status(tx, org, &input)).is_ok() {
            ok += 1;
        }
        if rng.chance(50) {
            let start = rng.date();
            let facts = SaiFactsInput {
                titolare: line(rng, 80),
                gestore: line(rng, 80),
                places: SaiPlaces {
                    ordinari: rng.below(60) as i64,
                    dm_ds: rng.below(10) as i64,
                    msna: rng.below(20) as i64,
                },
                funding_start: Some(start),
                funding_end: rng.chance(70).then(|| start + chrono::Days::new(3 * 365)),
                triennial: rng.chance(50),
                next_step: line(rng, 100),
                next_step_due: rng.chance(60).then(|| rng.date()),
                notes: notes(rng),
            };
            if store.write(|tx| sai::edit_facts(tx, org, &facts)).is_ok() {
                ok += 1;
            }
        }
    }
    ok
}
