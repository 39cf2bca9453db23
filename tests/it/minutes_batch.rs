//! Batch export of approved verbali: the selection (period, ASL, zone; drafts out; a revised
//! verbale as its latest approved version), the new folder and the zip (names, count, formats),
//! cancel and empty selections leaving nothing behind, hostile titles, the audit row (the CLI:
//! `minutes_batch_cli.rs`).

use crate::common;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use common::minutes_batch::{
    asl_scope, entries, fixture, meeting, today_folder, verbale, zip_entries,
};
use common::{bytes, date, zone_id, TempDb};
use raccordo::minutes::batch::{self, BatchSelection, BatchTarget};
use raccordo::minutes::Format;
use raccordo::territory::AslCode;
use raccordo::{ApiError, ErrorKind, Store};

fn march() -> BatchSelection {
    BatchSelection {
        from: Some(date(2027, 3, 1)),
        to: Some(date(2027, 3, 31)),
        ..Default::default()
    }
}

fn selected(store: &Store, sel: &BatchSelection) -> Vec<i64> {
    store
        .read(|c| batch::plan(c, sel))
        .expect("plan")
        .items
        .iter()
        .map(|i| i.meeting_id)
        .collect()
}

fn export(
    store: &Store,
    sel: &BatchSelection,
    format: Format,
    target: BatchTarget,
    dest: &Path,
) -> raccordo::Result<batch::BatchOutcome> {
    let never = AtomicBool::new(false);
    batch::export_batch(store, sel, format, target, dest, &mut |_, _| {}, &never)
}

#[test]
fn filters_select_exactly_the_approved_verbali_of_period_asl_and_zone() {
    let (_db, store, ids) = fixture();
    assert_eq!(
        selected(&store, &march()),
        vec![ids.pisa, ids.centro_open, ids.firenze_v1],
        "March: the approved verbali by date; the draft, the meeting without verbale and April out"
    );
    let nord_ovest = BatchSelection {
        asl: Some(AslCode::NordOvest),
        ..Default::default()
    };
    assert_eq!(
        selected(&store, &nord_ovest),
        vec![ids.pisa, ids.april],
        "ASL nord-ovest: the Zona Pisana meetings with an approved verbale"
    );
    let centro = BatchSelection {
        asl: Some(AslCode::Centro),
        ..Default::default()
    };
    assert_eq!(
        selected(&store, &centro),
        vec![ids.centro_open, ids.firenze_v1],
        "ASL centro: the ASL-wide meeting and the Firenze zone meeting"
    );
    let pisana_march = BatchSelection {
        zone_id: Some(zone_id(&store, "Pisana")),
        ..march()
    };
    assert_eq!(
        selected(&store, &pisana_march),
        vec![ids.pisa],
        "Zona Pisana in March: only the approved one (the draft is left out)"
    );
    let plan = store.read(|c| batch::plan(c, &march())).expect("plan");
    assert_eq!(plan.count, 3, "count matches the items");
    let revs: Vec<(u32, bool)> = plan
        .items
        .iter()
        .map(|i| (i.revision, i.revision_open))
        .collect();
    assert_eq!(
        revs,
        vec![(0, false), (0, true), (1, false)],
        "the latest APPROVED version of each; an open revision is flagged"
    );
    assert_eq!(
        plan.description, "dal 01/03/2027 al 31/03/2027",
        "the selection in words"
    );
    let missing_zone = BatchSelection {
        zone_id: Some(9999),
        ..Default::default()
    };
    let err = ApiError::from(
        store
            .read(|c| batch::plan(c, &missing_zone))
            .expect_err("unknown zone"),
    );
    assert_eq!(err.kind, ErrorKind::NotFound, "an unknown zone is named");
    let backwards = BatchSelection {
        from: Some(date(2027, 3, 31)),
        to: Some(date(2027, 3, 1)),
        ..Default::default()
    };
    let err = ApiError::from(
        store
            .read(|c| batch::plan(c, &backwards))
            .expect_err("backwards period"),
    );
    assert!(
        err.message.contains("viene prima"),
        "a period ending before it starts is explained: {}",
        err.message
    );
}

