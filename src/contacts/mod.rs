//! Contacts and offices: organisations, people, their roles over time, search, duplicates,
//! GDPR export and erasure, and the application layer of contact import/export.
//!
//! Contract:
//! - Organisations are typed ([`OrgKind`]) and may point at the territory they cover (comune,
//!   zone, ASL, province). Migration 0003 seeds one `comune` organisation per comune ("Comune di
//!   X"), the 3 ASL, Regione Toscana, the 10 prefetture and ANCI Toscana ([`seed`]).
//! - A role is person × organisation × title × inclusive period (`valid_from`/`valid_to`,
//!   `None` = unknown start / still held). "Who is the mayor on date D" is [`who_holds`].
//! - Reads take `&Connection`, writes `&Transaction`; every write validates first (Italian field
//!   errors naming the field), then changes, keeps the full-text index exact in the same
//!   transaction ([`search`]) and appends an audit row. Audit rows about a person carry its id
//!   and the names of the changed fields, never personal data, so that an erasure leaves nothing
//!   behind in the append-only log.
//! - Full-text search: FTS5, diacritics folded, each user term quoted and prefix-matched.
//!   The index holds a person's names, e-mails, phones, tags, notes and the titles and
//!   organisations of the roles not ended on the day of the last change to the person.
//! - Erasure ([`erase`]) deletes the person, their e-mails, phones, tags and roles and their
//!   index entries (FTS5 `secure-delete`, so no token survives), and records a tombstone row
//!   `person_tombstone(id, erased_at)`: history that points at the id shows
//!   "partecipante rimosso". Person ids are never reused (AUTOINCREMENT).
//! - Merge ([`merge`]) moves every role, e-mail, phone, tag and meeting invitation to the kept
//!   person, concatenates notes, keeps the stricter GDPR fields (restricted if any, earliest
//!   retention date) and deletes the others.

mod dedup;
pub mod export;
mod gdpr;
pub mod import;
mod org;
mod person;
mod role;
pub mod search;
pub mod seed;
pub mod transfer;
pub(crate) mod types;

pub use dedup::{duplicates, merge};
pub use gdpr::{erase, is_erased, person_export};
pub use org::{
    add_sds_zone, add_unione_member, comune_org, create_org, delete_org, list_orgs, org, org_links,
    sds_zones, unione_members, update_org,
};
pub use person::{
    count_people, create_person, delete_person, list_people, person, person_page, update_person,
    PERSON_PAGE, PERSON_PAGE_MAX,
};
pub use role::{
    add_role, comune_people, delete_role, end_role, list_roles, offices_of, people_in_office, role,
    update_role, who_holds,
};
pub use search::search;
pub use types::*;

use crate::error::{Error, FieldError};
use crate::text;

/// Longest accepted name, title or label.
pub(crate) const NAME_MAX: usize = 200;
/// Longest accepted notes.
pub(crate) const NOTES_MAX: usize = 20_000;

/// Collects field errors; [`Issues::finish`] turns them into one validation error.
#[derive(Debug, Default)]
pub(crate) struct Issues(pub Vec<FieldError>);

impl Issues {
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// A single-line text field: trimmed, at most `max` characters, no control characters.
    pub fn line(&mut self, field: &str, label: &str, value: &str, max: usize) -> String {
        let v = value.trim();
        if v.chars().count() > max {
            self.push(
                field,
                format!(
                    "{label} supera la lunghezza massima di {max} caratteri: accorcia il testo."
                ),
            );
        }
        if v.chars().any(char::is_control) {
            self.push(
                field,
                format!("{label} non può contenere a capo o caratteri di controllo."),
            );
        }
        v.to_owned()
    }

    /// A multi-line notes field: trimmed, at most [`NOTES_MAX`] characters.
    pub fn notes(&mut self, field: &str, value: &str) -> String {
        let v = value.trim();
        if v.chars().count() > NOTES_MAX {
            self.push(
                field,
                format!("Le note sono troppo lunghe: al massimo {NOTES_MAX} caratteri."),
            );
        }
        v.to_owned()
    }

    pub fn finish(self) -> crate::error::Result<()> {
        if self.0.is_empty() {
            return Ok(());
        }
        let message = self
            .0
            .iter()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Err(Error::Validation {
            message,
            details: self.0,
        })
    }
}

