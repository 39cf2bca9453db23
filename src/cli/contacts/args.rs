//! Arguments of the `person`, `org` and `role` commands (clap definitions only).

use std::path::PathBuf;

use clap::Subcommand;

use crate::cli::output::Format;

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Elenca le persone (ricerca a testo libero, per organizzazione, comune o etichetta)
    List {
        /// Testo da cercare (nomi, e-mail, telefoni, etichette, note, incarichi)
        #[arg(long)]
        search: Option<String>,
        /// Solo chi ha un incarico oggi presso questa organizzazione (id)
        #[arg(long)]
        org: Option<i64>,
        /// Solo chi ha un incarico oggi presso il Comune con questo codice ISTAT
        #[arg(long)]
        comune: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Mostra la scheda di una persona con incarichi attuali e passati
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Aggiunge una persona
    Add {
        #[arg(long, default_value = "")]
        given: String,
        #[arg(long, default_value = "")]
        family: String,
        #[command(flatten)]
        fields: PersonFields,
    },
    /// Modifica una persona (solo i campi indicati)
    Edit {
        id: i64,
        #[arg(long)]
        given: Option<String>,
        #[arg(long)]
        family: Option<String>,
        #[command(flatten)]
        fields: PersonFields,
        /// Toglie questo indirizzo e-mail (ripetibile)
        #[arg(long = "remove-email")]
        remove_email: Vec<String>,
        /// Toglie questo telefono (ripetibile)
        #[arg(long = "remove-phone")]
        remove_phone: Vec<String>,
        /// Toglie questa etichetta (ripetibile)
        #[arg(long = "remove-tag")]
        remove_tag: Vec<String>,
        /// Toglie la limitazione del trattamento
        #[arg(long, conflicts_with = "restricted")]
        unrestricted: bool,
    },
    /// Elimina una persona con i suoi incarichi (per errori; per il GDPR usa «erase»)
    Delete { id: i64 },
    /// Elenca i possibili duplicati (stessa e-mail, stesso telefono, nomi simili)
    Duplicates {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Unisce le persone REMOVE… nella persona KEEP (incarichi, e-mail, telefoni, note)
    Merge {
        keep: i64,
        #[arg(required = true)]
        remove: Vec<i64>,
    },
    /// Esporta in JSON tutto ciò che riguarda una persona (GDPR, diritto di accesso)
    ExportGdpr {
        id: i64,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Cancella una persona ovunque (GDPR, diritto all'oblio); lo storico mostrerà
    /// «partecipante rimosso»
    Erase { id: i64 },
}

/// Fields shared by `person add` and `person edit` (e-mails, phones and tags are added).
#[derive(Debug, clap::Args)]
pub struct PersonFields {
    #[arg(long)]
    pub honorific: Option<String>,
    /// Indirizzo e-mail (ripetibile; il primo è il principale)
    #[arg(long)]
    pub email: Vec<String>,
    /// Telefono (ripetibile)
    #[arg(long)]
    pub phone: Vec<String>,
    /// Etichetta (ripetibile)
    #[arg(long)]
    pub tag: Vec<String>,
    #[arg(long)]
    pub notes: Option<String>,
    /// Base giuridica: consent, contract, legal_obligation, vital_interests, public_task,
    /// legitimate_interests
    #[arg(long)]
    pub legal_basis: Option<String>,
    /// Fonte dei dati
    #[arg(long)]
    pub source: Option<String>,
    /// Conservare fino al (gg/mm/aaaa)
    #[arg(long)]
    pub retention_until: Option<String>,
    /// Limitazione del trattamento (GDPR art. 18)
    #[arg(long)]
    pub restricted: bool,
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Elenca le organizzazioni
    List {
        /// Tipo: comune, unione, sds, zona, asl, prefettura, regione, anci, ente_gestore,
        /// associazione, altro
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Mostra un'organizzazione con le persone in carica alla data
    Show {
        id: i64,
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Aggiunge un'organizzazione
    Add {
        #[arg(long)]
        kind: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        links: OrgLinks,
    },
    /// Modifica un'organizzazione (solo i campi indicati)
    Edit {
        id: i64,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        links: OrgLinks,
    },
    /// Elimina un'organizzazione senza incarichi
    Delete { id: i64 },
    /// Comuni aderenti a un'Unione dei Comuni (alla data, o tutti i periodi)
    Members {
        id: i64,
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Aggiunge un comune a un'Unione dei Comuni per un periodo
    AddMember {
        id: i64,
        /// Codice ISTAT del comune
        #[arg(long)]
        istat: String,
        #[arg(long, value_name = "DATA")]
        from: String,
        #[arg(long, value_name = "DATA")]
        to: Option<String>,
    },
    /// Zone-distretto di una Società della Salute (alla data, o tutti i periodi)
    Zones {
        id: i64,
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Assegna una zona-distretto a una Società della Salute per un periodo
    AddZone {
        id: i64,
        /// Id della zona-distretto («raccordo zone list»)
        #[arg(long)]
        zone: i64,
        #[arg(long, value_name = "DATA")]
        from: String,
        #[arg(long, value_name = "DATA")]
        to: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct OrgLinks {
    /// Codice ISTAT del comune coperto
    #[arg(long)]
    pub istat: Option<String>,
    /// Zona-distretto coperta (id)
    #[arg(long)]
    pub zone: Option<i64>,
    /// ASL: nord-ovest, centro, sud-est
    #[arg(long)]
    pub asl: Option<String>,
    /// Provincia (codice ISTAT o sigla)
    #[arg(long)]
    pub province: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RoleCommand {
    /// Elenca gli incarichi (di una persona, di un'organizzazione, in corso a una data)
    List {
        #[arg(long)]
        person: Option<i64>,
        #[arg(long)]
        org: Option<i64>,
        /// Solo gli incarichi in corso a questa data
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Aggiunge un incarico
    Add {
        #[arg(long)]
        person: i64,
        #[arg(long)]
        org: i64,
        #[arg(long)]
        title: String,
        #[arg(long, value_name = "DATA")]
        from: Option<String>,
        #[arg(long, value_name = "DATA")]
        to: Option<String>,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// Modifica un incarico (solo i campi indicati)
    Edit {
        id: i64,
        #[arg(long)]
        person: Option<i64>,
        #[arg(long)]
        org: Option<i64>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_name = "DATA")]
        from: Option<String>,
        #[arg(long, value_name = "DATA")]
        to: Option<String>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Conclude un incarico (l'ultimo giorno è incluso; predefinito: oggi)
    End {
        id: i64,
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
    },
    /// Elimina un incarico (se è solo concluso usa «role end»)
    Delete { id: i64 },
}
