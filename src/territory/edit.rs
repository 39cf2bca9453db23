//! Write side of the territory: confirm and rename zones, change a comune's zone.

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;

use super::query::{self, memberships};
use super::types::*;
use super::{iso, normalize_istat};
use crate::audit::{self, AuditAction};
use crate::error::{Entity, Error, FieldError, Result};
use crate::text;
use crate::time;

/// Source label of synthetic (demo) memberships.
pub const SYNTHETIC_SOURCE: &str = "demo (dati sintetici)";

/// Longest accepted zone name.
const ZONE_NAME_MAX: usize = 100;

/// Marks the given zones as confirmed by the user; returns ALL zones (counts valid today) so the
/// caller can refresh its list. An unknown id fails the whole call.
pub fn confirm_zones(tx: &Transaction, ids: &[i64]) -> Result<Vec<Zone>> {
    let mut changed = Vec::new();
    for &id in ids {
        let confirmed: Option<bool> = tx
            .query_row("SELECT confirmed FROM zone WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match confirmed {
            None => {
                return Err(Error::NotFound {
                    what: Entity::Zone,
                    key: id.to_string(),
                })
            }
            Some(true) => {}
            Some(false) => {
                tx.execute("UPDATE zone SET confirmed = 1 WHERE id = ?1", [id])?;
                changed.push(id);
            }
        }
    }
    if !changed.is_empty() {
        audit::record(
            tx,
            AuditAction::Update,
            "zone",
            None,
            &format!("Confermate {} zone-distretto", changed.len()),
            Some(&json!({ "confirmed": changed })),
        )?;
    }
    query::zones(tx, time::today_rome())
}

