//! Seeding of the standard organisations (migration 3's hook).
//!
//! Contract: [`install_organisations`] runs inside migration 3's transaction, after the territory
//! exists, and inserts one `comune` organisation per comune ("Comune di X", linked by ISTAT
//! code), the 3 ASL ("Azienda USL Toscana …"), "Regione Toscana", one "Prefettura di X - UTG"
//! per province (linked to it) and "ANCI Toscana", then indexes them for search.

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::territory::AslCode;
use crate::text;
use crate::time;

/// Migration 3 hook.
pub fn install_organisations(tx: &Transaction) -> Result<()> {
    let now = time::now_utc();
    let mut insert = tx.prepare(
        "INSERT INTO organisation (kind, name, name_folded, istat_code, asl_code, province_code,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?;
    let comuni: Vec<(String, String)> = tx
        .prepare("SELECT istat_code, name FROM comune ORDER BY istat_code")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (code, name) in &comuni {
        let org = format!("Comune di {name}");
        insert.execute(params![
            "comune",
            org,
            text::fold(&org),
            code,
            Option::<String>::None,
            Option::<String>::None,
            now
        ])?;
    }
    for asl in AslCode::ALL {
        let name = asl.official_name();
        insert.execute(params![
            "asl",
            name,
            text::fold(name),
            Option::<String>::None,
            asl,
            Option::<String>::None,
            now
        ])?;
    }
    let provinces: Vec<(String, String)> = tx
        .prepare("SELECT code, name FROM province ORDER BY code")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (code, name) in &provinces {
        let org = format!("Prefettura di {name} - UTG");
        insert.execute(params![
            "prefettura",
            org,
            text::fold(&org),
            Option::<String>::None,
            Option::<String>::None,
            code,
            now
        ])?;
    }
    for (kind, name) in [("regione", "Regione Toscana"), ("anci", "ANCI Toscana")] {
        insert.execute(params![
            kind,
            name,
            text::fold(name),
            Option::<String>::None,
            Option::<String>::None,
            Option::<String>::None,
            now
        ])?;
    }
    drop(insert);
    super::search::rebuild(tx)
}
