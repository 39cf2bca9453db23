//! Shared helpers of the commands that read or write files: refusing to replace an existing
//! output file without `--force`, opening the database for an import (with its pre-import
//! backup), and printing an import report. Every command folder uses these; none defines its own.

use std::path::Path;
use std::process::ExitCode;

use raccordo::{Error, Store};

use crate::cli::output::{col, num, Format, Out};
use crate::cli::Failure;

/// Refuses to replace an existing file unless `--force` was given.
pub fn refuse_overwrite(output: &Path, force: bool) -> Result<(), Failure> {
    if output.exists() && !force {
        return Err(Error::invalid(
            "output",
            format!(
                "Il file {} esiste già: scegli un altro nome o aggiungi --force per sostituirlo.",
                output.display()
            ),
        )
        .into());
    }
    Ok(())
}

/// Checks that the file to import exists, opens the database and, unless on a dry run, takes the
/// pre-import backup (and says where it is).
pub fn open_for_import(
    db: &Path,
    file: &Path,
    dry_run: bool,
    format: Format,
    out: &mut Out,
) -> Result<Store, Failure> {
    if !file.is_file() {
        return Err(Error::NotFound {
            what: raccordo::Entity::File,
            key: file.display().to_string(),
        }
        .into());
    }
    let store = Store::open(db)?;
    if !dry_run {
        crate::cli::safety::pre_import_backup(&store, format, out)?;
    }
    Ok(store)
}

/// Prints an import report (the row table unless `format` is JSON, which the caller printed)
/// and turns rejected rows into the one-line error: nothing was applied.
pub fn import_outcome(
    out: &mut Out,
    format: Format,
    report: &raccordo::territory::ImportReport,
    applied: &str,
    dry_run_ok: &str,
) -> Result<ExitCode, Failure> {
    if format != Format::Json {
        out.line(&format!(
            "File {}: {} righe lette, {} valide, {} rifiutate.",
            report.file,
            report.rows_read,
            report.rows_ok,
            report.rejected.len()
        ))?;
        if !report.rejected.is_empty() {
            let rows: Vec<Vec<String>> = report
                .rejected
                .iter()
                .map(|r| vec![r.line.to_string(), r.message.clone()])
                .collect();
            out.rows(format, &[num("Riga"), col("Motivo")], &rows)?;
        }
        out.line(&if report.applied {
            applied.to_owned()
        } else if report.dry_run && report.rejected.is_empty() {
            format!("Prova (--dry-run): {dry_run_ok}; nessuna modifica applicata.")
        } else {
            "Nessuna modifica applicata.".to_owned()
        })?;
    }
    if !report.rejected.is_empty() {
        out.flush()?;
        return Err(Failure::Api(raccordo::ApiError {
            kind: raccordo::ErrorKind::Import,
            message: format!(
                "{} righe rifiutate in {}: nessuna modifica applicata; correggi le righe \
                 indicate e riprova.",
                report.rejected.len(),
                report.file
            ),
            details: Vec::new(),
        }));
    }
    Ok(ExitCode::SUCCESS)
}
