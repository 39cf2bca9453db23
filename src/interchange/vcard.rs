//! vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) address books, as Thunderbird, Outlook, Google and
//! Apple produce them.
//!
//! Contract of [`read`]: the bytes are decoded with [`super::text::decode`]; folded lines are
//! unfolded (a line starting with a space or tab continues the previous one); property groups
//! (`item1.EMAIL`) and unknown properties are ignored; text escapes `\\ \, \; \n` are undone.
//! Each `BEGIN:VCARD … END:VCARD` gives one [`ContactRecord`] (`source_line` = 1-based index of
//! the card) or one [`RowIssue`] (`line` = physical line of its `BEGIN:VCARD`): unsupported
//! version, a malformed line, an invalid e-mail, a card with no name, organisation or e-mail, a
//! card not closed. Read: N (family; given + additional; prefix → honorific), FN (only when N is
//! absent), ORG (first component), TITLE (or ROLE), EMAIL and TEL (several; `tel:` URIs),
//! NOTE, CATEGORIES. vCard 2.1 is accepted with its quoted-printable values (any CHARSET).
//! A file without any `BEGIN:VCARD`, or with more than [`MAX_CARDS`] cards, is an
//! [`Error::BadInput`].
//!
//! Contract of [`format_vcards`]: one card per record with VERSION, PRODID, UID (when given),
//! FN, N, ORG, TITLE, EMAIL, TEL, NOTE, CATEGORIES; text escaped; CRLF line ends; lines folded
//! at 75 octets without splitting a UTF-8 sequence. Reading what it writes gives back the same
//! names, honorific, organisation, title, e-mails, phones, notes and tags.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::content_line::{escape, push_folded, split_unescaped, unescape};
use super::csv_contacts::is_email;
use super::csv_contacts::MAX_VALUES_PER_FIELD;
use super::names::split_full_name;
use super::record::ContactRecord;
use super::text::decode;
use crate::error::{Error, Result};
use crate::interchange::record::RowIssue;

/// Most cards accepted in one file.
pub const MAX_CARDS: usize = 200_000;

/// Records read from a vCard file and the cards rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VcardRead {
    pub records: Vec<ContactRecord>,
    pub issues: Vec<RowIssue>,
}

/// vCard version written by [`format_vcards`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum VcardVersion {
    #[serde(rename = "3.0")]
    V3,
    #[serde(rename = "4.0")]
    V4,
}

/// One content line: upper-case name, parameters (upper-case key, value), raw value.
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn is_qp(&self) -> bool {
        self.params.iter().any(|(k, v)| {
            (k == "ENCODING" || k == "TYPE") && v.eq_ignore_ascii_case("QUOTED-PRINTABLE")
        })
    }
}

struct Card {
    index: u32,
    line: u32,
    props: Vec<Property>,
    problem: Option<String>,
}

