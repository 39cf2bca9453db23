//! Batch export of approved verbali: every approved verbale of a period, of an ASL or of a zone,
//! into a new folder or into one zip file, with progress and cancel.
//!
//! Contract:
//! - [`BatchSelection`] selects meetings like the calendar filters (`from`/`to` are local dates,
//!   inclusive, a meeting overlapping them counts; `asl`/`zone_id` are the ASL and zone the
//!   meeting's scope lies in, as in `meeting list`) that have at least one APPROVED version of
//!   their verbale. A verbale whose revision is open (a draft again) still exports its latest
//!   approved version; a verbale never approved is left out.
//! - [`plan`] is the preview: the verbali that would be exported, by meeting start, with the
//!   version each would use, and the Italian description of the selection. It writes nothing.
//! - [`export_batch`] renders each frozen version (as [`super::export::export_minutes`] does for
//!   one) and writes:
//!   - [`BatchTarget::Folder`]: a NEW folder `verbali-<aaaa-mm-gg>` (`-2`, `-3`… when taken)
//!     inside the chosen folder; files are written atomically into a hidden staging folder
//!     renamed into place at the end, so nothing that was in the chosen folder is ever touched
//!     and a partial batch is never visible;
//!   - [`BatchTarget::Zip`]: one zip file written atomically (the previous file, if any, stays as
//!     it was until the new one is complete).
//! - File names are `<aaaa-mm-gg>-<title>-v<revision>.<ext>` ([`file_names`]): the title through
//!   [`crate::interchange::filename::safe_file_name`] (never a path, never a reserved name),
//!   unique within the batch ignoring case (`-2`, `-3`… before the extension). `v0` is the first
//!   approval, `vN` the Nth revision, as in `export minutes --revision N`.
//! - `progress(done, total)` is called before the first file and after each one; `cancel` is
//!   checked before each file and before the result is put in place: a cancelled or failed batch
//!   returns an error ([`Error::Cancelled`] when cancelled) and leaves nothing behind.
//! - An empty selection is a validation error (field `selection`) saying what to change.
//! - One audit row records the batch (count, format, target name).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::batch_write as write;
use super::build::document_of;
use super::render::{render, Format, Options};
use crate::audit::{self, AuditAction};
use crate::error::{Entity, Error, Result};
use crate::interchange::filename::safe_file_name;
use crate::meetings::{self, MeetingFilter};
use crate::territory::AslCode;
use crate::time;

/// Which approved verbali a batch exports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BatchSelection {
    /// First day (inclusive, Europe/Rome); none: from the first meeting.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive); none: up to the last meeting.
    pub to: Option<NaiveDate>,
    /// Only meetings whose scope lies in this ASL.
    pub asl: Option<AslCode>,
    /// Only meetings whose scope lies in this zone-distretto.
    #[ts(type = "number | null")]
    pub zone_id: Option<i64>,
}

/// Where a batch goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BatchTarget {
    /// A new folder inside the chosen one.
    Folder,
    /// One zip file.
    Zip,
}

/// One verbale of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BatchItem {
    #[ts(type = "number")]
    pub meeting_id: i64,
    pub title: String,
    /// The meeting's day (Europe/Rome).
    pub date: NaiveDate,
    /// "Conferenza zonale dei sindaci", …
    pub kind_label: String,
    /// "Zona Pisana", "ASL Toscana centro", …
    pub scope_label: String,
    /// The approved version exported (0 = first approval).
    pub revision: u32,
    /// A later revision is open as a draft (the export uses the latest approved version).
    pub revision_open: bool,
}

/// What a batch would export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BatchPlan {
    pub count: u32,
    pub items: Vec<BatchItem>,
    /// The selection in words: "dal 01/01/2027 al 31/03/2027, Zona Pisana".
    pub description: String,
}

/// Progress of a running batch (sent to the UI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BatchProgress {
    pub done: u32,
    pub total: u32,
}

/// Where a batch went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BatchOutcome {
    pub target: BatchTarget,
    /// The new folder or the zip file.
    pub path: String,
    /// Its name (for the message "Esportati 12 verbali in verbali-2027-03-31").
    pub name: String,
    pub count: u32,
    /// The file names written (in the folder or in the zip), in meeting order.
    pub files: Vec<String>,
}

/// The selection in Italian words (for the preview and the errors).
pub fn describe(conn: &Connection, sel: &BatchSelection) -> Result<String> {
    let mut parts = Vec::new();
    match (sel.from, sel.to) {
        (Some(f), Some(t)) => parts.push(format!(
            "dal {} al {}",
            time::format_it(f),
            time::format_it(t)
        )),
        (Some(f), None) => parts.push(format!("dal {}", time::format_it(f))),
        (None, Some(t)) => parts.push(format!("fino al {}", time::format_it(t))),
        (None, None) => parts.push("in tutto il calendario".to_owned()),
    }
    if let Some(a) = sel.asl {
        parts.push(a.official_name().to_owned());
    }
    if let Some(z) = sel.zone_id {
        parts.push(match zone_name(conn, z)? {
            Some(name) => format!("zona {name}"),
            None => format!("zona {z}"),
        });
    }
    Ok(parts.join(", "))
}

fn zone_name(conn: &Connection, id: i64) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row("SELECT name FROM zone WHERE id = ?1", [id], |r| r.get(0))
        .optional()?)
}

