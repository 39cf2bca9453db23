//! `minutes` commands and `export minutes`: thin callers of `raccordo::minutes`; writes print
//! only after COMMIT.
//!
//! Contract: `minutes show M` (the verbale of meeting M: status, revision, items, follow-ups),
//! `minutes start M` (opens it prefilled from the meeting), `minutes set M` (writes the draft:
//! `--item N` with `--discussion`/`--decisions` in the Markdown subset of the editor, `--closing`,
//! `--chair`, `--place`), `minutes approve M` (locks it), `minutes revise M --reason R` (opens
//! revision N+1). `export minutes M --format pdf|docx|odt|md|html -o FILE [--pdfa] [--revision N]
//! [--logo FILE]` writes the verbale (an approved version as it was approved).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use raccordo::minutes::{self, Format as DocFormat, MinutesView, RichText};
use raccordo::{Error, Store};

use crate::cli::files::refuse_overwrite;
use crate::cli::output::{Format, Out};
use crate::cli::Failure;

pub(crate) mod batch;

type CmdResult = Result<ExitCode, Failure>;

#[derive(Debug, Subcommand)]
pub enum MinutesCommand {
    /// Mostra il verbale di un incontro
    Show {
        meeting: i64,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Apre il verbale di un incontro, già compilato con l'ordine del giorno, l'orario e il luogo
    Start { meeting: i64 },
    /// Scrive nella bozza del verbale (testo nel Markdown ridotto dell'editor: **grassetto**,
    /// *corsivo*, elenchi «- » e «1. »)
    Set {
        meeting: i64,
        /// Numero del punto all'ordine del giorno (1, 2, …) a cui si riferiscono --discussion e
        /// --decisions
        #[arg(long, value_name = "N")]
        item: Option<usize>,
        #[arg(long, requires = "item")]
        discussion: Option<String>,
        #[arg(long, requires = "item")]
        decisions: Option<String>,
        /// Note di chiusura
        #[arg(long)]
        closing: Option<String>,
        /// Chi ha presieduto (firma)
        #[arg(long)]
        chair: Option<String>,
        #[arg(long)]
        place: Option<String>,
    },
    /// Approva il verbale: da quel momento è bloccato
    Approve { meeting: i64 },
    /// Apre una revisione di un verbale approvato, con il motivo
    Revise {
        meeting: i64,
        #[arg(long)]
        reason: String,
    },
}

/// `--format` of `export minutes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinutesFormat {
    Pdf,
    Docx,
    Odt,
    Md,
    Html,
}

/// `export minutes`.
#[derive(Debug, Args)]
pub struct ExportMinutesArgs {
    /// L'incontro (id)
    pub meeting: i64,
    #[arg(long, value_enum)]
    pub format: MinutesFormat,
    /// File di destinazione
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// PDF/A-2b, per l'archiviazione (solo con --format pdf)
    #[arg(long)]
    pub pdfa: bool,
    /// Una versione approvata precisa (0 = la prima approvazione)
    #[arg(long, value_name = "N")]
    pub revision: Option<u32>,
    /// Logo dell'intestazione (PNG, JPEG o SVG)
    #[arg(long, value_name = "FILE")]
    pub logo: Option<PathBuf>,
    /// Sostituisce il file di destinazione se esiste
    #[arg(long)]
    pub force: bool,
}

