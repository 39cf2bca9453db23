//! `import …` and `export …` commands: thin callers of the core's file transfer functions.
//! Imports are all-or-nothing and print the row-by-row report; exports go through the atomic
//! writer and refuse to replace an existing file without `--force`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use raccordo::contacts::transfer::{self, ContactExportFormat};
use raccordo::contacts::PersonFilter;
use raccordo::interchange::vcard::VcardVersion;
use raccordo::interchange::write::CsvStyle;
use raccordo::interchange::ContactField;
use raccordo::{Error, Store};

use crate::cli::files::{import_outcome, open_for_import, refuse_overwrite};
use crate::cli::output::{Format, Out};
use crate::cli::Failure;

mod all;
mod calendar;

type CmdResult = Result<ExitCode, Failure>;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Importa contatti da CSV (con mappatura delle colonne) o vCard 3.0/4.0: tutto o niente
    Contacts {
        /// File .csv o .vcf
        file: PathBuf,
        /// Colonna del CSV e campo di destinazione, ad es. --map "Cognome=family_name"
        /// (campi: given_name, family_name, full_name, honorific, email, phone, organisation,
        /// title, comune, notes, tags, ignore); senza --map si usa la mappatura proposta
        #[arg(long = "map", value_name = "COLONNA=CAMPO")]
        map: Vec<String>,
        /// Controlla il file e mostra cosa succederebbe, senza applicare nulla
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Importa un calendario iCalendar (.ics di Thunderbird, Outlook, Google): tutto o niente,
    /// con resoconto evento per evento; reimportare lo stesso file aggiorna, non duplica
    Calendar {
        /// File .ics
        file: PathBuf,
        /// Controlla il file e mostra cosa succederebbe, senza applicare nulla
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Importa un'esportazione completa (raccordo export all) in un database NUOVO: tutto o niente
    All {
        /// File JSON scritto da «raccordo export all»
        file: PathBuf,
        /// Carica e controlla tutto (vincoli e riferimenti), poi annulla: nessuna modifica
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContactsFormat {
    Csv,
    Xlsx,
    Vcf,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Esporta i contatti (CSV con ; e BOM per Excel italiano, XLSX, vCard)
    Contacts {
        #[arg(long, value_enum)]
        format: ContactsFormat,
        /// File di destinazione
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// CSV: separatore virgola invece di punto e virgola
        #[arg(long)]
        comma: bool,
        /// vCard: versione 3.0 (predefinita, la più compatibile) o 4.0
        #[arg(long = "vcard-version", default_value = "3.0", value_parser = ["3.0", "4.0"])]
        vcard_version: String,
        /// Solo le persone che corrispondono a questa ricerca
        #[arg(long)]
        search: Option<String>,
        /// Solo le persone con un incarico oggi presso il Comune con questo codice ISTAT
        #[arg(long)]
        comune: Option<String>,
        /// Sostituisce il file di destinazione se esiste
        #[arg(long)]
        force: bool,
    },
    /// Esporta il calendario in iCalendar (.ics) per Thunderbird, Outlook, Google: tutti gli
    /// incontri, un periodo (--from/--to) o alcuni (--id)
    Calendar(calendar::ExportCalendarArgs),
    /// Esporta le azioni (CSV con ; e BOM, XLSX con date vere) con gli stessi filtri di
    /// «action list»
    Actions(crate::cli::actions::ExportActionsArgs),
    /// Esporta il verbale di un incontro (PDF, anche PDF/A-2b; DOCX; ODT; Markdown; HTML)
    Minutes(crate::cli::minutes::ExportMinutesArgs),
    /// Esporta tutti i verbali approvati di un periodo, di un'ASL o di una zona in una nuova
    /// cartella (-o CARTELLA) o in un file zip (--zip FILE)
    MinutesBatch(crate::cli::minutes::batch::ExportMinutesBatchArgs),
    /// Esporta la «Scheda comune» in PDF: persone in carica, azioni, incontri, cronologia
    Comune {
        /// Codice ISTAT del comune (ad esempio 050026 per Pisa)
        istat: String,
        /// File di destinazione (.pdf)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Sostituisce il file di destinazione se esiste
        #[arg(long)]
        force: bool,
    },
    /// Esporta TUTTO il database in un file JSON (ripristinabile con «import all»)
    All {
        /// File di destinazione (.json)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Sostituisce il file di destinazione se esiste
        #[arg(long)]
        force: bool,
    },
    /// Esporta il registro attività (CSV con ; e BOM, XLSX, JSON), con gli stessi filtri di
    /// «audit list»
    Audit(crate::cli::audit::ExportAuditArgs),
    /// Esporta la ricognizione SAI (CSV con ; e BOM, XLSX con date vere e riepilogo per ASL)
    Sai(crate::cli::sai::ExportSaiArgs),
}

/// `--map COLUMN=FIELD` (the last `=` separates, so a column name may contain `=`).
fn parse_map(items: &[String]) -> Result<Vec<(String, ContactField)>, Failure> {
    items
        .iter()
        .map(|item| {
            let (column, field) = item.rsplit_once('=').ok_or_else(|| {
                Error::invalid("map", format!("--map «{item}»: usa la forma COLONNA=CAMPO, ad es. \"Cognome=family_name\"."))
            })?;
            let field: ContactField = serde_json::from_value(serde_json::Value::String(field.trim().to_owned()))
                .map_err(|_| {
                    Error::invalid(
                        "map",
                        format!(
                            "--map «{item}»: campo «{}» sconosciuto; campi ammessi: given_name, family_name, \
                             full_name, honorific, email, phone, organisation, title, comune, notes, tags, ignore.",
                            field.trim()
                        ),
                    )
                })?;
            Ok((column.trim().to_owned(), field))
        })
        .collect()
}

pub fn import(db: &Path, command: ImportCommand, out: &mut Out) -> CmdResult {
    let (file, map, dry_run, format) = match command {
        ImportCommand::All {
            file,
            dry_run,
            format,
        } => return all::import_all(db, &file, dry_run, format, out),
        ImportCommand::Calendar {
            file,
            dry_run,
            format,
        } => return calendar::import(db, &file, dry_run, format, out),
        ImportCommand::Contacts {
            file,
            map,
            dry_run,
            format,
        } => (file, map, dry_run, format),
    };
    let mapping = parse_map(&map)?;
    let store = open_for_import(db, &file, dry_run, format, out)?;
    let mapping = (!mapping.is_empty()).then_some(&mapping[..]);
    let result = store.write(|tx| transfer::import_file(tx, &file, mapping, dry_run))?;
    if format == Format::Json {
        out.json(&result)?;
    }
    let applied = format!(
        "Applicato: {} persone nuove, {} aggiornate, {} organizzazioni nuove, {} incarichi.",
        result.created, result.updated, result.organisations_created, result.roles_created
    );
    let dry_run_ok = format!(
        "il file è valido; si creerebbero {} persone e se ne aggiornerebbero {}",
        result.created, result.updated
    );
    import_outcome(out, format, &result.report, &applied, &dry_run_ok)
}

pub fn export(db: &Path, command: ExportCommand, out: &mut Out) -> CmdResult {
    match command {
        ExportCommand::All { output, force } => all::export_all(db, &output, force, out),
        ExportCommand::Audit(args) => crate::cli::audit::export(db, args, out),
        ExportCommand::Sai(args) => crate::cli::sai::export(db, args, out),
        ExportCommand::Calendar(args) => calendar::export(db, args, out),
        ExportCommand::Actions(args) => crate::cli::actions::export(db, args, out),
        ExportCommand::Minutes(args) => crate::cli::minutes::export(db, args, out),
        ExportCommand::MinutesBatch(args) => crate::cli::minutes::batch::export(db, args, out),
        ExportCommand::Comune {
            istat,
            output,
            force,
        } => {
            refuse_overwrite(&output, force)?;
            let store = Store::open(db)?;
            let code = raccordo::territory::normalize_istat(&istat).unwrap_or(istat);
            let outcome = raccordo::overview::export_comune_report(&store, &code, &output)?;
            out.line(&format!("Scheda comune esportata in {}", outcome.path))?;
            Ok(ExitCode::SUCCESS)
        }
        ExportCommand::Contacts {
            format,
            output,
            comma,
            vcard_version,
            search,
            comune,
            force,
        } => {
            refuse_overwrite(&output, force)?;
            export_contacts(
                db,
                format,
                output,
                comma,
                vcard_version,
                search,
                comune,
                out,
            )
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn export_contacts(
    db: &Path,
    format: ContactsFormat,
    output: PathBuf,
    comma: bool,
    vcard_version: String,
    search: Option<String>,
    comune: Option<String>,
    out: &mut Out,
) -> CmdResult {
    let format = match format {
        ContactsFormat::Csv => ContactExportFormat::Csv(CsvStyle {
            separator: if comma { ',' } else { ';' },
            ..CsvStyle::default()
        }),
        ContactsFormat::Xlsx => ContactExportFormat::Xlsx,
        ContactsFormat::Vcf => ContactExportFormat::Vcard(if vcard_version == "4.0" {
            VcardVersion::V4
        } else {
            VcardVersion::V3
        }),
    };
    let filter = PersonFilter {
        search,
        istat_code: comune,
        ..PersonFilter::default()
    };
    let store = Store::open(db)?;
    let count = store.read(|conn| transfer::export_file(conn, &output, format, &filter))?;
    store.write(|tx| transfer::record_export(tx, &output, count))?;
    out.line(&format!(
        "Esportati {count} contatti in {}.",
        output.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