#[test]
fn folder_batch_is_a_new_folder_with_the_latest_approved_versions() {
    let (db, store, _ids) = fixture();
    let dest = db.sibling("archivio");
    std::fs::create_dir(&dest).expect("dest");
    std::fs::write(dest.join("mio-file.txt"), "non toccare").expect("existing file");
    let mut seen = Vec::new();
    let never = AtomicBool::new(false);
    let out = batch::export_batch(
        &store,
        &march(),
        Format::Md,
        BatchTarget::Folder,
        &dest,
        &mut |d, t| seen.push((d, t)),
        &never,
    )
    .expect("folder batch");
    assert_eq!(
        seen,
        vec![(0, 3), (1, 3), (2, 3), (3, 3)],
        "progress before the first file and after each"
    );
    assert_eq!(out.count, 3, "three approved verbali in March");
    assert_eq!(out.name, today_folder(), "a new folder named by today");
    assert_eq!(
        entries(&dest),
        vec!["mio-file.txt".to_owned(), today_folder()],
        "the chosen folder gets only the new folder (no staging left, nothing touched)"
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("mio-file.txt")).expect("kept"),
        "non toccare",
        "a file already in the chosen folder is untouched"
    );
    let folder = dest.join(today_folder());
    let expected = vec![
        "2027-03-02-Conferenza-zonale-pisana-v0.md".to_owned(),
        "2027-03-10-Direttori-SdS-centro-v0.md".to_owned(),
        "2027-03-12-Conferenza-zonale-fiorentina-v1.md".to_owned(),
    ];
    assert_eq!(out.files, expected, "date-title-vN names in meeting order");
    let mut on_disk = entries(&folder);
    on_disk.sort();
    assert_eq!(on_disk, expected, "exactly those files in the new folder");
    let open = std::fs::read_to_string(folder.join(&expected[1])).expect("B");
    assert!(
        open.contains("Testo B originale") && !open.contains("Testo B in bozza"),
        "a verbale under revision exports its approved version, not the draft: {open}"
    );
    let revised = std::fs::read_to_string(folder.join(&expected[2])).expect("C");
    assert!(
        revised.contains("Testo C rivisto") && !revised.contains("Testo C prima"),
        "a revised verbale exports its latest approved version"
    );
    let again = export(&store, &march(), Format::Md, BatchTarget::Folder, &dest).expect("again");
    assert_eq!(
        again.name,
        format!("{}-2", today_folder()),
        "a second batch the same day gets a new folder, never mixing with the first"
    );
    let audit: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'minutes'
                 AND summary LIKE 'Esportati 3 verbali approvati (MD) in verbali-%'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("audit");
    assert_eq!(audit, 2, "one audit row per batch, naming count and target");
}

#[test]
fn zip_batch_entries_open_as_their_format() {
    let (db, store, _ids) = fixture();
    let pisana = BatchSelection {
        zone_id: Some(zone_id(&store, "Pisana")),
        ..Default::default()
    };
    let zip = db.sibling("verbali.zip");
    let out = export(
        &store,
        &pisana,
        Format::Pdf { pdfa: false },
        BatchTarget::Zip,
        &zip,
    )
    .expect("zip of PDFs");
    assert_eq!(out.count, 2, "the two approved Zona Pisana verbali");
    let e = zip_entries(&zip);
    assert_eq!(
        e.keys().cloned().collect::<Vec<_>>(),
        vec![
            "2027-03-02-Conferenza-zonale-pisana-v0.pdf".to_owned(),
            "2027-04-20-Fuori-periodo-v0.pdf".to_owned()
        ],
        "one PDF per verbale"
    );
    assert!(
        e.values().all(|b| b.starts_with(b"%PDF-")),
        "every entry is a PDF"
    );
    let docx = db.sibling("verbali-docx.zip");
    export(&store, &pisana, Format::Docx, BatchTarget::Zip, &docx).expect("zip of DOCX");
    for (name, b) in zip_entries(&docx) {
        let inner = zip::ZipArchive::new(std::io::Cursor::new(b)).expect("a DOCX is a zip");
        assert!(
            inner.index_for_name("word/document.xml").is_some(),
            "{name} is a Word document"
        );
    }
    assert_eq!(
        entries(db.dir.path())
            .iter()
            .filter(|n| n.starts_with('.'))
            .count(),
        0,
        "no staging file left beside the zips"
    );
}

#[test]
fn cancel_leaves_nothing_and_the_previous_zip_untouched() {
    let (db, store, _ids) = fixture();
    let dest = db.sibling("archivio");
    std::fs::create_dir(&dest).expect("dest");
    let cancel = AtomicBool::new(false);
    let err = batch::export_batch(
        &store,
        &march(),
        Format::Html,
        BatchTarget::Folder,
        &dest,
        &mut |done, _| {
            if done == 2 {
                cancel.store(true, Ordering::SeqCst);
            }
        },
        &cancel,
    )
    .expect_err("cancelled folder batch");
    let api = ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::Cancelled, "a cancel is its own kind");
    assert!(
        api.message.contains("annullata"),
        "the message says it was cancelled: {}",
        api.message
    );
    assert!(
        entries(&dest).is_empty(),
        "a cancelled folder batch leaves nothing (not even a staging folder): {:?}",
        entries(&dest)
    );

    let zip = dest.join("verbali.zip");
    std::fs::write(&zip, b"zip precedente").expect("previous zip");
    let cancel = AtomicBool::new(false);
    let err = batch::export_batch(
        &store,
        &march(),
        Format::Md,
        BatchTarget::Zip,
        &zip,
        &mut |done, _| {
            if done == 1 {
                cancel.store(true, Ordering::SeqCst);
            }
        },
        &cancel,
    )
    .expect_err("cancelled zip batch");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::Cancelled,
        "cancel reported"
    );
    assert_eq!(
        bytes(&zip),
        b"zip precedente",
        "the previous zip is untouched"
    );
    assert_eq!(
        entries(&dest),
        vec!["verbali.zip".to_owned()],
        "no partial zip left beside it"
    );
    // Cancelled after the last file, before the rename: still nothing.
    let cancel = AtomicBool::new(false);
    let total = 3;
    let err = batch::export_batch(
        &store,
        &march(),
        Format::Md,
        BatchTarget::Folder,
        &dest,
        &mut |done, _| {
            if done == total {
                cancel.store(true, Ordering::SeqCst);
            }
        },
        &cancel,
    )
    .expect_err("cancelled at the end");
    assert_eq!(ApiError::from(err).kind, ErrorKind::Cancelled, "cancel");
    assert_eq!(
        entries(&dest),
        vec!["verbali.zip".to_owned()],
        "cancel at the very end leaves no folder"
    );
    let audit: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM audit_log WHERE summary LIKE 'Esportati % verbali%'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("audit");
    assert_eq!(audit, 0, "a cancelled batch records no export");
}

