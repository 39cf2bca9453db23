//! The "Scheda comune" PDF: the comune's facts, the people in office today, its open actions,
//! the meetings that concerned it, its recently closed actions and its timeline, for sending to a
//! mayor's office. Laid out by the fixed typst template `scheda-comune.typ` with the verbale's
//! engine (fonts embedded, user strings passed as data, never markup); written atomically.

use std::path::Path;

use serde_json::{json, Value};

use super::timeline::comune_timeline;
use crate::actions::{self, ActionFilter, ActionSort};
use crate::audit::{self, AuditAction};
use crate::contacts;
use crate::contacts::transfer::ExportOutcome;
use crate::error::{Error, Result};
use crate::interchange::atomic_write;
use crate::meetings;
use crate::minutes::build::DEFAULT_ORGANISATION;
use crate::minutes::render::pdf::{render_template, Template};
use crate::settings;
use crate::territory;
use crate::time::{self, format_it};

static TEMPLATE: Template = Template::new(|| {
    typst::syntax::Source::new(
        typst::syntax::FileId::new(None, typst::syntax::VirtualPath::new("/scheda-comune.typ")),
        include_str!("scheda-comune.typ").to_owned(),
    )
});

/// Most rows of the meetings, closed actions and timeline sections.
const RECENT: usize = 40;

/// The report's data for the comune `istat_code` on today's date.
pub fn comune_report_data(conn: &rusqlite::Connection, istat_code: &str) -> Result<Value> {
    let today = time::today_rome();
    let c = territory::comune(conn, istat_code, today)?;
    let profile = settings::profile(conn)?;
    let organisation = if profile.organisation.trim().is_empty() {
        DEFAULT_ORGANISATION.to_owned()
    } else {
        profile.organisation.trim().to_owned()
    };
    let people: Vec<Value> = contacts::comune_people(conn, &c.istat_code, today)?
        .into_iter()
        .map(|r| {
            json!([
                r.person_name,
                format!("{}, {}", r.title, r.organisation_name),
                r.valid_from.map(format_it).unwrap_or_default()
            ])
        })
        .collect();
    let action_row = |a: &actions::ActionSummary| {
        json!([
            a.title,
            a.owner_name,
            a.due.map(format_it).unwrap_or_else(|| "—".to_owned()),
            if a.overdue {
                format!("{} (in ritardo)", a.status.label())
            } else {
                a.status.label().to_owned()
            }
        ])
    };
    let open: Vec<Value> = actions::all_actions(
        conn,
        &ActionFilter {
            comune: Some(c.istat_code.clone()),
            open_only: true,
            ..Default::default()
        },
        today,
    )?
    .iter()
    .map(action_row)
    .collect();
    let closed: Vec<Value> = actions::list_actions(
        conn,
        &ActionFilter {
            comune: Some(c.istat_code.clone()),
            statuses: vec![
                actions::ActionStatus::Done,
                actions::ActionStatus::Cancelled,
            ],
            sort: Some(ActionSort::Updated),
            limit: RECENT as u32,
            ..Default::default()
        },
        today,
    )?
    .rows
    .iter()
    .map(action_row)
    .collect();
    let mut met = meetings::comune_meetings(conn, &c.istat_code)?;
    met.sort_by_key(|m| std::cmp::Reverse(m.starts_at));
    let meetings: Vec<Value> = met
        .iter()
        .take(RECENT)
        .map(|m| {
            json!([
                format_it(m.start.date()),
                m.title,
                m.kind.label(),
                m.status.label()
            ])
        })
        .collect();
    let timeline: Vec<Value> = comune_timeline(conn, &c.istat_code, RECENT as u32)?
        .into_iter()
        .map(|e| json!([format_it(e.date), e.title, e.detail]))
        .collect();
    let zone = c
        .zone
        .as_ref()
        .map(|z| z.zone_name.clone())
        .unwrap_or_else(|| "—".to_owned());
    Ok(json!({
        "organisation": organisation,
        "heading": "Scheda comune",
        "title": format!("Scheda comune — {}", c.name),
        "name": format!("Comune di {}", c.name),
        "generated": format!("Generata da Raccordo il {}", format_it(today)),
        "empty": "Nessuna voce.",
        "facts": [
            ["Codice ISTAT", c.istat_code],
            ["Provincia", format!("{} ({})", c.province_name, c.province_abbr)],
            ["ASL", c.asl_name],
            ["Zona-distretto", zone],
            ["Popolazione", format!("{} (ISTAT {})", c.population, c.population_year)],
            ["Azioni aperte", open.len().to_string()],
        ],
        "people": people,
        "open_actions": open,
        "closed_actions": closed,
        "meetings": meetings,
        "timeline": timeline,
        "h": {
            "people": "Persone in carica",
            "people_cols": ["Nome", "Incarico", "Dal"],
            "open": "Azioni aperte",
            "closed": "Azioni chiuse di recente",
            "action_cols": ["Azione", "Responsabile", "Scadenza", "Stato"],
            "meetings": "Incontri",
            "meeting_cols": ["Data", "Incontro", "Tipo", "Stato"],
            "timeline": "Cronologia",
            "timeline_cols": ["Data", "Che cosa", "Dettaglio"],
        }
    }))
}

/// The report's PDF bytes.
pub fn comune_report_pdf(conn: &rusqlite::Connection, istat_code: &str) -> Result<Vec<u8>> {
    let data = comune_report_data(conn, istat_code)?;
    render_template(
        &TEMPLATE,
        &data,
        None,
        time::today_rome(),
        false,
        Some(time::utc_to_rome(chrono::Utc::now())),
    )
}

/// Writes the report of `istat_code` to `path` (atomically) and records the export.
pub fn export_comune_report(
    store: &crate::Store,
    istat_code: &str,
    path: &Path,
) -> Result<ExportOutcome> {
    let bytes = store.read(|c| comune_report_pdf(c, istat_code))?;
    atomic_write(path, |w| {
        w.write_all(&bytes).map_err(Error::io("scrittura", path))
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    store.write(|tx| {
        audit::record(
            tx,
            AuditAction::Export,
            "comune",
            Some(istat_code),
            &format!("Esportata la scheda del comune {istat_code} in {name}"),
            None,
        )
    })?;
    Ok(ExportOutcome {
        file_name: name,
        path: path.display().to_string(),
        count: 1,
    })
}