/// Renames a zone: the name is trimmed, must be non-empty, at most 100 characters, and differ
/// (ignoring case, accents and punctuation) from every other zone's name.
pub fn rename_zone(tx: &Transaction, id: i64, name: &str) -> Result<Zone> {
    let old: String = tx
        .query_row("SELECT name FROM zone WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: Entity::Zone,
            key: id.to_string(),
        })?;
    let name = name.trim();
    let folded = text::fold(name);
    if folded.is_empty() {
        return Err(Error::invalid(
            "name",
            "Il nome della zona è obbligatorio: scrivi almeno una lettera o una cifra.",
        ));
    }
    if name.chars().count() > ZONE_NAME_MAX {
        return Err(Error::invalid(
            "name",
            format!("Il nome della zona è troppo lungo: al massimo {ZONE_NAME_MAX} caratteri."),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid(
            "name",
            "Il nome della zona non può contenere a capo o caratteri di controllo.",
        ));
    }
    let clash: Option<String> = tx
        .query_row(
            "SELECT name FROM zone WHERE name_folded = ?1 AND id <> ?2",
            params![folded, id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(other) = clash {
        return Err(Error::invalid(
            "name",
            format!("Esiste già una zona chiamata «{other}»: scegli un nome diverso."),
        ));
    }
    if old != name {
        tx.execute(
            "UPDATE zone SET name = ?1, name_folded = ?2 WHERE id = ?3",
            params![name, folded, id],
        )?;
        audit::record(
            tx,
            AuditAction::Update,
            "zone",
            Some(&id.to_string()),
            &format!("Zona «{old}» rinominata in «{name}»"),
            Some(&json!({ "old": old, "new": name })),
        )?;
    }
    query::zone(tx, id, time::today_rome())
}

/// Puts a comune in zone `zone_id` (or in no zone, with `None`) from `valid_from` on: the current
/// membership is closed the day before `valid_from`. The zone must belong to the comune's ASL and
/// `valid_from` cannot precede the start of the current membership (the same day corrects it).
/// Returns the comune detail as of today (Europe/Rome), like `comune` for the comune page; a
/// change dated in the future shows in `zone_history` and becomes `zone` on its date.
pub fn set_comune_zone(
    tx: &Transaction,
    istat_code: &str,
    zone_id: Option<i64>,
    valid_from: NaiveDate,
    source: &str,
) -> Result<ComuneDetail> {
    let code = normalize_istat(istat_code).ok_or_else(|| Error::NotFound {
        what: Entity::Comune,
        key: istat_code.trim().to_owned(),
    })?;
    let comune = comune_info(tx, &code)?;
    if let Some(id) = zone_id {
        zone_info(tx, id)?.ok_or_else(|| Error::NotFound {
            what: Entity::Zone,
            key: id.to_string(),
        })?;
    }
    let source = match source.trim() {
        "" => "manuale",
        s => s,
    };
    let plan = plan_change(tx, &comune, zone_id, valid_from)?.map_err(|fe| Error::Validation {
        message: fe.message.clone(),
        details: vec![fe],
    })?;
    if plan != Plan::Unchanged {
        let new_zone = apply_plan(tx, &comune, &plan, valid_from, source, false)?;
        record_change(tx, &comune, new_zone, valid_from, source)?;
    }
    query::comune(tx, &code, time::today_rome())
}

/// What the comune and zone tables say about a comune, for planning.
#[derive(Debug, Clone)]
pub(crate) struct ComuneInfo {
    pub istat_code: String,
    pub name: String,
    pub asl: AslCode,
}

pub(crate) fn comune_info(conn: &Connection, code: &str) -> Result<ComuneInfo> {
    conn.query_row(
        "SELECT istat_code, name, asl_code FROM comune WHERE istat_code = ?1",
        [code],
        |r| {
            Ok(ComuneInfo {
                istat_code: r.get(0)?,
                name: r.get(1)?,
                asl: r.get(2)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: Entity::Comune,
        key: code.to_owned(),
    })
}

/// Name and ASL of a zone.
pub(crate) fn zone_info(conn: &Connection, id: i64) -> Result<Option<(String, AslCode)>> {
    Ok(conn
        .query_row("SELECT name, asl_code FROM zone WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// How a membership change will be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Nothing to do: already so.
    Unchanged,
    /// Same start day as the open membership `id`: change its zone (or remove it for `None`).
    Correct { id: i64, zone_id: Option<i64> },
    /// Close the open membership (if any) the day before, then open one in `zone_id` (if any).
    Change {
        close: Option<i64>,
        zone_id: Option<i64>,
    },
}

/// Decides how to move `comune` to `zone_id` from `valid_from`, or says (as a field error) why
/// it cannot. The zone, if any, must exist.
pub(crate) fn plan_change(
    conn: &Connection,
    comune: &ComuneInfo,
    zone_id: Option<i64>,
    valid_from: NaiveDate,
) -> Result<std::result::Result<Plan, FieldError>> {
    let invalid = |field: &str, message: String| {
        Ok(Err(FieldError {
            field: field.to_owned(),
            message,
        }))
    };
    if !(1900..=2999).contains(&valid_from.year()) {
        return invalid(
            "valid_from",
            format!(
                "La data di inizio {} è fuori dall'intervallo ammesso (anni 1900–2999).",
                time::format_it(valid_from)
            ),
        );
    }
    if let Some(id) = zone_id {
        match zone_info(conn, id)? {
            None => return invalid("zone_id", format!("La zona {id} non esiste.")),
            Some((zone_name, zone_asl)) if zone_asl != comune.asl => {
                return invalid(
                    "zone_id",
                    format!(
                        "La zona «{zone_name}» appartiene all'ASL {zone_asl}, ma {} ({}) è \
                         nell'ASL {}: scegli una zona della sua ASL.",
                        comune.name, comune.istat_code, comune.asl
                    ),
                );
            }
            Some(_) => {}
        }
    }
    let history = memberships(conn, &comune.istat_code)?;
    let Some(latest) = history.first() else {
        return Ok(Ok(match zone_id {
            None => Plan::Unchanged,
            Some(_) => Plan::Change {
                close: None,
                zone_id,
            },
        }));
    };
    if valid_from < latest.valid_from {
        return invalid(
            "valid_from",
            format!(
                "{} è nella zona «{}» dal {}: la nuova data di inizio non può essere precedente.",
                comune.name,
                latest.zone_name,
                time::format_it(latest.valid_from)
            ),
        );
    }
    if let Some(to) = latest.valid_to {
        if valid_from <= to {
            return invalid(
                "valid_from",
                format!(
                    "{} è stato nella zona «{}» fino al {}: scegli una data di inizio successiva.",
                    comune.name,
                    latest.zone_name,
                    time::format_it(to)
                ),
            );
        }
        return Ok(Ok(match zone_id {
            None => Plan::Unchanged,
            Some(_) => Plan::Change {
                close: None,
                zone_id,
            },
        }));
    }
    if zone_id == Some(latest.zone_id) {
        return Ok(Ok(Plan::Unchanged));
    }
    if valid_from == latest.valid_from {
        return Ok(Ok(Plan::Correct {
            id: latest.id,
            zone_id,
        }));
    }
    Ok(Ok(Plan::Change {
        close: Some(latest.id),
        zone_id,
    }))
}

/// Applies a plan from [`plan_change`] (without auditing it); returns the new zone, `None` when
/// nothing was changed or the comune left its zone.
pub(crate) fn apply_plan(
    tx: &Transaction,
    comune: &ComuneInfo,
    plan: &Plan,
    valid_from: NaiveDate,
    source: &str,
    synthetic: bool,
) -> Result<Option<i64>> {
    let new_zone = match plan {
        Plan::Unchanged => return Ok(None),
        Plan::Correct { id, zone_id: None } => {
            tx.execute("DELETE FROM comune_zone WHERE id = ?1", [id])?;
            None
        }
        Plan::Correct {
            id,
            zone_id: Some(z),
        } => {
            tx.execute(
                "UPDATE comune_zone SET zone_id = ?1, source = ?2, synthetic = ?3 WHERE id = ?4",
                params![z, source, synthetic, id],
            )?;
            Some(*z)
        }
        Plan::Change { close, zone_id } => {
            if let Some(id) = close {
                let day_before = valid_from
                    .checked_sub_days(Days::new(1))
                    .ok_or_else(|| Error::Internal("date underflow".to_owned()))?;
                tx.execute(
                    "UPDATE comune_zone SET valid_to = ?1 WHERE id = ?2",
                    params![iso(day_before), id],
                )?;
            }
            if let Some(z) = zone_id {
                tx.execute(
                    "INSERT INTO comune_zone (istat_code, zone_id, valid_from, valid_to, source,
                         synthetic)
                     VALUES (?1, ?2, ?3, NULL, ?4, ?5)",
                    params![comune.istat_code, z, iso(valid_from), source, synthetic],
                )?;
            }
            *zone_id
        }
    };
    Ok(new_zone)
}

/// Records a membership change of one comune in the audit log.
pub(crate) fn record_change(
    tx: &Transaction,
    comune: &ComuneInfo,
    new_zone: Option<i64>,
    valid_from: NaiveDate,
    source: &str,
) -> Result<()> {
    let zone_name = match new_zone {
        Some(z) => zone_info(tx, z)?.map(|(n, _)| format!("zona «{n}»")),
        None => None,
    }
    .unwrap_or_else(|| "nessuna zona".to_owned());
    audit::record(
        tx,
        AuditAction::Update,
        "comune_zone",
        Some(&comune.istat_code),
        &format!(
            "{} ({}): {zone_name} dal {}",
            comune.name,
            comune.istat_code,
            time::format_it(valid_from)
        ),
        Some(&json!({ "zone_id": new_zone, "valid_from": iso(valid_from), "source": source })),
    )
}
