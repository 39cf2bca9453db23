//! `sai` commands and `export sai`: thin callers of [`raccordo::sai`]; writes print only after
//! COMMIT.
//!
//! Contract: an ENTE is a 6-digit ISTAT code (the Comune of that comune) or, shorter, an
//! organisation id. `list` filters by `--asl --zone --province --status --kind` (territory on
//! `--on`, default today); `show` prints the record and its history; `set-status` records a
//! dated change with note and source; `edit` changes only the facts given; `summary --by
//! asl|zone|province`; `changes --since D`; `export sai --format csv|xlsx -o FILE` (PDF: not
//! available in this build, said so in one line).

use std::path::Path;
use std::process::ExitCode;

use raccordo::contacts;
use raccordo::interchange::CsvStyle;
use raccordo::sai::export::SaiExportKind;
use raccordo::sai::{self, SaiGroupBy, SaiRecord, SaiStatus, SaiStatusInput};
use raccordo::{time, Store};

use crate::cli::output::{col, num, thousands, Format, Out};
use crate::cli::Failure;

mod args;

use args::{on_date, EditArgs, GroupArg, SaiFormat};
pub use args::{ExportSaiArgs, SaiCommand};

type CmdResult = Result<ExitCode, Failure>;

/// The organisation an ENTE argument names (see module contract).
fn ente_id(store: &Store, ente: &str) -> Result<i64, Failure> {
    let e = ente.trim();
    if e.len() == 6 && e.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(store.write(|tx| contacts::comune_org(tx, e))?);
    }
    e.parse::<i64>().map_err(|_| {
        Failure::Usage(format!(
            "ente «{e}» non valido: indica l'identificativo dell'organizzazione (vedi «org list») \
             o il codice ISTAT del comune (6 cifre)"
        ))
    })
}

