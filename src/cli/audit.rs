//! `audit list` and `export audit`: thin callers of [`raccordo::audit`]. Both take the same
//! filters (entity, action, date range in gg/mm/aaaa or ISO, text); the export refuses to
//! replace an existing file without `--force` and records itself in the log.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use raccordo::audit::export::{action_label_it, local_time_it};
use raccordo::audit::{self, entity_label_it, AuditExportKind, AuditFilter};
use raccordo::{time, Error, Store};

use super::output::{col, Format, Out};
use super::Failure;

type CmdResult = Result<ExitCode, Failure>;

/// Filters shared by `audit list` and `export audit`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Solo le voci su questo oggetto (person, organisation, role, zone, comune_zone, profile…)
    #[arg(long)]
    entity: Option<String>,
    /// Solo questa azione (create, update, delete, import, export, migrate)
    #[arg(long)]
    action: Option<String>,
    /// Dal giorno (incluso; gg/mm/aaaa o AAAA-MM-GG, ora di Roma)
    #[arg(long, value_name = "DATA")]
    from: Option<String>,
    /// Al giorno (incluso; gg/mm/aaaa o AAAA-MM-GG, ora di Roma)
    #[arg(long, value_name = "DATA")]
    to: Option<String>,
    /// Testo da cercare nella descrizione, nell'oggetto o nell'identificativo
    #[arg(long)]
    text: Option<String>,
}

impl FilterArgs {
    fn filter(&self) -> Result<AuditFilter, Failure> {
        Ok(AuditFilter {
            entity: self.entity.clone(),
            action: self.action.as_deref().map(str::parse).transpose()?,
            from: self
                .from
                .as_deref()
                .map(|s| time::parse_date("from", s))
                .transpose()?,
            to: self
                .to
                .as_deref()
                .map(|s| time::parse_date("to", s))
                .transpose()?,
            text: self.text.clone(),
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Elenca le voci del registro attività, dalla più recente
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// Quante voci al massimo (1–1000)
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=1000))]
        limit: u32,
        /// Salta le prime N voci (per sfogliare)
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    Csv,
    Xlsx,
    Json,
}

/// Arguments of `export audit`.
#[derive(Debug, Args)]
pub struct ExportAuditArgs {
    #[arg(long, value_enum)]
    format: AuditFormat,
    /// File di destinazione
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    #[command(flatten)]
    filter: FilterArgs,
    /// Sostituisce il file di destinazione se esiste
    #[arg(long)]
    force: bool,
}

pub fn run(db: &Path, command: AuditCommand, out: &mut Out) -> CmdResult {
    let AuditCommand::List {
        filter,
        limit,
        offset,
        format,
    } = command;
    let filter = filter.filter()?;
    let store = Store::open(db)?;
    let page = store.read(|c| audit::query(c, &filter, offset, limit))?;
    if format == Format::Json {
        out.json(&page)?;
        return Ok(ExitCode::SUCCESS);
    }
    let columns = [
        col("Data e ora"),
        col("Azione"),
        col("Oggetto"),
        col("Id"),
        col("Descrizione"),
    ];
    let rows: Vec<Vec<String>> = page
        .entries
        .iter()
        .map(|e| {
            vec![
                local_time_it(&e.at),
                action_label_it(&e.action),
                entity_label_it(&e.entity).to_owned(),
                e.entity_id.clone().unwrap_or_default(),
                e.summary.clone(),
            ]
        })
        .collect();
    out.rows(format, &columns, &rows)?;
    if format == Format::Table {
        let shown = page.entries.len();
        out.line(&format!(
            "{shown} voci mostrate su {} (dalla {}ª).",
            page.total,
            u64::from(offset) + 1
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export(db: &Path, args: ExportAuditArgs, out: &mut Out) -> CmdResult {
    let ExportAuditArgs {
        format,
        output,
        filter,
        force,
    } = args;
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
    let filter = filter.filter()?;
    let kind = match format {
        AuditFormat::Csv => AuditExportKind::Csv,
        AuditFormat::Xlsx => AuditExportKind::Xlsx,
        AuditFormat::Json => AuditExportKind::Json,
    };
    let store = Store::open(db)?;
    let outcome = audit::export_and_record(&store, &output, kind, &filter)?;
    out.line(&format!(
        "Esportate {} voci del registro attività in {}.",
        outcome.count,
        output.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
