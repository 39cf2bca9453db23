//! `meeting` commands end to end on a temporary database: a Conferenza zonale with the mayors in
//! office on the meeting date, times in Europe/Rome, attendance with a delegate, status with a
//! note, edits, series, deletion, proposals and the error contract.

use crate::common;

use common::meetings::pisana;
use common::meetings_cli::{conference, fails, ids, json, ok};
use common::TempDb;
use serde_json::Value;

#[test]
fn conference_with_proposed_mayors_attendance_delegate_and_status_note() {
    let (db, [conti, betti, rossi]) = conference();
    let m = json(&db, &["meeting", "show", "1"]);
    assert_eq!(
        m["starts_at"], "2027-03-25T09:00:00Z",
        "10:00 in Rome before summer time is 09:00 UTC: {m}"
    );
    assert_eq!(m["start"], "2027-03-25T10:00:00", "local start kept: {m}");
    let invited: Vec<Option<i64>> = m["invitations"]
        .as_array()
        .expect("invitations")
        .iter()
        .map(|i| i["person_id"].as_i64())
        .collect();
    assert!(
        invited.contains(&Some(conti)) && invited.contains(&Some(rossi)),
        "the mayors in office on 25/03/2027 are invited: {invited:?}"
    );
    assert!(
        !invited.contains(&Some(betti)),
        "Betti left office in 2024: {invited:?}"
    );
    assert_eq!(
        m["agenda"][1]["title"], "Avviso per nuovi progetti SAI",
        "agenda kept in order: {m}"
    );
    let conti_inv = m["invitations"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["person_id"] == conti))
        .and_then(|i| i["id"].as_i64())
        .expect("Conti's invitation");

    let delegated = ok(
        &db,
        &[
            "meeting",
            "attend",
            &conti_inv.to_string(),
            "--delegate-to",
            &betti.to_string(),
            "--note",
            "assessore delegato",
        ],
    );
    assert!(
        delegated.contains("Michele Conti (Sindaco, Comune di Pisa)")
            && delegated.contains("delegato a Michelangelo Betti"),
        "attend names the invitee and the delegate: {delegated}"
    );
    let edited = ok(
        &db,
        &[
            "meeting",
            "edit",
            "1",
            "--status",
            "postponed",
            "--note",
            "Richiesta dei Comuni",
        ],
    );
    assert!(
        edited.contains("Incontro 1 aggiornato") && edited.contains("rinviato"),
        "edit prints the new status: {edited}"
    );
    let m = json(&db, &["meeting", "show", "1"]);
    assert_eq!(
        m["sequence"], 1,
        "a status change alone is one revision (iCalendar SEQUENCE): {m}"
    );
    let history = m["history"].as_array().expect("history");
    assert_eq!(history.len(), 2, "planned then postponed: {m}");
    assert_eq!(
        history[1]["note"], "Richiesta dei Comuni",
        "the note of the status change is kept: {m}"
    );
    let conti_row = m["invitations"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == conti_inv))
        .expect("invitation still there");
    assert_eq!(
        (
            &conti_row["attendance"],
            &conti_row["delegate_person_id"],
            &conti_row["note"]
        ),
        (
            &Value::from("delegated"),
            &Value::from(betti),
            &Value::from("assessore delegato")
        ),
        "the delegation survives the status change: {conti_row}"
    );
    let card = ok(&db, &["meeting", "show", "1"]);
    for expected in [
        "25/03/2027 10:00–11:30 (ora di Roma)",
        "Zona-distretto: Zona Pisana",
        "delegato a Michelangelo Betti",
        "carica senza titolare",
        "Approvazione del verbale",
        "Richiesta dei Comuni",
        "Storico dello stato:",
    ] {
        assert!(card.contains(expected), "show prints «{expected}»: {card}");
    }
}

