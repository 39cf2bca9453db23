//! The `raccordo` command line: parsing, dispatch and the error contract.
//!
//! Contract: `raccordo [--db FILE] <command>`; the database is `--db`, else `RACCORDO_DB`, else
//! the desktop app's file in the platform data directory. Every command calls the same core
//! functions as the desktop. Write commands print their result only after COMMIT. Errors are ONE
//! line on stderr, `errore: <message>`, exit status 2 for usage errors and 1 otherwise.

mod actions;
mod audit;
mod commands;
mod contacts;
mod crash;
mod files;
mod meetings;
mod minutes;
mod output;
mod safety;
mod sai;
mod transfer;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind as ClapKind};
use clap::{Parser, Subcommand, ValueEnum};

use output::Format;
use raccordo::ApiError;

#[derive(Debug, Parser)]
#[command(
    name = "raccordo",
    version,
    about = "Raccordo: coordinamento degli incontri SAI in Toscana (riga di comando)",
    long_about = None,
)]
pub struct Cli {
    /// File del database (predefinito: quello dell'app desktop; variabile RACCORDO_DB)
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Crea o aggiorna il database e mostra dove si trova
    Init,
    /// Verifica l'integrità del database (non lo modifica)
    Check {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Backup: copia verificata su file (-o), nella cartella dei backup (--rotate), elenco, verifica
    #[command(args_conflicts_with_subcommands = true)]
    Backup {
        #[command(subcommand)]
        command: Option<safety::BackupCommand>,
        /// File di destinazione (mai eliminato dalla rotazione)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Sovrascrive il file di destinazione se esiste
        #[arg(long, requires = "output")]
        force: bool,
        /// Scrive un backup nella cartella «backups» accanto al database, poi elimina i backup
        /// vecchi (ne tiene 7 giornalieri, 4 settimanali, 12 mensili e quelli non giornalieri
        /// degli ultimi 30 giorni)
        #[arg(long, conflicts_with = "output")]
        rotate: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Sostituisce il database con una copia di backup (il database attuale viene conservato)
    Restore {
        /// File di backup da ripristinare (vedi «backup list»)
        file: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Territorio: regione, ASL, province, zone-distretto, comuni
    Territory {
        #[command(subcommand)]
        command: TerritoryCommand,
    },
    /// Zone-distretto
    Zone {
        #[command(subcommand)]
        command: ZoneCommand,
    },
    /// Comuni
    Comune {
        #[command(subcommand)]
        command: ComuneCommand,
    },
    /// Profilo del coordinatore
    Profile {
        #[command(subcommand)]
        command: ProfileCommand,
    },
    /// Persone: elenco, scheda, inserimento, modifica, duplicati, unione, GDPR
    Person {
        #[command(subcommand)]
        command: contacts::PersonCommand,
    },
    /// Organizzazioni (Comuni, Unioni, SdS, Prefetture, ASL, enti…)
    Org {
        #[command(subcommand)]
        command: contacts::OrgCommand,
    },
    /// Incarichi: chi ricopre quale ruolo presso quale organizzazione, e quando
    Role {
        #[command(subcommand)]
        command: contacts::RoleCommand,
    },
    /// Incontri: calendario, invitati e presenze, ordine del giorno, serie periodiche
    Meeting {
        #[command(subcommand)]
        command: meetings::MeetingCommand,
    },
    /// Verbali degli incontri: apertura, scrittura, approvazione, revisioni
    Minutes {
        #[command(subcommand)]
        command: minutes::MinutesCommand,
    },
    /// Azioni da seguire: chi fa cosa entro quando, per comune, con lo storico dello stato
    Action {
        #[command(subcommand)]
        command: actions::ActionCommand,
    },
    /// Ricognizione SAI: stato di Comuni, Unioni e SdS, dati dei progetti, riepiloghi
    Sai {
        #[command(subcommand)]
        command: sai::SaiCommand,
    },
    /// Importa dati da file (contatti CSV/vCard, calendario ICS, esportazione completa): tutto o
    /// niente, con resoconto
    Import {
        #[command(subcommand)]
        command: transfer::ImportCommand,
    },
    /// Esporta dati su file (contatti CSV/XLSX/vCard, calendario ICS, verbali PDF/DOCX/ODT/MD/HTML, azioni CSV/XLSX, registro
    /// attività CSV/XLSX/JSON, tutto il database in JSON)
    Export {
        #[command(subcommand)]
        command: transfer::ExportCommand,
    },
    /// Registro attività: ogni creazione, modifica, eliminazione, importazione ed esportazione
    Audit {
        #[command(subcommand)]
        command: audit::AuditCommand,
    },
    /// Strumenti interni per i test (non documentati)
    #[command(hide = true)]
    Internal {
        #[command(subcommand)]
        command: crash::InternalCommand,
    },
    /// Genera dati dimostrativi SINTETICI (per prove e benchmark; rifiuta un database con dati reali)
    Demo {
        /// Moltiplicatore del volume di dati (1–1000); oggi il territorio non ne dipende
        #[arg(long, default_value_t = 1)]
        scale: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LevelArg {
    Region,
    Asl,
    Province,
    Zone,
    Comune,
}

#[derive(Debug, Subcommand)]
enum TerritoryCommand {
    /// Elenca le unità di un livello del territorio
    List {
        #[arg(long, value_enum, default_value = "comune")]
        level: LevelArg,
        /// Data di riferimento per le zone (gg/mm/aaaa o AAAA-MM-GG; predefinita: oggi)
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Importa le appartenenze dei comuni alle zone da un CSV con intestazione istat_code;zona
    ImportZones {
        /// File CSV (separatore ; oppure ,)
        file: PathBuf,
        /// Data di inizio validità (gg/mm/aaaa o AAAA-MM-GG; predefinita: oggi)
        #[arg(long, value_name = "DATA")]
        valid_from: Option<String>,
        /// Controlla il file senza applicare nulla
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
enum ZoneCommand {
    /// Elenca le zone-distretto con comuni e popolazione alla data
    List {
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Conferma i nomi delle zone del modello iniziale
    Confirm {
        /// Identificativi delle zone (vedi «zone list»)
        ids: Vec<i64>,
        /// Conferma tutte le zone
        #[arg(long, conflicts_with = "ids")]
        all: bool,
    },
    /// Rinomina una zona
    Rename { id: i64, name: String },
}

#[derive(Debug, Subcommand)]
enum ComuneCommand {
    /// Mostra la scheda di un comune (codice ISTAT)
    Show {
        istat: String,
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Cerca comuni per nome (accenti e maiuscole non contano) o per inizio del codice ISTAT
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Assegna un comune a una zona da una data (chiude l'appartenenza precedente il giorno prima)
    SetZone {
        istat: String,
        /// Identificativo della zona (vedi «zone list»)
        #[arg(long, required_unless_present = "none")]
        zone: Option<i64>,
        /// Toglie il comune da ogni zona
        #[arg(long, conflicts_with = "zone")]
        none: bool,
        /// Data di inizio (gg/mm/aaaa o AAAA-MM-GG; predefinita: oggi)
        #[arg(long, value_name = "DATA")]
        from: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum ProfileCommand {
    /// Mostra il profilo del coordinatore
    Show {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Salva nome del coordinatore e organizzazione
    Set {
        #[arg(long)]
        name: String,
        #[arg(long)]
        organisation: String,
    },
}

/// Runs the CLI on `args` and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match commands::dispatch(cli) {
        Ok(code) => code,
        Err(Failure::Api(e)) => {
            eprintln!("errore: {}", one_line(&e.message));
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("errore: {}", one_line(&message));
            ExitCode::from(2)
        }
    }
}

/// Why a command failed.
pub enum Failure {
    Api(ApiError),
    Usage(String),
}

impl From<raccordo::Error> for Failure {
    fn from(e: raccordo::Error) -> Self {
        Failure::Api(ApiError::from(e))
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Api(ApiError::from(raccordo::Error::Io {
            op: "scrittura dell'output",
            path: PathBuf::from("-"),
            source: e,
        }))
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Help and version go to stdout with exit 0; anything else is one Italian line, exit 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    if matches!(e.kind(), ClapKind::DisplayHelp | ClapKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let ctx = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let message = match e.kind() {
        ClapKind::InvalidSubcommand => format!(
            "comando «{}» sconosciuto: usa «raccordo --help» per l'elenco dei comandi",
            ctx(ContextKind::InvalidSubcommand)
        ),
        ClapKind::UnknownArgument => {
            format!("opzione «{arg}» sconosciuta: usa --help per le opzioni del comando")
        }
        ClapKind::InvalidValue => {
            let valid = ctx(ContextKind::ValidValue);
            let hint = if valid.is_empty() {
                String::new()
            } else {
                format!(" (valori ammessi: {valid})")
            };
            format!(
                "valore «{}» non valido per {arg}{hint}",
                ctx(ContextKind::InvalidValue)
            )
        }
        ClapKind::ValueValidation => format!(
            "valore «{}» non valido per {arg}: controlla il formato",
            ctx(ContextKind::InvalidValue)
        ),
        ClapKind::MissingRequiredArgument => {
            format!("manca un argomento obbligatorio: {arg} (usa --help)")
        }
        ClapKind::MissingSubcommand | ClapKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "manca il comando: usa «raccordo --help» per l'elenco dei comandi".to_owned()
        }
        ClapKind::ArgumentConflict => format!(
            "le opzioni {arg} e {} non si possono usare insieme",
            ctx(ContextKind::PriorArg)
        ),
        _ => {
            let rendered = e.to_string();
            let first = rendered
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ");
            format!("{first} (usa --help)")
        }
    };
    eprintln!("errore: {}", one_line(&message));
    ExitCode::from(2)
}
