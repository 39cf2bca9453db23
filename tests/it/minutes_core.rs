//! Minutes storage: started prefilled from the meeting, drafts saved (autosave), approval locks
//! the content (in the core and by a database trigger), corrections only through a numbered
//! revision whose reason is kept, approved versions frozen and exportable; inline follow-ups are
//! real actions of the meeting and its agenda item; the CLI exports and lists.

use crate::common;

use common::meetings::{at, input as meeting_input, pisana};
use common::{cli, TempDb};
use raccordo::actions::{self, ActionInput, ActionOwner};
use raccordo::meetings::{self, AgendaItemInput, InvitationInput, MeetingKind};
use raccordo::minutes::{self, DocumentStatus, MinutesStatus, RichText};
use raccordo::{ApiError, ErrorKind, Store};

fn meeting_with_agenda(store: &Store) -> i64 {
    let (_, [conti, _, _]) = pisana(store);
    store
        .write(|tx| {
            let mut mi = meeting_input(
                MeetingKind::ConferenzaZonale,
                "Conferenza zonale: rete SAI",
                at(2027, 3, 2, 10, 0),
            );
            mi.place = "Sala consiliare, Pisa".into();
            mi.invitations = vec![InvitationInput {
                person_id: Some(conti),
                ..Default::default()
            }];
            mi.agenda = ["Progetto SAI nella zona", "Varie ed eventuali"]
                .iter()
                .map(|t| AgendaItemInput {
                    title: (*t).into(),
                    ..Default::default()
                })
                .collect();
            meetings::create_meeting(tx, &mi)
        })
        .expect("meeting")
        .summary
        .id
}

#[test]
fn draft_approve_lock_revise_and_frozen_versions() {
    let db = TempDb::new();
    let store = db.open();
    let m = meeting_with_agenda(&store);
    let v = store.write(|tx| minutes::start(tx, m)).expect("start");
    assert_eq!(v.status, MinutesStatus::Draft, "starts as a draft");
    assert_eq!(v.content.items.len(), 2, "one item per agenda item");
    assert_eq!(
        v.content.place, "Sala consiliare, Pisa",
        "place from the meeting"
    );
    assert!(v.content.start_time.is_some(), "times from the meeting");
    let again = store
        .write(|tx| minutes::start(tx, m))
        .expect("start again");
    assert_eq!(
        again.created_at, v.created_at,
        "starting twice opens the same verbale"
    );

    let mut c = v.content.clone();
    c.items[0].discussion =
        RichText::from_markdown("Il Sindaco **D'Angelo** illustra la proposta.");
    c.items[0].decisions =
        RichText::from_markdown("- Aderire alla rete SAI\n- Convocare gli uffici");
    c.chair = "Michele Conti".into();
    store
        .write(|tx| minutes::save_draft(tx, m, &c))
        .expect("autosave");
    // An inline follow-up: a real action of the meeting and its first agenda item.
    let item = store.read(|cn| meetings::meeting(cn, m)).expect("m").agenda[0].id;
    store
        .write(|tx| {
            actions::create_action(
                tx,
                &ActionInput {
                    meeting_id: Some(m),
                    agenda_item_id: Some(item),
                    owner: ActionOwner::Coordinator,
                    ..ActionInput::titled("Inviare la bozza di delibera")
                },
            )
        })
        .expect("follow-up");
    let approved = store.write(|tx| minutes::approve(tx, m)).expect("approve");
    assert_eq!(approved.status, MinutesStatus::Approved, "approved");
    assert_eq!(approved.versions.len(), 1, "version 0 kept");

    let mut c2 = approved.content.clone();
    c2.chair = "Qualcun altro".into();
    let err = store
        .write(|tx| minutes::save_draft(tx, m, &c2))
        .expect_err("an approved verbale cannot be changed");
    let api = ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::Conflict, "a conflict, not a crash");
    assert!(
        api.message.contains("revisione"),
        "says how: {}",
        api.message
    );
    let raw = store.write(|tx| {
        Ok(tx.execute(
            "UPDATE minutes SET content = '{}' WHERE meeting_id = ?1",
            [m],
        )?)
    });
    assert!(
        raw.is_err(),
        "the database itself refuses to change approved content"
    );

    let doc0 = store
        .read(|cn| minutes::document_of(cn, m, None))
        .expect("approved document");
    assert!(
        matches!(doc0.status, DocumentStatus::Approved { .. }),
        "status approved"
    );
    assert_eq!(doc0.follow_ups.len(), 1, "the follow-up is in the document");
    assert_eq!(
        doc0.follow_ups[0].item,
        Some(1),
        "with its agenda item number"
    );
    assert_eq!(
        doc0.attendance[0].name, "Michele Conti",
        "attendance from the invitations"
    );

    let err = store
        .write(|tx| minutes::open_revision(tx, m, "  "))
        .expect_err("a revision needs a reason");
    assert!(
        ApiError::from(err).message.contains("motivo"),
        "asks for the reason"
    );
    let rev = store
        .write(|tx| minutes::open_revision(tx, m, "Correzione delle presenze"))
        .expect("revision");
    assert_eq!(
        (rev.status, rev.revision),
        (MinutesStatus::Draft, 1),
        "revision 1 is a draft"
    );
    store
        .write(|tx| minutes::save_draft(tx, m, &c2))
        .expect("the revision can be edited");
    store
        .write(|tx| minutes::approve(tx, m))
        .expect("approve revision 1");
    let v0 = store
        .read(|cn| minutes::document_of(cn, m, Some(0)))
        .expect("version 0");
    let v1 = store
        .read(|cn| minutes::document_of(cn, m, Some(1)))
        .expect("version 1");
    assert_eq!(
        v0.signatures[1].name, "Michele Conti",
        "version 0 is frozen as approved"
    );
    assert_eq!(
        v1.signatures[1].name, "Qualcun altro",
        "version 1 has the correction"
    );
    assert!(
        matches!(&v1.status, DocumentStatus::Revision { number: 1, reason } if reason == "Correzione delle presenze"),
        "revision 1 carries its reason: {:?}",
        v1.status
    );
    assert!(
        store
            .read(|cn| minutes::document_of(cn, m, Some(7)))
            .is_err(),
        "an unknown version is a clear error"
    );
}

