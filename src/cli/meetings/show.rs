//! How the `meeting` commands print meetings: one-line descriptions, the list table, the full
//! card of `show`, the proposed invitees. Times are Europe/Rome wall-clock times `gg/mm/aaaa HH:MM`.

use chrono::{Duration, NaiveDateTime};

use raccordo::meetings::{
    Attendance, InvitationView, MeetingSummary, MeetingView, ProposedInvitee, ScopeKind,
};
use raccordo::time;

use crate::cli::output::{col, num, Format, Out};

type Printed = Result<(), crate::cli::Failure>;

/// Shown for an invited office nobody holds.
const VACANT: &str = "carica senza titolare";

/// `25/03/2027 10:00`.
pub fn local(t: NaiveDateTime) -> String {
    t.format("%d/%m/%Y %H:%M").to_string()
}

/// When a meeting takes place: `25/03/2027 10:00–12:00`, `25/03/2027 (giornata intera)`, …
pub fn when(s: &MeetingSummary) -> String {
    if s.all_day {
        let last = (s.end - Duration::days(1)).date().max(s.start.date());
        if last == s.start.date() {
            format!("{} (giornata intera)", time::format_it(last))
        } else {
            format!(
                "dal {} al {} (giornate intere)",
                time::format_it(s.start.date()),
                time::format_it(last)
            )
        }
    } else if s.start.date() == s.end.date() {
        format!("{}–{}", local(s.start), s.end.format("%H:%M"))
    } else {
        format!("{} – {}", local(s.start), local(s.end))
    }
}

/// `«Titolo» (Conferenza zonale dei sindaci), 25/03/2027 10:00–12:00, Zona Pisana, in programma,
/// 6 invitati`.
pub fn describe(s: &MeetingSummary) -> String {
    format!(
        "«{}» ({}), {}, {}, {}, {} invitati",
        s.title,
        s.kind.label(),
        when(s),
        scope_text(s.scope_kind, &s.scope_label),
        s.status.label(),
        s.invited
    )
}

fn scope_text(kind: ScopeKind, label: &str) -> String {
    match kind {
        ScopeKind::None => "nessun territorio".to_owned(),
        ScopeKind::Region => "Regione Toscana".to_owned(),
        _ => label.to_owned(),
    }
}

/// The table (or CSV) of `meeting list`.
pub fn summaries(out: &mut Out, format: Format, list: &[MeetingSummary]) -> Printed {
    summaries_with(out, format, list, None)
}

/// [`summaries`] with a last column "Verbale" (one label per meeting) when `minutes` is given.
pub fn summaries_with(
    out: &mut Out,
    format: Format,
    list: &[MeetingSummary],
    minutes: Option<&[String]>,
) -> Printed {
    let rows: Vec<Vec<String>> = list
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut row = vec![
                s.id.to_string(),
                when(s),
                s.kind.label().to_owned(),
                s.title.clone(),
                scope_text(s.scope_kind, &s.scope_label),
                s.status.label().to_owned(),
                s.invited.to_string(),
            ];
            if let Some(m) = minutes {
                row.push(m.get(i).cloned().unwrap_or_default());
            }
            row
        })
        .collect();
    let mut columns = vec![
        num("ID"),
        col("Quando"),
        col("Tipo"),
        col("Titolo"),
        col("Ambito"),
        col("Stato"),
        num("Invitati"),
    ];
    if minutes.is_some() {
        columns.push(col("Verbale"));
    }
    out.rows(format, &columns, &rows)?;
    Ok(())
}

