//! The Markdown subset reader behind [`RichText::from_markdown`](super::RichText::from_markdown).
//!
//! Contract: blank lines separate paragraphs; `- `, `* ` and `N. ` (or `N) `) start list items,
//! nested by indentation (a tab counts four spaces); a non-blank line right after an item continues
//! it; `**…**` is bold, `*…*` italic (a marker opens before a non-space and closes after one);
//! `\` before ASCII punctuation makes it literal. Everything else — `<`, `&`, `#`, `_`, `[` — is
//! literal text. The reader never fails.

use super::richtext::{Block, ListItem, RichText, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bullet,
    Number,
}

#[derive(Debug)]
enum Line<'a> {
    Blank,
    Item {
        indent: usize,
        kind: Kind,
        text: &'a str,
    },
    Text {
        indent: usize,
        text: &'a str,
    },
}

/// Reads `src` (see the module documentation).
pub(crate) fn parse(src: &str) -> RichText {
    let lines: Vec<Line> = src.lines().map(classify).collect();
    let mut i = 0;
    RichText {
        blocks: blocks(&lines, &mut i, 0),
    }
}

fn classify(raw: &str) -> Line<'_> {
    let mut indent = 0;
    let mut start = raw.len();
    for (pos, c) in raw.char_indices() {
        match c {
            ' ' => indent += 1,
            '\t' => indent += 4,
            _ => {
                start = pos;
                break;
            }
        }
    }
    let rest = raw[start..].trim_end();
    if rest.is_empty() {
        return Line::Blank;
    }
    if let Some(text) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("* ")) {
        return Line::Item {
            indent,
            kind: Kind::Bullet,
            text: text.trim_start(),
        };
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let after = &rest[digits..];
        if let Some(text) = after
            .strip_prefix(". ")
            .or_else(|| after.strip_prefix(") "))
        {
            return Line::Item {
                indent,
                kind: Kind::Number,
                text: text.trim_start(),
            };
        }
    }
    Line::Text { indent, text: rest }
}

/// Blocks from line `i` until a line indented less than `min_indent` (or the end).
fn blocks(lines: &[Line], i: &mut usize, min_indent: usize) -> Vec<Block> {
    let mut out = Vec::new();
    while *i < lines.len() {
        match lines[*i] {
            Line::Blank => *i += 1,
            Line::Item { indent, kind, .. } => {
                if indent < min_indent {
                    break;
                }
                out.push(list(lines, i, indent, kind));
            }
            Line::Text { indent, text } => {
                if indent < min_indent {
                    break;
                }
                *i += 1;
                let mut para = text.to_owned();
                continuation(lines, i, &mut para);
                out.push(paragraph(&para));
            }
        }
    }
    out
}

/// Appends the text lines that directly follow (no blank line in between).
fn continuation(lines: &[Line], i: &mut usize, para: &mut String) {
    while let Some(Line::Text { text, .. }) = lines.get(*i) {
        para.push(' ');
        para.push_str(text);
        *i += 1;
    }
}

/// The index of the next non-blank line from `i`.
fn next_non_blank(lines: &[Line], mut i: usize) -> usize {
    while matches!(lines.get(i), Some(Line::Blank)) {
        i += 1;
    }
    i
}

/// A list whose items sit at `indent` (one column of tolerance) and are of `kind`.
fn list(lines: &[Line], i: &mut usize, indent: usize, kind: Kind) -> Block {
    let mut items = Vec::new();
    loop {
        let j = next_non_blank(lines, *i);
        let Some(&Line::Item {
            indent: ind,
            kind: k,
            text,
        }) = lines.get(j)
        else {
            break;
        };
        if k != kind || ind + 1 < indent || ind > indent + 1 {
            break;
        }
        *i = j + 1;
        let mut para = text.to_owned();
        continuation(lines, i, &mut para);
        let mut item = ListItem {
            blocks: vec![paragraph(&para)],
        };
        // Deeper lines (nested lists, further paragraphs of the item).
        loop {
            let j = next_non_blank(lines, *i);
            let deeper = match lines.get(j) {
                Some(Line::Item { indent: d, .. }) | Some(Line::Text { indent: d, .. }) => {
                    *d > indent + 1
                }
                _ => false,
            };
            if !deeper {
                break;
            }
            *i = j;
            item.blocks.extend(blocks(lines, i, indent + 2));
        }
        items.push(item);
    }
    match kind {
        Kind::Bullet => Block::BulletList { items },
        Kind::Number => Block::NumberedList { items },
    }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        spans: inline(text),
    }
}

#[derive(Debug)]
enum Tok {
    Text(String),
    Star {
        n: usize,
        open: bool,
        close: bool,
        matched: bool,
    },
}

