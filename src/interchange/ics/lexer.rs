//! Content lines of an iCalendar file: unfolding with line numbers, and `NAME;PARAM=…:value`.

use super::MAX_LOGICAL_LINE;
use crate::error::{Error, Result};

/// One content line: upper-case name, parameters, raw value (escapes kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Prop {
    /// Physical line where the property starts (1-based).
    pub line: u32,
    pub name: String,
    /// Upper-case parameter names with their values (quotes removed, RFC 6868 `^` escapes
    /// undone; a list `a,b` gives two values).
    pub params: Vec<(String, Vec<String>)>,
    pub value: String,
}

impl Prop {
    /// The first value of a parameter.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.first())
            .map(String::as_str)
    }
}

/// Unfolded lines with the physical line number where each starts, one at a time (memory stays
/// bounded by the decoded text). A line starting with a space or tab continues the previous one.
/// A logical line over [`MAX_LOGICAL_LINE`] bytes is an [`Error::LineTooLong`] at its first line.
pub(super) fn logical_lines(text: &str) -> impl Iterator<Item = Result<(u32, String)>> + '_ {
    let mut raw = text.split('\n').enumerate().peekable();
    std::iter::from_fn(move || {
        let (i, first) = raw.next()?;
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let mut line = first.to_owned();
        while let Some((_, next)) = raw.peek() {
            let Some(rest) = next.strip_prefix([' ', '\t']) else {
                break;
            };
            if line.len() + rest.len() > MAX_LOGICAL_LINE {
                return Some(Err(Error::LineTooLong {
                    line: no,
                    limit_bytes: MAX_LOGICAL_LINE as u64,
                }));
            }
            line.push_str(rest);
            raw.next();
        }
        Some(Ok((no, line)))
    })
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// Undoes RFC 6868 escapes in a parameter value (`^n` newline, `^'` quote, `^^` caret).
fn caret_decode(v: &str) -> String {
    if !v.contains('^') {
        return v.to_owned();
    }
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '^' {
            match chars.peek() {
                Some('n' | 'N') => {
                    out.push('\n');
                    chars.next();
                    continue;
                }
                Some('\'') => {
                    out.push('"');
                    chars.next();
                    continue;
                }
                Some('^') => {
                    out.push('^');
                    chars.next();
                    continue;
                }
                _ => {}
            }
        }
        out.push(c);
    }
    out
}

/// Parses `name *(";" param) ":" value`; None when the name is not a property name or there is
/// no `:` after the parameters.
pub(super) fn parse_property(line_no: u32, line: &str) -> Option<Prop> {
    let name_end = line.find(|c: char| !is_name_char(c)).unwrap_or(line.len());
    let name = &line[..name_end];
    if name.is_empty() {
        return None;
    }
    let mut rest = &line[name_end..];
    let mut params = Vec::new();
    loop {
        if let Some(value) = rest.strip_prefix(':') {
            return Some(Prop {
                line: line_no,
                name: name.to_ascii_uppercase(),
                params,
                value: value.to_owned(),
            });
        }
        rest = rest.strip_prefix(';')?;
        let key_end = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_uppercase();
        rest = rest[key_end..].strip_prefix('=')?;
        let mut values = Vec::new();
        loop {
            if let Some(q) = rest.strip_prefix('"') {
                let close = q.find('"')?;
                values.push(caret_decode(&q[..close]));
                rest = &q[close + 1..];
            } else {
                let end = rest.find([',', ';', ':']).unwrap_or(rest.len());
                values.push(caret_decode(&rest[..end]));
                rest = &rest[end..];
            }
            match rest.strip_prefix(',') {
                Some(r) => rest = r,
                None => break,
            }
        }
        params.push((key, values));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolds_crlf_and_tabs_keeping_the_first_line_number() {
        let text = "BEGIN:VEVENT\nDESCRIPTION:a\n b\n\tc\nEND:VEVENT";
        let lines: Vec<(u32, String)> = logical_lines(text).map(|l| l.expect("line")).collect();
        assert_eq!(
            lines,
            vec![
                (1, "BEGIN:VEVENT".to_owned()),
                (2, "DESCRIPTION:abc".to_owned()),
                (5, "END:VEVENT".to_owned()),
            ],
            "continuations join the line they continue"
        );
    }

    #[test]
    fn an_endless_folded_line_is_refused_with_its_number() {
        let text = format!(
            "A:b\nX:{}",
            "\n 0123456789".repeat(MAX_LOGICAL_LINE / 10 + 1)
        );
        let err = logical_lines(&text).find_map(|l| l.err());
        assert!(
            matches!(err, Some(Error::LineTooLong { line: 2, .. })),
            "the logical line starting on line 2 is too long: {err:?}"
        );
    }

    #[test]
    fn parameters_may_be_quoted_listed_and_caret_escaped() {
        let p = parse_property(
            7,
            "attendee;CN=\"Rossi, Mario: sindaco\";PARTSTAT=ACCEPTED;DELEGATED-TO=\"mailto:a@b.it\",\"mailto:c@d.it\";X-Q=^'x^'^n:mailto:m@r.it",
        )
        .expect("a valid property");
        assert_eq!(p.name, "ATTENDEE", "names are upper-cased");
        assert_eq!(p.line, 7, "line kept");
        assert_eq!(p.param("CN"), Some("Rossi, Mario: sindaco"), "quoted value");
        assert_eq!(p.param("PARTSTAT"), Some("ACCEPTED"), "plain value");
        assert_eq!(
            p.params[2].1,
            vec!["mailto:a@b.it".to_owned(), "mailto:c@d.it".to_owned()],
            "a list of quoted values"
        );
        assert_eq!(p.param("X-Q"), Some("\"x\"\n"), "RFC 6868 escapes undone");
        assert_eq!(
            p.value, "mailto:m@r.it",
            "value after the first unquoted colon"
        );
    }

    #[test]
    fn malformed_lines_are_not_properties() {
        for bad in ["", ":x", "NO COLON", "A;B:c", "A;B=\"open:x", "Ä:x"] {
            assert_eq!(parse_property(1, bad), None, "{bad:?} is not a property");
        }
        let empty = parse_property(1, "SUMMARY:").expect("empty value is fine");
        assert_eq!(empty.value, "", "empty value");
    }
}
