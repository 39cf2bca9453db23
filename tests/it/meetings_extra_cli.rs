//! `meeting attach|attachments|detach|attachment-path|prune-attachments|reminders`: what the
//! meeting page's «Allegati» and the «Promemoria degli incontri» settings do, from the CLI.

use crate::common;

use std::fs;

use chrono::{Duration, Utc};
use common::meetings_cli::{fails, json, ok};
use common::TempDb;
use raccordo::meetings::attachments::attachments_dir;

/// A meeting (id 1) on a fresh database.
fn meeting(db: &TempDb, start: &str) {
    ok(
        db,
        &[
            "meeting",
            "add",
            "--type",
            "altro",
            "--title",
            "Tavolo SAI",
            "--start",
            start,
            "--place",
            "Firenze",
        ],
    );
}

#[test]
fn attach_list_open_and_detach_a_file() {
    let db = TempDb::new();
    meeting(&db, "25/03/2027 10:00");
    let source = db.sibling("Convocazione «firmata» <script>.pdf");
    fs::write(&source, b"%PDF-1.7 convocazione").expect("write source");
    let said = ok(
        &db,
        &["meeting", "attach", "1", &source.display().to_string()],
    );
    assert!(
        said.contains("Allegato 1 aggiunto all'incontro 1")
            && said.contains("«Convocazione «firmata» <script>.pdf»"),
        "attach names the attachment and the file as given: {said}"
    );
    let listed = json(&db, &["meeting", "attachments", "1"]);
    assert_eq!(
        listed[0]["file_name"], "Convocazione «firmata» <script>.pdf",
        "listed with the user's file name: {listed}"
    );
    assert_eq!(listed[0]["size_bytes"], 21, "size recorded: {listed}");
    let table = ok(&db, &["meeting", "attachments", "1"]);
    assert!(
        table.contains("Id") && table.contains("Convocazione"),
        "the table shows the ids needed by detach: {table}"
    );
    let shown = ok(&db, &["meeting", "show", "1"]);
    assert!(
        shown.contains("Allegati") && shown.contains("Convocazione"),
        "meeting show lists the attachment: {shown}"
    );

    let path = ok(&db, &["meeting", "attachment-path", "1"]);
    let path = std::path::PathBuf::from(path.trim());
    assert!(
        path.starts_with(attachments_dir(&db.path)),
        "the verified copy is beside the database: {}",
        path.display()
    );
    assert_eq!(
        fs::read(&path).expect("copy"),
        fs::read(&source).expect("source"),
        "the copy has the same bytes"
    );

    fs::write(&path, b"cambiato").expect("tamper");
    let refused = fails(&db, &["meeting", "attachment-path", "1"], 1);
    assert!(
        refused.contains("modificata fuori da Raccordo"),
        "a changed copy is refused with the core's explanation: {refused}"
    );

    let removed = ok(&db, &["meeting", "detach", "1"]);
    assert!(
        removed.contains("Allegato 1 tolto"),
        "detach confirms: {removed}"
    );
    assert!(!path.exists(), "the copy is deleted with the attachment");
    assert!(source.exists(), "the original file is never touched");
    let empty = ok(&db, &["meeting", "attachments", "1"]);
    assert!(
        empty.contains("non ha allegati"),
        "an empty list explains how to add one: {empty}"
    );
    let again = fails(&db, &["meeting", "detach", "1"], 1);
    assert!(
        again.contains("allegato 1"),
        "an unknown attachment is named: {again}"
    );
    let pruned = ok(&db, &["meeting", "prune-attachments"]);
    assert!(
        pruned.contains("Copie orfane cancellate: 0"),
        "nothing orphaned: {pruned}"
    );
}

#[test]
fn attach_refuses_a_missing_file_or_meeting() {
    let db = TempDb::new();
    meeting(&db, "25/03/2027 10:00");
    let missing = fails(
        &db,
        &[
            "meeting",
            "attach",
            "1",
            &db.sibling("non-esiste.pdf").display().to_string(),
        ],
        1,
    );
    assert!(
        missing.contains("non-esiste.pdf"),
        "the missing file is named: {missing}"
    );
    let source = db.sibling("ok.txt");
    fs::write(&source, "testo").expect("write");
    let no_meeting = fails(
        &db,
        &["meeting", "attach", "99", &source.display().to_string()],
        1,
    );
    assert!(
        no_meeting.contains("99"),
        "the unknown meeting is named: {no_meeting}"
    );
}

#[test]
fn reminders_are_shown_set_turned_off_and_listed_when_due() {
    let db = TempDb::new();
    let shown = ok(&db, &["meeting", "reminders"]);
    assert!(
        shown.contains("1 giorno prima, 1 ora prima"),
        "default leads in words: {shown}"
    );
    let set = json(&db, &["meeting", "reminders", "--set", "15,120"]);
    assert_eq!(
        set["leads_minutes"],
        serde_json::json!([120, 15]),
        "stored largest first: {set}"
    );
    let said = ok(&db, &["meeting", "reminders"]);
    assert!(
        said.contains("2 ore prima, 15 minuti prima"),
        "the new leads are kept: {said}"
    );
    let bad = fails(&db, &["meeting", "reminders", "--set", "0"], 1);
    assert!(
        bad.contains("da 1 minuto a 7 giorni"),
        "an impossible lead is refused with the allowed range: {bad}"
    );
    let both = fails(&db, &["meeting", "reminders", "--set", "60", "--off"], 2);
    assert!(
        both.starts_with("errore: "),
        "--set and --off together are a usage error: {both}"
    );

    // A meeting 90 minutes from now: with a 2-hour lead it is due now.
    let start = (Utc::now() + Duration::minutes(90))
        .with_timezone(&chrono_tz::Europe::Rome)
        .format("%d/%m/%Y %H:%M")
        .to_string();
    meeting(&db, &start);
    let due = json(&db, &["meeting", "reminders", "--due"]);
    assert_eq!(
        due.as_array().map(Vec::len),
        Some(1),
        "one reminder due: {due}"
    );
    assert_eq!(due[0]["lead_minutes"], 120, "the two-hour lead: {due}");
    assert!(
        due[0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Tra 1 ora e ") && m.contains(": Tavolo SAI (il ")),
        "the message the app gives, with the time left (about 90 minutes): {due}"
    );
    let still = json(&db, &["meeting", "reminders", "--due"]);
    assert_eq!(
        (&still[0]["meeting"]["id"], &still[0]["lead_minutes"]),
        (&due[0]["meeting"]["id"], &due[0]["lead_minutes"]),
        "--due only lists: the reminder is still due for the app: {still}"
    );

    let off = ok(&db, &["meeting", "reminders", "--off"]);
    assert!(off.contains("disattivati"), "turned off: {off}");
    let none = ok(&db, &["meeting", "reminders", "--due"]);
    assert!(
        none.contains("Nessun promemoria"),
        "nothing due once off: {none}"
    );
}
