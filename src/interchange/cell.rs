//! Spreadsheet cells: the single implementation of formula-injection neutralisation.
//!
//! Contract: a text that begins with `=`, `+`, `-`, `@`, tab or CR, and is not a plain decimal
//! number (`-12`, `+3.5`), is prefixed with `'` so that Excel and LibreOffice show it as text
//! instead of evaluating it (OWASP "CSV injection"). Readers undo exactly this prefix ([`unneutralise`]) so an export
//! re-imports unchanged. [`csv_cell`] also quotes the cell when it contains the separator, a
//! quote or a line break (RFC 4180 quoting).

use std::borrow::Cow;

/// `s` with a leading `'` when a spreadsheet would treat it as a formula.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_plain_number(s) => {
            Cow::Owned(format!("'{s}"))
        }
        _ => Cow::Borrowed(s),
    }
}

/// A decimal number such as `-12`, `+3.5`, `-1e3` (not `-inf`, `NaN`, or `-1+1`).
fn is_plain_number(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'+' | b'-' | b'e' | b'E'))
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.parse::<f64>().is_ok()
}

/// Inverse of [`neutralise`] for text read back from a CSV file.
pub fn unneutralise(s: &str) -> &str {
    match s.strip_prefix('\'') {
        // A CR was turned into LF by line-ending normalisation before reading.
        Some(rest) if neutralise(rest).len() != rest.len() || rest.starts_with('\n') => rest,
        _ => s,
    }
}

/// One CSV cell for separator `sep`: neutralised, then quoted when needed.
pub fn csv_cell(s: &str, sep: char) -> String {
    let neutral = neutralise(s);
    if neutral.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_neutralised() {
        assert_eq!(
            csv_cell("=SUM(A1)", ';'),
            "'=SUM(A1)",
            "formula neutralised"
        );
        assert_eq!(csv_cell("-12", ';'), "-12", "negative numbers stay numbers");
        assert_eq!(csv_cell("a;b", ';'), "\"a;b\"", "separator quoted");
        assert_eq!(csv_cell("a,b", ';'), "a,b", "other separator not quoted");
        assert_eq!(csv_cell("a,b", ','), "\"a,b\"", "comma separator quoted");
        assert_eq!(csv_cell("d\"x", ';'), "\"d\"\"x\"", "quotes doubled");
        assert_eq!(csv_cell("@x", ';'), "'@x", "at sign");
        assert_eq!(csv_cell("+39 055", ';'), "'+39 055", "plus sign");
        assert_eq!(csv_cell("\tx", ';'), "'\tx", "tab");
        assert_eq!(
            csv_cell("\rx", ';'),
            "\"'\rx\"",
            "CR neutralised and quoted"
        );
        assert_eq!(csv_cell("Città", ';'), "Città", "plain text unchanged");
        assert_eq!(csv_cell("-inf", ';'), "'-inf", "not a plain number");
        assert_eq!(csv_cell("-1+1", ';'), "'-1+1", "arithmetic is a formula");
        assert_eq!(csv_cell("\t5", ';'), "'\t5", "tab before a number");
    }

    #[test]
    fn unneutralise_inverts_neutralise() {
        for s in [
            "=1+1", "+39 055", "@a", "-x", "'quoted", "plain", "-12", "'",
        ] {
            assert_eq!(unneutralise(&neutralise(s)), s, "round trip of {s:?}");
        }
    }
}
