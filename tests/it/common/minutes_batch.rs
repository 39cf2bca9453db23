//! Helpers of the batch export tests: meetings with approved, revised and draft verbali in
//! known zones and ASL, the files of a folder, the entries of a zip.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use raccordo::meetings::{self, MeetingKind, Scope, ScopeKind};
use raccordo::minutes::{self, RichText};
use raccordo::territory::AslCode;
use raccordo::Store;

use super::meetings::{at, input, zone_id, zone_scope};
use super::TempDb;

/// A meeting of `kind` on `day` (y, m, d) at 10:00 with `scope`; returns its id.
pub fn meeting(store: &Store, title: &str, day: (i32, u32, u32), scope: Scope) -> i64 {
    let mut mi = input(
        MeetingKind::ConferenzaZonale,
        title,
        at(day.0, day.1, day.2, 10, 0),
    );
    mi.scope = scope;
    store
        .write(|tx| meetings::create_meeting(tx, &mi))
        .unwrap_or_else(|e| panic!("meeting {title:?}: {e}"))
        .summary
        .id
}

/// An ASL scope.
pub fn asl_scope(asl: AslCode) -> Scope {
    Scope {
        kind: ScopeKind::Asl,
        asl: Some(asl),
        ..Scope::none()
    }
}

/// A zone scope by zone name ("Pisana").
pub fn zone_named(store: &Store, name: &str) -> Scope {
    zone_scope(zone_id(store, name))
}

/// Starts the verbale of `m` with `closing` as its closing notes; approves it when `approve`.
pub fn verbale(store: &Store, m: i64, closing: &str, approve: bool) {
    store
        .write(|tx| {
            let v = minutes::start(tx, m)?;
            let mut c = v.content;
            c.closing_notes = RichText::paragraph(closing);
            minutes::save_draft(tx, m, &c)?;
            if approve {
                minutes::approve(tx, m)?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("verbale of {m}: {e}"));
}

/// Opens a revision of the approved verbale of `m`, writes `closing`, approves it when `approve`.
pub fn revise(store: &Store, m: i64, closing: &str, approve: bool) {
    store
        .write(|tx| {
            let v = minutes::open_revision(tx, m, "correzione delle presenze")?;
            let mut c = v.content;
            c.closing_notes = RichText::paragraph(closing);
            minutes::save_draft(tx, m, &c)?;
            if approve {
                minutes::approve(tx, m)?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("revision of {m}: {e}"));
}

/// Names of the entries of `dir` (hidden ones included), sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Every entry of a zip file: name → bytes.
pub fn zip_entries(file: &Path) -> BTreeMap<String, Vec<u8>> {
    let f = std::fs::File::open(file).unwrap_or_else(|e| panic!("open {}: {e}", file.display()));
    let mut z = zip::ZipArchive::new(f).expect("a readable zip file");
    let mut out = BTreeMap::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).expect("zip entry");
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).expect("read zip entry");
        let name = e.name().expect("UTF-8 entry name").into_owned();
        out.insert(name, bytes);
    }
    out
}

/// The name of the folder a batch made today gets.
pub fn today_folder() -> String {
    format!(
        "verbali-{}",
        raccordo::time::today_rome().format("%Y-%m-%d")
    )
}

/// The meetings of the fixture.
pub struct Ids {
    /// Zona Pisana, 02/03/2027, approved once.
    pub pisa: i64,
    /// ASL centro, 10/03/2027, approved, then a revision left as a draft.
    pub centro_open: i64,
    /// Zona Firenze, 12/03/2027, approved, revised and approved again (version 1).
    pub firenze_v1: i64,
    /// Zona Pisana, 15/03/2027, a draft never approved.
    pub draft: i64,
    /// Zona Pisana, 20/04/2027, approved (outside March).
    pub april: i64,
}

pub fn fixture() -> (TempDb, Store, Ids) {
    let db = TempDb::new();
    let store = db.open();
    let pisana = zone_named(&store, "Pisana");
    let ids = Ids {
        pisa: meeting(
            &store,
            "Conferenza zonale pisana",
            (2027, 3, 2),
            pisana.clone(),
        ),
        centro_open: meeting(
            &store,
            "Direttori SdS centro",
            (2027, 3, 10),
            asl_scope(AslCode::Centro),
        ),
        firenze_v1: meeting(
            &store,
            "Conferenza zonale fiorentina",
            (2027, 3, 12),
            zone_named(&store, "Firenze"),
        ),
        draft: meeting(&store, "Solo bozza", (2027, 3, 15), pisana.clone()),
        april: meeting(&store, "Fuori periodo", (2027, 4, 20), pisana.clone()),
    };
    meeting(&store, "Senza verbale", (2027, 3, 16), pisana);
    verbale(&store, ids.pisa, "Testo A approvato", true);
    verbale(&store, ids.centro_open, "Testo B originale", true);
    revise(&store, ids.centro_open, "Testo B in bozza", false);
    verbale(&store, ids.firenze_v1, "Testo C prima", true);
    revise(&store, ids.firenze_v1, "Testo C rivisto", true);
    verbale(&store, ids.draft, "Testo D bozza", false);
    verbale(&store, ids.april, "Testo E aprile", true);
    (db, store, ids)
}
