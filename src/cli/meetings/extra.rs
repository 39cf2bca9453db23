//! `meeting` commands for attachments and reminders: what the meeting page's «Allegati» section
//! and the «Promemoria degli incontri» settings do in the desktop app.
//!
//! Contract: `attach ID FILE` copies FILE beside the database (the original is never touched),
//! `attachments ID` lists a meeting's files with their ids, `detach ATTACHMENT` removes one (row,
//! then the copy), `attachment-path ATTACHMENT` prints where the verified copy is (refused, with
//! the reason, when it was changed or moved outside Raccordo: what «Apri» checks),
//! `prune-attachments` deletes the orphaned copies the app prunes at start-up. `reminders` shows
//! the leads, `--set 1440,60` or `--off` changes them, `--due` lists the reminders due now
//! without recording them (the app records what it gives).

use std::path::PathBuf;

use chrono::Utc;
use clap::{ArgGroup, Subcommand};

use raccordo::meetings::reminders::{self, ReminderSettings};
use raccordo::meetings::{self, attachments, Attachment};
use raccordo::{time, Store};

use super::show::{describe, local};
use crate::cli::output::{col, num, thousands, Format, Out};
use crate::cli::Failure;

#[derive(Debug, Subcommand)]
pub enum ExtraCommand {
    /// Allega un file a un incontro: ne tiene una copia accanto al database (l'originale non
    /// viene toccato)
    Attach {
        /// Incontro (id)
        id: i64,
        /// File da allegare (al massimo 200 MB)
        file: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Elenca gli allegati di un incontro, con il loro id
    Attachments {
        /// Incontro (id)
        id: i64,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Toglie un allegato (id: vedi «meeting attachments») e cancella la sua copia
    Detach {
        /// Allegato (id)
        attachment: i64,
    },
    /// Mostra dove si trova la copia di un allegato, dopo aver verificato che sia integra
    AttachmentPath {
        /// Allegato (id)
        attachment: i64,
    },
    /// Cancella le copie di allegati rimaste senza incontro (dopo un'interruzione)
    PruneAttachments,
    /// Promemoria degli incontri: mostra quando arrivano; --set o --off li cambia
    #[command(group(ArgGroup::new("change").args(["set", "off", "due"])))]
    Reminders {
        /// Minuti prima dell'inizio, separati da virgole (ad esempio 1440,60 = un giorno e
        /// un'ora prima; al massimo 5, da 1 minuto a 7 giorni)
        #[arg(long, value_name = "MINUTI", value_delimiter = ',')]
        set: Option<Vec<u32>>,
        /// Nessun promemoria
        #[arg(long)]
        off: bool,
        /// Elenca i promemoria che l'app darebbe adesso (senza registrarli come già dati)
        #[arg(long)]
        due: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

pub fn run(store: &Store, command: ExtraCommand, out: &mut Out) -> Result<(), Failure> {
    match command {
        ExtraCommand::Attach { id, file, format } => {
            let a = attachments::add_attachment(store, id, &file)?;
            match format {
                Format::Json => out.json(&a)?,
                _ => out.line(&format!(
                    "Allegato {} aggiunto all'incontro {id}: «{}» ({} byte), copiato accanto \
                     al database.",
                    a.id,
                    a.file_name,
                    thousands(a.size_bytes)
                ))?,
            }
        }
        ExtraCommand::Attachments { id, format } => {
            let m = store.read(|c| meetings::meeting(c, id))?;
            match format {
                Format::Json => out.json(&m.attachments)?,
                f if m.attachments.is_empty() && f == Format::Table => out.line(&format!(
                    "L'incontro {id} non ha allegati: aggiungine con «raccordo meeting attach \
                     {id} FILE»."
                ))?,
                f => list(out, f, &m.attachments)?,
            }
        }
        ExtraCommand::Detach { attachment } => {
            let a = attachments::remove_attachment(store, attachment)?;
            out.line(&format!(
                "Allegato {} tolto: «{}» (la copia è stata cancellata; l'originale non è stato \
                 toccato).",
                a.id, a.file_name
            ))?;
        }
        ExtraCommand::AttachmentPath { attachment } => {
            let path = attachments::attachment_path(store, attachment)?;
            out.line(&path.display().to_string())?;
        }
        ExtraCommand::PruneAttachments => {
            let n = attachments::prune_orphans(store)?;
            out.line(&format!("Copie orfane cancellate: {n}."))?;
        }
        ExtraCommand::Reminders {
            set,
            off,
            due,
            format,
        } => reminders_cmd(store, set, off, due, format, out)?,
    }
    Ok(())
}

fn list(out: &mut Out, format: Format, items: &[Attachment]) -> Result<(), Failure> {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                a.file_name.clone(),
                thousands(a.size_bytes),
                local(time::utc_to_rome(a.added_at)),
            ]
        })
        .collect();
    out.rows(
        format,
        &[num("Id"), col("File"), num("Byte"), col("Aggiunto")],
        &rows,
    )?;
    Ok(())
}

fn reminders_cmd(
    store: &Store,
    set: Option<Vec<u32>>,
    off: bool,
    due: bool,
    format: Format,
    out: &mut Out,
) -> Result<(), Failure> {
    if due {
        let due = store.read(|c| reminders::due_reminders(c, Utc::now()))?;
        match format {
            Format::Json => out.json(&due)?,
            _ if due.is_empty() => out.line("Nessun promemoria da dare adesso.")?,
            _ => {
                for r in &due {
                    out.line(&format!(
                        "{} (incontro {}: {})",
                        r.message,
                        r.meeting.id,
                        describe(&r.meeting)
                    ))?;
                }
            }
        }
        return Ok(());
    }
    let settings = match (set, off) {
        (Some(leads), _) if leads.is_empty() => {
            return Err(Failure::Usage(
                "--set vuole almeno un anticipo in minuti (ad esempio --set 1440,60); per \
                 nessun promemoria usa --off"
                    .to_owned(),
            ))
        }
        (Some(leads), _) => store.write(|tx| {
            reminders::save_reminder_settings(
                tx,
                &ReminderSettings {
                    leads_minutes: leads,
                },
            )
        })?,
        (None, true) => store.write(|tx| {
            reminders::save_reminder_settings(
                tx,
                &ReminderSettings {
                    leads_minutes: Vec::new(),
                },
            )
        })?,
        (None, false) => store.read(reminders::reminder_settings)?,
    };
    match format {
        Format::Json => out.json(&settings)?,
        _ => out.line(&describe_settings(&settings))?,
    }
    Ok(())
}

fn describe_settings(s: &ReminderSettings) -> String {
    if s.leads_minutes.is_empty() {
        return "Promemoria degli incontri: disattivati.".to_owned();
    }
    let leads: Vec<String> = s
        .leads_minutes
        .iter()
        .map(|l| format!("{} prima", reminders::lead_label(*l)))
        .collect();
    format!(
        "Promemoria degli incontri (mentre l'app è aperta): {}.",
        leads.join(", ")
    )
}
