//! Synthetic people and offices for `demo` (see the contract in `demo`).

use rusqlite::{params, Transaction};

use crate::contacts::{
    name_key_pub as name_key, normalize_phone, search, sort_key_pub as sort_key,
};
use crate::error::Result;
use crate::text;
use crate::time;

/// Data source of every synthetic person.
pub const DEMO_SOURCE: &str = "dati dimostrativi sintetici";

/// People per unit of scale.
const PEOPLE_PER_SCALE: u32 = 2_000;

pub(super) const GIVEN: [&str; 48] = [
    "Marco",
    "Giulia",
    "Francesco",
    "Chiara",
    "Alessandro",
    "Sara",
    "Andrea",
    "Francesca",
    "Matteo",
    "Elena",
    "Lorenzo",
    "Martina",
    "Luca",
    "Valentina",
    "Giovanni",
    "Silvia",
    "Niccolò",
    "Federica",
    "Simone",
    "Paola",
    "Stefano",
    "Laura",
    "Riccardo",
    "Anna",
    "Davide",
    "Elisa",
    "Paolo",
    "Cristina",
    "Roberto",
    "Beatrice",
    "Tommaso",
    "Alessia",
    "Filippo",
    "Ilaria",
    "Gabriele",
    "Caterina",
    "Leonardo",
    "Marta",
    "Jacopo",
    "Irene",
    "Emanuele",
    "Lucia",
    "Daniele",
    "Serena",
    "Michele",
    "Noemi",
    "Pietro",
    "Benedetta",
];

pub(super) const FAMILY: [&str; 48] = [
    "Rossi",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Rinaldi",
    "Caruso",
    "Ferrara",
    "Galli",
    "Martini",
    "Leone",
    "Longo",
    "Gentile",
    "Martinelli",
    "Vitale",
    "Lombardo",
    "Serra",
    "Coppola",
    "De Santis",
    "D'Angelo",
    "Marchetti",
    "Parisi",
    "Villa",
    "Conte",
    "Ferri",
    "Fabbri",
    "Bernardi",
    "Pellegrini",
    "Baldi",
    "Niccolai",
    "Bartolini",
    "Innocenti",
];

const EXTRA_TITLES: [&str; 6] = [
    "Referente SAI",
    "Responsabile servizi sociali",
    "Assistente sociale",
    "Funzionario amministrativo",
    "Consigliere comunale",
    "Segretario comunale",
];

/// Office of the president of a zone conference (what the regional conference invites).
const PRESIDENT: &str = "Presidente conferenza zonale dei sindaci";

/// What was written.
pub struct PeopleReport {
    pub people: u32,
    pub roles: u32,
    pub organisations: u32,
}

/// Small deterministic generator (xorshift64*).
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(super) fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Refuses when people not created by the demo exist.
pub fn check_no_real_people(tx: &Transaction) -> Result<()> {
    let real: i64 = tx.query_row(
        "SELECT count(*) FROM person WHERE data_source IS NOT ?1",
        [DEMO_SOURCE],
        |r| r.get(0),
    )?;
    super::refuse_real(real, "persone inserite")
}

struct Writer<'t> {
    person: rusqlite::Statement<'t>,
    email: rusqlite::Statement<'t>,
    phone: rusqlite::Statement<'t>,
    tag: rusqlite::Statement<'t>,
    role: rusqlite::Statement<'t>,
    now: String,
    people: u32,
    roles: u32,
}

impl Writer<'_> {
    fn person(&mut self, rng: &mut Rng, tx: &Transaction) -> Result<i64> {
        let given = rng.pick(&GIVEN);
        let family = rng.pick(&FAMILY);
        self.person.execute(params![
            given,
            family,
            sort_key(given, family),
            name_key(given, family),
            DEMO_SOURCE,
            self.now
        ])?;
        let id = tx.last_insert_rowid();
        let email = format!(
            "{}.{}.{id}@esempio.it",
            text::compact(given),
            text::compact(family)
        );
        self.email
            .execute(params![id, email, email.to_lowercase()])?;
        let phone = format!("+39 055 {:07}", rng.below(10_000_000));
        self.phone
            .execute(params![id, phone, normalize_phone(&phone)])?;
        self.tag.execute([id])?;
        self.people += 1;
        Ok(id)
    }

    fn role(
        &mut self,
        person: i64,
        org: i64,
        title: &str,
        from: &str,
        to: Option<&str>,
    ) -> Result<()> {
        self.role.execute(params![
            person,
            org,
            title,
            text::fold(title),
            from,
            to,
            self.now
        ])?;
        self.roles += 1;
        Ok(())
    }
}

