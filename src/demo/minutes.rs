//! Synthetic verbali for `demo` (see the contract in `demo`): every demo meeting held in the 90
//! days before the anchor date gets minutes written through the real minutes core (start,
//! save_draft, approve, open_revision): per agenda item a discussion of two or three paragraphs
//! and decisions (a list, with bold where a coordinator would stress), closing notes that say the
//! text is synthetic. Meetings older than two weeks have an approved verbale (one in eight with a
//! revision, approved again), the most recent ones a draft. The meeting with the Sindaco di Pisa
//! a month before always has an approved verbale.
//!
//! Demo minutes belong to demo meetings: they go when `demo` clears its meetings.

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use super::people::Rng;
use crate::error::Result;
use crate::minutes::{self, RichText};
use crate::territory::iso;

/// Days before the anchor date whose held demo meetings get minutes.
const WINDOW_DAYS: i64 = 90;
/// Meetings held within this many days before the anchor date keep a draft.
const DRAFT_DAYS: i64 = 14;

/// The closing notes of every demo verbale (how a reader tells it is not real).
pub const DEMO_NOTE: &str =
    "Verbale dimostrativo (dati sintetici): persone, enti e decisioni sono inventati.";

const OPENINGS: &[&str] = &[
    "Il coordinatore introduce il punto richiamando il quadro regionale della rete SAI e i dati della ricognizione più recente.",
    "Si apre il confronto con un breve aggiornamento sullo stato dei progetti attivi nel territorio e sui posti disponibili.",
    "Viene illustrata la documentazione inviata prima della seduta; i presenti non chiedono integrazioni.",
    "Il punto è presentato a partire dalle richieste emerse nell'incontro precedente e dalle segnalazioni degli uffici.",
];

const MIDDLES: &[&str] = &[
    "Diversi sindaci segnalano la difficoltà di reperire alloggi per l'accoglienza in appartamento, soprattutto nei centri più piccoli; si ipotizza di coinvolgere l'agenzia sociale per la casa.",
    "La direttrice della Società della Salute sottolinea l'importanza di integrare la presa in carico sociale con quella sanitaria, in particolare per i posti DM-DS.",
    "Il rappresentante della Prefettura riferisce sull'andamento degli arrivi e sulla transizione dai CAS ai progetti SAI, chiedendo tempi certi per le adesioni.",
    "Si discute della possibilità di presentare un progetto in forma associata, con l'Unione dei Comuni come ente titolare e un unico ente attuatore.",
    "L'assessora al sociale evidenzia il ruolo della mediazione linguistico-culturale nei servizi e chiede che sia prevista nel budget del progetto.",
    "Emergono dubbi sulla copertura dei costi del personale; il coordinatore chiarisce le voci ammissibili secondo il Manuale operativo.",
    "Il Comune capofila illustra l'esperienza maturata nel triennio, con risultati positivi sull'inserimento lavorativo dei beneficiari.",
];

const CLOSINGS: &[&str] = &[
    "Al termine della discussione i presenti concordano sulla necessità di un approfondimento tecnico prima della prossima seduta.",
    "Il confronto si chiude con un ampio consenso sull'impostazione proposta.",
    "Si conviene di aggiornare la ricognizione SAI con le informazioni emerse.",
];

const DECISIONS: &[&str] = &[
    "- Il coordinatore invierà entro **quindici giorni** la scheda sintetica del progetto SAI a tutti i Comuni della zona.\n- Gli uffici dei servizi sociali raccoglieranno i dati sugli alloggi disponibili.",
    "- La Conferenza esprime **parere favorevole** alla proposta di adesione in forma associata.\n- Il testo della delibera sarà condiviso con i segretari comunali.",
    "- Si fissa un incontro tecnico con l'ente attuatore.\n- La Prefettura trasmetterà i dati aggiornati sulle presenze nei CAS.",
    "- Il punto è *rinviato* alla prossima seduta, in attesa dei dati richiesti.",
    "- Si approva all'unanimità il verbale della seduta precedente.",
    "- Il Comune verificherà la disponibilità di **due immobili** di proprietà comunale.\n- Il coordinatore predisporrà una nota per la Giunta.",
];

const REVISION_REASONS: &[&str] = &[
    "Correzione delle presenze: l'assessore era delegato, non assente",
    "Integrazione della decisione sul punto 2 richiesta dalla Prefettura",
    "Refuso nel nome dell'ente attuatore",
];

/// Writes the demo verbali; returns how many meetings got one.
pub fn generate(tx: &Transaction, today: NaiveDate) -> Result<u32> {
    let from = iso(today - Duration::days(WINDOW_DAYS));
    let until = iso(today);
    let draft_since = today - Duration::days(DRAFT_DAYS);
    let held: Vec<(i64, String, bool)> = {
        let mut st = tx.prepare(
            "SELECT m.id, substr(m.starts_at, 1, 10), m.uid = 'demo-featured-1' || ?1
             FROM meeting m
             WHERE m.uid LIKE '%' || ?1 AND m.status = 'held'
               AND m.starts_at >= ?2 AND m.starts_at < ?3
             ORDER BY m.starts_at, m.id",
        )?;
        let rows = st
            .query_map(
                rusqlite::params![super::meetings::UID_SUFFIX, from, until],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows
    };
    let mut rng = Rng(0x5645_5242); // "VERB"
    let mut written = 0u32;
    for (id, day, pisa) in held {
        let view = minutes::start(tx, id)?;
        let mut content = view.content;
        for item in &mut content.items {
            let mut text = String::new();
            text.push_str(rng.pick(OPENINGS));
            text.push_str("\n\n");
            text.push_str(rng.pick(MIDDLES));
            if rng.below(2) == 0 {
                text.push_str("\n\n");
                text.push_str(rng.pick(CLOSINGS));
            }
            item.discussion = RichText::from_markdown(&text);
            item.decisions = RichText::from_markdown(rng.pick(DECISIONS));
        }
        content.chair = if pisa {
            "Sindaco di Pisa".to_owned()
        } else {
            "Il coordinatore".to_owned()
        };
        content.closing_notes = RichText::paragraph(DEMO_NOTE);
        minutes::save_draft(tx, id, &content)?;
        let held_on = NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap_or(today);
        if held_on < draft_since || pisa {
            minutes::approve(tx, id)?;
            if !pisa && rng.below(8) == 0 {
                minutes::open_revision(tx, id, rng.pick(REVISION_REASONS))?;
                minutes::approve(tx, id)?;
            }
        }
        written += 1;
    }
    Ok(written)
}
