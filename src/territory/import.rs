//! Import of zone membership from CSV (`istat_code;zona`).
//!
//! Contract of [`import_zones`]: the file is decoded by [`crate::interchange::text::decode`]
//! (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252; size and line limits); the
//! separator is `;` (or `,`, or tab), taken from the header line; a header naming the ISTAT code
//! and zone columns is required. Every row is checked before anything is written; each rejected
//! row is reported with its line number and reason (invalid or unknown ISTAT code, missing or
//! unknown zone, zone of another ASL, comune already in the file, date conflicting with the
//! comune's history). If any row is rejected, or on a dry run, nothing is applied. Otherwise
//! every row is applied in the caller's transaction, with `valid_from` as start date, recorded in
//! the audit log; rows that change nothing are accepted and skipped.
//!
//! Contract of [`parse_zone_rows`] (the pure first half of the import, also the fuzzing entry
//! point): no database; a file with more than [`MAX_ZONE_ROWS`] data rows is refused as a whole
//! before any row is checked, so memory and time stay bounded; every row's `line` is the physical
//! line where it starts.

use std::collections::HashMap;
use std::io::Read;

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::json;

use super::edit::ComuneInfo;
use super::types::{AslCode, ImportReport, RowIssue};
use super::{apply_plan, comune_info, normalize_istat, plan_change, record_change, Plan};
use crate::audit::{self, AuditAction};
use crate::error::{Error, Result};
use crate::interchange::text::{decode, MAX_INPUT_BYTES};
use crate::text;
use crate::time;

/// Folded header names accepted for the two columns.
const ISTAT_HEADERS: &[&str] = &["istat code", "istat", "codice istat", "cod istat", "codice"];
const ZONE_HEADERS: &[&str] = &["zona", "zone", "zona distretto", "nome zona", "zone name"];

/// Most data rows accepted in a zones file: Tuscany has 273 comuni, so a longer file is the wrong
/// file (and would cost one database look-up per row).
pub const MAX_ZONE_ROWS: usize = 10_000;

/// Imports zone memberships; see the module contract. `file_label` names the file in the report,
/// the audit log and the membership source.
pub fn import_zones(
    tx: &Transaction,
    reader: impl Read,
    file_label: &str,
    valid_from: NaiveDate,
    dry_run: bool,
) -> Result<ImportReport> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Import {
            file: file_label.to_owned(),
            reason: format!("lettura non riuscita ({e})"),
        })?;
    let rows = parse_zone_rows(&bytes, file_label)?;
    drop(bytes);

    let zones = zone_lookup(tx)?;
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut planned: Vec<(ComuneInfo, Plan)> = Vec::new();
    let mut rejected = Vec::new();
    let rows_read = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    for row in &rows {
        match check_row(
            tx, &zones, &mut seen, row.line, &row.istat, &row.zone, valid_from,
        )? {
            Ok(ok) => planned.push(ok),
            Err(message) => rejected.push(RowIssue {
                line: row.line,
                message,
            }),
        }
    }
    let rows_ok = rows_read - rejected.len() as u32;
    let apply = rejected.is_empty() && !dry_run;
    if apply {
        let source = format!("importazione: {file_label}");
        let mut changed = 0u32;
        for (comune, plan) in &planned {
            if *plan != Plan::Unchanged {
                let zone = apply_plan(tx, comune, plan, valid_from, &source, false)?;
                record_change(tx, comune, zone, valid_from, &source)?;
                changed += 1;
            }
        }
        audit::record(
            tx,
            AuditAction::Import,
            "comune_zone",
            None,
            &format!(
                "Importate {rows_ok} righe di zone-distretto da {file_label} \
                 ({changed} comuni cambiati) con decorrenza {}",
                time::format_it(valid_from)
            ),
            Some(&json!({ "file": file_label, "rows": rows_ok, "changed": changed })),
        )?;
    }
    Ok(ImportReport {
        file: file_label.to_owned(),
        dry_run,
        rows_read,
        rows_ok,
        rejected,
        applied: apply,
    })
}

/// One data row of a zones CSV as found in the file, before any check against the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneRow {
    /// Physical line (1-based, as an editor shows it) where the row starts.
    pub line: u32,
    /// The ISTAT code cell, trimmed ("" when the row has no such cell).
    pub istat: String,
    /// The zone cell, trimmed ("" when the row has no such cell).
    pub zone: String,
}

