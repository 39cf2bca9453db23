//! Arguments of the `meeting` commands (clap definitions only; the handlers are in `meetings`).
//!
//! Kinds, statuses and ASL codes are checked by clap against the core's wire names (an unknown
//! value is a usage error listing the accepted ones). Dates are `gg/mm/aaaa` or ISO; times are
//! Europe/Rome wall-clock times `HH:MM`.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};

use raccordo::meetings::{MeetingKind, MeetingStatus};
use raccordo::territory::AslCode;

use crate::cli::output::Format;

/// A clap parser accepting exactly the wire names of a core enum.
pub(crate) fn wire<T>(
    all: &'static [T],
    name: fn(&T) -> &'static str,
) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr<Err = String> + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(all.iter().map(name)).try_map(|s| s.parse::<T>())
}

fn kind() -> impl TypedValueParser<Value = MeetingKind> {
    wire(MeetingKind::ALL, |k| k.as_str())
}

fn status() -> impl TypedValueParser<Value = MeetingStatus> {
    wire(MeetingStatus::ALL, |s| s.as_str())
}

fn asl() -> impl TypedValueParser<Value = AslCode> {
    wire(&AslCode::ALL, |a| a.as_str())
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Elenca gli incontri in ordine di inizio (filtri per periodo, tipo, ASL, zona, stato, testo)
    List {
        #[command(flatten)]
        filter: ListFilter,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Mostra tutto di un incontro: ambito, orari (Europe/Rome), invitati e presenze, ordine del
    /// giorno, storico dello stato
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Crea un incontro (o, con --repeat, una serie di incontri periodici)
    Add {
        /// Tipo di incontro
        #[arg(long = "type", value_name = "TIPO", value_parser = kind())]
        kind: MeetingKind,
        #[arg(long)]
        title: String,
        /// Inizio: «gg/mm/aaaa HH:MM» (ora di Roma); solo la data con --all-day
        #[arg(long, value_name = "DATA ORA")]
        start: String,
        /// Incontro di un giorno intero (con --end: l'ultimo giorno)
        #[arg(long)]
        all_day: bool,
        #[command(flatten)]
        fields: MeetingFields,
        #[command(flatten)]
        scope: ScopeArgs,
        /// Regola di ripetizione RFC 5545, ad esempio «FREQ=MONTHLY;BYDAY=2TU;COUNT=12»
        #[arg(long, value_name = "RRULE")]
        repeat: Option<String>,
    },
    /// Modifica un incontro: cambia solo ciò che è indicato
    Edit {
        id: i64,
        #[arg(long = "type", value_name = "TIPO", value_parser = kind())]
        kind: Option<MeetingKind>,
        #[arg(long)]
        title: Option<String>,
        /// Nuovo inizio «gg/mm/aaaa HH:MM»; senza --end/--duration la durata resta la stessa
        #[arg(long, value_name = "DATA ORA")]
        start: Option<String>,
        /// Diventa un incontro di un giorno intero
        #[arg(long)]
        all_day: bool,
        /// Diventa un incontro con orario (indica anche --start)
        #[arg(long, conflicts_with = "all_day")]
        timed: bool,
        #[command(flatten)]
        fields: MeetingFields,
        #[command(flatten)]
        scope: ScopeArgs,
        /// Toglie dagli invitati questa persona (id; ripetibile)
        #[arg(long, value_name = "PERSONA")]
        uninvite: Vec<i64>,
        /// Svuota l'ordine del giorno (con --agenda: lo sostituisce)
        #[arg(long)]
        clear_agenda: bool,
        /// Nota del cambio di stato (con --status), ad esempio il motivo di un rinvio
        #[arg(long, requires = "status")]
        note: Option<String>,
    },
    /// Registra la presenza di un invitato (id dell'invito: vedi «meeting show»)
    Attend {
        invitation: i64,
        #[command(flatten)]
        answer: AttendArgs,
        #[arg(long)]
        note: Option<String>,
    },
    /// Elimina un incontro (con --series: tutta la serie di cui fa parte) e mostra cosa è stato
    /// eliminato
    Delete {
        id: i64,
        /// Elimina tutta la serie di incontri periodici
        #[arg(long)]
        series: bool,
    },
    /// Mostra chi verrebbe invitato: le cariche che il tipo di incontro richiede nel territorio,
    /// con chi le ricopre alla data
    Propose {
        #[arg(long = "type", value_name = "TIPO", value_parser = kind())]
        kind: MeetingKind,
        #[command(flatten)]
        scope: ScopeArgs,
        /// Data dell'incontro (gg/mm/aaaa; predefinita: oggi)
        #[arg(long, value_name = "DATA")]
        date: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Allegati e promemoria (attach, attachments, detach, attachment-path, prune-attachments,
    /// reminders)
    #[command(flatten)]
    Extra(super::extra::ExtraCommand),
}

/// Filters of `meeting list`.
#[derive(Debug, Args)]
pub struct ListFilter {
    /// Dal giorno (gg/mm/aaaa o AAAA-MM-GG, incluso)
    #[arg(long, value_name = "DATA")]
    pub from: Option<String>,
    /// Al giorno (incluso)
    #[arg(long, value_name = "DATA")]
    pub to: Option<String>,
    /// Tipo di incontro (ripetibile)
    #[arg(long = "type", value_name = "TIPO", value_parser = kind())]
    pub kinds: Vec<MeetingKind>,
    /// ASL in cui ricade l'ambito dell'incontro
    #[arg(long, value_parser = asl())]
    pub asl: Option<AslCode>,
    /// Zona-distretto in cui ricade l'ambito: id o nome (vedi «zone list»)
    #[arg(long, value_name = "ZONA")]
    pub zone: Option<String>,
    /// Stato (ripetibile)
    #[arg(long, value_parser = status())]
    pub status: Vec<MeetingStatus>,
    /// Parole del titolo (accenti e maiuscole non contano)
    #[arg(long)]
    pub search: Option<String>,
    /// Gli incontri che hanno riguardato il Comune con questo codice ISTAT (per ambito o per
    /// invito), dal più recente; non si combina con gli altri filtri
    #[arg(long, value_name = "ISTAT", conflicts_with_all = ["from", "to", "kinds", "asl", "zone", "status", "search", "with_minutes"])]
    pub comune: Option<String>,
    /// Solo gli incontri che hanno un verbale (la colonna «Verbale» dice se è una bozza o è
    /// approvato)
    #[arg(long)]
    pub with_minutes: bool,
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
}

/// Fields shared by `meeting add` and `meeting edit`.
#[derive(Debug, Args)]
pub struct MeetingFields {
    /// Fine: «gg/mm/aaaa HH:MM» o solo «HH:MM» (stesso giorno); con --all-day l'ultimo giorno
    #[arg(long, value_name = "DATA ORA")]
    pub end: Option<String>,
    /// Durata in minuti (predefinita: 120)
    #[arg(long, value_name = "MINUTI", conflicts_with = "end")]
    pub duration: Option<u32>,
    #[arg(long)]
    pub place: Option<String>,
    /// Collegamento della videoconferenza
    #[arg(long)]
    pub link: Option<String>,
    #[arg(long, value_parser = status())]
    pub status: Option<MeetingStatus>,
    #[arg(long)]
    pub organiser: Option<String>,
    #[arg(long)]
    pub description: Option<String>,
    /// Invita le cariche che il tipo di incontro richiede nel territorio, risolte a chi le ricopre
    /// alla data dell'incontro (per una serie: del primo incontro; vedi «meeting propose»)
    #[arg(long)]
    pub invite_proposed: bool,
    /// Invita questa persona (id; ripetibile)
    #[arg(long, value_name = "PERSONA")]
    pub invite: Vec<i64>,
    /// Punto all'ordine del giorno (ripetibile, nell'ordine dato; in «edit» sostituisce l'ordine
    /// del giorno)
    #[arg(long, value_name = "TITOLO")]
    pub agenda: Vec<String>,
}

/// The territory of a meeting: at most one of these.
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct ScopeArgs {
    /// Ambito: una zona-distretto (id o nome)
    #[arg(long, value_name = "ZONA")]
    pub zone: Option<String>,
    /// Ambito: un'ASL
    #[arg(long, value_parser = asl())]
    pub asl: Option<AslCode>,
    /// Ambito: una provincia (codice ISTAT come 050 o sigla come PI)
    #[arg(long)]
    pub province: Option<String>,
    /// Ambito: un'Unione dei Comuni (id dell'organizzazione)
    #[arg(long, value_name = "ORG")]
    pub unione: Option<i64>,
    /// Ambito: un Comune (codice ISTAT; ripetibile per più Comuni)
    #[arg(long, value_name = "ISTAT")]
    pub comune: Vec<String>,
    /// Ambito: tutta la Regione
    #[arg(long)]
    pub region: bool,
    /// Nessun territorio
    #[arg(long)]
    pub no_scope: bool,
}

/// How an invited person took part: exactly one.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct AttendArgs {
    #[arg(long)]
    pub present: bool,
    #[arg(long)]
    pub absent: bool,
    /// Assente giustificato
    #[arg(long)]
    pub excused: bool,
    /// Torna a «invitato» (presenza non registrata)
    #[arg(long)]
    pub invited: bool,
    /// Ha partecipato in sua vece questa persona della rubrica (id)
    #[arg(long, value_name = "PERSONA")]
    pub delegate_to: Option<i64>,
    /// Ha partecipato in sua vece questa persona (nome, se non è in rubrica)
    #[arg(long, value_name = "NOME")]
    pub delegate_name: Option<String>,
}
