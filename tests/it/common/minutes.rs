//! Helpers of the minutes rendering tests: a realistic Italian verbale, injection strings, and
//! the independent readers (LibreOffice headless, poppler, qpdf, python-docx, odfpy).

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{NaiveDate, NaiveTime};
use raccordo::meetings::Attendance;
use raccordo::minutes::{
    AgendaSection, AttendanceRow, Author, Block, DocumentStatus, FollowUpRow, ListItem,
    MinutesDocument, RichText, Signature, Span,
};

/// Strings that are markup in some output format; each must come out literally.
pub const INJECTIONS: [&str; 4] = [
    "#set page(width: 1cm) ]",
    "<script>alert(1)</script>",
    "A & B <b>non grassetto</b>",
    "**non** *markdown* [link](x)",
];

const FIRST: [&str; 10] = [
    "Niccolò",
    "Lucia",
    "Gianluca",
    "Annalisa",
    "Maria Grazia",
    "Fabrizio",
    "Chiara",
    "Jacopo",
    "Ilaria",
    "Tommaso",
];
const LAST: [&str; 10] = [
    "D'Angelo",
    "Cantù",
    "Dell'Acqua",
    "Pelù",
    "Dall'Olio",
    "Nicolò",
    "Mazzei",
    "Bertolucci",
    "Lo Presti",
    "Sant'Ambrogio",
];
const COMUNI: [&str; 8] = [
    "Città di Fucecchio",
    "San Casciano in Val di Pesa",
    "Castelnuovo di Garfagnana",
    "Poggibonsi",
    "Sant'Anna di Stazzema",
    "Bagni di Lucca",
    "Montecatini-Terme",
    "Barberino Tavarnelle",
];