/// Reads vCards; see the module contract.
pub fn read(bytes: &[u8]) -> Result<VcardRead> {
    let decoded = decode(bytes)?;
    let mut out = VcardRead {
        records: Vec::new(),
        issues: Vec::new(),
    };
    let mut current: Option<Card> = None;
    let mut count = 0u32;
    for (line_no, line) in logical_lines(&decoded.text) {
        let upper = line.trim().to_ascii_uppercase();
        if upper == "BEGIN:VCARD" {
            if let Some(card) = current.take() {
                out.issues.push(RowIssue {
                    line: card.line,
                    message: format!(
                        "scheda vCard n. {}: manca END:VCARD prima della scheda successiva",
                        card.index
                    ),
                });
            }
            count += 1;
            if count as usize > MAX_CARDS {
                return Err(Error::BadInput {
                    reason: format!(
                        "il file ha più di {MAX_CARDS} schede vCard: dividilo in più file"
                    ),
                });
            }
            current = Some(Card {
                index: count,
                line: line_no,
                props: Vec::new(),
                problem: None,
            });
            continue;
        }
        let Some(card) = current.as_mut() else {
            continue;
        };
        if upper == "END:VCARD" {
            if let Some(card) = current.take() {
                let (index, line) = (card.index, card.line);
                match to_record(card) {
                    Ok(r) => out.records.push(r),
                    Err(message) => out.issues.push(RowIssue {
                        line,
                        message: format!("scheda vCard n. {index}: {message}"),
                    }),
                }
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        match parse_property(&line) {
            Some(p) => card.props.push(p),
            None => {
                if card.problem.is_none() {
                    card.problem = Some(format!(
                        "la riga {line_no} non è una proprietà vCard (manca «:»)"
                    ));
                }
            }
        }
    }
    if let Some(card) = current {
        out.issues.push(RowIssue {
            line: card.line,
            message: format!(
                "scheda vCard n. {}: il file finisce prima di END:VCARD",
                card.index
            ),
        });
    }
    if count == 0 {
        return Err(Error::BadInput {
            reason: "non contiene schede vCard (nessuna riga BEGIN:VCARD): scegli un file .vcf"
                .to_owned(),
        });
    }
    Ok(out)
}

/// Unfolded lines with the physical line number where each starts, produced one at a time so
/// that memory stays bounded by the decoded text (collecting them would cost an allocation per
/// physical line: gigabytes for a 50 MB file of short lines). Quoted-printable values ending in
/// `=` continue on the next line (vCard 2.1 soft line breaks).
fn logical_lines(text: &str) -> impl Iterator<Item = (u32, String)> + '_ {
    let mut raw = text.split('\n').enumerate().peekable();
    std::iter::from_fn(move || {
        let (i, first) = raw.next()?;
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let head = first.split(':').next().unwrap_or("").to_ascii_uppercase();
        let mut qp_open = head.contains("QUOTED-PRINTABLE") && first.ends_with('=');
        let mut line = first.to_owned();
        loop {
            match raw.peek() {
                Some((_, next)) if qp_open => {
                    line.push('\n');
                    line.push_str(next);
                    qp_open = next.ends_with('=');
                }
                Some((_, next)) if next.starts_with([' ', '\t']) => line.push_str(&next[1..]),
                _ => break,
            }
            raw.next();
        }
        Some((no, line))
    })
}

/// Splits `name;params:value`; None when there is no `:` outside quotes.
fn parse_property(line: &str) -> Option<Property> {
    let mut in_quotes = false;
    let mut colon = None;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ':' if !in_quotes => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = head.split(';');
    let name = parts.next().unwrap_or("").trim();
    let name = name.rsplit('.').next().unwrap_or(name).to_ascii_uppercase();
    if name.is_empty() {
        return None;
    }
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (
                k.trim().to_ascii_uppercase(),
                v.trim().trim_matches('"').to_owned(),
            ),
            None => ("TYPE".to_owned(), p.trim().to_owned()),
        })
        .collect();
    Some(Property {
        name,
        params,
        value: value.to_owned(),
    })
}

/// Decodes a quoted-printable value in the given charset (UTF-8 when absent or unknown).
fn decode_qp(value: &str, charset: Option<&str>) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            if bytes.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    let encoding = charset
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    encoding.decode_without_bom_handling(&out).0.into_owned()
}

/// The value of a property with its encoding undone but text escapes kept.
fn raw_value(p: &Property) -> String {
    if p.is_qp() {
        super::text::normalise_newlines(decode_qp(&p.value, p.param("CHARSET")))
    } else {
        p.value.clone()
    }
}

fn text_value(p: &Property) -> String {
    unescape(&raw_value(p)).trim().to_owned()
}

