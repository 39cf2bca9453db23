//! The fixed parts of the DOCX package (WordprocessingML): content types, relationships, styles,
//! numbering, header and footer.
//!
//! Contract: styles use Word's built-in ids (`Heading1`, `Heading2`, `Title`, `ListParagraph`,
//! `TableGrid`) with their built-in names ("heading 1" …), so Word and LibreOffice see real
//! headings (navigation pane, outline, table of contents). Strings inserted here are escaped by
//! the caller.

use super::xml::esc;

pub(super) const W_NS: &str =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

pub(super) fn content_types(logo_ext: Option<&str>) -> String {
    let logo = match logo_ext {
        Some("png") => r##"<Default Extension="png" ContentType="image/png"/>"##,
        Some("jpeg") => r##"<Default Extension="jpeg" ContentType="image/jpeg"/>"##,
        _ => "",
    };
    format!(
        r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{logo}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"##
    )
}

pub(super) const ROOT_RELS: &str = r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"##;

pub(super) fn document_rels(logo_ext: Option<&str>) -> String {
    let logo = logo_ext
        .map(|e| format!(r##"<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.{e}"/>"##))
        .unwrap_or_default();
    format!(
        r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>{logo}</Relationships>"##
    )
}

pub(super) fn core_props(title: &str, author: &str, created: Option<&str>) -> String {
    let created = created
        .map(|c| format!(r##"<dcterms:created xsi:type="dcterms:W3CDTF">{c}</dcterms:created>"##))
        .unwrap_or_default();
    format!(
        r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>it-IT</dc:language>{created}</cp:coreProperties>"##,
        esc(title),
        esc(author)
    )
}

pub(super) const APP_PROPS: &str = r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Raccordo</Application></Properties>"##;

/// The running header (organisation — title) of every page.
pub(super) fn header(text: &str) -> String {
    format!(
        r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr {W_NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:hdr>"##,
        esc(text)
    )
}

/// "pagina X di Y" with PAGE and NUMPAGES fields.
pub(super) fn footer() -> String {
    let field = |instr: &str| {
        format!(
            r##"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"##
        )
    };
    format!(
        r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">pagina </w:t></w:r>{}<w:r><w:t xml:space="preserve"> di </w:t></w:r>{}</w:p></w:ftr>"##,
        field("PAGE"),
        field("NUMPAGES")
    )
}

/// Numbering: abstract 1 = bullets, 2 = decimals (three levels each); one `w:num` per list
/// (`nums[i]` is numId `i + 1`, true for numbered), restarting at 1.
pub(super) fn numbering(nums: &[bool]) -> String {
    let level = |ilvl: usize, fmt: &str, text: &str| {
        let ind = 567 * (ilvl + 1);
        format!(
            r##"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{ind}" w:hanging="283"/></w:pPr></w:lvl>"##
        )
    };
    let mut out = format!(
        r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W_NS}><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>"##
    );
    for (i, b) in ["•", "–", "◦"].iter().enumerate() {
        out.push_str(&level(i, "bullet", b));
    }
    out.push_str(r##"</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>"##);
    for (i, fmt) in ["decimal", "lowerLetter", "lowerRoman"].iter().enumerate() {
        out.push_str(&level(i, fmt, &format!("%{}.", i + 1)));
    }
    out.push_str("</w:abstractNum>");
    for (i, numbered) in nums.iter().enumerate() {
        let abs = if *numbered { 2 } else { 1 };
        out.push_str(&format!(
            r##"<w:num w:numId="{}"><w:abstractNumId w:val="{abs}"/>"##,
            i + 1
        ));
        for l in 0..3 {
            out.push_str(&format!(
                r##"<w:lvlOverride w:ilvl="{l}"><w:startOverride w:val="1"/></w:lvlOverride>"##
            ));
        }
        out.push_str("</w:num>");
    }
    out.push_str("</w:numbering>");
    out
}

fn heading_style(id: &str, name: &str, level: u8, size: u8, before: u16) -> String {
    format!(
        r##"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>"##
    )
}

pub(super) fn styles() -> String {
    let mut s = String::from(
        r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="it-IT"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"##,
    );
    s.push_str(r##"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"##);
    s.push_str(&heading_style("Heading1", "heading 1", 0, 28, 360));
    s.push_str(&heading_style("Heading2", "heading 2", 1, 23, 240));
    s.push_str(r##"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="80"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>"##);
    s.push_str(r##"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Ente"><w:name w:val="Ente"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="000000"/></w:pBdr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style>"##);
    s.push_str(r##"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Etichetta"><w:name w:val="Etichetta"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:b/><w:color w:val="404040"/></w:rPr></w:style>"##);
    s.push_str(r##"<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="40"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>"##);
    s.push_str(r##"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Tabella"><w:name w:val="Testo tabella"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>"##);
    s.push_str(r##"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="555555"/><w:sz w:val="16"/></w:rPr></w:style>"##);
    s.push_str(r##"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>"##);
    s.push_str(r##"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"##);
    s.push_str(r##"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:left w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:right w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="999999"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"##);
    s.push_str("</w:styles>");
    s
}