pub fn run(db: &Path, command: SaiCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    let today = time::today_rome();
    match command {
        SaiCommand::List { filter, format } => {
            let filter = filter.filter()?;
            let rows = store.read(|c| sai::list(c, &filter))?;
            if format == Format::Json {
                out.json(&rows)?;
            } else {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.ente.org_id.to_string(),
                            r.ente.name.clone(),
                            r.ente
                                .asl
                                .map(|a| a.as_str().to_owned())
                                .unwrap_or_default(),
                            r.ente.zone_name.clone().unwrap_or_default(),
                            r.ente.province_abbr.clone().unwrap_or_default(),
                            r.status.label().to_owned(),
                            time::format_it(r.status_since),
                            r.places.total().to_string(),
                            r.next_step.clone(),
                        ]
                    })
                    .collect();
                out.rows(
                    format,
                    &[
                        num("id"),
                        col("ente"),
                        col("asl"),
                        col("zona"),
                        col("prov."),
                        col("stato"),
                        col("dal"),
                        num("posti"),
                        col("prossimo passo"),
                    ],
                    &cells,
                )?;
            }
        }
        SaiCommand::Show { ente, format } => {
            let id = ente_id(&store, &ente)?;
            let record = store.read(|c| sai::record(c, id, today))?;
            match (record, format) {
                (Some(r), Format::Json) => out.json(&r)?,
                (Some(r), _) => show(out, &r)?,
                (None, Format::Json) => out.line("null")?,
                (None, _) => out.line("Nessuna scheda di ricognizione SAI per questo ente.")?,
            }
        }
        SaiCommand::SetStatus {
            ente,
            status,
            on,
            note,
            meeting,
            person,
            source,
        } => {
            let id = ente_id(&store, &ente)?;
            let input = SaiStatusInput {
                status: SaiStatus::parse_any("status", &status)?,
                on: on_date(on.as_deref())?.unwrap_or(today),
                note,
                source_meeting_id: meeting,
                source_person_id: person,
                source_text: source,
            };
            let r = store.write(|tx| sai::set_status(tx, id, &input))?;
            out.line(&format!(
                "{}: stato «{}» dal {}.",
                r.ente.name,
                r.status.label(),
                time::format_it(r.status_since)
            ))?;
        }
        SaiCommand::Edit(args) => {
            let id = ente_id(&store, &args.ente)?;
            let r = store.write(|tx| {
                let mut f = sai::record(tx, id, today)?
                    .map(|r| r.facts)
                    .unwrap_or_default();
                apply(&mut f, &args)?;
                sai::edit_facts(tx, id, &f)
            })?;
            show(out, &r)?;
        }
        SaiCommand::Summary { by, on, format } => {
            let by = match by {
                GroupArg::Asl => SaiGroupBy::Asl,
                GroupArg::Zone => SaiGroupBy::Zone,
                GroupArg::Province => SaiGroupBy::Province,
            };
            let on = on_date(on.as_deref())?.unwrap_or(today);
            let s = store.read(|c| sai::summary(c, by, on))?;
            if format == Format::Json {
                out.json(&s)?;
            } else {
                summary_table(out, format, &s)?;
            }
        }
        SaiCommand::Changes { since, format } => {
            let since = time::parse_date("since", &since)?;
            let changes = store.read(|c| sai::changes_since(c, since, today))?;
            if format == Format::Json {
                out.json(&changes)?;
            } else {
                let cells: Vec<Vec<String>> = changes
                    .iter()
                    .map(|c| {
                        vec![
                            c.ente.name.clone(),
                            c.before.map(|s| s.label()).unwrap_or("—").to_owned(),
                            c.after.label().to_owned(),
                            c.changes
                                .last()
                                .map(|x| time::format_it(x.on))
                                .unwrap_or_default(),
                            c.changes.len().to_string(),
                        ]
                    })
                    .collect();
                out.rows(
                    format,
                    &[
                        col("ente"),
                        col("prima"),
                        col("ora"),
                        col("ultimo cambio"),
                        num("cambi"),
                    ],
                    &cells,
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Applies the options given to the stored facts.
fn apply(f: &mut sai::SaiFactsInput, a: &EditArgs) -> raccordo::Result<()> {
    let date = |field: &str, s: &Option<String>, old: Option<chrono::NaiveDate>| match s {
        None => Ok(old),
        Some(s) if s.trim() == "-" => Ok(None),
        Some(s) => time::parse_date(field, s).map(Some),
    };
    if let Some(v) = &a.titolare {
        f.titolare = v.clone();
    }
    if let Some(v) = &a.gestore {
        f.gestore = v.clone();
    }
    f.places.ordinari = a.ordinari.unwrap_or(f.places.ordinari);
    f.places.dm_ds = a.dm_ds.unwrap_or(f.places.dm_ds);
    f.places.msna = a.msna.unwrap_or(f.places.msna);
    f.funding_start = date("funding_start", &a.funding_start, f.funding_start)?;
    f.funding_end = date("funding_end", &a.funding_end, f.funding_end)?;
    f.triennial = a.triennial.unwrap_or(f.triennial);
    if let Some(v) = &a.next_step {
        f.next_step = v.clone();
    }
    f.next_step_due = date("due", &a.due, f.next_step_due)?;
    if let Some(v) = &a.notes {
        f.notes = v.clone();
    }
    Ok(())
}

fn show(out: &mut Out, r: &SaiRecord) -> std::io::Result<()> {
    let d = |d: Option<chrono::NaiveDate>| d.map(time::format_it).unwrap_or_else(|| "—".into());
    let f = &r.facts;
    out.pairs(&[
        ("Ente", format!("{} ({})", r.ente.name, r.ente.kind.label())),
        (
            "Territorio",
            format!(
                "{} · {} · {}",
                r.ente.asl.map(|a| a.official_name()).unwrap_or("—"),
                r.ente.zone_name.as_deref().unwrap_or("zona non assegnata"),
                r.ente.province_abbr.as_deref().unwrap_or("—")
            ),
        ),
        (
            "Stato",
            format!(
                "{} dal {}",
                r.status.label(),
                time::format_it(r.status_since)
            ),
        ),
        ("Ente titolare", f.titolare.clone()),
        ("Ente attuatore", f.gestore.clone()),
        (
            "Posti",
            format!(
                "{} ordinari, {} DM-DS, {} MSNA (totale {})",
                f.places.ordinari,
                f.places.dm_ds,
                f.places.msna,
                f.places.total()
            ),
        ),
        (
            "Finanziamento",
            format!(
                "{} – {}{}",
                d(f.funding_start),
                d(f.funding_end),
                if f.triennial { " (triennale)" } else { "" }
            ),
        ),
        (
            "Prossimo passo",
            format!("{} (entro {})", f.next_step, d(f.next_step_due)),
        ),
        (
            "Dati",
            if r.synthetic {
                "SINTETICI (demo)"
            } else {
                "inseriti dall'utente"
            }
            .to_owned(),
        ),
    ])?;
    out.line("Storia:")?;
    for c in &r.history {
        let source = [
            c.source_meeting.clone(),
            c.source_person.clone(),
            (!c.source_text.is_empty()).then(|| c.source_text.clone()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("; ");
        out.line(&format!(
            "  {}  {}{}{}",
            time::format_it(c.on),
            c.status.label(),
            if c.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", c.note)
            },
            if source.is_empty() {
                String::new()
            } else {
                format!(" [fonte: {source}]")
            }
        ))?;
    }
    Ok(())
}

fn summary_table(out: &mut Out, format: Format, s: &sai::SaiSummary) -> std::io::Result<()> {
    let row = |r: &sai::SaiSummaryRow| {
        let mut cells = vec![r.label.clone(), r.enti.to_string()];
        cells.extend(r.by_status.iter().map(|c| c.count.to_string()));
        cells.extend([
            r.places.ordinari.to_string(),
            r.places.dm_ds.to_string(),
            r.places.msna.to_string(),
            r.places_total.to_string(),
            thousands(r.population),
            r.places_per_1000
                .map(|v| format!("{v:.2}").replace('.', ","))
                .unwrap_or_default(),
        ]);
        cells
    };
    let mut cells: Vec<Vec<String>> = s.rows.iter().map(row).collect();
    if format == Format::Table {
        cells.push(row(&s.total));
    }
    let first = match s.by {
        SaiGroupBy::Asl => "ASL",
        SaiGroupBy::Zone => "zona",
        SaiGroupBy::Province => "provincia",
    };
    let mut columns = vec![col(first), num("enti")];
    columns.extend(SaiStatus::ALL.iter().map(|st| num(st.label())));
    columns.extend([
        num("ordinari"),
        num("DM-DS"),
        num("MSNA"),
        num("posti"),
        num("residenti"),
        num("per 1.000 ab."),
    ]);
    out.rows(format, &columns, &cells)
}

pub fn export(db: &Path, args: ExportSaiArgs, out: &mut Out) -> CmdResult {
    crate::cli::files::refuse_overwrite(&args.output, args.force)?;
    let kind = match args.format {
        SaiFormat::Csv => SaiExportKind::Csv,
        SaiFormat::Xlsx => SaiExportKind::Xlsx,
        SaiFormat::Pdf => SaiExportKind::Pdf,
    };
    let store = Store::open(db)?;
    let filter = args.filter.filter()?;
    let style = CsvStyle {
        separator: if args.comma { ',' } else { ';' },
        bom: true,
    };
    let n = sai::export::export_file(&store, &filter, kind, style, &args.output)?;
    out.line(&format!(
        "Esportate {n} schede di ricognizione SAI in {}.",
        args.output.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
