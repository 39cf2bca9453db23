//! Markdown rendering (CommonMark with GitHub-style pipe tables).
//!
//! Contract: every user string goes through [`esc`], which backslash-escapes the characters that
//! could start markup anywhere (`\ ` * _ [ ] < > # | ~ ! & $ { }`) and, at the start of a line,
//! list and heading markers (`- + =` and `1.`); so a title like `<script>` or `# x` is shown
//! literally by any CommonMark reader. Rich text keeps its bold, italic and lists.

use super::{heading as h, item_heading};
use crate::minutes::document::MinutesDocument;
use crate::minutes::richtext::{Block, RichText, Span};

/// Escapes `s` as Markdown inline text (one line: newlines become spaces).
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&' | '$'
            | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    // A line start that would read as a list item, heading underline or ordered item.
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

fn spans(ss: &[Span]) -> String {
    let mut out = String::new();
    for s in ss {
        let text = esc(&s.text);
        // Markers must hug non-space text: keep surrounding spaces outside.
        let core = text.trim();
        if core.is_empty() || (!s.bold && !s.italic) {
            out.push_str(&text);
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        let mark = match (s.bold, s.italic) {
            (true, true) => "***",
            (true, false) => "**",
            _ => "*",
        };
        out.push_str(lead);
        out.push_str(mark);
        out.push_str(core);
        out.push_str(mark);
        out.push_str(trail);
    }
    // A paragraph that starts like a list marker after styling is still escaped by esc().
    out
}

fn blocks(bs: &[Block], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for b in bs {
        match b {
            Block::Paragraph { spans: ss } => {
                out.push_str(&pad);
                out.push_str(&spans(ss));
                out.push_str("\n\n");
            }
            Block::BulletList { items } | Block::NumberedList { items } => {
                let numbered = matches!(b, Block::NumberedList { .. });
                for (i, it) in items.iter().enumerate() {
                    let marker = if numbered {
                        format!("{}. ", i + 1)
                    } else {
                        "- ".to_owned()
                    };
                    out.push_str(&pad);
                    out.push_str(&marker);
                    let mut rest = it.blocks.as_slice();
                    if let Some(Block::Paragraph { spans: ss }) = rest.first() {
                        out.push_str(&spans(ss));
                        rest = &rest[1..];
                    }
                    out.push('\n');
                    let mut inner = String::new();
                    blocks(rest, indent + marker.len(), &mut inner);
                    out.push_str(inner.trim_end_matches('\n'));
                    if !inner.is_empty() {
                        out.push('\n');
                    }
                }
                out.push('\n');
            }
        }
    }
}

fn rich(t: &RichText, out: &mut String) {
    blocks(&t.blocks, 0, out);
}

fn table(out: &mut String, heads: &[&str], rows: &[Vec<String>]) {
    out.push_str(&format!("| {} |\n", heads.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(heads.len())));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| esc(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

/// The verbale as Markdown.
pub(super) fn render(doc: &MinutesDocument) -> String {
    let mut out = String::new();
    out.push_str(&format!("**{}**\n\n", esc(doc.organisation.trim())));
    out.push_str(&format!("# {}: {}\n\n", h::VERBALE, esc(doc.title.trim())));
    for (k, v) in doc.facts() {
        out.push_str(&format!("- **{k}:** {}\n", esc(&v)));
    }
    out.push_str(&format!("\n## {}\n\n", h::ATTENDANCE));
    if doc.attendance.is_empty() {
        out.push_str(&format!("{}\n\n", h::NONE));
    } else {
        let rows: Vec<Vec<String>> = doc
            .attendance
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    (i + 1).to_string(),
                    r.name.trim().to_owned(),
                    r.office.trim().to_owned(),
                    r.attendance_label(),
                ]
            })
            .collect();
        table(&mut out, &h::ATTENDANCE_COLS, &rows);
    }
    out.push_str(&format!("## {}\n\n", h::AGENDA));
    for (i, a) in doc.agenda.iter().enumerate() {
        out.push_str(&format!("### {}\n\n", esc(&item_heading(i + 1, &a.title))));
        if !a.discussion.is_empty() {
            out.push_str(&format!("**{}**\n\n", h::DISCUSSION));
            rich(&a.discussion, &mut out);
        }
        if !a.decisions.is_empty() {
            out.push_str(&format!("**{}**\n\n", h::DECISIONS));
            rich(&a.decisions, &mut out);
        }
    }
    out.push_str(&format!("## {}\n\n", h::FOLLOW_UPS));
    if doc.follow_ups.is_empty() {
        out.push_str(&format!("{}\n\n", h::NONE));
    } else {
        let rows: Vec<Vec<String>> = doc
            .follow_ups
            .iter()
            .enumerate()
            .map(|(i, f)| {
                vec![
                    (i + 1).to_string(),
                    f.what.trim().to_owned(),
                    f.who.trim().to_owned(),
                    f.due_label(),
                    f.item_label(),
                ]
            })
            .collect();
        table(&mut out, &h::FOLLOW_UP_COLS, &rows);
    }
    if !doc.closing_notes.is_empty() {
        out.push_str(&format!("## {}\n\n", h::CLOSING));
        rich(&doc.closing_notes, &mut out);
    }
    if !doc.signatures.is_empty() {
        out.push_str(&format!("## {}\n\n", h::SIGNATURES));
        for s in &doc.signatures {
            out.push_str(&format!(
                "{}: {}  \n\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n",
                esc(s.role.trim()),
                esc(s.name.trim())
            ));
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(esc("<script>"), r"\<script\>");
        assert_eq!(esc("# titolo"), r"\# titolo");
        assert_eq!(esc("- voce"), r"\- voce");
        assert_eq!(esc("12. punto"), r"12\. punto");
        assert_eq!(esc("a|b"), r"a\|b");
        assert_eq!(esc("D'Angelo, Città"), "D'Angelo, Città");
    }
}
