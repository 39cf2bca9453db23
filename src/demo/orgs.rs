//! Synthetic bodies the demo meetings need (see the contract in `demo`): Unioni dei Comuni with
//! their member comuni, and one "Conferenza zonale dei sindaci" organisation per confirmed zone
//! (its president is a demo mayor, appointed in `demo::people`).
//!
//! The Unioni are named after real Tuscan Unioni and their members are plausible, NOT the
//! official composition: every one is labelled [`DEMO_ORG_NOTE`]. Found-or-created by name, so a
//! second run reuses them (and their memberships) instead of duplicating them.

use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::text;
use crate::time;

/// Notes of every organisation the demo creates.
pub const DEMO_ORG_NOTE: &str = "Organizzazione dimostrativa (sintetica)";

/// Validity start of the synthetic memberships.
const MEMBERS_FROM: &str = "2024-01-01";

/// Unioni dei Comuni: name and member comuni (names as in the ISTAT list).
const UNIONI: [(&str, &[&str]); 17] = [
    (
        "Unione di Comuni Montana Lunigiana",
        &[
            "Bagnone",
            "Casola in Lunigiana",
            "Comano",
            "Filattiera",
            "Fivizzano",
            "Fosdinovo",
            "Licciana Nardi",
            "Mulazzo",
            "Podenzana",
            "Tresana",
            "Villafranca in Lunigiana",
            "Zeri",
        ],
    ),
    (
        "Unione dei Comuni della Garfagnana",
        &[
            "Castelnuovo di Garfagnana",
            "Camporgiano",
            "Careggine",
            "Castiglione di Garfagnana",
            "Fosciandora",
            "Gallicano",
            "Minucciano",
            "Molazzana",
            "Piazza al Serchio",
            "Pieve Fosciana",
            "San Romano in Garfagnana",
            "Sillano Giuncugnano",
            "Vagli Sotto",
            "Villa Collemandina",
            "Fabbriche di Vergemoli",
        ],
    ),
    (
        "Unione Valdera",
        &[
            "Bientina",
            "Buti",
            "Calcinaia",
            "Capannoli",
            "Casciana Terme Lari",
            "Palaia",
            "Pontedera",
        ],
    ),
    (
        "Unione Montana dei Comuni del Mugello",
        &[
            "Borgo San Lorenzo",
            "Barberino di Mugello",
            "Dicomano",
            "Firenzuola",
            "Marradi",
            "Palazzuolo sul Senio",
            "Scarperia e San Piero",
            "Vicchio",
        ],
    ),
    (
        "Unione dei Comuni Montani del Casentino",
        &[
            "Castel Focognano",
            "Castel San Niccolò",
            "Chiusi della Verna",
            "Montemignaio",
            "Ortignano Raggiolo",
            "Poppi",
            "Pratovecchio Stia",
        ],
    ),
    (
        "Unione dei Comuni Amiata Val d'Orcia",
        &[
            "Abbadia San Salvatore",
            "Castiglione d'Orcia",
            "Piancastagnaio",
            "Radicofani",
            "San Quirico d'Orcia",
        ],
    ),
    (
        "Unione dei Comuni della Valdichiana Senese",
        &[
            "Cetona",
            "Chianciano Terme",
            "Chiusi",
            "Montepulciano",
            "Pienza",
            "San Casciano dei Bagni",
            "Sarteano",
            "Sinalunga",
            "Torrita di Siena",
            "Trequanda",
        ],
    ),
    (
        "Unione dei Comuni Valdarno e Valdisieve",
        &["Londa", "Pelago", "Pontassieve", "Rufina", "San Godenzo"],
    ),
    (
        "Unione dei Comuni Montani Amiata Grossetana",
        &[
            "Arcidosso",
            "Castel del Piano",
            "Castell'Azzara",
            "Roccalbegna",
            "Santa Fiora",
            "Seggiano",
            "Semproniano",
        ],
    ),
    (
        "Unione dei Comuni Montani Colline Metallifere",
        &["Massa Marittima", "Monterotondo Marittimo", "Montieri"],
    ),
    (
        "Unione dei Comuni della Val di Bisenzio",
        &["Cantagallo", "Vaiano", "Vernio"],
    ),
    (
        "Unione dei Comuni Valtiberina Toscana",
        &[
            "Anghiari",
            "Badia Tedalda",
            "Caprese Michelangelo",
            "Monterchi",
            "Pieve Santo Stefano",
            "Sestino",
        ],
    ),
    (
        "Unione dei Comuni Media Valle del Serchio",
        &[
            "Bagni di Lucca",
            "Borgo a Mozzano",
            "Coreglia Antelminelli",
            "Pescaglia",
        ],
    ),
    (
        "Unione dei Comuni del Pratomagno",
        &[
            "Castelfranco Piandiscò",
            "Castiglion Fibocchi",
            "Loro Ciuffenna",
            "Talla",
        ],
    ),
    (
        "Unione dei Comuni Colline del Fiora",
        &["Manciano", "Pitigliano", "Sorano"],
    ),
    (
        "Unione dei Comuni dell'Appennino Pistoiese",
        &[
            "Abetone Cutigliano",
            "Marliana",
            "Sambuca Pistoiese",
            "San Marcello Piteglio",
        ],
    ),
    (
        "Unione dei Comuni Circondario dell'Empolese Valdelsa",
        &[
            "Capraia e Limite",
            "Castelfiorentino",
            "Cerreto Guidi",
            "Certaldo",
            "Empoli",
            "Fucecchio",
            "Gambassi Terme",
            "Montaione",
            "Montelupo Fiorentino",
            "Montespertoli",
            "Vinci",
        ],
    ),
];

