//! HTML rendering: one self-contained page with a print stylesheet.
//!
//! Contract: no scripts, no remote content (a Content-Security-Policy meta forbids both; the
//! logo is an inline `data:` URI), every user string escaped with [`esc`]; the page prints on A4
//! with table headers repeated on every page.

use super::xml::esc;
use super::{heading as h, item_heading};
use crate::minutes::document::MinutesDocument;
use crate::minutes::richtext::{Block, RichText};

const STYLE: &str = r##"
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
  color: #111; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
header.ente { display: flex; align-items: center; gap: 1rem; border-bottom: 2px solid #111;
  padding-bottom: .4rem; }
header.ente img { height: 3.5rem; }
header.ente .nome { font-size: 15pt; font-weight: bold; }
h1 { text-align: center; font-size: 20pt; margin: 1.2rem 0 .2rem; }
p.titolo { text-align: center; font-size: 13pt; font-weight: bold; margin-top: 0; }
h2 { font-size: 13pt; margin-top: 1.6rem; }
h3 { font-size: 11pt; }
dl.fatti { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dl.fatti dt { font-weight: bold; color: #444; } dl.fatti dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .2rem .35rem; text-align: left; vertical-align: top; }
thead th { background: #e0e0e0; } tbody tr:nth-child(even) { background: #f6f6f6; }
.etichetta { font-weight: bold; color: #444; margin-bottom: .2rem; }
.decisioni { background: #f3f3f3; padding: .5rem .8rem; border-radius: 3px; }
.bozza { color: #a00; font-weight: bold; }
.firme { display: flex; flex-wrap: wrap; gap: 2rem; margin-top: 3rem; }
.firma { flex: 1 1 12rem; text-align: center; }
.firma .linea { border-bottom: 1px solid #111; height: 3rem; margin: 0 1rem .3rem; }
@page { size: A4; margin: 2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  thead { display: table-header-group; } tr, .firme { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"##;

fn blocks(bs: &[Block], out: &mut String) {
    for b in bs {
        match b {
            Block::Paragraph { spans } => {
                out.push_str("<p>");
                for s in spans {
                    let mut t = esc(&s.text);
                    if s.italic {
                        t = format!("<em>{t}</em>");
                    }
                    if s.bold {
                        t = format!("<strong>{t}</strong>");
                    }
                    out.push_str(&t);
                }
                out.push_str("</p>\n");
            }
            Block::BulletList { items } | Block::NumberedList { items } => {
                let tag = if matches!(b, Block::NumberedList { .. }) {
                    "ol"
                } else {
                    "ul"
                };
                out.push_str(&format!("<{tag}>\n"));
                for it in items {
                    out.push_str("<li>");
                    blocks(&it.blocks, out);
                    out.push_str("</li>\n");
                }
                out.push_str(&format!("</{tag}>\n"));
            }
        }
    }
}

fn rich(t: &RichText, out: &mut String) {
    blocks(&t.blocks, out);
}

fn table(out: &mut String, heads: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    out.push_str("<table>\n<thead><tr>");
    for hd in heads {
        out.push_str(&format!("<th scope=\"col\">{}</th>", esc(hd)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for c in r {
            out.push_str(&format!("<td>{}</td>", esc(&c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Standard base64 (RFC 4648, with padding), for the inline logo.
pub(crate) fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(A[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The verbale as an HTML page.
pub(super) fn render(doc: &MinutesDocument) -> String {
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">\n",
    );
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str(&format!(
        "<title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        h::VERBALE,
        esc(doc.title.trim())
    ));
    o.push_str("<header class=\"ente\">");
    if let Some(logo) = &doc.logo {
        o.push_str(&format!(
            "<img alt=\"\" src=\"data:{};base64,{}\">",
            logo.kind.mime(),
            base64(&logo.bytes)
        ));
    }
    o.push_str(&format!(
        "<div class=\"nome\">{}</div></header>\n",
        esc(doc.organisation.trim())
    ));
    o.push_str(&format!(
        "<main>\n<h1>{}</h1>\n<p class=\"titolo\">{}</p>\n<dl class=\"fatti\">\n",
        h::VERBALE,
        esc(doc.title.trim())
    ));
    for (k, v) in doc.facts() {
        let class = if k == "Stato" && doc.status.is_draft() {
            " class=\"bozza\""
        } else {
            ""
        };
        o.push_str(&format!("<dt>{k}</dt><dd{class}>{}</dd>\n", esc(&v)));
    }
    o.push_str("</dl>\n");
    o.push_str(&format!("<h2>{}</h2>\n", h::ATTENDANCE));
    if doc.attendance.is_empty() {
        o.push_str(&format!("<p>{}</p>\n", h::NONE));
    } else {
        let rows = doc.attendance.iter().enumerate().map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                r.name.trim().to_owned(),
                r.office.trim().to_owned(),
                r.attendance_label(),
            ]
        });
        table(&mut o, &h::ATTENDANCE_COLS, rows);
    }
    o.push_str(&format!("<h2>{}</h2>\n", h::AGENDA));
    for (i, a) in doc.agenda.iter().enumerate() {
        o.push_str(&format!(
            "<section>\n<h3>{}</h3>\n",
            esc(&item_heading(i + 1, &a.title))
        ));
        if !a.discussion.is_empty() {
            o.push_str(&format!(
                "<div class=\"etichetta\">{}</div>\n",
                h::DISCUSSION
            ));
            rich(&a.discussion, &mut o);
        }
        if !a.decisions.is_empty() {
            o.push_str(&format!(
                "<div class=\"decisioni\"><div class=\"etichetta\">{}</div>\n",
                h::DECISIONS
            ));
            rich(&a.decisions, &mut o);
            o.push_str("</div>\n");
        }
        o.push_str("</section>\n");
    }
    o.push_str(&format!("<h2>{}</h2>\n", h::FOLLOW_UPS));
    if doc.follow_ups.is_empty() {
        o.push_str(&format!("<p>{}</p>\n", h::NONE));
    } else {
        let rows = doc.follow_ups.iter().enumerate().map(|(i, f)| {
            vec![
                (i + 1).to_string(),
                f.what.trim().to_owned(),
                f.who.trim().to_owned(),
                f.due_label(),
                f.item_label(),
            ]
        });
        table(&mut o, &h::FOLLOW_UP_COLS, rows);
    }
    if !doc.closing_notes.is_empty() {
        o.push_str(&format!("<h2>{}</h2>\n", h::CLOSING));
        rich(&doc.closing_notes, &mut o);
    }
    if !doc.signatures.is_empty() {
        o.push_str("<div class=\"firme\">\n");
        for s in &doc.signatures {
            o.push_str(&format!(
                "<div class=\"firma\"><strong>{}</strong><div class=\"linea\"></div>{}</div>\n",
                esc(s.role.trim()),
                esc(s.name.trim())
            ));
        }
        o.push_str("</div>\n");
    }
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o, "base64 of {i:?}");
        }
    }
}
