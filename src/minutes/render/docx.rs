//! DOCX rendering: hand-written WordprocessingML in a zip (see `docx_parts` for the fixed parts).
//!
//! Contract: real `Heading1`/`Heading2` paragraphs, tables with the `TableGrid` style whose first
//! row repeats on every page (`w:tblHeader`) and whose rows do not split, lists through
//! `numbering.xml` (each list restarts at 1), a running header and a "pagina X di Y" footer with
//! PAGE/NUMPAGES fields, A4 with 2 cm margins. Every user string passes through [`esc`]. A PNG or
//! JPEG logo is embedded; an SVG logo is left out of DOCX (Word needs a raster fallback for it).

use super::docx_parts::{self as parts, W_NS};
use super::xml::esc;
use super::{heading as h, image, item_heading, Options, Zip};
use crate::error::Result;
use crate::minutes::document::{LogoKind, MinutesDocument};
use crate::minutes::richtext::{Block, RichText, Span};

/// Text width of A4 with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: u32 = 9638;

struct Body {
    xml: String,
    /// One entry per `w:num`: true for a numbered list.
    nums: Vec<bool>,
}

impl Body {
    fn para(&mut self, style: Option<&str>, extra_ppr: &str, runs: &str) {
        self.xml.push_str("<w:p><w:pPr>");
        if let Some(s) = style {
            self.xml.push_str(&format!("<w:pStyle w:val=\"{s}\"/>"));
        }
        self.xml.push_str(extra_ppr);
        self.xml.push_str("</w:pPr>");
        self.xml.push_str(runs);
        self.xml.push_str("</w:p>");
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.para(
            Some(&format!("Heading{level}")),
            "",
            &run(text, false, false),
        );
    }

    fn blocks(&mut self, bs: &[Block], depth: usize) {
        for b in bs {
            match b {
                Block::Paragraph { spans } => {
                    let indent = if depth > 0 {
                        format!("<w:ind w:left=\"{}\"/>", 567 * depth)
                    } else {
                        String::new()
                    };
                    self.para(None, &indent, &runs(spans));
                }
                Block::BulletList { items } | Block::NumberedList { items } => {
                    self.nums.push(matches!(b, Block::NumberedList { .. }));
                    let num_id = self.nums.len();
                    for it in items {
                        let mut rest = it.blocks.as_slice();
                        let first = match rest.first() {
                            Some(Block::Paragraph { spans }) => {
                                rest = &rest[1..];
                                runs(spans)
                            }
                            _ => String::new(),
                        };
                        let ppr = format!(
                            "<w:numPr><w:ilvl w:val=\"{depth}\"/><w:numId w:val=\"{num_id}\"/></w:numPr>"
                        );
                        self.para(Some("ListParagraph"), &ppr, &first);
                        self.blocks(rest, depth + 1);
                    }
                }
            }
        }
    }

    fn rich(&mut self, t: &RichText) {
        self.blocks(&t.blocks, 0);
    }

    /// A table with a repeated header row; `widths` in twentieths of a point.
    fn table(&mut self, heads: &[&str], widths: &[u32], rows: &[Vec<String>]) {
        self.xml.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for w in widths {
            self.xml.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        self.xml.push_str("</w:tblGrid>");
        self.row(heads.iter().map(|s| s.to_string()), widths, true);
        for r in rows {
            self.row(r.iter().cloned(), widths, false);
        }
        self.xml.push_str("</w:tbl>");
        // Word needs a paragraph between a table and what follows.
        self.para(None, "<w:spacing w:after=\"0\"/>", "");
    }

    fn row(&mut self, cells: impl Iterator<Item = String>, widths: &[u32], header: bool) {
        self.xml.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if header {
            self.xml.push_str("<w:tblHeader/>");
        }
        self.xml.push_str("</w:trPr>");
        for (c, w) in cells.zip(widths) {
            let shade = if header {
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E0E0E0\"/>"
            } else {
                ""
            };
            self.xml.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Tabella\"/></w:pPr>{}</w:p></w:tc>",
                run(&c, header, false)
            ));
        }
        self.xml.push_str("</w:tr>");
    }
}

fn run(text: &str, bold: bool, italic: bool) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut rpr = String::new();
    if bold {
        rpr.push_str("<w:b/>");
    }
    if italic {
        rpr.push_str("<w:i/>");
    }
    let rpr = if rpr.is_empty() {
        rpr
    } else {
        format!("<w:rPr>{rpr}</w:rPr>")
    };
    format!(
        "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    )
}

fn runs(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| run(&s.text, s.bold, s.italic))
        .collect()
}

/// The inline drawing of the logo, 1.7 cm high.
fn logo_drawing(w: f64, hgt: f64) -> String {
    let cy: u64 = 612_000; // 1.7 cm in EMU
    let cx = ((cy as f64) * w / hgt).round().clamp(1.0, 6_000_000.0) as u64;
    format!(
        r##"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="Logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="Logo"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"##
    )
}

