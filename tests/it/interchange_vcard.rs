//! vCard import from Google (3.0), Thunderbird (4.0) and Outlook (2.1) exports, and the
//! write → read round trip over many generated records.

use std::fs;
use std::path::PathBuf;

use raccordo::interchange::vcard::{format_vcards, read, to_vcard_string};
use raccordo::interchange::{write_vcard, ContactRecord, VcardVersion};
use raccordo::{ApiError, ErrorKind};

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests/fixtures/interchange",
        name,
    ]
    .iter()
    .collect();
    fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

#[test]
fn google_3_0_with_folded_lines_and_escaped_commas() {
    let out = read(&fixture("google_3.vcf")).expect("read");
    assert_eq!(out.issues, vec![], "no issues");
    assert_eq!(out.records.len(), 2, "two cards");
    let a = &out.records[0];
    assert_eq!(a.source_line, 1, "first card index");
    assert_eq!(
        (a.given_name.as_str(), a.family_name.as_str()),
        ("Anna Maria", "De Luca"),
        "N components"
    );
    assert_eq!(a.honorific.as_deref(), Some("Dott.ssa"), "N prefix");
    assert_eq!(
        a.organisation.as_deref(),
        Some("Società della Salute, Zona Pisana"),
        "escaped comma in ORG, first component only"
    );
    assert_eq!(a.title.as_deref(), Some("Direttrice"), "title");
    assert_eq!(
        a.emails,
        vec!["anna.deluca@sds.example.it", "anna.deluca@pec.example.it"],
        "several e-mails, grouped property included"
    );
    assert_eq!(
        a.phones,
        vec!["+39 347 000 1111", "050 954 111"],
        "several phones"
    );
    assert_eq!(
        a.notes.as_deref(),
        Some(
            "Incontro del 12/3, tavolo SAI; progetto accoglienza\nSeconda riga con accenti: \
             città, perché, Niccolò — e una riga lunga che Google piega a 75 caratteri."
        ),
        "folded note unfolded, escapes undone"
    );
    assert_eq!(
        a.tags,
        vec!["myContacts", "SAI, accoglienza"],
        "categories with an escaped comma"
    );
    let org = &out.records[1];
    assert_eq!(
        org.organisation.as_deref(),
        Some("Comune di Vicopisano"),
        "org card"
    );
    assert_eq!(
        (org.given_name.as_str(), org.family_name.as_str()),
        ("", ""),
        "an organisation's FN is not split into a person's name"
    );
}

#[test]
fn thunderbird_4_0_with_tel_uris_and_an_unsupported_version() {
    let out = read(&fixture("thunderbird_4.vcf")).expect("read");
    assert_eq!(out.records.len(), 2, "two good cards");
    let m = &out.records[0];
    assert_eq!(
        (m.given_name.as_str(), m.family_name.as_str()),
        ("Mario", "Rossi"),
        "names"
    );
    assert_eq!(
        m.emails,
        vec!["mario.rossi@comune.example.it", "m.rossi@example.org"],
        "e-mails"
    );
    assert_eq!(
        m.phones,
        vec!["0587 299111", "+39-333-1234567"],
        "text and tel: URI phones"
    );
    assert_eq!(
        m.organisation.as_deref(),
        Some("Comune di Pontedera"),
        "org"
    );
    assert_eq!(m.title.as_deref(), Some("Sindaco"), "title");
    assert_eq!(
        m.notes.as_deref(),
        Some("Sindaco dal 2024, prima assessore."),
        "note"
    );
    let l = &out.records[1];
    assert_eq!(
        (l.given_name.as_str(), l.family_name.as_str()),
        ("Laura", "Dal Pozzo"),
        "FN split with particle when N is absent"
    );
    assert_eq!(
        l.title.as_deref(),
        Some("Assistente sociale"),
        "ROLE as title"
    );
    assert_eq!(l.tags, vec!["SAI", "Zona Valdera"], "categories");
    assert_eq!(out.issues.len(), 1, "the 5.0 card is rejected");
    assert_eq!(out.issues[0].line, 21, "line of its BEGIN:VCARD");
    assert!(
        out.issues[0].message.contains("5.0") && out.issues[0].message.contains("n. 3"),
        "issue names the version and the card: {}",
        out.issues[0].message
    );
}

#[test]
fn outlook_2_1_quoted_printable_windows_1252() {
    let out = read(&fixture("outlook_2_1.vcf")).expect("read");
    assert_eq!(out.issues, vec![], "no issues");
    let n = &out.records[0];
    assert_eq!(
        (n.given_name.as_str(), n.family_name.as_str()),
        ("Niccolò", "Bacci"),
        "Windows-1252 file"
    );
    assert_eq!(
        n.organisation.as_deref(),
        Some("Prefettura di Firenze"),
        "org"
    );
    assert_eq!(n.phones, vec!["055 27831"], "2.1 bare TEL params");
    assert_eq!(
        n.emails,
        vec!["niccolo.bacci@prefettura.example.it"],
        "2.1 bare EMAIL params"
    );
    assert_eq!(
        n.notes.as_deref(),
        Some("Riunione del tavolo\nprefettizio: città di Firenze, sala B"),
        "quoted-printable with soft line break and charset"
    );
}

