//! `import calendar FILE.ics [--dry-run]` and `export calendar --format ics -o FILE [--from
//! --to] [--id N …]`: thin callers of `raccordo::meetings::calendar`. The import takes a backup
//! first (not on a dry run) and prints the event-by-event report only after COMMIT; the export
//! refuses to replace a file without `--force` and writes it atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use raccordo::meetings::calendar::{self, CalendarImportReport, CalendarSelection};
use raccordo::meetings::MeetingFilter;
use raccordo::{time, Store};

use crate::cli::files::refuse_overwrite;
use crate::cli::output::{col, num, Format, Out};
use crate::cli::Failure;

type CmdResult = Result<ExitCode, Failure>;

/// File format of `export calendar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CalendarFormat {
    /// iCalendar (RFC 5545), per Thunderbird, Outlook, Google Calendar
    #[default]
    Ics,
}

#[derive(Debug, Args)]
pub struct ExportCalendarArgs {
    /// Formato del file (oggi solo ics)
    #[arg(long, value_enum, default_value_t)]
    format: CalendarFormat,
    /// File di destinazione (.ics)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    /// Solo gli incontri da questo giorno (gg/mm/aaaa o AAAA-MM-GG)
    #[arg(long, value_name = "DATA")]
    from: Option<String>,
    /// Solo gli incontri fino a questo giorno compreso (gg/mm/aaaa o AAAA-MM-GG)
    #[arg(long, value_name = "DATA")]
    to: Option<String>,
    /// Solo questi incontri (identificativo, ripetibile); una serie è esportata intera
    #[arg(long = "id", value_name = "N", conflicts_with_all = ["from", "to"])]
    ids: Vec<i64>,
    /// Sostituisce il file di destinazione se esiste
    #[arg(long)]
    force: bool,
}

pub fn import(db: &Path, file: &Path, dry_run: bool, format: Format, out: &mut Out) -> CmdResult {
    let store = crate::cli::files::open_for_import(db, file, dry_run, format, out)?;
    let result = store.write(|tx| calendar::import_file(tx, file, dry_run))?;
    if format == Format::Json {
        out.json(&result)?;
    } else {
        print_events(&result, format, out)?;
    }
    let applied = format!(
        "Applicato: {} eventi nuovi, {} aggiornati, {} invariati, {} saltati ({} incontri creati, \
         {} aggiornati, {} eliminati).",
        result.created,
        result.updated,
        result.unchanged,
        result.skipped,
        result.meetings_created,
        result.meetings_updated,
        result.meetings_deleted
    );
    let dry_run_ok = format!(
        "il file è valido; si creerebbero {} eventi, se ne aggiornerebbero {}, {} resterebbero \
         invariati e {} sarebbero saltati",
        result.created, result.updated, result.unchanged, result.skipped
    );
    crate::cli::files::import_outcome(out, format, &result.report, &applied, &dry_run_ok)
}

/// The event-by-event table and the reader's notes.
fn print_events(r: &CalendarImportReport, format: Format, out: &mut Out) -> Result<(), Failure> {
    if !r.rows.is_empty() {
        let rows: Vec<Vec<String>> = r
            .rows
            .iter()
            .map(|e| {
                let when = if e.all_day {
                    time::format_it(e.start.date())
                } else {
                    format!(
                        "{} {}",
                        time::format_it(e.start.date()),
                        e.start.format("%H:%M")
                    )
                };
                vec![
                    e.line.to_string(),
                    e.outcome.label().to_owned(),
                    when,
                    e.title.clone(),
                    e.message.clone(),
                ]
            })
            .collect();
        out.rows(
            format,
            &[
                num("Riga"),
                col("Esito"),
                col("Inizio"),
                col("Titolo"),
                col("Note"),
            ],
            &rows,
        )?;
    }
    if !r.notes.is_empty() {
        out.line("Avvisi:")?;
        for n in &r.notes {
            out.line(&format!("  {}", n.message))?;
        }
    }
    Ok(())
}

pub fn export(db: &Path, args: ExportCalendarArgs, out: &mut Out) -> CmdResult {
    let ExportCalendarArgs {
        format: CalendarFormat::Ics,
        output,
        from,
        to,
        ids,
        force,
    } = args;
    refuse_overwrite(&output, force)?;
    let selection = if ids.is_empty() {
        CalendarSelection::Filter(MeetingFilter {
            from: from.map(|s| time::parse_date("from", &s)).transpose()?,
            to: to.map(|s| time::parse_date("to", &s)).transpose()?,
            ..MeetingFilter::default()
        })
    } else {
        CalendarSelection::Ids(ids)
    };
    let store = Store::open(db)?;
    let count = store.read(|conn| calendar::export_file(conn, &output, &selection))?;
    store.write(|tx| calendar::record_export(tx, &output, count))?;
    out.line(&format!(
        "Esportati {count} incontri in {}.",
        output.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
