//! The limited rich text of a verbale (discussion, decisions, closing notes).
//!
//! Contract:
//! - [`RichText`] is a small AST: paragraphs of [`Span`]s (bold and/or italic), bullet lists and
//!   numbered lists whose items hold blocks (so lists nest). Nothing else exists: no links, no
//!   headings, no images, and never raw HTML — every character of a span is literal text, and each
//!   renderer escapes it for its own format.
//! - [`RichText::validate`] enforces the limits ([`MAX_CHARS`], [`MAX_BLOCKS`], [`MAX_DEPTH`], no
//!   control characters, no empty list); renderers validate before writing.
//! - [`RichText::from_markdown`] reads a small Markdown subset (`**bold**`, `*italic*`, `- ` and
//!   `1. ` list items, nesting by indentation, blank-line paragraphs, `\` escapes); any other
//!   character, `<` and `&` included, is literal text. It never fails: unmatched markers are text.
//! - [`RichText::plain_text`] gives the text without styling (lists as `- ` / `1. ` lines).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// Most characters of text in one [`RichText`].
pub const MAX_CHARS: usize = 100_000;
/// Most blocks (paragraphs, lists, list items) in one [`RichText`].
pub const MAX_BLOCKS: usize = 5_000;
/// Deepest list nesting (a list inside a list inside a list).
pub const MAX_DEPTH: usize = 3;

/// A run of text with one style.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Span {
    pub text: String,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
}

impl Span {
    /// Unstyled text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }
}

/// One item of a list: its own blocks (usually one paragraph, maybe a nested list).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListItem {
    pub blocks: Vec<Block>,
}

/// A block of rich text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph { spans: Vec<Span> },
    BulletList { items: Vec<ListItem> },
    NumberedList { items: Vec<ListItem> },
}

/// Rich text: a sequence of blocks (empty = nothing written).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RichText {
    pub blocks: Vec<Block>,
}

impl RichText {
    /// One unstyled paragraph (nothing when `text` is blank).
    pub fn paragraph(text: impl Into<String>) -> RichText {
        let text = text.into();
        if text.trim().is_empty() {
            return RichText::default();
        }
        RichText {
            blocks: vec![Block::Paragraph {
                spans: vec![Span::plain(text)],
            }],
        }
    }

    /// True when there is no visible text.
    pub fn is_empty(&self) -> bool {
        self.plain_text().trim().is_empty()
    }

    /// Checks the limits; `field` names the field in the error.
    pub fn validate(&self, field: &str) -> Result<()> {
        let mut count = Counts::default();
        for b in &self.blocks {
            check_block(b, 0, field, &mut count)?;
        }
        Ok(())
    }

    /// The text without styling: paragraphs separated by a blank line, list items as `- ` or
    /// `N. ` lines indented two spaces per level.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        write_plain(&self.blocks, 0, &mut out);
        while out.ends_with('\n') {
            out.pop();
        }
        out
    }

    /// Reads the Markdown subset described in the module documentation.
    pub fn from_markdown(src: &str) -> RichText {
        crate::minutes::markdown::parse(src)
    }
}

#[derive(Default)]
struct Counts {
    chars: usize,
    blocks: usize,
}

fn check_block(b: &Block, depth: usize, field: &str, n: &mut Counts) -> Result<()> {
    n.blocks += 1;
    if n.blocks > MAX_BLOCKS {
        return Err(Error::invalid(
            field,
            format!("testo troppo lungo: al massimo {MAX_BLOCKS} paragrafi e voci di elenco"),
        ));
    }
    match b {
        Block::Paragraph { spans } => {
            for s in spans {
                if let Some(c) = s.text.chars().find(|c| c.is_control()) {
                    return Err(Error::invalid(
                        field,
                        format!(
                            "il testo contiene un carattere di controllo (U+{:04X}): rimuovilo",
                            u32::from(c)
                        ),
                    ));
                }
                n.chars += s.text.chars().count();
                if n.chars > MAX_CHARS {
                    return Err(Error::invalid(
                        field,
                        format!("testo troppo lungo: al massimo {MAX_CHARS} caratteri"),
                    ));
                }
            }
        }
        Block::BulletList { items } | Block::NumberedList { items } => {
            if depth >= MAX_DEPTH {
                return Err(Error::invalid(
                    field,
                    format!(
                        "elenchi annidati troppo in profondità: al massimo {MAX_DEPTH} livelli"
                    ),
                ));
            }
            if items.is_empty() {
                return Err(Error::invalid(field, "un elenco non ha voci"));
            }
            for it in items {
                n.blocks += 1;
                for b in &it.blocks {
                    check_block(b, depth + 1, field, n)?;
                }
            }
        }
    }
    Ok(())
}

fn write_plain(blocks: &[Block], depth: usize, out: &mut String) {
    for b in blocks {
        match b {
            Block::Paragraph { spans } => {
                out.push_str(&"  ".repeat(depth));
                for s in spans {
                    out.push_str(&s.text);
                }
                out.push('\n');
                if depth == 0 {
                    out.push('\n');
                }
            }
            Block::BulletList { items } | Block::NumberedList { items } => {
                let numbered = matches!(b, Block::NumberedList { .. });
                for (i, it) in items.iter().enumerate() {
                    out.push_str(&"  ".repeat(depth));
                    if numbered {
                        out.push_str(&format!("{}. ", i + 1));
                    } else {
                        out.push_str("- ");
                    }
                    write_item_plain(it, depth, out);
                }
                if depth == 0 {
                    out.push('\n');
                }
            }
        }
    }
}

/// An item's first paragraph on the marker line, the rest below it one level deeper.
fn write_item_plain(it: &ListItem, depth: usize, out: &mut String) {
    let mut rest = it.blocks.as_slice();
    if let Some(Block::Paragraph { spans }) = rest.first() {
        for s in spans {
            out.push_str(&s.text);
        }
        rest = &rest[1..];
    }
    out.push('\n');
    write_plain(rest, depth + 1, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_enforced() {
        let deep = RichText::from_markdown("- a\n  - b\n    - c\n      - d");
        assert!(
            deep.validate("x").is_err(),
            "four levels of lists are refused"
        );
        let ok = RichText::from_markdown("- a\n  - b\n    - c");
        assert!(ok.validate("x").is_ok(), "three levels are fine");
        let long = RichText::paragraph("a".repeat(MAX_CHARS + 1));
        assert!(
            long.validate("x").is_err(),
            "text over the limit is refused"
        );
        let ctl = RichText::paragraph("a\u{0}b");
        assert!(ctl.validate("x").is_err(), "control characters are refused");
    }

    #[test]
    fn plain_text_keeps_lists() {
        let t = RichText::from_markdown("Intro **forte**\n\n- uno\n- due\n\n1. primo\n   - sotto");
        assert_eq!(
            t.plain_text(),
            "Intro forte\n\n- uno\n- due\n\n1. primo\n  - sotto"
        );
    }

    #[test]
    fn serde_shape_is_tagged() {
        let t = RichText::from_markdown("*a*");
        let j = serde_json::to_string(&t).unwrap_or_default();
        assert_eq!(
            j,
            r#"{"blocks":[{"type":"paragraph","spans":[{"text":"a","bold":false,"italic":true}]}]}"#
        );
    }
}
