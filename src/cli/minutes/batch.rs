//! `export minutes-batch`: every approved verbale of a period, ASL or zone into a new folder
//! (`-o DIR`) or one zip file (`--zip FILE`); a thin caller of `raccordo::minutes::batch`.
//!
//! Contract: progress goes to stderr ("verbali esportati: 3 di 12"), the outcome to stdout (or
//! as JSON with `--json`); `--dry-run` prints the verbali that would be exported and writes
//! nothing. A zip that exists is replaced only with `--force` (and atomically). An empty
//! selection is the core's error, saying what to change.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::Args;

use raccordo::minutes::batch::{self, BatchSelection, BatchTarget};
use raccordo::minutes::Format as DocFormat;
use raccordo::territory::AslCode;
use raccordo::{time, Store};

use super::MinutesFormat;
use crate::cli::files::refuse_overwrite;
use crate::cli::meetings::args::wire;
use crate::cli::meetings::input::zone_ref;
use crate::cli::output::{col, Format, Out};
use crate::cli::Failure;

/// `export minutes-batch`.
#[derive(Debug, Args)]
pub struct ExportMinutesBatchArgs {
    /// Solo gli incontri da questo giorno (gg/mm/aaaa o AAAA-MM-GG)
    #[arg(long, value_name = "DATA")]
    from: Option<String>,
    /// Solo gli incontri fino a questo giorno compreso (gg/mm/aaaa o AAAA-MM-GG)
    #[arg(long, value_name = "DATA")]
    to: Option<String>,
    /// Solo gli incontri il cui ambito ricade in questa ASL (nord-ovest, centro, sud-est)
    #[arg(long, value_parser = wire(&AslCode::ALL, |a| a.as_str()))]
    asl: Option<AslCode>,
    /// Solo gli incontri il cui ambito ricade in questa zona-distretto (id o nome)
    #[arg(long)]
    zone: Option<String>,
    /// Formato dei verbali
    #[arg(long, value_enum)]
    format: MinutesFormat,
    /// PDF/A-2b, per l'archiviazione (solo con --format pdf)
    #[arg(long)]
    pdfa: bool,
    /// Cartella in cui creare la nuova cartella verbali-AAAA-MM-GG
    #[arg(short = 'o', long = "output", value_name = "DIR", required_unless_present_any = ["zip", "dry_run"], conflicts_with = "zip")]
    output: Option<PathBuf>,
    /// File .zip di destinazione, con tutti i verbali
    #[arg(long, value_name = "FILE")]
    zip: Option<PathBuf>,
    /// Sostituisce il file .zip se esiste
    #[arg(long, requires = "zip")]
    force: bool,
    /// Mostra i verbali che si esporterebbero, senza scrivere nulla
    #[arg(long)]
    dry_run: bool,
    /// Stampa l'esito in JSON (per script)
    #[arg(long)]
    json: bool,
}

pub fn export(db: &Path, args: ExportMinutesBatchArgs, out: &mut Out) -> Result<ExitCode, Failure> {
    if args.pdfa && args.format != MinutesFormat::Pdf {
        return Err(Failure::Usage(
            "--pdfa vale solo per --format pdf".to_owned(),
        ));
    }
    let format = match args.format {
        MinutesFormat::Pdf => DocFormat::Pdf { pdfa: args.pdfa },
        MinutesFormat::Docx => DocFormat::Docx,
        MinutesFormat::Odt => DocFormat::Odt,
        MinutesFormat::Md => DocFormat::Md,
        MinutesFormat::Html => DocFormat::Html,
    };
    let store = Store::open(db)?;
    let selection = store.read(|c| {
        Ok(BatchSelection {
            from: args
                .from
                .as_deref()
                .map(|s| time::parse_date("from", s))
                .transpose()?,
            to: args
                .to
                .as_deref()
                .map(|s| time::parse_date("to", s))
                .transpose()?,
            asl: args.asl,
            zone_id: args.zone.as_deref().map(|z| zone_ref(c, z)).transpose()?,
        })
    })?;
    if args.dry_run {
        let plan = store.read(|c| batch::plan(c, &selection))?;
        if args.json {
            out.json(&plan)?;
            return Ok(ExitCode::SUCCESS);
        }
        if plan.items.is_empty() {
            return Err(batch::empty_selection(&plan.description).into());
        }
        let names = batch::file_names(&plan.items, format);
        let rows: Vec<Vec<String>> = plan
            .items
            .iter()
            .zip(&names)
            .map(|(it, name)| {
                vec![
                    it.meeting_id.to_string(),
                    time::format_it(it.date),
                    it.title.clone(),
                    name.clone(),
                ]
            })
            .collect();
        out.rows(
            Format::Table,
            &[col("Incontro"), col("Data"), col("Titolo"), col("File")],
            &rows,
        )?;
        out.line(&format!(
            "Si esporterebbero {} verbali approvati ({}).",
            plan.count, plan.description
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (target, dest) = match (args.output, args.zip) {
        (_, Some(zip)) => {
            refuse_overwrite(&zip, args.force)?;
            (BatchTarget::Zip, zip)
        }
        (Some(dir), None) => (BatchTarget::Folder, dir),
        (None, None) => {
            return Err(Failure::Usage(
                "indica dove esportare: -o CARTELLA oppure --zip FILE".to_owned(),
            ))
        }
    };
    let tty = std::io::stderr().is_terminal();
    let mut progress = |done: u32, total: u32| {
        let mut err = std::io::stderr().lock();
        let _ = if tty {
            write!(err, "\rverbali esportati: {done} di {total}")
        } else {
            writeln!(err, "verbali esportati: {done} di {total}")
        };
        if tty && done == total {
            let _ = writeln!(err);
        }
    };
    let never = AtomicBool::new(false);
    let result = batch::export_batch(
        &store,
        &selection,
        format,
        target,
        &dest,
        &mut progress,
        &never,
    );
    if tty && result.is_err() {
        eprintln!();
    }
    let outcome = result?;
    if args.json {
        out.json(&outcome)?;
    } else {
        out.line(&format!(
            "Esportati {} verbali approvati in {}",
            outcome.count, outcome.path
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}
