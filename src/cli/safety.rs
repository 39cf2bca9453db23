//! `init`, `check`, `backup …` and `restore`: the data-safety commands.
//!
//! Contract:
//! - `init` opens the database the way the desktop starts ([`raccordo::open_checked`]): after an
//!   unclean shutdown it checks the file and, if damaged, restores the newest good backup,
//!   printing what happened; it then takes the daily backup when due. Other commands open the
//!   database plainly and never take daily backups.
//! - `check` and `backup verify FILE` are read-only.
//! - `backup -o FILE` writes a verified copy to a chosen file (never rotated);
//!   `backup --rotate` writes a `manual` backup into the backups folder beside the database and
//!   then rotates the folder; `backup list` lists the folder, newest first.
//! - `restore FILE` keeps the current database aside (and, when healthy, backs it up as
//!   `pre-restore`) before replacing it.
//! - Results are printed after the work is done (and committed); `--format json` prints one
//!   JSON document.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use raccordo::backup::{self, BackupEntry, CheckReport};
use raccordo::{territory, time, Error, Store};
use serde::Serialize;

use super::output::{col, num, thousands, Format, Out};
use super::Failure;

type CmdResult = Result<ExitCode, Failure>;

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Elenca i backup della cartella «backups» accanto al database, dal più recente
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Verifica un file di backup (integrità, versione, contenuto) senza modificarlo
    Verify {
        /// File di backup
        file: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

pub fn init(db: &Path, out: &mut Out) -> CmdResult {
    let (store, startup) = raccordo::open_checked(db)?;
    let report = store.open_report().clone();
    for message in &startup.messages {
        out.line(message)?;
    }
    let tree = store.read(|c| territory::tree(c, time::today_rome()))?;
    let state = if report.created {
        "creato".to_owned()
    } else if report.from_version < report.schema_version {
        format!("aggiornato dalla versione {}", report.from_version)
    } else {
        "già pronto".to_owned()
    };
    out.line(&format!("Database {state}: {}", db.display()))?;
    if let Some(b) = &report.pre_migration_backup {
        out.line(&format!(
            "Copia di sicurezza prima dell'aggiornamento: {}",
            b.display()
        ))?;
    }
    if let Some(b) = &startup.daily_backup {
        out.line(&format!("Backup giornaliero: {}", b.path))?;
    }
    let zones: usize = tree.asl.iter().map(|a| a.zones.len()).sum();
    out.line(&format!(
        "Schema v{}; {} comuni, {} ASL, {zones} zone-distretto ({} da confermare).",
        report.schema_version,
        tree.comuni_count,
        tree.asl.len(),
        tree.zones_to_confirm
    ))?;
    store.close()?;
    Ok(ExitCode::SUCCESS)
}

fn check_pairs(r: &CheckReport) -> Vec<(&'static str, String)> {
    let mut pairs = vec![
        ("File", r.path.clone()),
        ("Dimensione", format!("{} byte", thousands(r.bytes as i64))),
        (
            "Integrità",
            if r.ok {
                "ok".to_owned()
            } else {
                r.integrity.join("; ")
            },
        ),
        (
            "Schema",
            format!(
                "v{} (questa versione gestisce fino a v{})",
                r.schema_version, r.supported_version
            ),
        ),
    ];
    if let Some(c) = &r.counts {
        pairs.push(("Comuni", c.comuni.to_string()));
        pairs.push((
            "Zone-distretto",
            format!("{} ({} confermate)", c.zones, c.zones_confirmed),
        ));
        pairs.push((
            "Appartenenze a zone",
            format!(
                "{} (di cui sintetiche: {})",
                c.memberships, c.synthetic_memberships
            ),
        ));
        if let Some(a) = c.audit_entries {
            let noun = if a == 1 { "voce" } else { "voci" };
            pairs.push(("Registro modifiche", format!("{a} {noun}")));
        }
    }
    pairs
}

/// Prints a check report and turns a failed check into the error of the command.
fn report_check(path: &Path, report: &CheckReport, format: Format, out: &mut Out) -> CmdResult {
    match format {
        Format::Json => out.json(report)?,
        _ => out.pairs(&check_pairs(report))?,
    }
    if !report.ok {
        return Err(Failure::Api(
            Error::DatabaseCorrupt {
                path: path.to_path_buf(),
                reason: format!("verifica di integrità: {}", report.integrity.join("; ")),
            }
            .into(),
        ));
    }
    if report.schema_version > report.supported_version {
        return Err(Failure::Api(
            Error::DatabaseTooNew {
                path: path.to_path_buf(),
                found: report.schema_version,
                supported: report.supported_version,
            }
            .into(),
        ));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn check(db: &Path, format: Format, out: &mut Out) -> CmdResult {
    let report = backup::check(db)?;
    report_check(db, &report, format, out)
}

/// `backup [-o FILE [--force] | --rotate | list | verify FILE]`.
pub fn backup_cmd(
    db: &Path,
    command: Option<BackupCommand>,
    output: Option<&Path>,
    force: bool,
    rotate: bool,
    format: Format,
    out: &mut Out,
) -> CmdResult {
    match (command, output) {
        (Some(BackupCommand::List { format }), _) => list(db, format, out),
        (Some(BackupCommand::Verify { file, format }), _) => {
            let report = backup::verify_backup(&file)?;
            report_check(&file, &report, format, out)
        }
        (None, Some(output)) => to_file(db, output, force, format, out),
        (None, None) if rotate => into_folder_and_rotate(db, format, out),
        (None, None) => Err(Failure::Usage(
            "indica dove scrivere il backup (-o FILE), oppure --rotate per un backup nella \
             cartella dei backup, oppure «backup list»"
                .to_owned(),
        )),
    }
}

fn to_file(db: &Path, output: &Path, force: bool, format: Format, out: &mut Out) -> CmdResult {
    if output.exists() && !force {
        return Err(Failure::Api(
            Error::invalid(
                "output",
                format!(
                    "Il file {} esiste già: scegli un altro nome o aggiungi --force per \
                     sostituirlo.",
                    output.display()
                ),
            )
            .into(),
        ));
    }
    let store = Store::open(db)?;
    let report = backup::backup_to(&store, output)?;
    if format == Format::Json {
        out.json(&report)?;
    } else {
        out.line(&format!(
            "Backup scritto in {} (integrità ok, schema v{}, {} byte).",
            output.display(),
            report.schema_version,
            thousands(report.bytes as i64)
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct FolderBackup {
    backup: BackupEntry,
    rotation: backup::RotationReport,
}

fn into_folder_and_rotate(db: &Path, format: Format, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    let entry = backup::auto_backup(&store, backup::BackupReason::Manual)?;
    let rotation = backup::rotate_backups(db)?;
    if format == Format::Json {
        out.json(&FolderBackup {
            backup: entry,
            rotation,
        })?;
    } else {
        out.line(&format!(
            "Backup scritto in {} (integrità ok, {} byte).",
            entry.path,
            thousands(entry.bytes as i64)
        ))?;
        out.line(&format!(
            "Rotazione: {} backup conservati, {} eliminati.",
            rotation.kept.len(),
            rotation.removed.len()
        ))?;
        for b in &rotation.removed {
            out.line(&format!("  eliminato {}", b.file_name))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(db: &Path, format: Format, out: &mut Out) -> CmdResult {
    let backups = backup::list_backups(db)?;
    if format == Format::Json {
        out.json(&backups)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = backups
        .iter()
        .map(|b| {
            vec![
                local_time(&b.created_at),
                b.reason.label_it().to_owned(),
                if format == Format::Table {
                    thousands(b.bytes as i64)
                } else {
                    b.bytes.to_string()
                },
                b.file_name.clone(),
            ]
        })
        .collect();
    out.rows(
        format,
        &[col("Data"), col("Motivo"), num("Byte"), col("File")],
        &rows,
    )?;
    if format == Format::Table {
        out.line(&format!("Cartella: {}", backup::backups_dir(db).display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `gg/mm/aaaa hh:mm` in Europe/Rome of an RFC 3339 instant.
fn local_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono_tz::Europe::Rome)
                .format("%d/%m/%Y %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}

pub fn restore(db: &Path, file: &Path, format: Format, out: &mut Out) -> CmdResult {
    let report = backup::restore_from(db, file)?;
    if format == Format::Json {
        out.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    out.line(&format!(
        "Database ripristinato da {} in {} (schema v{}).",
        file.display(),
        db.display(),
        report.restored.schema_version
    ))?;
    if let Some(prev) = &report.previous {
        out.line(&format!(
            "Il database precedente è conservato in {}",
            prev.display()
        ))?;
    }
    if let Some(b) = &report.pre_restore_backup {
        out.line(&format!("Backup prima del ripristino: {}", b.path))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The `pre-import` backup taken before an import is applied (not for a dry run); its path is
/// printed unless the output is JSON.
pub fn pre_import_backup(store: &Store, format: Format, out: &mut Out) -> Result<(), Failure> {
    let entry = backup::auto_backup(store, backup::BackupReason::PreImport)?;
    if format != Format::Json {
        out.line(&format!("Backup prima dell'importazione: {}", entry.path))?;
    }
    Ok(())
}
