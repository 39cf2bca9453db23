//! Content lines shared by vCard (RFC 6350) and iCalendar (RFC 5545): TEXT escaping and line
//! folding.
//!
//! Contract: [`escape`] turns text into a TEXT value (`\\`, `\;`, `\,`, newline → `\n`; a CR or
//! CRLF is one newline) and [`unescape`] undoes it (also `\N`, and the `\:`/`\"` some writers
//! add); `unescape(escape(s)) == s` for every string without CR. [`split_unescaped`] splits a
//! value on a separator that is not escaped. [`push_folded`] appends a content line folded at
//! 75 octets (continuations start with one space) without splitting a UTF-8 sequence, ending
//! with CRLF.

/// Escapes a TEXT value; line breaks become `\n`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c => out.push(c),
        }
    }
    out
}

/// Undoes TEXT escapes; an unknown escape is kept as written.
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ ('\\' | ',' | ';' | ':' | '"')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Splits on `sep` where it is not escaped with a backslash; parts keep their escapes.
pub fn split_unescaped(value: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(&value[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&value[start..]);
    parts
}

/// Appends a content line folded at 75 octets (continuations start with a space) and CRLF.
pub fn push_folded(out: &mut String, line: &str) {
    let mut start = 0;
    let mut limit = 75;
    while line.len() - start > limit {
        let mut end = start + limit;
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&line[start..end]);
        out.push_str("\r\n ");
        start = end;
        limit = 74;
    }
    out.push_str(&line[start..]);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_never_splits_utf8_and_respects_75_octets() {
        let mut out = String::new();
        push_folded(&mut out, &format!("NOTE:{}", "è".repeat(100)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "line of {} octets", l.len());
        }
        let unfolded = out.trim_end().replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!("NOTE:{}", "è".repeat(100)),
            "unfolds back"
        );
    }

    #[test]
    fn escapes_round_trip() {
        let s = "a,b;c\\d\ne";
        assert_eq!(unescape(&escape(s)), s, "escape then unescape");
        assert_eq!(
            escape("a\r\nb\rc"),
            "a\\nb\\nc",
            "CRLF and CR are one newline"
        );
        assert_eq!(
            split_unescaped("a\\,b,c", ','),
            vec!["a\\,b", "c"],
            "escaped separators do not split"
        );
    }
}
