//! One CSV row to one [`ContactRecord`] under a column mapping (see [`super::read`]): several
//! e-mail or phone columns accumulate, a cell may hold several values separated by `;` or `,`,
//! at most [`MAX_VALUES_PER_FIELD`] per field; a row without name, organisation or e-mail, with
//! an e-mail that is not an address, or with cells beyond the header's columns is rejected.

use csv::StringRecord;

use crate::interchange::cell::unneutralise;
use crate::interchange::names::split_full_name;
use crate::interchange::record::{ContactField, ContactRecord};

/// Most e-mails, phones or tags one row may give a person (a cell holding thousands of values is
/// not an address book: the row is refused rather than compared value by value).
pub const MAX_VALUES_PER_FIELD: usize = 50;

/// Adds `value` unless already there (ignoring case); refuses more than
/// [`MAX_VALUES_PER_FIELD`] values, naming the field.
fn push_unique(
    list: &mut Vec<String>,
    value: String,
    what: &str,
) -> std::result::Result<(), String> {
    let folded = value.to_lowercase();
    if list.iter().any(|v| v.to_lowercase() == folded) {
        return Ok(());
    }
    if list.len() >= MAX_VALUES_PER_FIELD {
        return Err(format!(
            "troppi valori in «{what}»: al massimo {MAX_VALUES_PER_FIELD} per persona"
        ));
    }
    list.push(value);
    Ok(())
}

fn join_opt(slot: &mut Option<String>, value: &str, sep: &str) {
    match slot {
        Some(s) => {
            s.push_str(sep);
            s.push_str(value);
        }
        None => *slot = Some(value.to_owned()),
    }
}

fn join_str(slot: &mut String, value: &str) {
    if !slot.is_empty() {
        slot.push(' ');
    }
    slot.push_str(value);
}

/// Whether `s` looks like an e-mail address (one `@`, a dot in the domain, no spaces).
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>,;:\"()[]\\".contains(c))
}

/// E-mail addresses in a cell ("a@x.it; b@y.it", "Mario Rossi <m@x.it>", "mailto:a@x.it",
/// "a@x.it (ufficio)"): words without `@` next to an address are comments and are dropped; a
/// part with no address at all, or a word with `@` that is not an address, is an error.
pub(super) fn split_emails(cell: &str) -> std::result::Result<Vec<String>, String> {
    let mut out = Vec::new();
    for part in cell.split([';', ',', '\n']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let inner = match (part.rfind('<'), part.rfind('>')) {
            (Some(a), Some(b)) if a < b => &part[a + 1..b],
            _ => part,
        };
        let mut found = false;
        for token in inner.split_whitespace() {
            let token = token
                .strip_prefix("mailto:")
                .or_else(|| token.strip_prefix("MAILTO:"))
                .unwrap_or(token);
            if !token.contains('@') {
                continue;
            }
            if !is_email(token) {
                return Err(format!(
                    "«{}» non è un indirizzo e-mail valido",
                    shorten(token)
                ));
            }
            found = true;
            out.push(token.to_owned());
        }
        if !found {
            return Err(format!(
                "«{}» non è un indirizzo e-mail valido",
                shorten(part)
            ));
        }
    }
    Ok(out)
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_owned()
    }
}

pub(super) fn build(
    line: u32,
    row: &StringRecord,
    columns: &[Option<ContactField>],
) -> std::result::Result<ContactRecord, String> {
    let extra = row
        .iter()
        .skip(columns.len())
        .filter(|c| !c.trim().is_empty())
        .count();
    if extra > 0 {
        return Err(format!(
            "la riga ha {} campi ma l'intestazione ne ha {}: controlla il separatore e le \
             virgolette",
            row.len(),
            columns.len()
        ));
    }
    let mut r = ContactRecord {
        source_line: line,
        ..ContactRecord::default()
    };
    let mut full_names = Vec::new();
    for (cell, field) in row.iter().zip(columns) {
        let Some(field) = field else { continue };
        let value = unneutralise(cell.trim()).trim();
        if value.is_empty() {
            continue;
        }
        match field {
            ContactField::GivenName => join_str(&mut r.given_name, value),
            ContactField::FamilyName => join_str(&mut r.family_name, value),
            ContactField::FullName => full_names.push(value.to_owned()),
            ContactField::Honorific => join_opt(&mut r.honorific, value, " "),
            ContactField::Email => {
                for e in split_emails(value)? {
                    push_unique(&mut r.emails, e, "e-mail")?;
                }
            }
            ContactField::Phone => {
                for p in value.split([';', ',', '\n']) {
                    let p = unneutralise(p.trim()).trim();
                    if !p.is_empty() {
                        push_unique(&mut r.phones, p.to_owned(), "telefono")?;
                    }
                }
            }
            ContactField::Organisation => join_opt(&mut r.organisation, value, " "),
            ContactField::Title => join_opt(&mut r.title, value, " "),
            ContactField::Comune => join_opt(&mut r.comune, value, " "),
            ContactField::Notes => join_opt(&mut r.notes, value, "\n"),
            ContactField::Tags => {
                for t in value.split([',', ';']) {
                    let t = t.trim();
                    if !t.is_empty() {
                        push_unique(&mut r.tags, t.to_owned(), "etichette")?;
                    }
                }
            }
            ContactField::Ignore => {}
        }
    }
    if let Some(full) = full_names.first() {
        if r.given_name.is_empty() && r.family_name.is_empty() {
            let split = split_full_name(full);
            r.given_name = split.given;
            r.family_name = split.family;
            if r.honorific.is_none() {
                r.honorific = split.honorific;
            }
        }
    }
    if r.given_name.is_empty()
        && r.family_name.is_empty()
        && r.organisation.is_none()
        && r.emails.is_empty()
    {
        return Err("riga senza nome, ente né e-mail: non c'è nulla da importare".to_owned());
    }
    Ok(r)
}
