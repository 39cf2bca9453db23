//! Seeding of the territorial reference data.
//!
//! Contract: [`install_territory`] runs inside migration 1's transaction and inserts the region
//! (Toscana, ISTAT `09`), the 3 ASL, the 10 provinces and the 273 comuni from the CSV embedded
//! from `assets/territory/toscana-comuni.csv`, plus the 28 zone names as an unconfirmed template.
//! It never inserts a zone membership. [`refresh_reference_if_needed`] re-applies the reference
//! rows (upsert, idempotent) when the database does not hold exactly the embedded comuni; it never
//! touches zones or memberships.

use rusqlite::{params, Connection, Transaction, TransactionBehavior};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::territory::types::AslCode;
use crate::text;

/// The embedded ISTAT list of Tuscan comuni.
pub const COMUNI_CSV: &str = include_str!("../../assets/territory/toscana-comuni.csv");

/// ISTAT code and name of the region.
pub const REGION_CODE: &str = "09";
pub const REGION_NAME: &str = "Toscana";

/// Year of `population_2023`.
pub const POPULATION_YEAR: i64 = 2023;

/// Number of comuni in the embedded data.
pub const EXPECTED_COMUNI: i64 = 273;

/// The 28 zone-distretto names known with reasonable confidence (a template to confirm).
pub const ZONE_TEMPLATE: [(AslCode, &str); 28] = [
    (AslCode::NordOvest, "Apuane"),
    (AslCode::NordOvest, "Lunigiana"),
    (AslCode::NordOvest, "Piana di Lucca"),
    (AslCode::NordOvest, "Valle del Serchio"),
    (AslCode::NordOvest, "Versilia"),
    (AslCode::NordOvest, "Pisana"),
    (AslCode::NordOvest, "Alta Val di Cecina-Valdera"),
    (AslCode::NordOvest, "Livornese"),
    (AslCode::NordOvest, "Valli Etrusche"),
    (AslCode::NordOvest, "Elba"),
    (AslCode::Centro, "Firenze"),
    (AslCode::Centro, "Fiorentina Nord-Ovest"),
    (AslCode::Centro, "Fiorentina Sud-Est"),
    (AslCode::Centro, "Mugello"),
    (AslCode::Centro, "Empolese Valdelsa Valdarno"),
    (AslCode::Centro, "Pratese"),
    (AslCode::Centro, "Pistoiese"),
    (AslCode::Centro, "Val di Nievole"),
    (AslCode::SudEst, "Alta Val d'Elsa"),
    (AslCode::SudEst, "Senese"),
    (
        AslCode::SudEst,
        "Amiata Senese e Val d'Orcia-Valdichiana Senese",
    ),
    (AslCode::SudEst, "Aretina"),
    (AslCode::SudEst, "Casentino"),
    (AslCode::SudEst, "Valtiberina"),
    (AslCode::SudEst, "Valdarno"),
    (AslCode::SudEst, "Valdichiana Aretina"),
    (
        AslCode::SudEst,
        "Amiata Grossetana-Colline Metallifere-Grossetana",
    ),
    (AslCode::SudEst, "Colline dell'Albegna"),
];

/// One row of the embedded CSV.
#[derive(Debug, Clone, Deserialize)]
pub struct ComuneRef {
    pub istat_code: String,
    pub name: String,
    pub province_code: String,
    pub province: String,
    pub province_abbr: String,
    pub cadastral_code: String,
    pub provincial_capital: u8,
    pub nuts3: String,
    pub population_2023: i64,
    pub asl: String,
}

/// Parses the embedded CSV.
pub fn comuni() -> Result<Vec<ComuneRef>> {
    let mut reader = csv::Reader::from_reader(COMUNI_CSV.as_bytes());
    let rows: Vec<ComuneRef> = reader
        .deserialize()
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::Internal(format!("embedded comuni CSV: {e}")))?;
    if rows.len() as i64 != EXPECTED_COMUNI {
        return Err(Error::Internal(format!(
            "embedded comuni CSV has {} rows, expected {EXPECTED_COMUNI}",
            rows.len()
        )));
    }
    Ok(rows)
}