#[test]
fn empty_selection_says_what_to_change_and_writes_nothing() {
    let (db, store, _ids) = fixture();
    let sel = BatchSelection {
        from: Some(date(2030, 1, 1)),
        to: Some(date(2030, 12, 31)),
        asl: Some(AslCode::SudEst),
        zone_id: None,
    };
    let dest = db.sibling("vuota");
    std::fs::create_dir(&dest).expect("dest");
    let api = ApiError::from(
        export(&store, &sel, Format::Md, BatchTarget::Folder, &dest).expect_err("empty"),
    );
    assert_eq!(
        api.kind,
        ErrorKind::Validation,
        "an empty selection is a user error"
    );
    assert!(
        api.message
            .starts_with("Nessun verbale approvato dal 01/01/2030 al 31/12/2030")
            && api.message.contains("Azienda USL Toscana sud-est")
            && api.message.contains("allarga il periodo"),
        "the message names the period and ASL and says what to change: {}",
        api.message
    );
    assert!(entries(&dest).is_empty(), "nothing written");
    let zip = db.sibling("vuoto.zip");
    export(&store, &sel, Format::Md, BatchTarget::Zip, &zip).expect_err("empty zip");
    assert!(!zip.exists(), "no empty zip written");
}

#[test]
fn hostile_titles_give_safe_unique_file_names() {
    let db = TempDb::new();
    let store = db.open();
    let scope = asl_scope(AslCode::Centro);
    let long = format!("Conferenza {}", "molto lunga ".repeat(15));
    let titles = [
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "CON",
        long.as_str(),
        "Stesso titolo",
        "stesso TITOLO",
        "Stesso titolo",
    ];
    for t in titles {
        let m = meeting(&store, t, (2027, 5, 5), scope.clone());
        verbale(&store, m, "Testo", true);
    }
    let dest = db.sibling("out");
    std::fs::create_dir(&dest).expect("dest");
    let out = export(
        &store,
        &BatchSelection::default(),
        Format::Html,
        BatchTarget::Folder,
        &dest,
    )
    .expect("batch");
    let folder = dest.join(&out.name);
    let mut names = entries(&folder);
    names.sort();
    let mut expected = out.files.clone();
    expected.sort();
    assert_eq!(names, expected, "every file inside the new folder");
    assert_eq!(names.len(), titles.len(), "one file per verbale, none lost");
    for n in &names {
        assert!(
            !n.contains(['/', '\\', '<', '>', ':', '"', '|', '?', '*']) && !n.starts_with('.'),
            "{n:?} is a plain file name"
        );
        assert!(n.chars().count() <= 100, "{n:?} is not overlong");
        assert!(
            n.starts_with("2027-05-05-") && n.ends_with(".html"),
            "{n:?}"
        );
    }
    let lower: std::collections::HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(
        lower.len(),
        names.len(),
        "names differ even ignoring case (Windows, macOS)"
    );
    assert!(
        out.files
            .contains(&"2027-05-05-etc-passwd-v0.html".to_owned())
            && out
                .files
                .contains(&"2027-05-05-script-alert(1)-script-v0.html".to_owned())
            && out
                .files
                .contains(&"2027-05-05-stesso-TITOLO-v0-2.html".to_owned())
            && out
                .files
                .contains(&"2027-05-05-Stesso-titolo-v0-3.html".to_owned()),
        "hostile titles cleaned, collisions numbered: {:?}",
        out.files
    );
    assert_eq!(
        entries(db.dir.path())
            .into_iter()
            .filter(|n| n != "out" && !n.starts_with("raccordo"))
            .collect::<Vec<_>>(),
        Vec::<String>::new(),
        "nothing written outside the chosen folder"
    );
}