/// Writes the synthetic people (see module contract of `demo`).
pub fn generate(tx: &Transaction, scale: u32) -> Result<PeopleReport> {
    tx.execute("DELETE FROM person WHERE data_source = ?1", [DEMO_SOURCE])?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ u64::from(scale));
    let now = time::now_utc();
    // One SdS per confirmed zone, found or created by name.
    let zones: Vec<(i64, String)> = tx
        .prepare("SELECT id, name FROM zone WHERE confirmed = 1 ORDER BY sort_order")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut organisations = 0;
    let mut sds = Vec::new();
    for (zone_id, zone) in &zones {
        let name = format!("SdS {zone}");
        let folded = text::fold(&name);
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM organisation WHERE kind = 'sds' AND name_folded = ?1",
                [&folded],
                |r| r.get(0),
            )
            .ok();
        let id = match existing {
            Some(id) => id,
            None => {
                tx.execute(
                    "INSERT INTO organisation (kind, name, name_folded, zone_id, notes,
                         created_at, updated_at)
                     VALUES ('sds', ?1, ?2, ?3, 'Organizzazione dimostrativa (sintetica)', ?4, ?4)",
                    params![name, folded, zone_id, now],
                )?;
                tx.execute(
                    "INSERT INTO sds_zone (org_id, zone_id, valid_from) VALUES (?1, ?2, '2024-01-01')",
                    params![tx.last_insert_rowid(), zone_id],
                )?;
                organisations += 1;
                tx.query_row("SELECT max(id) FROM organisation", [], |r| r.get(0))?
            }
        };
        sds.push(id);
    }
    let comuni: Vec<i64> = tx
        .prepare("SELECT id FROM organisation WHERE kind = 'comune' ORDER BY istat_code")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let prefetture: Vec<i64> = tx
        .prepare("SELECT id FROM organisation WHERE kind = 'prefettura' ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut w = Writer {
        person: tx.prepare(
            "INSERT INTO person (given_name, family_name, sort_key, name_key, data_source,
                 legal_basis, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'public_task', ?6, ?6)",
        )?,
        email: tx.prepare(
            "INSERT INTO person_email (person_id, email, email_lower, label, is_primary)
             VALUES (?1, ?2, ?3, 'lavoro', 1)",
        )?,
        phone: tx.prepare(
            "INSERT INTO person_phone (person_id, phone, phone_norm, label, is_primary)
             VALUES (?1, ?2, ?3, 'ufficio', 1)",
        )?,
        tag: tx.prepare("INSERT INTO person_tag (person_id, tag) VALUES (?1, 'demo')")?,
        role: tx.prepare(
            "INSERT INTO role (person_id, organisation_id, title, title_folded, valid_from,
                 valid_to, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7, ?7)",
        )?,
        now,
        people: 0,
        roles: 0,
    };
    for (i, org) in comuni.iter().enumerate() {
        let p = w.person(&mut rng, tx)?;
        w.role(p, *org, "Sindaco", "2024-06-10", None)?;
        let p = w.person(&mut rng, tx)?;
        w.role(p, *org, "Assessore al sociale", "2024-07-01", None)?;
        if i % 3 == 0 {
            let p = w.person(&mut rng, tx)?;
            w.role(p, *org, "Sindaco", "2019-05-27", Some("2024-06-09"))?;
        }
    }
    for (person, org) in super::orgs::presidents(tx)? {
        w.role(person, org, PRESIDENT, "2024-07-15", None)?;
    }
    for org in &sds {
        let p = w.person(&mut rng, tx)?;
        w.role(p, *org, "Direttore SdS", "2023-01-01", None)?;
    }
    for org in &prefetture {
        let p = w.person(&mut rng, tx)?;
        w.role(p, *org, "Prefetto", "2023-09-01", None)?;
    }
    let target = PEOPLE_PER_SCALE.saturating_mul(scale);
    while w.people < target {
        let p = w.person(&mut rng, tx)?;
        if rng.below(10) < 7 && !comuni.is_empty() {
            let org = comuni[rng.below(comuni.len() as u64) as usize];
            let title = rng.pick(&EXTRA_TITLES);
            w.role(p, org, title, "2022-01-01", None)?;
        }
    }
    let report = PeopleReport {
        people: w.people,
        roles: w.roles,
        organisations,
    };
    drop(w);
    search::rebuild(tx)?;
    Ok(report)
}