/// Migration 1 hook: reference rows and the zone template.
pub fn install_territory(tx: &Transaction) -> Result<()> {
    upsert_reference(tx)?;
    let mut stmt = tx.prepare(
        "INSERT INTO zone (name, name_folded, asl_code, confirmed, sort_order)
         VALUES (?1, ?2, ?3, 0, ?4)",
    )?;
    for (i, (asl, name)) in ZONE_TEMPLATE.iter().enumerate() {
        stmt.execute(params![name, text::fold(name), asl, i as i64 + 1])?;
    }
    Ok(())
}

/// Re-applies the reference rows when the comuni differ in number from the embedded data.
pub fn refresh_reference_if_needed(conn: &mut Connection) -> Result<()> {
    let count: i64 = conn.query_row("SELECT count(*) FROM comune", [], |r| r.get(0))?;
    if count == EXPECTED_COMUNI {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    upsert_reference(&tx)?;
    tx.commit()?;
    Ok(())
}

/// Inserts or updates region, ASL, provinces and comuni from the embedded data.
fn upsert_reference(tx: &Transaction) -> Result<()> {
    let rows = comuni()?;
    tx.execute(
        "INSERT INTO region (code, name) VALUES (?1, ?2)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name",
        params![REGION_CODE, REGION_NAME],
    )?;
    for (i, asl) in AslCode::ALL.iter().enumerate() {
        tx.execute(
            "INSERT INTO asl (code, name, sort_order, region_code) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order",
            params![asl, asl.official_name(), i as i64 + 1, REGION_CODE],
        )?;
    }
    let mut province = tx.prepare(
        "INSERT INTO province (code, name, abbr, nuts3, region_code) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, abbr = excluded.abbr,
             nuts3 = excluded.nuts3",
    )?;
    let mut comune = tx.prepare(
        "INSERT INTO comune (istat_code, name, name_folded, name_compact, cadastral_code,
             province_code, asl_code, provincial_capital, nuts3, population, population_year)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (istat_code) DO UPDATE SET name = excluded.name,
             name_folded = excluded.name_folded, name_compact = excluded.name_compact,
             cadastral_code = excluded.cadastral_code, province_code = excluded.province_code,
             asl_code = excluded.asl_code, provincial_capital = excluded.provincial_capital,
             nuts3 = excluded.nuts3, population = excluded.population,
             population_year = excluded.population_year",
    )?;
    for r in &rows {
        let asl: AslCode = r
            .asl
            .parse()
            .map_err(|e| Error::Internal(format!("embedded comuni CSV: {e}")))?;
        province.execute(params![
            r.province_code,
            r.province,
            r.province_abbr,
            r.nuts3,
            REGION_CODE
        ])?;
        comune.execute(params![
            r.istat_code,
            r.name,
            text::fold(&r.name),
            text::compact(&r.name),
            r.cadastral_code,
            r.province_code,
            asl,
            i64::from(r.provincial_capital),
            r.nuts3,
            r.population_2023,
            POPULATION_YEAR,
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_csv_matches_documented_counts() -> Result<()> {
        let rows = comuni()?;
        let total: i64 = rows.iter().map(|r| r.population_2023).sum();
        assert_eq!(total, 3_651_152, "documented total population");
        let capitals = rows.iter().filter(|r| r.provincial_capital == 1).count();
        assert_eq!(capitals, 10, "ten provincial capitals");
        assert!(
            rows.iter().all(|r| r.istat_code.len() == 6),
            "ISTAT codes are 6-digit text with leading zeros"
        );
        Ok(())
    }

    #[test]
    fn zone_template_has_unique_folded_names_per_documented_asl_counts() {
        let mut folded: Vec<String> = ZONE_TEMPLATE.iter().map(|(_, n)| text::fold(n)).collect();
        folded.sort();
        folded.dedup();
        assert_eq!(folded.len(), 28, "28 distinct zone names");
        for (asl, n) in [
            (AslCode::NordOvest, 10),
            (AslCode::Centro, 8),
            (AslCode::SudEst, 10),
        ] {
            let got = ZONE_TEMPLATE.iter().filter(|(a, _)| *a == asl).count();
            assert_eq!(got, n, "zones of {asl}");
        }
    }
}
