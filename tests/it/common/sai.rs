//! Helpers of the SAI survey tests: a small survey over the three ASL, with an Unione covering
//! two comuni of the nord-ovest.

use raccordo::contacts::{self, OrgInput, OrgKind};
use raccordo::sai::{self, SaiFactsInput, SaiPlaces, SaiStatus, SaiStatusInput};
use raccordo::Store;

use super::date;

pub const PISA: &str = "050026";
pub const SIENA: &str = "052032";
pub const BAGNONE: &str = "045002";

pub fn status(store: &Store, org: i64, s: SaiStatus, on: (i32, u32, u32), note: &str) {
    let input = SaiStatusInput {
        status: s,
        on: date(on.0, on.1, on.2),
        note: note.to_owned(),
        source_meeting_id: None,
        source_person_id: None,
        source_text: String::new(),
    };
    store
        .write(|tx| sai::set_status(tx, org, &input))
        .expect("set SAI status");
}

pub fn places(store: &Store, org: i64, ordinari: i64, dm_ds: i64, msna: i64) {
    let input = SaiFactsInput {
        titolare: "Ente titolare".to_owned(),
        gestore: "Cooperativa Esempio".to_owned(),
        places: SaiPlaces {
            ordinari,
            dm_ds,
            msna,
        },
        funding_start: Some(date(2024, 1, 1)),
        funding_end: Some(date(2026, 12, 31)),
        triennial: true,
        next_step: String::new(),
        next_step_due: None,
        notes: String::new(),
    };
    store
        .write(|tx| sai::edit_facts(tx, org, &input))
        .expect("edit SAI facts");
}

/// An Unione dei Comuni with `members` from 2024.
pub fn unione(store: &Store, name: &str, members: &[&str]) -> i64 {
    store
        .write(|tx| {
            let org = contacts::create_org(
                tx,
                &OrgInput {
                    kind: OrgKind::Unione,
                    name: name.to_owned(),
                    istat_code: None,
                    zone_id: None,
                    asl: None,
                    province_code: None,
                    notes: String::new(),
                },
            )?;
            for m in members {
                contacts::add_unione_member(tx, org.id, m, date(2024, 1, 1), None)?;
            }
            Ok(org.id)
        })
        .expect("create Unione")
}

/// The survey: Pisa active (10/2/5), Firenze interested, Prato active (20/0/0), Siena declined,
/// an Unione (Aulla, Bagnone) active (8/0/4). Returns the org ids in that order.
pub fn survey(store: &Store) -> [i64; 5] {
    let org = |istat: &str| super::contacts::comune_org(store, istat);
    let (pisa, firenze, prato, siena) = (
        org(PISA),
        org(super::FIRENZE),
        org(super::PRATO),
        org(SIENA),
    );
    let lunigiana = unione(
        store,
        "Unione di Comuni Montana Lunigiana",
        &[super::AULLA, BAGNONE],
    );
    status(
        store,
        pisa,
        SaiStatus::Interested,
        (2024, 3, 1),
        "primo contatto",
    );
    status(
        store,
        pisa,
        SaiStatus::Active,
        (2025, 1, 15),
        "progetto avviato",
    );
    places(store, pisa, 10, 2, 5);
    status(store, firenze, SaiStatus::Interested, (2025, 2, 1), "");
    status(store, prato, SaiStatus::Active, (2024, 9, 1), "");
    places(store, prato, 20, 0, 0);
    status(store, siena, SaiStatus::Declined, (2025, 3, 1), "");
    status(store, lunigiana, SaiStatus::Active, (2024, 6, 1), "");
    places(store, lunigiana, 8, 0, 4);
    [pisa, firenze, prato, siena, lunigiana]
}
