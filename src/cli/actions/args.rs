//! Arguments of the `action` commands and of `export actions` (clap definitions only; the
//! handlers are in `actions`). Statuses, priorities and ASL codes are checked by clap against
//! the core's wire names; dates are `gg/mm/aaaa` or ISO.

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, Subcommand, ValueEnum};

use raccordo::actions::{ActionPriority, ActionSort, ActionStatus, DueWindow};
use raccordo::territory::AslCode;

use crate::cli::meetings::args::wire;
use crate::cli::output::Format;

fn status() -> impl TypedValueParser<Value = ActionStatus> {
    wire(ActionStatus::ALL, |s| s.as_str())
}

fn priority() -> impl TypedValueParser<Value = ActionPriority> {
    wire(ActionPriority::ALL, |p| p.as_str())
}

fn sort() -> impl TypedValueParser<Value = ActionSort> {
    wire(ActionSort::ALL, |s| s.as_str())
}

fn window() -> impl TypedValueParser<Value = DueWindow> {
    wire(DueWindow::ALL, |w| w.as_str())
}

fn asl() -> impl TypedValueParser<Value = AslCode> {
    wire(&AslCode::ALL, |a| a.as_str())
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Elenca le azioni (filtri per comune, zona, ASL, stato, scadenza, responsabile, testo)
    List {
        #[command(flatten)]
        filter: ActionFilterArgs,
        #[arg(long, default_value_t = 200)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Mostra tutto di un'azione: collegamenti e storico dello stato con le note
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Crea un'azione (stato «aperta»); stampa l'azione creata in JSON dopo il salvataggio
    Add {
        #[arg(long)]
        title: String,
        #[command(flatten)]
        fields: ActionFields,
    },
    /// Modifica un'azione: cambia solo ciò che è indicato; --status registra il cambio di stato
    /// con la nota (--note)
    Edit {
        id: i64,
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        fields: ActionFields,
        /// Nuovo stato
        #[arg(long, value_parser = status())]
        status: Option<ActionStatus>,
        /// Nota del cambio di stato
        #[arg(long)]
        note: Option<String>,
        /// Toglie la scadenza
        #[arg(long, conflicts_with = "due")]
        no_due: bool,
        /// Toglie i comuni, gli enti e le persone collegati prima di aggiungere quelli indicati
        #[arg(long)]
        clear_links: bool,
    },
    /// Elimina un'azione con il suo storico
    Delete { id: i64 },
}

/// Fields shared by `action add` and `action edit`.
#[derive(Debug, Args)]
pub struct ActionFields {
    #[arg(long)]
    pub description: Option<String>,
    /// Responsabile: «me» (il coordinatore), «nessuno» o l'id di una persona della rubrica
    #[arg(long, value_name = "me|nessuno|ID")]
    pub owner: Option<String>,
    /// Scadenza (gg/mm/aaaa o AAAA-MM-GG)
    #[arg(long, value_name = "DATA")]
    pub due: Option<String>,
    #[arg(long, value_parser = priority())]
    pub priority: Option<ActionPriority>,
    /// Incontro che ha deciso l'azione (id)
    #[arg(long, value_name = "ID")]
    pub meeting: Option<i64>,
    /// Punto all'ordine del giorno dell'incontro (id)
    #[arg(long, value_name = "ID")]
    pub item: Option<i64>,
    /// Comune interessato, codice ISTAT (ripetibile)
    #[arg(long = "comune", value_name = "ISTAT")]
    pub comuni: Vec<String>,
    /// Ente interessato, id (ripetibile)
    #[arg(long = "org", value_name = "ID")]
    pub orgs: Vec<i64>,
    /// Persona interessata, id (ripetibile)
    #[arg(long = "person", value_name = "ID")]
    pub people: Vec<i64>,
}

/// The list's filters, shared by `action list` and `export actions`.
#[derive(Debug, Args, Default)]
pub struct ActionFilterArgs {
    /// Azioni che riguardano il Comune con questo codice ISTAT
    #[arg(long, value_name = "ISTAT")]
    pub comune: Option<String>,
    /// Zona-distretto: id o nome (vedi «zone list»)
    #[arg(long, value_name = "ZONA")]
    pub zone: Option<String>,
    #[arg(long, value_parser = asl())]
    pub asl: Option<AslCode>,
    /// Stato (ripetibile)
    #[arg(long, value_parser = status())]
    pub status: Vec<ActionStatus>,
    /// Solo le azioni non completate né annullate
    #[arg(long)]
    pub open: bool,
    /// In ritardo: scadute prima di oggi e non completate né annullate
    #[arg(long, conflicts_with = "due")]
    pub overdue: bool,
    /// Finestra di scadenza
    #[arg(long, value_parser = window())]
    pub due: Option<DueWindow>,
    /// Scadenza dal giorno (incluso)
    #[arg(long, value_name = "DATA")]
    pub due_from: Option<String>,
    /// Scadenza fino al giorno (incluso)
    #[arg(long, value_name = "DATA")]
    pub due_to: Option<String>,
    /// Responsabile: «me» o l'id di una persona
    #[arg(long, value_name = "me|ID")]
    pub owner: Option<String>,
    /// Azioni di cui la persona è responsabile o a cui è collegata (id)
    #[arg(long, value_name = "ID")]
    pub person: Option<i64>,
    /// Ente collegato (id)
    #[arg(long, value_name = "ID")]
    pub org: Option<i64>,
    /// Incontro (id)
    #[arg(long, value_name = "ID")]
    pub meeting: Option<i64>,
    #[arg(long, value_parser = priority())]
    pub priority: Option<ActionPriority>,
    /// Parole del titolo (accenti e maiuscole non contano)
    #[arg(long)]
    pub search: Option<String>,
    /// Ordine (predefinito: scadenza)
    #[arg(long, value_parser = sort())]
    pub sort: Option<ActionSort>,
    /// Ordine inverso
    #[arg(long)]
    pub desc: bool,
}

/// `--format` of `export actions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActionsFormat {
    Csv,
    Xlsx,
}

/// `export actions`.
#[derive(Debug, Args)]
pub struct ExportActionsArgs {
    #[arg(long, value_enum)]
    pub format: ActionsFormat,
    /// File di destinazione
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// CSV: separatore virgola invece di punto e virgola
    #[arg(long)]
    pub comma: bool,
    /// Sostituisce il file di destinazione se esiste
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub filter: ActionFilterArgs,
}