/// Parses a zones CSV without touching the database: decoding and limits, separator, header,
/// and the non-blank data rows with their line numbers. `file_label` names the file in errors.
/// Errors: the decoding errors of [`decode`], and [`Error::Import`] for an empty file, an
/// unreadable CSV, a missing header, no data rows or more than [`MAX_ZONE_ROWS`] rows.
pub fn parse_zone_rows(bytes: &[u8], file_label: &str) -> Result<Vec<ZoneRow>> {
    let file_error = |reason: String| Error::Import {
        file: file_label.to_owned(),
        reason,
    };
    let content = decode(bytes)?.text;
    let first_line = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .find(|d| first_line.as_bytes().contains(d))
        .unwrap_or(b';');
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(content.as_bytes());

    let mut records = csv.records();
    let header =
        loop {
            match records.next() {
                None => return Err(file_error(
                    "il file è vuoto: serve un'intestazione istat_code;zona e una riga per comune"
                        .to_owned(),
                )),
                Some(Err(e)) => return Err(file_error(csv_reason(&e))),
                Some(Ok(r)) if r.iter().all(str::is_empty) => continue,
                Some(Ok(r)) => break r,
            }
        };
    let find = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.contains(&text::fold(h).as_str()))
    };
    let (Some(istat_col), Some(zone_col)) = (find(ISTAT_HEADERS), find(ZONE_HEADERS)) else {
        return Err(file_error(format!(
            "intestazione mancante o non riconosciuta («{}»): la prima riga deve essere \
             istat_code;zona",
            header
                .iter()
                .collect::<Vec<_>>()
                .join(&(delimiter as char).to_string())
        )));
    };

    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| file_error(csv_reason(&e)))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() >= MAX_ZONE_ROWS {
            return Err(file_error(format!(
                "il file ha più di {MAX_ZONE_ROWS} righe di dati, ma la Toscana ha meno di 300 \
                 comuni: controlla di aver scelto il file giusto"
            )));
        }
        let line = record
            .position()
            .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
        rows.push(ZoneRow {
            line,
            istat: record.get(istat_col).unwrap_or("").to_owned(),
            zone: record.get(zone_col).unwrap_or("").to_owned(),
        });
    }
    if rows.is_empty() {
        return Err(file_error(
            "nessuna riga di dati dopo l'intestazione istat_code;zona".to_owned(),
        ));
    }
    Ok(rows)
}

/// Zones by folded and by compact name → (id, name, ASL).
struct ZoneLookup {
    by_folded: HashMap<String, (i64, String, AslCode)>,
    by_compact: HashMap<String, (i64, String, AslCode)>,
}

fn zone_lookup(tx: &Transaction) -> Result<ZoneLookup> {
    let mut stmt = tx.prepare("SELECT id, name, name_folded, asl_code FROM zone")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, AslCode>(3)?,
        ))
    })?;
    let mut lookup = ZoneLookup {
        by_folded: HashMap::new(),
        by_compact: HashMap::new(),
    };
    for row in rows {
        let (id, name, folded, asl) = row?;
        lookup
            .by_compact
            .insert(folded.replace(' ', ""), (id, name.clone(), asl));
        lookup.by_folded.insert(folded, (id, name, asl));
    }
    Ok(lookup)
}

/// Checks one row; `Ok(Err(message))` is a rejection, `Err` a database failure.
fn check_row(
    tx: &Transaction,
    zones: &ZoneLookup,
    seen: &mut HashMap<String, u32>,
    line: u32,
    istat: &str,
    zone: &str,
    valid_from: NaiveDate,
) -> Result<std::result::Result<(ComuneInfo, Plan), String>> {
    let Some(code) = normalize_istat(istat) else {
        return Ok(Err(if istat.is_empty() {
            "codice ISTAT mancante".to_owned()
        } else {
            format!("codice ISTAT «{istat}» non valido: servono 6 cifre, ad esempio 048017")
        }));
    };
    let comune = match comune_info(tx, &code) {
        Ok(c) => c,
        Err(Error::NotFound { .. }) => {
            return Ok(Err(format!(
                "codice ISTAT {code} sconosciuto: nessun comune toscano ha questo codice"
            )))
        }
        Err(e) => return Err(e),
    };
    if let Some(first) = seen.get(&code) {
        return Ok(Err(format!(
            "{} ({code}) compare già alla riga {first}: ogni comune può comparire una sola volta",
            comune.name
        )));
    }
    seen.insert(code.clone(), line);
    if zone.is_empty() {
        return Ok(Err(format!("zona mancante per {} ({code})", comune.name)));
    }
    let folded = text::fold(zone);
    let found = zones
        .by_folded
        .get(&folded)
        .or_else(|| zones.by_compact.get(&folded.replace(' ', "")));
    let Some((zone_id, zone_name, zone_asl)) = found else {
        return Ok(Err(format!(
            "zona «{zone}» sconosciuta: usa uno dei nomi elencati da «raccordo zone list»"
        )));
    };
    if *zone_asl != comune.asl {
        return Ok(Err(format!(
            "la zona «{zone_name}» è dell'ASL {zone_asl}, ma {} ({code}) è dell'ASL {}",
            comune.name, comune.asl
        )));
    }
    Ok(plan_change(tx, &comune, Some(*zone_id), valid_from)?
        .map(|plan| (comune, plan))
        .map_err(|fe| fe.message))
}

fn csv_reason(e: &csv::Error) -> String {
    match e.position() {
        Some(p) => format!("riga {} non leggibile come CSV ({e})", p.line()),
        None => format!("file non leggibile come CSV ({e})"),
    }
}