fn check(conn: &Connection, sel: &BatchSelection) -> Result<()> {
    if let (Some(f), Some(t)) = (sel.from, sel.to) {
        if t < f {
            return Err(Error::invalid(
                "to",
                format!(
                    "La data finale ({}) viene prima di quella iniziale ({}): correggi il periodo.",
                    time::format_it(t),
                    time::format_it(f)
                ),
            ));
        }
    }
    if let Some(z) = sel.zone_id {
        if zone_name(conn, z)?.is_none() {
            return Err(Error::NotFound {
                what: Entity::Zone,
                key: z.to_string(),
            });
        }
    }
    Ok(())
}

/// The approved verbali `sel` selects, by meeting start (the preview; writes nothing).
pub fn plan(conn: &Connection, sel: &BatchSelection) -> Result<BatchPlan> {
    check(conn, sel)?;
    let filter = MeetingFilter {
        from: sel.from,
        to: sel.to,
        asl: sel.asl,
        zone_id: sel.zone_id,
        ..MeetingFilter::default()
    };
    let (wh, p) = meetings::filter_sql(&filter)?;
    let mut stmt = conn.prepare(&format!(
        "{} WHERE {wh} AND m.id IN (SELECT meeting_id FROM minutes_version)
         ORDER BY m.starts_at, m.id",
        meetings::SUMMARY_SQL
    ))?;
    let rows = stmt.query_map(params_from_iter(p.iter()), meetings::summary_row)?;
    let summaries = meetings::finish_summaries(conn, rows)?;
    let mut latest = conn.prepare_cached(
        "SELECT max(v.revision), n.revision, n.status
         FROM minutes_version v JOIN minutes n ON n.meeting_id = v.meeting_id
         WHERE v.meeting_id = ?1",
    )?;
    let mut items = Vec::with_capacity(summaries.len());
    for s in summaries {
        let (revision, current, status): (u32, u32, String) =
            latest.query_row(params![s.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        items.push(BatchItem {
            meeting_id: s.id,
            title: s.title,
            date: s.start.date(),
            kind_label: s.kind.label().to_owned(),
            scope_label: s.scope_label,
            revision,
            revision_open: current > revision || status != "approved",
        });
    }
    Ok(BatchPlan {
        count: u32::try_from(items.len()).unwrap_or(u32::MAX),
        items,
        description: describe(conn, sel)?,
    })
}

/// The error of a selection with no approved verbale: what was searched and what to change.
pub fn empty_selection(description: &str) -> Error {
    Error::invalid(
        "selection",
        format!(
            "Nessun verbale approvato {description}: allarga il periodo o togli il filtro di ASL \
             o zona. Un verbale si approva dalla pagina «Verbale» del suo incontro; le bozze non \
             si esportano."
        ),
    )
}

/// The file name of each item for `format`, unique within the batch (ignoring case).
pub fn file_names(items: &[BatchItem], format: Format) -> Vec<String> {
    let ext = format.extension();
    let mut taken = std::collections::HashSet::new();
    items
        .iter()
        .map(|it| {
            let stem = format!(
                "{}-{}-v{}",
                it.date.format("%Y-%m-%d"),
                safe_file_name(&it.title, "verbale"),
                it.revision
            );
            let mut name = format!("{stem}.{ext}");
            let mut n = 2;
            while !taken.insert(name.to_lowercase()) {
                name = format!("{stem}-{n}.{ext}");
                n += 1;
            }
            name
        })
        .collect()
}

fn cancelled(cancel: &AtomicBool) -> Result<()> {
    if cancel.load(Ordering::SeqCst) {
        Err(Error::Cancelled {
            what: "L'esportazione dei verbali",
        })
    } else {
        Ok(())
    }
}

/// Exports the approved verbali `sel` selects as `format` to `dest` (the folder in which a new
/// folder is created, or the zip file); see the module contract.
pub fn export_batch(
    store: &crate::Store,
    sel: &BatchSelection,
    format: Format,
    target: BatchTarget,
    dest: &Path,
    progress: &mut dyn FnMut(u32, u32),
    cancel: &AtomicBool,
) -> Result<BatchOutcome> {
    let plan = store.read(|c| plan(c, sel))?;
    if plan.items.is_empty() {
        return Err(empty_selection(&plan.description));
    }
    let names = file_names(&plan.items, format);
    let total = plan.count;
    let created = time::utc_to_rome(chrono::Utc::now());
    let opts = Options {
        created: Some(created),
        draft_watermark: true,
    };
    let mut next = |i: usize| -> Result<Vec<u8>> {
        cancelled(cancel)?;
        let it = &plan.items[i];
        let doc = store.read(|c| document_of(c, it.meeting_id, Some(it.revision)))?;
        render(&doc, format, &opts)
    };
    let mut step = |done: usize| progress(u32::try_from(done).unwrap_or(u32::MAX), total);
    step(0);
    let staged = match target {
        BatchTarget::Folder => {
            let day = created.date().format("%Y-%m-%d").to_string();
            write::folder(dest, &day, &names, &mut next, &mut step)?
        }
        BatchTarget::Zip => write::zip(dest, &names, format, created, &mut next, &mut step)?,
    };
    cancelled(cancel)?;
    let name = staged
        .dest()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The audit row and the rename go together: a failure of either leaves neither.
    let written = store.write(|tx| {
        audit::record(
            tx,
            AuditAction::Export,
            "minutes",
            None,
            &format!(
                "Esportati {total} verbali approvati ({}) in {name}",
                format.extension().to_uppercase()
            ),
            Some(&json!({
                "count": total,
                "format": format.extension(),
                "target": target,
                "selection": plan.description,
            })),
        )?;
        staged.commit()
    })?;
    Ok(BatchOutcome {
        target,
        path: written.display().to_string(),
        name,
        count: total,
        files: names,
    })
}