/// The organisations written or found.
pub struct Bodies {
    /// Unioni dei Comuni (organisation ids), in [`UNIONI`] order.
    pub unioni: Vec<i64>,
    /// Newly created organisations.
    pub created: u32,
}

/// Finds or creates an organisation of `kind` named `name`; `Ok((id, created))`.
fn find_or_create(
    tx: &Transaction,
    kind: &str,
    name: &str,
    zone_id: Option<i64>,
    now: &str,
) -> Result<(i64, bool)> {
    let folded = text::fold(name);
    let found: Option<i64> = tx
        .query_row(
            "SELECT id FROM organisation WHERE kind = ?1 AND name_folded = ?2",
            params![kind, folded],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return Ok((id, false));
    }
    tx.execute(
        "INSERT INTO organisation (kind, name, name_folded, zone_id, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![kind, name, folded, zone_id, DEMO_ORG_NOTE, now],
    )?;
    Ok((tx.last_insert_rowid(), true))
}

/// Writes (or finds) the Unioni and the zone conferences.
pub fn generate(tx: &Transaction) -> Result<Bodies> {
    let now = time::now_utc();
    let mut created = 0;
    let mut unioni = Vec::with_capacity(UNIONI.len());
    let mut member = tx.prepare(
        "INSERT INTO unione_member (org_id, istat_code, valid_from) VALUES (?1, ?2, ?3)",
    )?;
    let mut code_of = tx.prepare("SELECT istat_code FROM comune WHERE name_folded = ?1")?;
    for (name, members) in UNIONI {
        let (id, new) = find_or_create(tx, "unione", name, None, &now)?;
        if new {
            created += 1;
            for m in members {
                let code: String = code_of
                    .query_row([text::fold(m)], |r| r.get(0))
                    .optional()?
                    .ok_or_else(|| Error::Internal(format!("demo Unione member {m} not found")))?;
                member.execute(params![id, code, MEMBERS_FROM])?;
            }
        }
        unioni.push(id);
    }
    let zones: Vec<(i64, String)> = tx
        .prepare("SELECT id, name FROM zone WHERE confirmed = 1 ORDER BY sort_order")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (zone_id, zone) in zones {
        let name = format!("Conferenza zonale dei sindaci della zona {zone}");
        if find_or_create(tx, "zona", &name, Some(zone_id), &now)?.1 {
            created += 1;
        }
    }
    Ok(Bodies { unioni, created })
}

/// For every demo zone conference, the mayor in office of the zone's most populous comune: the
/// (person, organisation) pairs `demo::people` appoints as presidents. Runs after the demo mayors
/// exist.
pub fn presidents(tx: &Transaction) -> Result<Vec<(i64, i64)>> {
    let mut stmt = tx.prepare(
        "SELECT (SELECT r.person_id FROM comune_zone cz
                   JOIN comune c ON c.istat_code = cz.istat_code
                   JOIN organisation co ON co.kind = 'comune' AND co.istat_code = c.istat_code
                   JOIN role r ON r.organisation_id = co.id AND r.title_folded = 'sindaco'
                     AND r.valid_to IS NULL
                 WHERE cz.zone_id = o.zone_id AND cz.valid_to IS NULL
                 ORDER BY c.population DESC LIMIT 1),
                o.id
         FROM organisation o WHERE o.kind = 'zona' AND o.notes = ?1 ORDER BY o.id",
    )?;
    let rows = stmt.query_map([DEMO_ORG_NOTE], |r| {
        Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        if let (Some(person), org) = row? {
            out.push((person, org));
        }
    }
    Ok(out)
}
