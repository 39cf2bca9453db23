//! The verbale's files, opened by other programs: every format renders the realistic Italian
//! fixture (accents, apostrophes, 300 attendees, lists and bold, a follow-up table); PDF, DOCX and
//! ODT open in LibreOffice headless and in a second reader (poppler/qpdf, python-docx, odfpy) and
//! hold the heading "Verbale", the attendance with accents intact, every agenda item and the
//! follow-up table; the PDF/A option declares PDF/A-2b; injection strings come out literally.
//! The tools are installed by `scripts/deps.sh test`; a missing tool fails the test.

use crate::common;

use std::path::PathBuf;

use common::minutes::{self as m, INJECTIONS};
use common::TempDb;
use raccordo::minutes::{render, Format, MinutesDocument, Options};

fn write(dir: &TempDb, name: &str, doc: &MinutesDocument, format: Format) -> PathBuf {
    let bytes = render(doc, format, &Options::default())
        .unwrap_or_else(|e| panic!("{name} renders: {e:?}"));
    let path = dir.sibling(name);
    std::fs::write(&path, bytes).expect("write the rendered file");
    path
}

/// The strings every reader must find in the fixture (whitespace collapsed).
fn expected(doc: &MinutesDocument) -> Vec<String> {
    let mut v = vec![
        "Verbale".to_owned(),
        "Presenze".to_owned(),
        "Azioni da seguire".to_owned(),
        m::FIRST_NAME.to_owned(),
        m::LAST_NAME.to_owned(),
        "Gianluca Cantù".to_owned(),
        "Sant'Anna di Stazzema".to_owned(),
        "Regione Toscana — ANCI Toscana".to_owned(),
        "manifestazione d'interesse".to_owned(),
    ];
    for (i, a) in doc.agenda.iter().enumerate() {
        v.push(format!("{}. {}", i + 1, a.title));
    }
    for f in &doc.follow_ups {
        v.push(f.what.clone());
    }
    v
}

fn assert_all(text: &str, wanted: &[String], reader: &str) {
    let text = m::flat(text);
    for w in wanted {
        assert!(
            text.contains(w.as_str()),
            "{reader}: the text holds {w:?} (accents and apostrophes intact)"
        );
    }
}

#[test]
fn pdf_opens_in_poppler_and_qpdf_with_every_part_and_page_numbers() {
    let dir = TempDb::new();
    let doc = m::verbale(300, 2);
    let pdf = write(&dir, "verbale.pdf", &doc, Format::Pdf { pdfa: false });
    assert!(
        m::qpdf_check(&pdf).contains("No syntax or stream encoding errors"),
        "qpdf finds the plain PDF valid"
    );
    let text = m::pdftotext(&pdf, None);
    assert_all(&text, &expected(&doc), "pdftotext");
    for word in m::LONG_NAME.split_whitespace() {
        assert!(
            text.contains(word),
            "the long name's part {word:?} is in the PDF"
        );
    }
    let n = m::pages(&pdf);
    assert!(n >= 6, "300 attendees break across several pages (got {n})");
    assert!(
        m::flat(&text).contains(&format!("pagina 1 di {n}"))
            && m::flat(&text).contains(&format!("pagina {n} di {n}")),
        "the footer says 'pagina X di Y'"
    );
    let page2 = m::pdftotext(&pdf, Some((2, 2)));
    assert!(
        page2.contains("Ente e incarico") && page2.contains("Presenza"),
        "the attendance header row is repeated on page 2: {page2}"
    );
    assert!(m::pdfinfo(&pdf).contains("(A4)"), "the page is A4");
    let fonts = m::pdffonts(&pdf);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "every font is embedded: {fonts}"
    );
    assert!(
        fonts.contains("DejaVuSans"),
        "the embedded DejaVu Sans is used: {fonts}"
    );
}