/// Renders `doc` as a DOCX file.
pub(super) fn render(doc: &MinutesDocument, opts: &Options) -> Result<Vec<u8>> {
    let mut b = Body {
        xml: String::new(),
        nums: Vec::new(),
    };
    let logo = doc.logo.as_ref().filter(|l| l.kind != LogoKind::Svg);
    let logo_ext = logo.map(|l| match l.kind {
        LogoKind::Jpeg => "jpeg",
        _ => "png",
    });
    if let Some(l) = logo {
        let (w, hgt) = image::size(l).unwrap_or((1.0, 1.0));
        b.para(None, "", &logo_drawing(w, hgt));
    }
    b.para(
        Some("Ente"),
        "",
        &run(doc.organisation.trim(), false, false),
    );
    b.para(
        Some("Heading1"),
        "<w:jc w:val=\"center\"/>",
        &format!(
            "<w:r><w:rPr><w:sz w:val=\"40\"/></w:rPr><w:t>{}</w:t></w:r>",
            h::VERBALE
        ),
    );
    b.para(Some("Title"), "", &run(doc.title.trim(), false, false));
    for (k, v) in doc.facts() {
        b.para(
            None,
            "<w:spacing w:after=\"40\"/>",
            &format!(
                "{}{}",
                run(&format!("{k}: "), true, false),
                run(&v, false, false)
            ),
        );
    }

    b.heading(1, h::ATTENDANCE);
    if doc.attendance.is_empty() {
        b.para(None, "", &run(h::NONE, false, false));
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
        let w = [600, 3000, 4038, 2000];
        debug_assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
        b.table(&h::ATTENDANCE_COLS, &w, &rows);
    }

    b.heading(1, h::AGENDA);
    for (i, a) in doc.agenda.iter().enumerate() {
        b.heading(2, &item_heading(i + 1, &a.title));
        if !a.discussion.is_empty() {
            b.para(Some("Etichetta"), "", &run(h::DISCUSSION, false, false));
            b.rich(&a.discussion);
        }
        if !a.decisions.is_empty() {
            b.para(Some("Etichetta"), "", &run(h::DECISIONS, false, false));
            b.rich(&a.decisions);
        }
    }

    b.heading(1, h::FOLLOW_UPS);
    if doc.follow_ups.is_empty() {
        b.para(None, "", &run(h::NONE, false, false));
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
        b.table(&h::FOLLOW_UP_COLS, &[600, 4238, 2400, 1400, 1000], &rows);
    }

    if !doc.closing_notes.is_empty() {
        b.heading(1, h::CLOSING);
        b.rich(&doc.closing_notes);
    }
    signatures(&mut b, doc);

    let body = std::mem::take(&mut b.xml);
    let document = format!(
        r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W_NS}><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"##
    );
    let title = format!("{} — {}", h::VERBALE, doc.title.trim());
    let created = opts
        .created
        .map(|c| c.format("%Y-%m-%dT%H:%M:%S").to_string());

    let mut z = Zip::new();
    z.add(
        "[Content_Types].xml",
        parts::content_types(logo_ext).as_bytes(),
        false,
    )?;
    z.add("_rels/.rels", parts::ROOT_RELS.as_bytes(), false)?;
    z.add(
        "docProps/core.xml",
        parts::core_props(&title, &doc.drafted_by_label(), created.as_deref()).as_bytes(),
        false,
    )?;
    z.add("docProps/app.xml", parts::APP_PROPS.as_bytes(), false)?;
    z.add(
        "word/_rels/document.xml.rels",
        parts::document_rels(logo_ext).as_bytes(),
        false,
    )?;
    z.add("word/document.xml", document.as_bytes(), false)?;
    z.add("word/styles.xml", parts::styles().as_bytes(), false)?;
    z.add(
        "word/numbering.xml",
        parts::numbering(&b.nums).as_bytes(),
        false,
    )?;
    let running = format!("{} — {}", doc.organisation.trim(), doc.title.trim());
    z.add(
        "word/header1.xml",
        parts::header(&running).as_bytes(),
        false,
    )?;
    z.add("word/footer1.xml", parts::footer().as_bytes(), false)?;
    if let (Some(l), Some(ext)) = (logo, logo_ext) {
        z.add(&format!("word/media/logo.{ext}"), &l.bytes, true)?;
    }
    z.finish()
}

/// The signature block: a borderless table, up to three signatures per row, kept together.
fn signatures(b: &mut Body, doc: &MinutesDocument) {
    if doc.signatures.is_empty() {
        return;
    }
    b.para(None, "<w:spacing w:before=\"480\"/>", "");
    let cols = doc.signatures.len().min(3);
    let w = TEXT_WIDTH / cols as u32;
    b.xml.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
    for _ in 0..cols {
        b.xml.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    b.xml.push_str("</w:tblGrid>");
    for chunk in doc.signatures.chunks(cols) {
        b.xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for k in 0..cols {
            b.xml.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>"
            ));
            let center = "<w:keepNext/><w:jc w:val=\"center\"/>";
            if let Some(s) = chunk.get(k) {
                b.para(None, center, &run(s.role.trim(), true, false));
                b.para(
                    None,
                    &format!("{center}<w:spacing w:before=\"720\"/>"),
                    &run("______________________________", false, false),
                );
                b.para(None, center, &run(s.name.trim(), false, false));
            } else {
                b.para(None, "", "");
            }
            b.xml.push_str("</w:tc>");
        }
        b.xml.push_str("</w:tr>");
    }
    b.xml.push_str("</w:tbl>");
    b.para(None, "", "");
}