/// Checks an e-mail address; `Err` is an Italian explanation.
pub fn check_email(email: &str) -> Result<(), String> {
    let e = email.trim();
    let bad = |why: &str| {
        Err(format!(
            "L'indirizzo e-mail «{e}» non è valido ({why}): scrivilo come nome@dominio.it."
        ))
    };
    if e.is_empty() {
        return bad("è vuoto");
    }
    if e.len() > 254 {
        return bad("è troppo lungo");
    }
    if e.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("contiene spazi");
    }
    let Some((local, domain)) = e.rsplit_once('@') else {
        return bad("manca la @");
    };
    if local.is_empty() || local.contains('@') {
        return bad("la parte prima della @ è vuota o contiene un'altra @");
    }
    if !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.contains("..")
    {
        return bad("il dominio dopo la @ non è completo");
    }
    if e.contains(['<', '>', '"', ',', ';', '(', ')', '[', ']', '\\']) {
        return bad("contiene caratteri non ammessi");
    }
    Ok(())
}

/// Checks a phone number: digits, spaces and `+ . - / ( )`, with 3 to 20 digits.
pub fn check_phone(phone: &str) -> Result<(), String> {
    let p = phone.trim();
    if let Some(c) = p
        .chars()
        .find(|c| !(c.is_ascii_digit() || " +.-/()".contains(*c)))
    {
        return Err(format!(
            "Il numero di telefono «{p}» contiene «{c}»: usa solo cifre, spazi e + . - / ( )."
        ));
    }
    let digits = p.chars().filter(char::is_ascii_digit).count();
    if !(3..=20).contains(&digits) {
        return Err(format!(
            "Il numero di telefono «{p}» deve avere tra 3 e 20 cifre."
        ));
    }
    Ok(())
}

/// Phone as compared for duplicates: digits only, the Italian prefix (+39 / 0039) removed;
/// other international prefixes keep a leading `+`.
pub fn normalize_phone(phone: &str) -> String {
    let p = phone.trim();
    let plus = p.starts_with('+');
    let digits: String = p.chars().filter(char::is_ascii_digit).collect();
    if plus {
        match digits.strip_prefix("39") {
            Some(rest) => rest.to_owned(),
            None => format!("+{digits}"),
        }
    } else if let Some(rest) = digits.strip_prefix("0039") {
        rest.to_owned()
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else {
        digits
    }
}

/// Folded "family given", for ordering.
pub(crate) fn sort_key(given: &str, family: &str) -> String {
    format!("{} {}", text::fold(family), text::fold(given))
        .trim()
        .to_owned()
}

/// Folded given and family name in alphabetical order (so swapped names meet); empty when both
/// names are empty.
pub(crate) fn name_key(given: &str, family: &str) -> String {
    let (a, b) = (text::fold(given), text::fold(family));
    if a.is_empty() || b.is_empty() {
        return String::new();
    }
    if a <= b {
        format!("{a}|{b}")
    } else {
        format!("{b}|{a}")
    }
}

/// [`sort_key`] for bulk writers outside the module.
pub(crate) fn sort_key_pub(given: &str, family: &str) -> String {
    sort_key(given, family)
}

/// [`name_key`] for bulk writers outside the module.
pub(crate) fn name_key_pub(given: &str, family: &str) -> String {
    name_key(given, family)
}

/// "Given Family", or "(senza nome)".
pub(crate) fn display_name(given: &str, family: &str) -> String {
    let n = format!("{given} {family}").trim().to_owned();
    if n.is_empty() {
        "(senza nome)".to_owned()
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_normalise_italian_prefix() {
        assert_eq!(
            normalize_phone("+39 055 123.456"),
            "055123456",
            "+39 dropped"
        );
        assert_eq!(
            normalize_phone("0039 055 123456"),
            "055123456",
            "0039 dropped"
        );
        assert_eq!(normalize_phone("055/123456"), "055123456", "slash dropped");
        assert_eq!(normalize_phone("+33 1 23"), "+33123", "foreign prefix kept");
    }

    #[test]
    fn emails_are_checked() {
        assert!(check_email("a.b@comune.pisa.it").is_ok(), "plain address");
        for bad in ["", "a b@x.it", "ax.it", "@x.it", "a@x", "a@.it", "a@x..it"] {
            assert!(check_email(bad).is_err(), "{bad:?} must be rejected");
        }
    }

    #[test]
    fn name_key_meets_swapped_names() {
        assert_eq!(
            name_key("Niccolò", "Rossi"),
            name_key("ROSSI", "Niccolo"),
            "swapped and accents"
        );
        assert_eq!(name_key("", "Rossi"), "", "one name only: no key");
    }
}