#[test]
fn pdfa_declares_pdfa_2b_with_output_intent_and_embedded_fonts() {
    let dir = TempDb::new();
    let doc = m::verbale(40, 3);
    let pdf = write(&dir, "verbale-pdfa.pdf", &doc, Format::Pdf { pdfa: true });
    assert!(
        m::qpdf_check(&pdf).contains("No syntax or stream encoding errors"),
        "qpdf finds the PDF/A valid"
    );
    let raw = m::qpdf_uncompressed(&pdf, &dir.sibling("pdfa-qdf.pdf"));
    let part = raw.contains("<pdfaid:part>2</pdfaid:part>") || raw.contains("pdfaid:part=\"2\"");
    let conf = raw.contains("<pdfaid:conformance>B</pdfaid:conformance>")
        || raw.contains("pdfaid:conformance=\"B\"");
    assert!(
        part && conf,
        "the XMP declares pdfaid:part 2 and conformance B"
    );
    assert!(
        raw.contains("/OutputIntents") && raw.contains("/GTS_PDFA1"),
        "a PDF/A OutputIntent is present"
    );
    let fonts = m::pdffonts(&pdf);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "every font is embedded: {fonts}"
    );
    assert_all(
        &m::pdftotext(&pdf, None),
        &expected(&doc),
        "pdftotext (PDF/A)",
    );
}