/// A structured component: its comma-separated values joined with spaces.
fn component(raw: &str) -> String {
    split_unescaped(raw, ',')
        .into_iter()
        .map(|v| unescape(v).trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn to_record(card: Card) -> std::result::Result<ContactRecord, String> {
    if let Some(problem) = card.problem {
        return Err(problem);
    }
    if let Some(v) = card.props.iter().find(|p| p.name == "VERSION") {
        let version = v.value.trim();
        if !matches!(version, "2.1" | "3.0" | "4.0") {
            return Err(format!(
                "versione vCard «{version}» non supportata (sono supportate 2.1, 3.0 e 4.0)"
            ));
        }
    }
    let mut r = ContactRecord {
        source_line: card.index,
        ..ContactRecord::default()
    };
    let mut has_n = false;
    let mut full_name = None;
    let mut role = None;
    for p in &card.props {
        if p.param("ENCODING")
            .is_some_and(|e| e.eq_ignore_ascii_case("b") || e.eq_ignore_ascii_case("base64"))
        {
            continue;
        }
        match p.name.as_str() {
            "N" => {
                has_n = true;
                let raw = raw_value(p);
                let comps = split_unescaped(&raw, ';');
                let comp = |i: usize| comps.get(i).map_or(String::new(), |c| component(c));
                r.family_name = comp(0);
                r.given_name = [comp(1), comp(2)]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                let prefix = comp(3);
                r.honorific = (!prefix.is_empty()).then_some(prefix);
            }
            "FN" => full_name = Some(text_value(p)),
            "ORG" => {
                let raw = raw_value(p);
                let first = split_unescaped(&raw, ';')
                    .first()
                    .map(|c| unescape(c).trim().to_owned())
                    .unwrap_or_default();
                if !first.is_empty() {
                    r.organisation = Some(first);
                }
            }
            "TITLE" => {
                let v = text_value(p);
                if !v.is_empty() {
                    r.title = Some(v);
                }
            }
            "ROLE" => role = Some(text_value(p)).filter(|v| !v.is_empty()),
            "EMAIL" => {
                let v = text_value(p);
                let v = v
                    .strip_prefix("mailto:")
                    .or_else(|| v.strip_prefix("MAILTO:"))
                    .unwrap_or(&v)
                    .trim();
                if v.is_empty() {
                    continue;
                }
                if !is_email(v) {
                    return Err(format!("«{v}» non è un indirizzo e-mail valido"));
                }
                if !r.emails.iter().any(|e| e.eq_ignore_ascii_case(v)) {
                    too_many(&r.emails, "e-mail")?;
                    r.emails.push(v.to_owned());
                }
            }
            "TEL" => {
                let v = text_value(p);
                let v = match v.get(..4) {
                    Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => {
                        v[4..].replace(";ext=", " int. ")
                    }
                    _ => v,
                };
                let v = v.trim();
                if !v.is_empty() && !r.phones.iter().any(|x| x == v) {
                    too_many(&r.phones, "telefono")?;
                    r.phones.push(v.to_owned());
                }
            }
            "NOTE" => {
                let v = text_value(p);
                if !v.is_empty() {
                    match &mut r.notes {
                        Some(n) => {
                            n.push('\n');
                            n.push_str(&v);
                        }
                        None => r.notes = Some(v),
                    }
                }
            }
            "CATEGORIES" => {
                let raw = raw_value(p);
                for t in split_unescaped(&raw, ',') {
                    let t = unescape(t).trim().to_owned();
                    if !t.is_empty() && !r.tags.iter().any(|x| x.to_lowercase() == t.to_lowercase())
                    {
                        too_many(&r.tags, "etichette")?;
                        r.tags.push(t);
                    }
                }
            }
            _ => {}
        }
    }
    if r.title.is_none() {
        r.title = role;
    }
    if !has_n {
        if let Some(full) = full_name.filter(|f| Some(f) != r.organisation.as_ref()) {
            let split = split_full_name(&full);
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
        return Err("scheda senza nome, ente né e-mail: non c'è nulla da importare".to_owned());
    }
    Ok(r)
}

/// Name shown for a record (FN): given and family name, else organisation, else e-mail.
fn display_name(r: &ContactRecord) -> String {
    let name = format!("{} {}", r.given_name.trim(), r.family_name.trim());
    let name = name.trim();
    if !name.is_empty() {
        return name.to_owned();
    }
    r.organisation
        .clone()
        .or_else(|| r.emails.first().cloned())
        .unwrap_or_default()
}

/// vCards for records with optional stable UIDs; see the module contract.
pub fn format_vcards(cards: &[(&ContactRecord, Option<&str>)], version: VcardVersion) -> String {
    let mut out = String::new();
    for (r, uid) in cards {
        let mut line = |s: String| push_folded(&mut out, &s);
        line("BEGIN:VCARD".to_owned());
        line(
            match version {
                VcardVersion::V3 => "VERSION:3.0",
                VcardVersion::V4 => "VERSION:4.0",
            }
            .to_owned(),
        );
        line("PRODID:-//Raccordo//Raccordo//IT".to_owned());
        if let Some(uid) = uid {
            line(format!("UID:{}", escape(uid)));
        }
        line(format!("FN:{}", escape(&display_name(r))));
        line(format!(
            "N:{};{};;{};",
            escape(&r.family_name),
            escape(&r.given_name),
            escape(r.honorific.as_deref().unwrap_or(""))
        ));
        if let Some(org) = &r.organisation {
            line(format!("ORG:{}", escape(org)));
        }
        if let Some(title) = &r.title {
            line(format!("TITLE:{}", escape(title)));
        }
        for e in &r.emails {
            line(match version {
                VcardVersion::V3 => format!("EMAIL;TYPE=INTERNET:{}", escape(e)),
                VcardVersion::V4 => format!("EMAIL:{}", escape(e)),
            });
        }
        for t in &r.phones {
            line(match version {
                VcardVersion::V3 => format!("TEL;TYPE=VOICE:{}", escape(t)),
                VcardVersion::V4 => format!("TEL;VALUE=text:{}", escape(t)),
            });
        }
        if let Some(note) = &r.notes {
            line(format!("NOTE:{}", escape(note)));
        }
        if !r.tags.is_empty() {
            let tags: Vec<String> = r.tags.iter().map(|t| escape(t)).collect();
            line(format!("CATEGORIES:{}", tags.join(",")));
        }
        line("END:VCARD".to_owned());
    }
    out
}

/// vCards for records without UIDs.
pub fn to_vcard_string(records: &[ContactRecord], version: VcardVersion) -> String {
    let cards: Vec<(&ContactRecord, Option<&str>)> = records.iter().map(|r| (r, None)).collect();
    format_vcards(&cards, version)
}

/// Refuses a card that would give one person more than [`MAX_VALUES_PER_FIELD`] values (a card
/// with thousands of e-mails is not an address book entry; checking each against the others
/// would take quadratic time).
fn too_many(list: &[String], what: &str) -> std::result::Result<(), String> {
    if list.len() >= MAX_VALUES_PER_FIELD {
        return Err(format!(
            "troppi valori in «{what}»: al massimo {MAX_VALUES_PER_FIELD} per persona"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_lines_unfold_and_keep_the_starting_line() {
        let text = " lone\nNOTE:a\n b\n\tc\nN;ENCODING=QUOTED-PRINTABLE:x=\ny=\n z\n\nEND";
        let lines: Vec<(u32, String)> = logical_lines(text).collect();
        assert_eq!(
            lines,
            vec![
                (1, " lone".to_owned()),
                (2, "NOTE:abc".to_owned()),
                (5, "N;ENCODING=QUOTED-PRINTABLE:x=\ny=\n z".to_owned()),
                (8, String::new()),
                (9, "END".to_owned()),
            ],
            "folding joins, QP soft breaks keep their newline, numbers are where lines start"
        );
    }

    #[test]
    fn quoted_printable_2_1_is_decoded() {
        let input = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Nicc=\r\nol=C3=B2;Anna\r\nEMAIL;INTERNET:a@b.it\r\nEND:VCARD\r\n";
        let read = read(input.as_bytes()).expect("read");
        assert_eq!(read.issues, vec![], "no issues");
        assert_eq!(read.records[0].family_name, "Niccolò", "QP decoded");
        assert_eq!(read.records[0].given_name, "Anna", "second component");
    }
}
