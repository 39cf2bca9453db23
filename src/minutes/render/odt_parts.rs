//! The fixed parts of the ODT package: manifest, meta, styles (page layout, header and footer).
//!
//! Contract: paragraph styles use LibreOffice's standard names (`Heading_20_1` shown as
//! "Heading 1", `Heading_20_2`, `Text_20_body`, `Table_20_Contents`, `Header`, `Footer`), so the
//! document's headings are real outline headings; the page is A4 with "pagina X di Y" in the
//! footer. Strings from the caller are escaped here.

use super::xml::esc;

pub(super) const NS: &str = r##"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3""##;

pub(super) const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

pub(super) fn manifest(logo: Option<(&str, &str)>) -> String {
    let logo = logo
        .map(|(path, mime)| {
            format!(r##"<manifest:file-entry manifest:full-path="{path}" manifest:media-type="{mime}"/>"##)
        })
        .unwrap_or_default();
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{MIMETYPE}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>{logo}</manifest:manifest>"##
    )
}

pub(super) fn meta(title: &str, author: &str, created: Option<&str>) -> String {
    let created = created
        .map(|c| format!("<meta:creation-date>{c}</meta:creation-date>"))
        .unwrap_or_default();
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NS}><office:meta><meta:generator>Raccordo</meta:generator><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>it-IT</dc:language>{created}</office:meta></office:document-meta>"##,
        esc(title),
        esc(author)
    )
}

fn para_style(name: &str, display: &str, parent: &str, extra: &str) -> String {
    format!(
        r##"<style:style style:name="{name}" style:display-name="{display}" style:family="paragraph" style:parent-style-name="{parent}" {extra}"##
    )
}

/// styles.xml; `running` is the running header text (organisation — title).
pub(super) fn styles(running: &str) -> String {
    let mut s = format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}><office:font-face-decls><style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls><office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.18cm"/><style:text-properties style:font-name="Arial" fo:font-size="10pt" fo:language="it" fo:country="IT"/></style:default-style><style:style style:name="Standard" style:family="paragraph" style:class="text"/>"##
    );
    s.push_str(&para_style(
        "Text_20_body",
        "Text body",
        "Standard",
        r##"style:class="text"/>"##,
    ));
    s.push_str(&para_style("Heading", "Heading", "Standard", r##"style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>"##));
    s.push_str(&para_style("Heading_20_1", "Heading 1", "Heading", r##"style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>"##));
    s.push_str(&para_style("Heading_20_2", "Heading 2", "Heading", r##"style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="11.5pt" fo:font-weight="bold"/></style:style>"##));
    s.push_str(&para_style("Title", "Title", "Standard", r##"style:class="chapter"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>"##));
    s.push_str(&para_style("Ente", "Ente", "Standard", r##"style:class="text"><style:paragraph-properties fo:border-bottom="1.2pt solid #000000" fo:padding-bottom="0.1cm" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>"##));
    s.push_str(&para_style("Etichetta", "Etichetta", "Standard", r##"style:class="text"><style:paragraph-properties fo:margin-top="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:color="#404040"/></style:style>"##));
    s.push_str(&para_style("List_20_Contents", "List Contents", "Standard", r##"style:class="list"><style:paragraph-properties fo:margin-bottom="0.08cm"/></style:style>"##));
    s.push_str(&para_style("Table_20_Contents", "Table Contents", "Standard", r##"style:class="extra"><style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="9pt"/></style:style>"##));
    s.push_str(&para_style(
        "Table_20_Heading",
        "Table Heading",
        "Table_20_Contents",
        r##"style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>"##,
    ));
    s.push_str(&para_style("Firma", "Firma", "Standard", r##"style:class="text"><style:paragraph-properties fo:text-align="center" fo:keep-with-next="always"/></style:style>"##));
    s.push_str(&para_style("Header", "Header", "Standard", r##"style:class="extra"><style:text-properties fo:font-size="8pt" fo:color="#555555"/></style:style>"##));
    s.push_str(&para_style("Footer", "Footer", "Standard", r##"style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt"/></style:style>"##));
    s.push_str(r##"<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format=""/><text:outline-level-style text:level="2" style:num-format=""/></text:outline-style></office:styles>"##);
    s.push_str(r##"<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout></office:automatic-styles>"##);
    s.push_str(&format!(
        r##"<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p text:style-name="Header">{}</text:p></style:header><style:footer><text:p text:style-name="Footer">pagina <text:page-number text:select-page="current">1</text:page-number> di <text:page-count>1</text:page-count></text:p></style:footer></style:master-page></office:master-styles></office:document-styles>"##,
        esc(running)
    ));
    s
}

/// Automatic styles of content.xml that do not depend on the document (tables, cells, text).
pub(super) const CONTENT_STYLES: &str = r##"<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style><style:style style:name="TblSign" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="1.2cm" style:may-break-between-rows="false"/></style:style><style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style><style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #999999"/></style:style><style:style style:name="CellHead" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #999999" fo:background-color="#e0e0e0"/></style:style><style:style style:name="CellSign" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="none"/></style:style><style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style><style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"/></style:style><style:style style:name="BI" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic" style:font-weight-asian="bold" style:font-style-asian="italic"/></style:style><style:style style:name="PCenter" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="20pt"/></style:style><style:style style:name="PSignLine" style:family="paragraph" style:parent-style-name="Firma"><style:paragraph-properties fo:margin-top="1.2cm"/></style:style>"##;

/// A list style whose levels are bullets or numbers (`kinds[level]`, true = numbered).
pub(super) fn list_style(name: &str, kinds: &[bool]) -> String {
    let mut s = format!(r##"<text:list-style style:name="{name}">"##);
    for level in 1..=3usize {
        let numbered = kinds.get(level - 1).copied().unwrap_or(false);
        let indent = 0.6 * level as f64;
        let props = format!(
            r##"<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{indent:.2}cm" fo:text-indent="-0.5cm" fo:margin-left="{indent:.2}cm"/></style:list-level-properties>"##
        );
        if numbered {
            let fmt = ["1", "a", "i"][level - 1];
            s.push_str(&format!(
                r##"<text:list-level-style-number text:level="{level}" style:num-suffix="." style:num-format="{fmt}">{props}</text:list-level-style-number>"##
            ));
        } else {
            let ch = ["•", "–", "◦"][level - 1];
            s.push_str(&format!(
                r##"<text:list-level-style-bullet text:level="{level}" text:bullet-char="{ch}">{props}</text:list-level-style-bullet>"##
            ));
        }
    }
    s.push_str("</text:list-style>");
    s
}