#[test]
fn not_a_vcard_and_broken_cards() {
    let err = read(b"Nome;Cognome\nMario;Rossi\n").expect_err("CSV is not a vCard");
    let api = ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::Import, "import kind");
    assert!(
        api.message.contains("BEGIN:VCARD"),
        "message: {}",
        api.message
    );

    let text = "BEGIN:VCARD\nVERSION:3.0\nN:Rossi;Mario\nEMAIL:rossi@\nEND:VCARD\n\
                BEGIN:VCARD\nVERSION:3.0\nNOTE:solo una nota\nEND:VCARD\n\
                BEGIN:VCARD\nVERSION:3.0\nquesta riga non ha due punti\nFN:X Y\nEND:VCARD\n\
                BEGIN:VCARD\nVERSION:3.0\nFN:Troncata Qui\n";
    let out = read(text.as_bytes()).expect("read");
    assert_eq!(out.records, vec![], "no good card");
    let lines: Vec<u32> = out.issues.iter().map(|i| i.line).collect();
    assert_eq!(
        lines,
        vec![1, 6, 10, 15],
        "one issue per card at its BEGIN line"
    );
}

/// Deterministic xorshift generator for the property test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    /// Trimmed text with accents, punctuation that vCard escapes, newlines and long runs.
    fn text(&mut self) -> String {
        const PARTS: &[&str] = &[
            "Niccolò",
            "Città",
            "D’Angelo",
            "De Luca",
            "perché",
            "a,b",
            "x;y",
            "back\\slash",
            "riga\nnuova",
            "€",
            "😀",
            "Ünïcödé",
            "\"quote\"",
            "tab\tinside",
            "colon:here",
            "=1+1",
            "<script>",
            "ß",
            "中文",
        ];
        let n = 1 + self.below(4);
        let mut s: Vec<String> = (0..n).map(|_| self.pick(PARTS).to_owned()).collect();
        if self.below(5) == 0 {
            s.push("lunghissimo".repeat(1 + self.below(20)));
        }
        s.join(" ")
    }
    fn opt_text(&mut self) -> Option<String> {
        (self.below(3) > 0).then(|| self.text())
    }
}

fn generated(rng: &mut Rng, i: usize) -> ContactRecord {
    let emails = (0..rng.below(4))
        .map(|k| format!("utente.{i}.{k}@comune-{}.example.it", rng.below(1000)))
        .collect();
    let mut phones: Vec<String> = Vec::new();
    for _ in 0..rng.below(4) {
        let p = rng.pick(&[
            "+39 055 123456",
            "055/2761234",
            "333 1234567",
            "+39-0587-299111",
            "0",
        ]);
        if !phones.iter().any(|x| x == p) {
            phones.push(p.to_owned());
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for _ in 0..rng.below(3) {
        let t = rng.text().replace('\n', " ");
        if !tags.iter().any(|x| x.to_lowercase() == t.to_lowercase()) {
            tags.push(t);
        }
    }
    ContactRecord {
        source_line: u32::try_from(i + 1).unwrap_or(0),
        given_name: if rng.below(6) == 0 {
            String::new()
        } else {
            rng.text()
        },
        family_name: rng.text(),
        honorific: rng
            .opt_text()
            .map(|_| rng.pick(&["Dott.ssa", "Sig.", "On.", "Avv."]).to_owned()),
        emails,
        phones,
        organisation: rng.opt_text(),
        title: rng.opt_text(),
        comune: None,
        notes: rng.opt_text(),
        tags,
    }
}

#[test]
fn round_trip_keeps_names_organisations_titles_emails_phones() {
    let mut rng = Rng(0x5241_4343_2026_1126);
    let records: Vec<ContactRecord> = (0..400).map(|i| generated(&mut rng, i)).collect();
    for version in [VcardVersion::V3, VcardVersion::V4] {
        let text = to_vcard_string(&records, version);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "folded line of {} octets", line.len());
        }
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        let back = read(text.as_bytes()).expect("read back");
        assert_eq!(back.issues, vec![], "{version:?}: no issues");
        assert_eq!(back.records, records, "{version:?}: identical records");
    }
}

#[test]
fn uid_is_written_and_file_is_atomic() {
    let r = ContactRecord {
        given_name: "Mario".into(),
        family_name: "Rossi".into(),
        ..ContactRecord::default()
    };
    let text = format_vcards(&[(&r, Some("urn:uuid:1234"))], VcardVersion::V4);
    assert!(
        text.contains("\r\nUID:urn:uuid:1234\r\n"),
        "UID written: {text}"
    );
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"), "header");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rubrica.vcf");
    write_vcard(std::slice::from_ref(&r), &path, VcardVersion::V3).expect("write");
    let back = read(&fs::read(&path).expect("read file")).expect("parse");
    assert_eq!(
        back.records[0].family_name, "Rossi",
        "written file reads back"
    );
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["rubrica.vcf"], "no temporary file left");
}

#[test]
fn a_card_with_thousands_of_emails_is_refused_with_the_limit() {
    let mut card =
        String::from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Bianchi\r\nN:Bianchi;Anna;;;\r\n");
    for i in 0..5_000 {
        card.push_str(&format!("EMAIL:a{i}@esempio.it\r\n"));
    }
    card.push_str("END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bruno Neri\r\nN:Neri;Bruno;;;\r\nEND:VCARD\r\n");
    let read = raccordo::interchange::vcard::read(card.as_bytes()).expect("read");
    assert_eq!(read.records.len(), 1, "the ordinary card is read");
    assert_eq!(
        read.issues.len(),
        1,
        "the card with 5,000 e-mails is refused"
    );
    assert!(
        read.issues[0].message.contains("al massimo 50"),
        "the message names the limit: {}",
        read.issues[0].message
    );
}
