//! `export all -o FILE.json [--force]` and `import all FILE.json [--dry-run]`: thin callers of
//! [`raccordo::dump`].
//!
//! Contract: the export refuses to replace an existing file without `--force` and never writes
//! over the database itself; it is written atomically and then recorded in the audit log. The
//! import parses and checks the whole file and the target (empty of user data, same schema)
//! BEFORE the `pre-import` backup, then loads everything in one transaction, printing the shared
//! import report (one line per problem, "tabella «t», riga r: …"); `--format json` prints the
//! full [`raccordo::dump::ImportAllReport`] instead.

use std::path::Path;
use std::process::ExitCode;

use raccordo::dump::{self, ImportAllOptions};
use raccordo::{Error, Store};

use crate::cli::output::{Format, Out};
use crate::cli::Failure;

type CmdResult = Result<ExitCode, Failure>;

/// True when `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

pub fn export_all(db: &Path, output: &Path, force: bool, out: &mut Out) -> CmdResult {
    crate::cli::files::refuse_overwrite(output, force)?;
    let sidecars = ["", "-wal", "-shm"].map(|s| format!("{}{s}", db.display()));
    if sidecars.iter().any(|p| same_file(Path::new(p), output)) {
        return Err(Error::invalid(
            "output",
            format!(
                "{} è il database stesso: scegli un altro file per l'esportazione.",
                output.display()
            ),
        )
        .into());
    }
    let store = Store::open(db)?;
    let data = store.read(dump::export_all)?;
    dump::write_file(output, &data)?;
    store.write(|tx| dump::record_export(tx, output, &data))?;
    let bytes = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    out.line(&format!(
        "Esportazione completa in {}: {} righe in {} tabelle ({} byte, schema v{}).",
        output.display(),
        data.row_count(),
        data.tables.len(),
        crate::cli::output::thousands(i64::try_from(bytes).unwrap_or(i64::MAX)),
        data.schema_version
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub fn import_all(
    db: &Path,
    file: &Path,
    dry_run: bool,
    format: Format,
    out: &mut Out,
) -> CmdResult {
    let data = dump::read_file(file)?;
    let label = dump::file_label(file);
    let store = Store::open(db)?;
    // Refusals (non-empty database, other schema) come before the backup: nothing to protect.
    store.read(|conn| dump::check_target(conn, &data, &label).map(|_| ()))?;
    if !dry_run {
        crate::cli::safety::pre_import_backup(&store, format, out)?;
    }
    let options = ImportAllOptions {
        file_label: label,
        dry_run,
    };
    // Committed only when applied: a dry run or a rejected file does not write the file at all.
    let report = store.write_or_rollback(|tx| {
        let report = dump::import_all(tx, &data, &options)?;
        let applied = report.applied;
        Ok((report, applied))
    })?;
    if format == Format::Json {
        out.json(&report)?;
    } else if report.problems_truncated {
        out.line(&format!(
            "Il caricamento si è fermato dopo {} problemi: potrebbero essercene altri.",
            report.problems.len()
        ))?;
    }
    let applied = format!(
        "Applicato: {} righe in {} tabelle; indice di ricerca ricostruito.",
        report.rows_read,
        report.tables.len()
    );
    let dry_run_ok = format!(
        "il file è valido; si importerebbero {} righe in {} tabelle",
        report.rows_read,
        report.tables.len()
    );
    crate::cli::files::import_outcome(
        out,
        format,
        &report.as_import_report(),
        &applied,
        &dry_run_ok,
    )
}