/// Who an invitation names: `Michele Conti (Sindaco, Comune di Pisa)`.
pub fn invitee(v: &InvitationView) -> String {
    let who = v.person_name.clone().unwrap_or_else(|| VACANT.to_owned());
    let office: Vec<&str> = [
        v.title.as_str(),
        v.organisation_name.as_deref().unwrap_or(""),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if office.is_empty() {
        who
    } else {
        format!("{who} ({})", office.join(", "))
    }
}

/// `presente`, `delegato a Chiara Rossi`, …
pub fn attendance(v: &InvitationView) -> String {
    match v.attendance {
        Attendance::Delegated => format!("delegato a {}", v.delegate_name),
        a => a.label().to_owned(),
    }
}

/// Everything about one meeting.
pub fn meeting(out: &mut Out, m: &MeetingView) -> Printed {
    let s = &m.summary;
    let series = match (&m.recurrence, m.recurrence_id) {
        (Some(rule), Some(at)) => format!(
            "serie {} ({rule}), occorrenza prevista il {}",
            s.series_id.map(|i| i.to_string()).unwrap_or_default(),
            local(time::utc_to_rome(at))
        ),
        _ => String::new(),
    };
    let pairs = [
        ("Incontro", s.title.clone()),
        ("ID", s.id.to_string()),
        ("Tipo", s.kind.label().to_owned()),
        ("Stato", s.status.label().to_owned()),
        ("Quando", format!("{} (ora di Roma)", when(s))),
        ("Luogo", s.place.clone()),
        ("Collegamento", m.link.clone()),
        (
            "Ambito",
            format!(
                "{}: {}",
                m.scope.scope.kind.label(),
                scope_text(s.scope_kind, &m.scope.label)
            ),
        ),
        ("Organizzatore", m.organiser.clone()),
        ("Descrizione", m.description.clone()),
        ("Ripetizione", series),
        ("UID", s.uid.clone()),
    ];
    let filled: Vec<(&str, String)> = pairs.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    out.pairs(&filled)?;
    section(out, &format!("Invitati ({})", m.invitations.len()))?;
    let rows: Vec<Vec<String>> = m
        .invitations
        .iter()
        .map(|i| {
            vec![
                i.id.to_string(),
                i.person_name.clone().unwrap_or_else(|| VACANT.to_owned()),
                i.title.clone(),
                i.organisation_name.clone().unwrap_or_default(),
                i.email.clone().unwrap_or_default(),
                attendance(i),
                i.note.clone(),
            ]
        })
        .collect();
    out.rows(
        Format::Table,
        &[
            num("Invito"),
            col("Persona"),
            col("Incarico"),
            col("Ente"),
            col("E-mail"),
            col("Presenza"),
            col("Nota"),
        ],
        &rows,
    )?;
    section(out, "Ordine del giorno")?;
    let rows: Vec<Vec<String>> = m
        .agenda
        .iter()
        .map(|a| {
            vec![
                (a.position + 1).to_string(),
                a.title.clone(),
                a.presenter.clone(),
                a.duration_min.map(|d| d.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    out.rows(
        Format::Table,
        &[num("N."), col("Punto"), col("Relatore"), num("Minuti")],
        &rows,
    )?;
    section(out, "Storico dello stato")?;
    let rows: Vec<Vec<String>> = m
        .history
        .iter()
        .map(|h| {
            vec![
                local(time::utc_to_rome(h.changed_at)),
                h.status.label().to_owned(),
                h.note.clone(),
            ]
        })
        .collect();
    out.rows(
        Format::Table,
        &[col("Quando"), col("Stato"), col("Nota")],
        &rows,
    )?;
    if !m.attachments.is_empty() {
        section(out, "Allegati")?;
        let rows: Vec<Vec<String>> = m
            .attachments
            .iter()
            .map(|a| {
                vec![
                    a.id.to_string(),
                    a.file_name.clone(),
                    crate::cli::output::thousands(a.size_bytes),
                    local(time::utc_to_rome(a.added_at)),
                ]
            })
            .collect();
        out.rows(
            Format::Table,
            &[num("Id"), col("File"), num("Byte"), col("Aggiunto")],
            &rows,
        )?;
    }
    Ok(())
}

fn section(out: &mut Out, title: &str) -> Printed {
    out.line("")?;
    out.line(&format!("{title}:"))?;
    Ok(())
}

/// The table (or CSV) of `meeting propose`.
pub fn proposed(out: &mut Out, format: Format, list: &[ProposedInvitee]) -> Printed {
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|p| {
            vec![
                p.person_id.map(|i| i.to_string()).unwrap_or_default(),
                p.person_name.clone().unwrap_or_else(|| VACANT.to_owned()),
                p.title.clone(),
                p.organisation_name.clone(),
                p.reason.clone(),
            ]
        })
        .collect();
    out.rows(
        format,
        &[
            num("ID persona"),
            col("Persona"),
            col("Incarico"),
            col("Ente"),
            col("Motivo"),
        ],
        &rows,
    )?;
    Ok(())
}