#[test]
fn edit_changes_only_what_is_given_and_moves_across_summer_time() {
    let (db, [_, betti, _]) = conference();
    let moved = ok(
        &db,
        &[
            "meeting",
            "edit",
            "1",
            "--start",
            "01/04/2027 15:00",
            "--invite",
            &betti.to_string(),
        ],
    );
    assert!(
        moved.contains("01/04/2027 15:00–16:30") && moved.contains("4 invitati"),
        "the length is kept and the invitee added: {moved}"
    );
    let m = json(&db, &["meeting", "show", "1"]);
    assert_eq!(
        m["starts_at"], "2027-04-01T13:00:00Z",
        "15:00 in Rome after the switch to summer time is 13:00 UTC: {m}"
    );
    assert_eq!(
        (
            &m["place"],
            &m["kind"],
            m["agenda"].as_array().map(Vec::len)
        ),
        (
            &Value::from("Sala consiliare, Pisa"),
            &Value::from("conferenza_zonale"),
            Some(2)
        ),
        "what was not given is unchanged: {m}"
    );
    ok(
        &db,
        &[
            "meeting",
            "edit",
            "1",
            "--end",
            "18:00",
            "--uninvite",
            &betti.to_string(),
            "--agenda",
            "Unico punto",
        ],
    );
    let m = json(&db, &["meeting", "show", "1"]);
    assert_eq!(
        m["end"], "2027-04-01T18:00:00",
        "--end HH:MM is on the start day"
    );
    assert_eq!(m["invited"], 3, "Betti uninvited: {m}");
    assert_eq!(
        m["agenda"].as_array().map(Vec::len),
        Some(1),
        "--agenda replaces the agenda in edit: {m}"
    );
    let nothing = fails(&db, &["meeting", "edit", "1"], 2);
    assert!(
        nothing.contains("nessuna modifica"),
        "an edit without options is refused: {nothing}"
    );
    let not_invited = fails(&db, &["meeting", "edit", "1", "--uninvite", "999"], 1);
    assert!(
        not_invited.contains("non è tra gli invitati"),
        "uninviting a stranger is explained: {not_invited}"
    );
}
#[test]
fn series_delete_one_occurrence_then_the_whole_series() {
    let db = TempDb::new();
    let created = ok(
        &db,
        &[
            "meeting",
            "add",
            "--type",
            "direttori_sds",
            "--title",
            "Direttori SdS nord-ovest",
            "--start",
            "09/02/2027 10:00",
            "--asl",
            "nord-ovest",
            "--repeat",
            "FREQ=MONTHLY;BYDAY=2TU;COUNT=6",
        ],
    );
    assert!(
        created.contains("6 incontri") && created.contains("il primo è l'incontro 1"),
        "a series reports its occurrences: {created}"
    );
    let april = json(
        &db,
        &[
            "meeting",
            "list",
            "--from",
            "01/04/2027",
            "--to",
            "30/04/2027",
        ],
    );
    assert_eq!(
        april[0]["start"], "2027-04-13T10:00:00",
        "second Tuesday of April, still 10:00 local after the switch: {april}"
    );
    let one = ok(&db, &["meeting", "delete", "2"]);
    assert!(
        one.contains("Eliminato l'incontro 2") && one.contains("eccezione registrata"),
        "deleting an occurrence says the series goes on: {one}"
    );
    let shown = ok(&db, &["meeting", "show", "3"]);
    assert!(
        shown.contains("FREQ=MONTHLY;BYDAY=2TU;COUNT=6"),
        "show prints the rule of the series: {shown}"
    );
    let all = ok(&db, &["meeting", "delete", "3", "--series"]);
    assert!(
        all.contains("Eliminata la serie di 5 incontri"),
        "the rest of the series goes: {all}"
    );
    assert!(
        ids(&json(&db, &["meeting", "list"])).is_empty(),
        "nothing is left"
    );
    let gone = fails(&db, &["meeting", "show", "3"], 1);
    assert!(
        gone.contains("Nessun incontro con identificativo 3"),
        "a deleted meeting is not found: {gone}"
    );
}

#[test]
fn delete_prints_what_was_deleted_and_refuses_series_for_a_single_meeting() {
    let (db, _) = conference();
    let refused = fails(&db, &["meeting", "delete", "1", "--series"], 1);
    assert!(
        refused.contains("non fa parte di una serie"),
        "--series on a single meeting: {refused}"
    );
    let deleted = ok(&db, &["meeting", "delete", "1"]);
    assert!(
        deleted.contains("Eliminato l'incontro 1: «Conferenza zonale: rete SAI»")
            && deleted.contains("3 invitati"),
        "delete prints the meeting: {deleted}"
    );
}

