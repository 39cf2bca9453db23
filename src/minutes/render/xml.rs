//! Escaping for the XML of DOCX and ODT (and, with the same rules, HTML).
//!
//! Contract: [`esc`] turns any string into character data safe in element content and in
//! double- or single-quoted attributes: `& < > " '` become references and characters XML 1.0
//! forbids (controls other than tab/newline, U+FFFE/U+FFFF) are dropped.

/// Escapes `s` for XML/HTML text or attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            esc("<script>&\"D'Angelo\"\u{1}"),
            "&lt;script&gt;&amp;&quot;D&#39;Angelo&quot;"
        );
        assert_eq!(esc("Città"), "Città");
    }
}