#[test]
fn cli_writes_approves_exports_and_lists_meetings_with_minutes() {
    let db = TempDb::new();
    let store = db.open();
    let m = meeting_with_agenda(&store);
    drop(store);
    let ms = m.to_string();
    let run = |args: &[&str]| {
        let out = cli(&db.path).args(args).output().expect("run");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(&["minutes", "start", &ms]);
    run(&[
        "minutes",
        "set",
        &ms,
        "--item",
        "1",
        "--discussion",
        "Città e Sant'Anna: **aderiscono**",
        "--decisions",
        "1. Delibera entro aprile",
    ]);
    let listed = run(&["meeting", "list", "--with-minutes"]);
    assert!(
        listed.contains("Conferenza zonale: rete SAI") && listed.contains("bozza"),
        "--with-minutes lists the meeting with its verbale's status: {listed}"
    );
    run(&["minutes", "approve", &ms]);
    let pdf = db.sibling("verbale.pdf");
    run(&[
        "export",
        "minutes",
        &ms,
        "--format",
        "pdf",
        "--pdfa",
        "-o",
        pdf.to_str().expect("utf8"),
    ]);
    let bytes = std::fs::read(&pdf).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("pdfaid:part"),
        "the PDF/A option declares PDF/A conformance"
    );
    let md = db.sibling("verbale.md");
    run(&[
        "export",
        "minutes",
        &ms,
        "--format",
        "md",
        "-o",
        md.to_str().expect("utf8"),
    ]);
    let md = std::fs::read_to_string(&md).expect("md");
    assert!(
        md.contains("Verbale")
            && md.contains("Città e Sant'Anna")
            && md.contains("Delibera entro aprile"),
        "the Markdown holds the heading, the discussion with accents and the decisions: {md}"
    );
    let bad = cli(&db.path)
        .args(["minutes", "set", &ms, "--chair", "X"])
        .output()
        .expect("run");
    assert_eq!(
        bad.status.code(),
        Some(1),
        "an approved verbale refuses edits"
    );
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("revisione"),
        "and says to open a revision"
    );
}

#[test]
fn the_proposed_file_name_is_dated_sanitised_and_names_the_revision() {
    let db = TempDb::new();
    let store = db.open();
    let m = meeting_with_agenda(&store);
    store.write(|tx| minutes::start(tx, m)).expect("start");
    let stem = store
        .read(|c| minutes::default_file_stem(c, m, None))
        .expect("stem of the current state");
    assert_eq!(
        stem, "verbale-2027-03-02-Conferenza-zonale-rete-SAI",
        "date first, the title without ':' or spaces"
    );
    store.write(|tx| minutes::approve(tx, m)).expect("approve");
    store
        .write(|tx| minutes::open_revision(tx, m, "correzione delle presenze"))
        .expect("revision");
    let rev = store
        .read(|c| minutes::default_file_stem(c, m, Some(1)))
        .expect_err("revision 1 is not approved yet: no such version");
    assert_eq!(
        rev.kind(),
        ErrorKind::Validation,
        "a version not approved yet is refused, naming the versions that exist: {rev}"
    );
    store
        .write(|tx| minutes::approve(tx, m))
        .expect("approve the revision");
    let rev = store
        .read(|c| minutes::default_file_stem(c, m, Some(1)))
        .expect("stem of revision 1");
    assert!(rev.ends_with("-rev1"), "a revision is named as such: {rev}");
    store
        .write(|tx| {
            tx.execute(
                "UPDATE meeting SET title = '../../<script>alert(1)</script>' WHERE id = ?1",
                [m],
            )?;
            Ok(())
        })
        .expect("hostile title");
    let hostile = store
        .read(|c| minutes::default_file_stem(c, m, None))
        .expect("stem of a hostile title");
    assert!(
        !hostile.contains('/') && !hostile.contains('<') && !hostile.contains('>'),
        "no path separators or markup in the file name: {hostile}"
    );
}