pub fn run(db: &Path, command: MinutesCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    match command {
        MinutesCommand::Show { meeting, format } => {
            let v = store
                .read(|c| minutes::minutes(c, meeting))?
                .ok_or_else(|| no_minutes(meeting))?;
            match format {
                Format::Json => out.json(&v)?,
                _ => show(out, &v)?,
            }
        }
        MinutesCommand::Start { meeting } => {
            let v = store.write(|tx| minutes::start(tx, meeting))?;
            show(out, &v)?;
        }
        MinutesCommand::Set {
            meeting,
            item,
            discussion,
            decisions,
            closing,
            chair,
            place,
        } => {
            let v = store.write(|tx| {
                let v = minutes::minutes(tx, meeting)?.ok_or_else(|| no_minutes(meeting))?;
                let mut c = v.content;
                if let Some(n) = item {
                    let count = c.items.len();
                    let it = n
                        .checked_sub(1)
                        .and_then(|i| c.items.get_mut(i))
                        .ok_or_else(|| {
                            Error::invalid(
                                "item",
                                format!("Il verbale ha {count} punti: --item va da 1 a {count}."),
                            )
                        })?;
                    if let Some(d) = &discussion {
                        it.discussion = RichText::from_markdown(d);
                    }
                    if let Some(d) = &decisions {
                        it.decisions = RichText::from_markdown(d);
                    }
                }
                if let Some(t) = &closing {
                    c.closing_notes = RichText::from_markdown(t);
                }
                if let Some(t) = &chair {
                    c.chair = t.clone();
                }
                if let Some(t) = &place {
                    c.place = t.clone();
                }
                minutes::save_draft(tx, meeting, &c)
            })?;
            show(out, &v)?;
        }
        MinutesCommand::Approve { meeting } => {
            let v = store.write(|tx| minutes::approve(tx, meeting))?;
            show(out, &v)?;
        }
        MinutesCommand::Revise { meeting, reason } => {
            let v = store.write(|tx| minutes::open_revision(tx, meeting, &reason))?;
            show(out, &v)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `export minutes`.
pub fn export(db: &Path, args: ExportMinutesArgs, out: &mut Out) -> CmdResult {
    if args.pdfa && args.format != MinutesFormat::Pdf {
        return Err(Failure::Usage(
            "--pdfa vale solo per --format pdf".to_owned(),
        ));
    }
    refuse_overwrite(&args.output, args.force)?;
    let format = match args.format {
        MinutesFormat::Pdf => DocFormat::Pdf { pdfa: args.pdfa },
        MinutesFormat::Docx => DocFormat::Docx,
        MinutesFormat::Odt => DocFormat::Odt,
        MinutesFormat::Md => DocFormat::Md,
        MinutesFormat::Html => DocFormat::Html,
    };
    let logo = args.logo.as_deref().map(minutes::read_logo).transpose()?;
    let store = Store::open(db)?;
    let outcome = minutes::export_minutes(
        &store,
        args.meeting,
        args.revision,
        format,
        logo,
        &args.output,
    )?;
    out.line(&format!(
        "Verbale dell'incontro {} esportato in {}",
        args.meeting, outcome.path
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn no_minutes(meeting: i64) -> Error {
    Error::Conflict {
        message: format!(
            "L'incontro {meeting} non ha ancora un verbale: aprilo con «raccordo minutes start \
             {meeting}»."
        ),
    }
}

fn show(out: &mut Out, v: &MinutesView) -> std::io::Result<()> {
    let status = if v.revision > 0 {
        format!(
            "{} — revisione {} ({})",
            v.status.label(),
            v.revision,
            v.revision_reason
        )
    } else {
        v.status.label().to_owned()
    };
    out.pairs(&[
        ("Verbale dell'incontro", v.meeting_id.to_string()),
        ("Stato", status),
        ("Redatto da", v.drafted_by.name.clone()),
        ("Luogo", v.content.place.clone()),
        ("Presiede", v.content.chair.clone()),
        (
            "Versioni approvate",
            v.versions
                .iter()
                .map(|x| x.revision.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ])?;
    for (i, it) in v.content.items.iter().enumerate() {
        out.line(&format!("{}. {}", i + 1, it.title))?;
        let d = it.discussion.plain_text();
        if !d.is_empty() {
            out.line(&format!("   Discussione: {d}"))?;
        }
        let d = it.decisions.plain_text();
        if !d.is_empty() {
            out.line(&format!("   Decisioni: {d}"))?;
        }
    }
    for a in &v.follow_ups {
        out.line(&format!(
            "Azione {}: {} — {} — {}",
            a.id,
            a.title,
            a.owner_name,
            a.due.map(raccordo::time::format_it).unwrap_or_default()
        ))?;
    }
    Ok(())
}