/// The first attendee's name.
pub const FIRST_NAME: &str = "Niccolò D'Angelo";
/// A long name with apostrophes, far down the table.
pub const LONG_NAME: &str = "Maria Grazia Annunziata Bertolucci-Dell'Acqua de' Medici Tornaquinci";
/// The last attendee (on the last page of the attendance table).
pub const LAST_NAME: &str = "Ultima Partecipante Città";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// `n` attendees with accented names and offices; row 0 is [`FIRST_NAME`], row 150 (when there)
/// [`LONG_NAME`], the last [`LAST_NAME`].
pub fn attendance(n: usize) -> Vec<AttendanceRow> {
    (0..n)
        .map(|i| {
            let name = if i + 1 == n && n > 1 {
                LAST_NAME.to_owned()
            } else if i == 150 {
                LONG_NAME.to_owned()
            } else {
                format!("{} {}", FIRST[i % 10], LAST[(i / 10 + i) % 10])
            };
            let attendance = match i % 7 {
                3 => Attendance::Absent,
                5 => Attendance::Excused,
                6 => Attendance::Delegated,
                _ => Attendance::Present,
            };
            let office = if i % 3 == 0 {
                format!("Sindaco, Comune di {}", COMUNI[i % 8])
            } else {
                format!(
                    "Assessora alle politiche sociali, Comune di {}",
                    COMUNI[i % 8]
                )
            };
            AttendanceRow {
                name,
                office,
                attendance,
                delegate: if i % 7 == 6 {
                    "Giulia Fabbrì".into()
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

fn sp(text: &str, bold: bool) -> Span {
    Span {
        text: text.into(),
        bold,
        italic: false,
    }
}

/// A realistic verbale of a Conferenza zonale with `attendees` rows and `items` agenda items.
pub fn verbale(attendees: usize, items: usize) -> MinutesDocument {
    let mut agenda = vec![
        AgendaSection {
            title: "Presentazione della rete SAI e dei posti disponibili in zona".into(),
            discussion: RichText::from_markdown(
                "La coordinatrice illustra lo stato della **rete SAI** in Toscana e le \
                 possibilità di *ampliamento* per la zona.\n\n\
                 Intervengono:\n\n\
                 - il Sindaco di Città di Fucecchio, che chiede chiarimenti sui posti **MSNA**;\n\
                 - l'Assessora di Sant'Anna di Stazzema, sui tempi del Ministero;\n  \
                 - nota: la risposta arriverà entro l'estate\n\
                 - il Direttore della SdS.",
            ),
            decisions: RichText::from_markdown(
                "1. Si approva la **manifestazione d'interesse** della zona.\n\
                 2. Si dà mandato alla SdS di predisporre la *ricognizione* dei posti.",
            ),
        },
        AgendaSection {
            title: "Varie ed eventuali".into(),
            discussion: RichText {
                blocks: vec![Block::Paragraph {
                    spans: vec![
                        sp("Nessun intervento oltre a quanto ", false),
                        sp("già discusso", true),
                        sp(" al punto 1.", false),
                    ],
                }],
            },
            decisions: RichText {
                blocks: vec![Block::BulletList {
                    items: vec![ListItem {
                        blocks: vec![Block::Paragraph {
                            spans: vec![sp("Prossima riunione a settembre.", false)],
                        }],
                    }],
                }],
            },
        },
    ];
    for k in 2..items {
        agenda.push(AgendaSection {
            title: format!(
                "Punto aggiuntivo n. {}: aggiornamento dalle Unioni dei Comuni",
                k + 1
            ),
            discussion: RichText::paragraph(
                "Breve aggiornamento sullo stato dei progetti e sulle attività di informazione.",
            ),
            decisions: RichText::paragraph("Si prende atto."),
        });
    }
    MinutesDocument {
        organisation: "Regione Toscana — ANCI Toscana".into(),
        logo: None,
        title: "Conferenza zonale dei sindaci della Valdinievole".into(),
        kind_label: "Conferenza zonale dei sindaci".into(),
        date: day(2026, 3, 12),
        start_time: NaiveTime::from_hms_opt(10, 0, 0),
        end_time: NaiveTime::from_hms_opt(12, 30, 0),
        place: "Sala consiliare, Palazzo comunale di Pescia".into(),
        drafted_by: Author {
            name: "Annalisa Dell'Acqua".into(),
            organisation: "ANCI Toscana".into(),
        },
        status: DocumentStatus::Approved {
            approved_on: Some(day(2026, 3, 20)),
        },
        attendance: attendance(attendees),
        agenda,
        follow_ups: vec![
            FollowUpRow {
                what: "Inviare la scheda di ricognizione dei posti SAI ai comuni".into(),
                who: "Società della Salute della Valdinievole".into(),
                due: Some(day(2026, 4, 15)),
                item: Some(1),
            },
            FollowUpRow {
                what: "Convocare il tavolo tecnico con la Prefettura di Pistoia".into(),
                who: "Niccolò D'Angelo".into(),
                due: None,
                item: Some(2),
            },
        ],
        closing_notes: RichText::from_markdown(
            "La seduta è tolta alle ore 12:30. Il verbale è approvato all'unanimità.",
        ),
        signatures: vec![
            Signature {
                role: "La verbalizzante".into(),
                name: "Annalisa Dell'Acqua".into(),
            },
            Signature {
                role: "Il presidente".into(),
                name: "Gianluca Cantù".into(),
            },
        ],
    }
}

/// A small verbale whose user strings are all injection attempts.
pub fn injected() -> MinutesDocument {
    let mut d = verbale(3, 2);
    d.title = INJECTIONS[0].into();
    d.place = INJECTIONS[1].into();
    d.attendance[0].name = INJECTIONS[2].into();
    d.agenda[0].title = INJECTIONS[1].into();
    d.agenda[1].discussion = RichText {
        blocks: vec![Block::Paragraph {
            spans: vec![Span::plain(INJECTIONS[3])],
        }],
    };
    d.follow_ups[0].what = INJECTIONS[0].into();
    d.status = DocumentStatus::Draft;
    d
}

/// Collapses every run of whitespace to one space (text extracted from PDFs wraps lines).
pub fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn run(cmd: &mut Command, what: &str, install: &str) -> Vec<u8> {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("{what} must be installed ({install}; scripts/deps.sh test): {e}")
    });
    assert!(
        out.status.success(),
        "{what} succeeds: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Converts `file` with LibreOffice headless to `ext` (`txt`, `pdf`) in `out_dir`.
pub fn soffice_convert(file: &Path, ext: &str, out_dir: &Path) -> PathBuf {
    let filter = if ext == "txt" {
        "txt:Text (encoded):UTF8"
    } else {
        ext
    };
    run(
        Command::new("soffice")
            .arg("--headless")
            .arg(format!(
                "-env:UserInstallation=file://{}/lo-profile",
                out_dir.display()
            ))
            .args(["--convert-to", filter, "--outdir"])
            .arg(out_dir)
            .arg(file),
        "soffice (LibreOffice)",
        "Debian libreoffice-writer-nogui",
    );
    let stem = file.file_stem().expect("file stem").to_string_lossy();
    let out = out_dir.join(format!("{stem}.{ext}"));
    assert!(out.exists(), "LibreOffice wrote {}", out.display());
    out
}

/// The text of a PDF (poppler's `pdftotext`), pages `first..=last` when given.
pub fn pdftotext(pdf: &Path, pages: Option<(u32, u32)>) -> String {
    let mut cmd = Command::new("pdftotext");
    if let Some((f, l)) = pages {
        cmd.args(["-f", &f.to_string(), "-l", &l.to_string()]);
    }
    cmd.arg(pdf).arg("-");
    String::from_utf8(run(&mut cmd, "pdftotext", "Debian poppler-utils")).expect("UTF-8 text")
}

/// `pdfinfo` output.
pub fn pdfinfo(pdf: &Path) -> String {
    String::from_utf8_lossy(&run(
        Command::new("pdfinfo").arg(pdf),
        "pdfinfo",
        "Debian poppler-utils",
    ))
    .into_owned()
}

/// The page count from `pdfinfo`.
pub fn pages(pdf: &Path) -> u32 {
    pdfinfo(pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("pdfinfo prints Pages:")
}

/// `pdffonts` output.
pub fn pdffonts(pdf: &Path) -> String {
    String::from_utf8_lossy(&run(
        Command::new("pdffonts").arg(pdf),
        "pdffonts",
        "Debian poppler-utils",
    ))
    .into_owned()
}

/// Runs `qpdf --check` (panics when the file is damaged).
pub fn qpdf_check(pdf: &Path) -> String {
    String::from_utf8_lossy(&run(
        Command::new("qpdf").arg("--check").arg(pdf),
        "qpdf --check",
        "Debian qpdf",
    ))
    .into_owned()
}

/// The PDF with its streams uncompressed (`qpdf --qdf`), as text, to find XMP and OutputIntents.
pub fn qpdf_uncompressed(pdf: &Path, out: &Path) -> String {
    run(
        Command::new("qpdf")
            .args(["--qdf", "--object-streams=disable"])
            .arg(pdf)
            .arg(out),
        "qpdf --qdf",
        "Debian qpdf",
    );
    String::from_utf8_lossy(&std::fs::read(out).expect("read qdf")).into_owned()
}

const PY_DOCX: &str = r#"
import json, sys, docx
d = docx.Document(sys.argv[1])
out = {"paragraphs": [[p.style.name, p.text] for p in d.paragraphs],
       "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}
print(json.dumps(out, ensure_ascii=False))
"#;

const PY_ODT: &str = r#"
import json, sys
from odf.opendocument import load
from odf import text, table, teletype
d = load(sys.argv[1])
heads = [[h.getAttribute("outlinelevel"), teletype.extractText(h)] for h in d.getElementsByType(text.H)]
paras = [teletype.extractText(p) for p in d.getElementsByType(text.P)]
tables = []
for t in d.getElementsByType(table.Table):
    hdr = t.getElementsByType(table.TableHeaderRows)
    rows = [[teletype.extractText(c) for c in r.getElementsByType(table.TableCell)] for r in t.getElementsByType(table.TableRow)]
    tables.append({"name": t.getAttribute("name"), "header_rows": len(hdr), "rows": rows})
print(json.dumps({"headings": heads, "paragraphs": paras, "tables": tables}, ensure_ascii=False))
"#;

/// What python-docx reads: `{"paragraphs": [[style, text]], "tables": [[[cell]]]}`.
pub fn python_docx(file: &Path) -> serde_json::Value {
    python(PY_DOCX, file, "Debian python3-docx")
}

/// What odfpy reads: `{"headings": [[level, text]], "paragraphs": [text], "tables": [...]}`.
pub fn python_odt(file: &Path) -> serde_json::Value {
    python(PY_ODT, file, "Debian python3-odf")
}

fn python(script: &str, file: &Path, install: &str) -> serde_json::Value {
    let out = run(
        Command::new("/usr/bin/python3")
            .arg("-c")
            .arg(script)
            .arg(file),
        "/usr/bin/python3",
        install,
    );
    serde_json::from_slice(&out).expect("the reader prints JSON")
}

/// The text of one entry of a zip file (DOCX/ODT part).
pub fn zip_entry(file: &Path, name: &str) -> String {
    let f = std::fs::File::open(file).expect("open zip");
    let mut z = zip::ZipArchive::new(f).expect("a zip file");
    let mut e = z
        .by_name(name)
        .unwrap_or_else(|e| panic!("{name} in the zip: {e}"));
    let mut s = String::new();
    std::io::Read::read_to_string(&mut e, &mut s).expect("UTF-8 entry");
    s
}