#[test]
fn docx_opens_in_libreoffice_and_python_docx_with_real_headings_and_tables() {
    let dir = TempDb::new();
    let doc = m::verbale(300, 2);
    let docx = write(&dir, "verbale.docx", &doc, Format::Docx);
    let wanted = expected(&doc);

    let txt = m::soffice_convert(&docx, "txt", &dir.sibling("lo-txt"));
    let text = std::fs::read_to_string(txt).expect("LibreOffice text");
    assert_all(&text, &wanted, "LibreOffice (DOCX → txt)");
    assert!(text.contains(m::LONG_NAME), "the long name survives whole");

    let pdf = m::soffice_convert(&docx, "pdf", &dir.sibling("lo-pdf"));
    assert_all(
        &m::pdftotext(&pdf, None),
        &wanted[..5],
        "LibreOffice (DOCX → PDF)",
    );
    let n = m::pages(&pdf);
    assert!(
        n >= 6,
        "the 300-row table spans pages in Writer too (got {n})"
    );
    let page2 = m::pdftotext(&pdf, Some((2, 2)));
    assert!(
        page2.contains("Ente e incarico"),
        "Writer repeats the header row: {page2}"
    );

    let py = m::python_docx(&docx);
    let paras = py["paragraphs"].as_array().expect("paragraphs");
    let styled = |style: &str| -> Vec<String> {
        paras
            .iter()
            .filter(|p| p[0] == style)
            .map(|p| p[1].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let h1 = styled("Heading 1");
    assert_eq!(
        h1,
        [
            "Verbale",
            "Presenze",
            "Ordine del giorno",
            "Azioni da seguire",
            "Note conclusive"
        ],
        "python-docx sees the sections as Heading 1"
    );
    let h2 = styled("Heading 2");
    assert_eq!(h2.len(), 2, "each agenda item is a Heading 2: {h2:?}");
    assert!(
        h2[0].starts_with("1. Presentazione"),
        "item 1 heading: {h2:?}"
    );
    let tables = py["tables"].as_array().expect("tables");
    let att = tables[0].as_array().expect("attendance rows");
    assert_eq!(att.len(), 301, "header + 300 attendance rows");
    assert_eq!(
        att[1][1],
        m::FIRST_NAME,
        "first attendee with accent and apostrophe"
    );
    let fu = tables[1].as_array().expect("follow-up rows");
    assert_eq!(
        fu[1][1], doc.follow_ups[0].what,
        "the follow-up table holds the actions"
    );
    assert_eq!(fu[1][3], "15/04/2026", "due dates are gg/mm/aaaa");
    let xml = m::zip_entry(&docx, "word/document.xml");
    assert_eq!(
        xml.matches("<w:tblHeader/>").count(),
        2,
        "both tables repeat their header row"
    );
    let list_items = styled("List Paragraph");
    assert!(
        list_items
            .iter()
            .any(|t| t.contains("manifestazione d'interesse")),
        "decisions' numbered list items are list paragraphs: {list_items:?}"
    );
}

#[test]
fn odt_opens_in_libreoffice_and_odfpy_with_real_headings_and_tables() {
    let dir = TempDb::new();
    let doc = m::verbale(300, 2);
    let odt = write(&dir, "verbale.odt", &doc, Format::Odt);
    let wanted = expected(&doc);

    let raw = std::fs::read(&odt).expect("read odt");
    assert_eq!(&raw[30..38], b"mimetype", "mimetype is the first zip entry");
    assert_eq!(
        &raw[38..38 + 39],
        b"application/vnd.oasis.opendocument.text",
        "mimetype is stored uncompressed"
    );

    let txt = m::soffice_convert(&odt, "txt", &dir.sibling("lo-txt"));
    let text = std::fs::read_to_string(txt).expect("LibreOffice text");
    assert_all(&text, &wanted, "LibreOffice (ODT → txt)");
    assert!(text.contains(m::LONG_NAME), "the long name survives whole");

    let pdf = m::soffice_convert(&odt, "pdf", &dir.sibling("lo-pdf"));
    assert_all(
        &m::pdftotext(&pdf, None),
        &wanted[..5],
        "LibreOffice (ODT → PDF)",
    );
    let n = m::pages(&pdf);
    assert!(n >= 6, "the 300-row table spans pages in Writer (got {n})");
    let page2 = m::pdftotext(&pdf, Some((2, 2)));
    assert!(
        page2.contains("Ente e incarico"),
        "Writer repeats the header row: {page2}"
    );
    let last = m::pdftotext(&pdf, Some((n, n)));
    assert!(
        m::flat(&last).contains(&format!("pagina {n} di {n}")),
        "footer 'pagina X di Y'"
    );

    let py = m::python_odt(&odt);
    let heads: Vec<(String, String)> = py["headings"]
        .as_array()
        .expect("headings")
        .iter()
        .map(|h| {
            (
                h[0].as_str().unwrap_or("").to_owned(),
                h[1].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        heads[0],
        ("1".into(), "Verbale".into()),
        "first heading is 'Verbale' at level 1"
    );
    assert!(
        heads
            .iter()
            .any(|(l, t)| l == "2" && t.starts_with("2. Varie")),
        "agenda items are level-2 headings: {heads:?}"
    );
    let tables = py["tables"].as_array().expect("tables");
    assert_eq!(
        tables[0]["header_rows"], 1,
        "the attendance table has header rows"
    );
    let rows = tables[0]["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 301, "header + 300 attendance rows");
    assert_eq!(
        rows[300][1],
        m::LAST_NAME,
        "the last attendee is there, accent intact"
    );
    assert_eq!(
        tables[1]["rows"][1][1], doc.follow_ups[0].what,
        "the follow-up table holds the actions"
    );
}

#[test]
fn markdown_and_html_hold_every_part() {
    let dir = TempDb::new();
    let doc = m::verbale(300, 2);
    let md = String::from_utf8(render(&doc, Format::Md, &Options::default()).expect("md"))
        .expect("UTF-8");
    assert!(
        md.contains("# Verbale: "),
        "Markdown has the Verbale heading"
    );
    assert!(md.contains("### 1\\. Presentazione") || md.contains("### 1. Presentazione"));
    assert!(
        md.contains("| 1 | Niccolò D'Angelo |"),
        "attendance as a pipe table"
    );
    assert!(
        md.contains("**manifestazione d'interesse**"),
        "bold kept in decisions"
    );
    assert!(md.contains("1. Si approva"), "numbered list kept");
    let html = write(&dir, "verbale.html", &doc, Format::Html);
    let html = std::fs::read_to_string(html).expect("html");
    assert!(html.contains("<h1>Verbale</h1>"), "HTML heading");
    assert!(
        !html.contains("<script") && !html.contains("src=\"http"),
        "no scripts, no remote content"
    );
    assert!(
        html.contains("@media print") && html.contains("@page"),
        "a print stylesheet"
    );
    assert!(
        html.contains("<thead>"),
        "tables have a header repeated when printed"
    );
    assert_eq!(
        html.matches("<tr>").count(),
        301 + 3,
        "300 attendees + 2 actions + 2 headers"
    );
    // LibreOffice reads the HTML too.
    let txt = m::soffice_convert(&dir.sibling("verbale.html"), "txt", &dir.sibling("lo-html"));
    assert_all(
        &std::fs::read_to_string(txt).expect("text"),
        &expected(&doc),
        "LibreOffice (HTML)",
    );
}

#[test]
fn injection_strings_come_out_literally_in_every_format() {
    let dir = TempDb::new();
    let doc = m::injected();
    let check = |text: &str, reader: &str| {
        let text = m::flat(text);
        for s in INJECTIONS {
            assert!(text.contains(s), "{reader}: {s:?} appears literally");
        }
    };
    let pdf = write(&dir, "inj.pdf", &doc, Format::Pdf { pdfa: false });
    let pdf_text = m::pdftotext(&pdf, None);
    check(&pdf_text, "PDF");
    assert!(
        pdf_text.lines().any(|l| l.trim() == "Bozza"),
        "a draft says so in its header"
    );
    // The rotated watermark comes out of pdftotext as single letters.
    let page1 = m::pdftotext(&pdf, Some((1, 1)));
    let mut letters: Vec<&str> = page1.lines().filter(|l| l.trim().len() == 1).collect();
    letters.sort_unstable();
    for l in ["A", "B", "O", "Z"] {
        assert!(
            letters.contains(&l),
            "the BOZZA watermark's {l} is on page 1: {letters:?}"
        );
    }
    assert!(
        m::pages(&pdf) >= 1,
        "the page size was not changed by the title"
    );

    let docx = write(&dir, "inj.docx", &doc, Format::Docx);
    let t = m::soffice_convert(&docx, "txt", &dir.sibling("lo-docx"));
    check(
        &std::fs::read_to_string(t).expect("txt"),
        "DOCX via LibreOffice",
    );
    let py = m::python_docx(&docx);
    check(
        &py.to_string().replace("\\\"", "\""),
        "DOCX via python-docx",
    );

    let odt = write(&dir, "inj.odt", &doc, Format::Odt);
    let t = m::soffice_convert(&odt, "txt", &dir.sibling("lo-odt"));
    check(
        &std::fs::read_to_string(t).expect("txt"),
        "ODT via LibreOffice",
    );

    let html = write(&dir, "inj.html", &doc, Format::Html);
    let raw = std::fs::read_to_string(&html).expect("html");
    assert!(
        !raw.contains("<script") && !raw.contains("<b>"),
        "no user markup in the HTML"
    );
    let t = m::soffice_convert(&html, "txt", &dir.sibling("lo-html"));
    check(
        &std::fs::read_to_string(t).expect("txt"),
        "HTML via LibreOffice",
    );

    let md = String::from_utf8(render(&doc, Format::Md, &Options::default()).expect("md"))
        .expect("UTF-8");
    assert!(
        md.contains(r"\<script\>alert(1)\</script\>"),
        "Markdown escapes tags"
    );
    assert!(
        md.contains(r"\*\*non\*\* \*markdown\* \[link\](x)"),
        "Markdown escapes emphasis and links"
    );
    assert!(
        md.contains(r"\#set page(width: 1cm) \]"),
        "Markdown escapes # and ]"
    );
}

#[test]
fn invalid_documents_are_refused_before_rendering() {
    let mut doc = m::verbale(2, 2);
    doc.title = "a\u{0}b".into();
    let err = render(&doc, Format::Docx, &Options::default());
    assert!(err.is_err(), "a control character in the title is refused");
    let mut doc = m::verbale(2, 2);
    doc.logo = Some(raccordo::minutes::Logo {
        kind: raccordo::minutes::LogoKind::Png,
        bytes: b"not a png".to_vec(),
    });
    assert!(
        render(&doc, Format::Pdf { pdfa: false }, &Options::default()).is_err(),
        "a logo that is not what it claims is refused"
    );
}

#[test]
fn a_logo_renders_in_every_format() {
    let dir = TempDb::new();
    let mut doc = m::verbale(5, 2);
    doc.logo = Some(raccordo::minutes::Logo {
        kind: raccordo::minutes::LogoKind::Svg,
        bytes: br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><rect width="120" height="60" fill="#7a1f2b"/><text x="10" y="40" font-size="30" fill="#fff">RT</text></svg>"##.to_vec(),
    });
    for (name, f) in [
        ("logo.pdf", Format::Pdf { pdfa: true }),
        ("logo.odt", Format::Odt),
        ("logo.html", Format::Html),
        ("logo.docx", Format::Docx),
    ] {
        let p = write(&dir, name, &doc, f);
        assert!(
            std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0) > 0,
            "{name} written"
        );
    }
    let odt = dir.sibling("logo.odt");
    assert!(
        m::zip_entry(&odt, "content.xml").contains("Pictures/logo.svg"),
        "the ODT embeds the SVG logo"
    );
    let pdf = m::soffice_convert(&odt, "pdf", &dir.sibling("lo"));
    assert!(
        m::pages(&pdf) >= 1,
        "LibreOffice opens the ODT with its logo"
    );
}