/// Splits a paragraph's text into styled spans.
pub(crate) fn inline(text: &str) -> Vec<Span> {
    let mut toks = tokens(text);
    // Pair each opener with the next closer of the same size.
    for a in 0..toks.len() {
        let (n, ok) = match toks[a] {
            Tok::Star {
                n,
                open: true,
                matched: false,
                ..
            } => (n, true),
            _ => (0, false),
        };
        if !ok {
            continue;
        }
        let found = (a + 1..toks.len()).find(
            |&b| matches!(toks[b], Tok::Star { n: m, close: true, matched: false, .. } if m == n),
        );
        if let Some(b) = found {
            for k in [a, b] {
                if let Tok::Star { matched, .. } = &mut toks[k] {
                    *matched = true;
                }
            }
        }
    }
    let (mut bold, mut italic) = (false, false);
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |text: &str, bold: bool, italic: bool| {
        if text.is_empty() {
            return;
        }
        match spans.last_mut() {
            Some(s) if s.bold == bold && s.italic == italic => s.text.push_str(text),
            _ => spans.push(Span {
                text: text.to_owned(),
                bold,
                italic,
            }),
        }
    };
    for t in &toks {
        match t {
            Tok::Text(s) => push(s, bold, italic),
            Tok::Star {
                n, matched: true, ..
            } => {
                if *n == 2 {
                    bold = !bold;
                } else {
                    italic = !italic;
                }
            }
            Tok::Star { n, .. } => push(&"*".repeat(*n), bold, italic),
        }
    }
    spans
}

fn tokens(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut buf = String::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c == '\\' && chars.get(k + 1).is_some_and(|n| n.is_ascii_punctuation()) {
            buf.push(chars[k + 1]);
            k += 2;
            continue;
        }
        if c != '*' {
            buf.push(c);
            k += 1;
            continue;
        }
        let run = chars[k..].iter().take_while(|&&x| x == '*').count();
        let before = k.checked_sub(1).map(|p| chars[p]);
        let after = chars.get(k + run).copied();
        let open = after.is_some_and(|a| !a.is_whitespace());
        let close = before.is_some_and(|b| !b.is_whitespace() && b != '\\');
        k += run;
        if run > 3 || (!open && !close) {
            buf.push_str(&"*".repeat(run));
            continue;
        }
        if !buf.is_empty() {
            toks.push(Tok::Text(std::mem::take(&mut buf)));
        }
        let sizes: &[usize] = match (run, open && !close) {
            (3, true) => &[2, 1],
            (3, false) => &[1, 2],
            (2, _) => &[2],
            _ => &[1],
        };
        for &n in sizes {
            toks.push(Tok::Star {
                n,
                open,
                close,
                matched: false,
            });
        }
    }
    if !buf.is_empty() {
        toks.push(Tok::Text(buf));
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(text: &str, bold: bool, italic: bool) -> Span {
        Span {
            text: text.into(),
            bold,
            italic,
        }
    }

    #[test]
    fn inline_styles() {
        assert_eq!(
            inline("a **b** *c* d"),
            vec![
                sp("a ", false, false),
                sp("b", true, false),
                sp(" ", false, false),
                sp("c", false, true),
                sp(" d", false, false)
            ]
        );
        assert_eq!(
            inline("**a *b* c**"),
            vec![
                sp("a ", true, false),
                sp("b", true, true),
                sp(" c", true, false)
            ]
        );
        assert_eq!(inline("***x***"), vec![sp("x", true, true)]);
    }

    #[test]
    fn unmatched_and_escaped_markers_are_text() {
        assert_eq!(inline("2 * 3 = 6"), vec![sp("2 * 3 = 6", false, false)]);
        assert_eq!(inline("**aperto"), vec![sp("**aperto", false, false)]);
        assert_eq!(
            inline(r"\*non corsivo\*"),
            vec![sp("*non corsivo*", false, false)]
        );
    }

    #[test]
    fn markup_of_other_languages_is_literal() {
        let s = "<script>alert(1)</script> &amp; #set page(width: 1cm) ] [x](y) _z_";
        assert_eq!(inline(s), vec![sp(s, false, false)]);
    }

    #[test]
    fn paragraphs_and_lists() {
        let t = parse("Primo\nsegue\n\n- a\n- b\n  1. x\n  2. y\n- c\n\nFine");
        assert_eq!(t.blocks.len(), 3, "paragraph, list, paragraph: {t:?}");
        let Block::BulletList { items } = &t.blocks[1] else {
            panic!("second block is a bullet list: {t:?}");
        };
        assert_eq!(items.len(), 3, "three bullet items");
        assert!(
            matches!(items[1].blocks.get(1), Some(Block::NumberedList { items }) if items.len() == 2),
            "the second item holds a nested numbered list: {:?}",
            items[1]
        );
        assert_eq!(
            t.blocks[0],
            Block::Paragraph {
                spans: vec![sp("Primo segue", false, false)]
            },
            "adjacent lines join into one paragraph"
        );
    }

    #[test]
    fn list_kinds_split_lists() {
        let t = parse("- a\n1. b");
        assert_eq!(
            t.blocks.len(),
            2,
            "a bullet list then a numbered list: {t:?}"
        );
    }
}
