//! Arguments of the `sai` commands and of `export sai` (see the contract in [`super`]).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use raccordo::contacts::OrgKind;
use raccordo::sai::{SaiFilter, SaiStatus};
use raccordo::territory::AslCode;
use raccordo::{time, Error};

use crate::cli::output::Format;
use crate::cli::Failure;

/// Filters of `sai list` and `export sai`.
#[derive(Debug, Args)]
pub struct SaiFilterArgs {
    /// Solo gli enti di questa ASL (nord-ovest, centro, sud-est)
    #[arg(long)]
    pub(super) asl: Option<String>,
    /// Solo gli enti di questa zona-distretto (identificativo, vedi «zone list»)
    #[arg(long)]
    pub(super) zone: Option<i64>,
    /// Solo gli enti di questa provincia (sigla, ad esempio PI, o codice ISTAT 050)
    #[arg(long)]
    pub(super) province: Option<String>,
    /// Solo questi stati (ripetibile: active, «progetto attivo», interested…)
    #[arg(long)]
    pub(super) status: Vec<String>,
    /// Solo questo tipo di ente (comune, unione, sds; ripetibile)
    #[arg(long)]
    pub(super) kind: Vec<String>,
    /// Data di riferimento per zone e Unioni (gg/mm/aaaa; predefinita: oggi)
    #[arg(long, value_name = "DATA")]
    pub(super) on: Option<String>,
}

impl SaiFilterArgs {
    pub(super) fn filter(&self) -> Result<SaiFilter, Failure> {
        let asl = self
            .asl
            .as_deref()
            .map(|a| {
                a.trim().parse::<AslCode>().map_err(|_| {
                    Error::invalid(
                        "asl",
                        format!("ASL «{a}» sconosciuta: usa nord-ovest, centro o sud-est."),
                    )
                })
            })
            .transpose()?;
        let statuses = self
            .status
            .iter()
            .map(|s| SaiStatus::parse_any("status", s))
            .collect::<Result<_, _>>()?;
        let kinds = self
            .kind
            .iter()
            .map(|k| match k.trim() {
                "comune" => Ok(OrgKind::Comune),
                "unione" => Ok(OrgKind::Unione),
                "sds" => Ok(OrgKind::Sds),
                other => Err(Error::invalid(
                    "kind",
                    format!("Tipo di ente «{other}» non censito: usa comune, unione o sds."),
                )),
            })
            .collect::<Result<_, _>>()?;
        Ok(SaiFilter {
            asl,
            zone_id: self.zone,
            province: self.province.clone(),
            statuses,
            kinds,
            on: on_date(self.on.as_deref())?,
        })
    }
}

pub(super) fn on_date(s: Option<&str>) -> Result<Option<chrono::NaiveDate>, Failure> {
    Ok(s.map(|s| time::parse_date("on", s)).transpose()?)
}

#[derive(Debug, Subcommand)]
pub enum SaiCommand {
    /// Elenca le schede di ricognizione SAI (Comuni, Unioni, SdS) con i filtri dati
    List {
        #[command(flatten)]
        filter: SaiFilterArgs,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Mostra la scheda di un ente: stato, storia, dati del progetto, prossimo passo
    Show {
        /// Identificativo dell'organizzazione o codice ISTAT del comune
        ente: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Registra un nuovo stato dell'ente, con data, nota e fonte
    SetStatus {
        /// Identificativo dell'organizzazione o codice ISTAT del comune
        ente: String,
        /// Stato raggiunto (active, «progetto attivo», interested, «non interessato»…)
        status: String,
        /// Data in cui l'ente ha raggiunto lo stato (gg/mm/aaaa; predefinita: oggi)
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// Incontro da cui viene l'informazione (identificativo)
        #[arg(long)]
        meeting: Option<i64>,
        /// Persona da cui viene l'informazione (identificativo)
        #[arg(long)]
        person: Option<i64>,
        /// Fonte in parole (telefonata, e-mail…)
        #[arg(long, default_value = "")]
        source: String,
    },
    /// Modifica i dati del progetto e il prossimo passo (cambiano solo le opzioni date)
    Edit(EditArgs),
    /// Riepilogo per ASL, zona o provincia: enti per stato, posti per categoria, posti ogni 1.000 residenti
    Summary {
        #[arg(long, value_enum, default_value = "asl")]
        by: GroupArg,
        #[arg(long, value_name = "DATA")]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Cosa è cambiato dal giorno dato (stati registrati da quella data in poi)
    Changes {
        #[arg(long, value_name = "DATA")]
        since: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Identificativo dell'organizzazione o codice ISTAT del comune
    pub(super) ente: String,
    #[arg(long)]
    pub(super) titolare: Option<String>,
    /// Ente attuatore / gestore
    #[arg(long)]
    pub(super) gestore: Option<String>,
    #[arg(long)]
    pub(super) ordinari: Option<i64>,
    #[arg(long = "dm-ds")]
    pub(super) dm_ds: Option<i64>,
    #[arg(long)]
    pub(super) msna: Option<i64>,
    /// Inizio del finanziamento (gg/mm/aaaa; «-» lo toglie)
    #[arg(long = "funding-start", value_name = "DATA")]
    pub(super) funding_start: Option<String>,
    /// Fine del finanziamento (gg/mm/aaaa; «-» la toglie)
    #[arg(long = "funding-end", value_name = "DATA")]
    pub(super) funding_end: Option<String>,
    /// Finanziamento triennale (sì/no)
    #[arg(long)]
    pub(super) triennial: Option<bool>,
    /// Prossimo passo (testo)
    #[arg(long = "next-step")]
    pub(super) next_step: Option<String>,
    /// Scadenza del prossimo passo (gg/mm/aaaa; «-» la toglie)
    #[arg(long, value_name = "DATA")]
    pub(super) due: Option<String>,
    #[arg(long)]
    pub(super) notes: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupArg {
    Asl,
    Zone,
    Province,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SaiFormat {
    Csv,
    Xlsx,
    Pdf,
}

/// `export sai`.
#[derive(Debug, Args)]
pub struct ExportSaiArgs {
    #[arg(long, value_enum)]
    pub(super) format: SaiFormat,
    /// File di destinazione
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(super) output: PathBuf,
    /// CSV: separatore virgola invece di punto e virgola
    #[arg(long)]
    pub(super) comma: bool,
    /// Sostituisce il file di destinazione se esiste
    #[arg(long)]
    pub(super) force: bool,
    #[command(flatten)]
    pub(super) filter: SaiFilterArgs,
}
