//! `action` commands and `export actions`: thin callers of `raccordo::actions`; writes print
//! only after COMMIT (`action add` prints the created action as JSON).
//!
//! Contract: `list` (filters of the Azioni area: --comune, --zone, --asl, --status, --open,
//! --overdue, --due, --owner, --person, --org, --meeting, --priority, --search; sort and
//! paging), `show`, `add`, `edit` (only the options given change; `--status` with `--note`
//! records a dated change), `delete`. "Overdue" is due before today (Europe/Rome) and neither
//! completed nor cancelled.

use std::path::Path;
use std::process::ExitCode;

use raccordo::actions::{
    self, ActionExportFormat, ActionFilter, ActionInput, ActionOwner, ActionView, DueWindow,
};
use raccordo::{time, Error, Store};
use rusqlite::Connection;

mod args;

use crate::cli::files::refuse_overwrite;
use crate::cli::meetings::input::zone_ref;
use crate::cli::output::{col, Format, Out};
use crate::cli::Failure;
pub use args::{ActionCommand, ExportActionsArgs};
use args::{ActionFields, ActionFilterArgs, ActionsFormat};

type CmdResult = Result<ExitCode, Failure>;

pub fn run(db: &Path, command: ActionCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    match command {
        ActionCommand::List {
            filter,
            limit,
            offset,
            format,
        } => {
            let today = time::today_rome();
            let page = store.read(|c| {
                let mut f = to_filter(c, &filter)?;
                f.limit = limit.max(1);
                f.offset = offset;
                actions::list_actions(c, &f, today)
            })?;
            match format {
                Format::Json => out.json(&page)?,
                _ => {
                    let rows: Vec<Vec<String>> = page
                        .rows
                        .iter()
                        .map(|a| {
                            vec![
                                a.id.to_string(),
                                a.due.map(time::format_it).unwrap_or_default(),
                                format!(
                                    "{}{}",
                                    a.status.label(),
                                    if a.overdue { " (in ritardo)" } else { "" }
                                ),
                                a.priority.label().to_owned(),
                                a.owner_name.clone(),
                                a.comuni.clone(),
                                a.title.clone(),
                            ]
                        })
                        .collect();
                    out.rows(
                        format,
                        &[
                            col("ID"),
                            col("Scadenza"),
                            col("Stato"),
                            col("Priorità"),
                            col("Responsabile"),
                            col("Comuni"),
                            col("Titolo"),
                        ],
                        &rows,
                    )?;
                    if format == Format::Table {
                        out.line(&format!(
                            "{} azioni in tutto, mostrate {}",
                            page.total,
                            page.rows.len()
                        ))?;
                    }
                }
            }
        }
        ActionCommand::Show { id, format } => {
            let a = store.read(|c| actions::action(c, id))?;
            match format {
                Format::Json => out.json(&a)?,
                _ => show(out, &a)?,
            }
        }
        ActionCommand::Add { title, fields } => {
            let a = store.write(|tx| {
                let mut input = ActionInput::titled(&title);
                apply(&mut input, &fields)?;
                actions::create_action(tx, &input)
            })?;
            out.json(&a)?;
        }
        ActionCommand::Edit {
            id,
            title,
            fields,
            status,
            note,
            no_due,
            clear_links,
        } => {
            let touches_fields = title.is_some()
                || no_due
                || clear_links
                || fields.description.is_some()
                || fields.owner.is_some()
                || fields.due.is_some()
                || fields.priority.is_some()
                || fields.meeting.is_some()
                || fields.item.is_some()
                || !fields.comuni.is_empty()
                || !fields.orgs.is_empty()
                || !fields.people.is_empty();
            if !touches_fields && status.is_none() && note.is_none() {
                return Err(Failure::Usage(format!(
                    "nessuna modifica indicata per l'azione {id}: usa «raccordo action edit \
                     --help» per le opzioni"
                )));
            }
            let a = store.write(|tx| {
                if touches_fields {
                    let old = actions::action(tx, id)?;
                    let mut input = input_of(&old);
                    if let Some(t) = &title {
                        input.title = t.clone();
                    }
                    if no_due {
                        input.due = None;
                    }
                    if clear_links {
                        input.comuni.clear();
                        input.organisations.clear();
                        input.people.clear();
                    }
                    apply(&mut input, &fields)?;
                    actions::update_action(tx, id, &input)?;
                }
                match status {
                    Some(s) => actions::set_status(tx, id, s, note.as_deref().unwrap_or("")),
                    None => match &note {
                        Some(n) => {
                            let current = actions::action(tx, id)?.status;
                            actions::set_status(tx, id, current, n)
                        }
                        None => actions::action(tx, id),
                    },
                }
            })?;
            show(out, &a)?;
        }
        ActionCommand::Delete { id } => {
            store.write(|tx| actions::delete_action(tx, id))?;
            out.line(&format!("Azione {id} eliminata"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `export actions`.
pub fn export(db: &Path, args: ExportActionsArgs, out: &mut Out) -> CmdResult {
    refuse_overwrite(&args.output, args.force)?;
    let store = Store::open(db)?;
    let filter = store.read(|c| to_filter(c, &args.filter))?;
    let format = match (args.format, args.comma) {
        (ActionsFormat::Xlsx, _) => ActionExportFormat::Xlsx,
        (ActionsFormat::Csv, false) => ActionExportFormat::Csv,
        (ActionsFormat::Csv, true) => ActionExportFormat::CsvComma,
    };
    let outcome = actions::export_actions(&store, &args.output, format, &filter)?;
    out.line(&format!(
        "Esportate {} azioni in {}",
        outcome.count, outcome.path
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The core filter of the typed options.
pub fn to_filter(conn: &Connection, a: &ActionFilterArgs) -> raccordo::Result<ActionFilter> {
    let day = |field: &str, v: &Option<String>| {
        v.as_deref().map(|s| time::parse_date(field, s)).transpose()
    };
    let mut f = ActionFilter {
        search: a.search.clone().unwrap_or_default(),
        statuses: a.status.clone(),
        open_only: a.open,
        due_window: if a.overdue {
            Some(DueWindow::Overdue)
        } else {
            a.due
        },
        due_from: day("due_from", &a.due_from)?,
        due_to: day("due_to", &a.due_to)?,
        priority: a.priority,
        asl: a.asl,
        zone_id: a.zone.as_deref().map(|z| zone_ref(conn, z)).transpose()?,
        comune: a
            .comune
            .as_deref()
            .map(|c| comune_code(conn, c))
            .transpose()?,
        organisation_id: a.org,
        person_id: a.person,
        meeting_id: a.meeting,
        sort: a.sort,
        descending: a.desc,
        ..Default::default()
    };
    match a.owner.as_deref().map(str::trim) {
        None => {}
        Some("me") => f.owner_coordinator = true,
        Some(other) => f.owner_person_id = Some(person_id("owner", other)?),
    }
    Ok(f)
}

fn comune_code(conn: &Connection, typed: &str) -> raccordo::Result<String> {
    let code = raccordo::territory::normalize_istat(typed).unwrap_or_default();
    Ok(raccordo::territory::comune(conn, &code, time::today_rome())
        .map_err(|_| raccordo::Error::NotFound {
            what: raccordo::error::Entity::Comune,
            key: typed.trim().to_owned(),
        })?
        .istat_code)
}

fn person_id(field: &str, typed: &str) -> raccordo::Result<i64> {
    typed.parse::<i64>().map_err(|_| {
        Error::invalid(
            field,
            format!(
                "«{typed}» non è un responsabile valido: scrivi «me» (te stesso), «nessuno» o \
                 l'id di una persona (vedi «raccordo person list --search NOME»)."
            ),
        )
    })
}

fn input_of(v: &ActionView) -> ActionInput {
    ActionInput {
        title: v.title.clone(),
        description: v.description.clone(),
        owner: v.owner,
        due: v.due,
        priority: v.priority,
        meeting_id: v.meeting.as_ref().map(|m| m.id),
        agenda_item_id: v
            .meeting
            .as_ref()
            .and_then(|m| m.agenda_item.as_ref())
            .and_then(|i| i.id.parse().ok()),
        comuni: v.comuni.iter().map(|c| c.id.clone()).collect(),
        organisations: v
            .organisations
            .iter()
            .filter_map(|o| o.id.parse().ok())
            .collect(),
        people: v.people.iter().filter_map(|p| p.id.parse().ok()).collect(),
    }
}

/// Applies the typed fields; on an edit, links are added to the existing ones.
fn apply(input: &mut ActionInput, f: &ActionFields) -> raccordo::Result<()> {
    if let Some(d) = &f.description {
        input.description = d.clone();
    }
    if let Some(o) = f.owner.as_deref().map(str::trim) {
        input.owner = match o {
            "me" => ActionOwner::Coordinator,
            "nessuno" => ActionOwner::None,
            other => ActionOwner::Person {
                person_id: person_id("owner", other)?,
            },
        };
    }
    if let Some(d) = &f.due {
        input.due = Some(time::parse_date("due", d)?);
    }
    if let Some(p) = f.priority {
        input.priority = p;
    }
    if let Some(m) = f.meeting {
        input.meeting_id = Some(m);
        input.agenda_item_id = None;
    }
    if let Some(i) = f.item {
        input.agenda_item_id = Some(i);
    }
    input.comuni.extend(f.comuni.iter().cloned());
    input.organisations.extend(f.orgs.iter().copied());
    input.people.extend(f.people.iter().copied());
    Ok(())
}

fn show(out: &mut Out, a: &ActionView) -> std::io::Result<()> {
    let names = |v: &[raccordo::actions::LinkRef]| {
        v.iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut pairs = vec![
        ("Azione", format!("{} — {}", a.id, a.title)),
        (
            "Stato",
            format!(
                "{}{}",
                a.status.label(),
                if a.overdue { " (in ritardo)" } else { "" }
            ),
        ),
        ("Priorità", a.priority.label().to_owned()),
        ("Scadenza", a.due.map(time::format_it).unwrap_or_default()),
        ("Responsabile", a.owner_name.clone()),
        ("Comuni", names(&a.comuni)),
        ("Enti", names(&a.organisations)),
        ("Persone", names(&a.people)),
    ];
    if let Some(m) = &a.meeting {
        pairs.push((
            "Incontro",
            format!("{} — {} ({})", m.id, m.title, time::format_it(m.date)),
        ));
        if let Some(i) = &m.agenda_item {
            pairs.push(("Punto all'odg", i.name.clone()));
        }
    }
    if !a.description.is_empty() {
        pairs.push(("Descrizione", a.description.clone()));
    }
    out.pairs(&pairs)?;
    out.line("Storico:")?;
    for h in &a.history {
        let note = if h.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", h.note)
        };
        out.line(&format!("  {}  {}{note}", h.changed_at, h.status.label()))?;
    }
    Ok(())
}