#[test]
fn propose_prints_who_is_in_office_on_the_date() {
    let db = TempDb::new();
    let (_, [conti, betti, rossi]) = pisana(&db.open());
    let args = [
        "meeting",
        "propose",
        "--type",
        "zona_distretto",
        "--zone",
        "Pisana",
        "--date",
    ];
    let who = |date: &str| -> Vec<Option<i64>> {
        let mut a = args.to_vec();
        a.push(date);
        json(&db, &a)
            .as_array()
            .expect("list")
            .iter()
            .map(|p| p["person_id"].as_i64())
            .collect()
    };
    let in_2022 = who("04/05/2022");
    assert!(
        in_2022.contains(&Some(betti)) && !in_2022.contains(&Some(rossi)),
        "Cascina's mayor in 2022 is Betti: {in_2022:?}"
    );
    let in_2027 = who("2027-03-25");
    assert!(
        in_2027.contains(&Some(conti)) && in_2027.contains(&Some(rossi)),
        "Conti and Rossi in 2027: {in_2027:?}"
    );
    let table = ok(
        &db,
        &args
            .iter()
            .copied()
            .chain(["25/03/2027"])
            .collect::<Vec<_>>(),
    );
    assert!(
        table.contains("Sindaca di Cascina il 25/03/2027") && table.contains("nessuno risulta"),
        "the table explains each proposal: {table}"
    );
}

#[test]
fn input_errors_are_one_italian_line_naming_the_option() {
    let db = TempDb::new();
    // A Conferenza zonale titled `title` starting at `start`, then `extra` options.
    let add = |title: &str, start: &str, extra: &[&str]| -> Vec<String> {
        [
            "meeting",
            "add",
            "--type",
            "conferenza_zonale",
            "--title",
            title,
            "--start",
            start,
        ]
        .iter()
        .chain(extra)
        .map(|s| (*s).to_owned())
        .collect()
    };
    let zone = ["--zone", "1"];
    let words = |s: &str| -> Vec<String> { s.split(' ').map(str::to_owned).collect() };
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (add("C", "25/03/2027", &zone), 1, "Manca l'ora"),
        (
            add("C", "28/03/2027 02:30", &zone),
            1,
            "non esiste in Italia",
        ),
        (
            add("C", "25/03/2027 10:00", &[]),
            1,
            "indica il territorio con --zone",
        ),
        (
            add("C", "25/03/2027 25:00", &zone),
            1,
            "Ora «25:00» non valida",
        ),
        (
            add("C", "31/02/2027 10:00", &zone),
            1,
            "Data «31/02/2027» non valida",
        ),
        (
            add("C", "25/03/2027 10:00", &["--zone", "1", "--end", "09:00"]),
            1,
            "La fine è prima dell'inizio",
        ),
        (
            add("C", "25/03/2027 10:00", &["--zone", "Nessuna"]),
            1,
            "Nessuna zona-distretto si chiama «Nessuna»",
        ),
        (
            add(
                "C",
                "25/03/2027 10:00",
                &["--zone", "1", "--repeat", "FREQ=SOMETIMES"],
            ),
            1,
            "regola di ripetizione",
        ),
        (
            add(
                "C",
                "25/03/2027 10:00",
                &["--zone", "1", "--comune", "050026"],
            ),
            2,
            "non si possono usare insieme",
        ),
        (
            words("meeting list --type riunione"),
            2,
            "valori ammessi: conferenza_zonale",
        ),
        (words("meeting attend 1"), 2, "--present"),
        (
            words("meeting attend 77 --present"),
            1,
            "Nessun invito con identificativo 77",
        ),
        (
            add(" ", "28/03/2027 02:30", &["--zone", "999"]),
            1,
            "Il titolo è obbligatorio",
        ),
    ];
    for (args, code, expected) in cases {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let line = fails(&db, &refs, code);
        assert!(line.contains(expected), "{args:?}: «{expected}» in {line}");
    }
    let refs = add(" ", "28/03/2027 02:30", &["--zone", "999"]);
    let all = fails(&db, &refs.iter().map(String::as_str).collect::<Vec<_>>(), 1);
    assert!(
        all.contains("non esiste in Italia") && all.contains("La zona-distretto 999 non esiste"),
        "every field error at once: {all}"
    );
    assert!(
        ids(&json(&db, &["meeting", "list"])).is_empty(),
        "nothing was written by the refused commands"
    );
}
