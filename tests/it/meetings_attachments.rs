//! Attachments: copied beside the database with their checksum, the original untouched, opened
//! by path only after the copy is verified, removed with their file, orphans pruned.

use crate::common;

use std::fs;

use common::meetings::{at, input};
use common::TempDb;
use raccordo::meetings::{self as m, attachments, MeetingKind};
use raccordo::Error;

#[test]
fn a_file_is_copied_beside_the_database_and_opened_only_if_intact() {
    let db = TempDb::new();
    let store = db.open();
    let meeting = store
        .write(|tx| {
            m::create_meeting(
                tx,
                &input(MeetingKind::Altro, "Con allegato", at(2027, 5, 3, 9, 0)),
            )
        })
        .expect("create");
    let original = db.sibling("Ordine del giorno: «bozza» v2.PDF");
    fs::write(&original, b"%PDF-1.7 contenuto di prova").expect("write source");
    let a = attachments::add_attachment(&store, meeting.summary.id, &original).expect("attach");
    assert_eq!(
        a.file_name, "Ordine del giorno: «bozza» v2.PDF",
        "the user's name is shown as is"
    );
    assert_eq!(a.size_bytes, 27, "size recorded");
    let path = attachments::attachment_path(&store, a.id).expect("copy is intact");
    assert!(
        path.starts_with(attachments::attachments_dir(&db.path)),
        "the copy lives in the attachments folder beside the database: {}",
        path.display()
    );
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(
        !name.contains(':') && name.ends_with(".pdf"),
        "safe stored name: {name}"
    );
    assert_eq!(
        fs::read(&path).expect("read copy"),
        fs::read(&original).expect("read original"),
        "same bytes"
    );
    let view = store
        .read(|c| m::meeting(c, meeting.summary.id))
        .expect("meeting");
    assert_eq!(view.attachments.len(), 1, "listed on the meeting");

    // Tampering with the copy is detected, not opened.
    fs::write(&path, b"altro").expect("tamper");
    let err = attachments::attachment_path(&store, a.id).expect_err("changed copy refused");
    assert!(
        matches!(err, Error::Conflict { .. }),
        "a conflict explains it: {err:?}"
    );

    attachments::remove_attachment(&store, a.id).expect("remove");
    assert!(!path.exists(), "the copy goes with the attachment");
    assert!(original.exists(), "the original is never touched");
    let view = store
        .read(|c| m::meeting(c, meeting.summary.id))
        .expect("meeting");
    assert!(view.attachments.is_empty(), "no longer listed");
}

#[test]
fn bad_sources_are_refused_and_leave_nothing_behind() {
    let db = TempDb::new();
    let store = db.open();
    let meeting = store
        .write(|tx| {
            m::create_meeting(
                tx,
                &input(MeetingKind::Altro, "Senza allegati", at(2027, 5, 3, 9, 0)),
            )
        })
        .expect("create");
    let missing =
        attachments::add_attachment(&store, meeting.summary.id, &db.sibling("non-esiste.pdf"));
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "a missing file is named: {missing:?}"
    );
    let folder = attachments::add_attachment(&store, meeting.summary.id, db.dir.path());
    assert!(
        matches!(folder, Err(Error::Validation { .. })),
        "a folder is refused: {folder:?}"
    );
    let src = db.sibling("ok.txt");
    fs::write(&src, "testo").expect("write");
    let no_meeting = attachments::add_attachment(&store, 999, &src);
    assert!(
        matches!(no_meeting, Err(Error::NotFound { .. })),
        "unknown meeting: {no_meeting:?}"
    );
    let dir = attachments::attachments_dir(&db.path);
    let files = fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(files, 0, "no copy left by refused attachments");
    assert_eq!(
        attachments::prune_orphans(&store).expect("prune"),
        0,
        "nothing to prune"
    );
}
