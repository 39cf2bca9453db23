//! Territory services: reference counts, tree, search, comune detail, zones, dated membership,
//! profile, demo data.

use crate::common;

use common::{date, zone_id, TempDb, AULLA, FIRENZE, PRATO};
use raccordo::territory::{self, AslCode, Level};
use raccordo::{demo, settings, ApiError, Error, ErrorKind, ProfileInput};

#[test]
fn reference_counts_match_istat() {
    let db = TempDb::new();
    let store = db.open();
    let on = date(2025, 1, 1);
    let comuni = store
        .read(|c| territory::list(c, Level::Comune, on))
        .expect("comuni");
    assert_eq!(comuni.len(), 273, "273 comuni in Tuscany");
    let count = |asl: AslCode| comuni.iter().filter(|r| r.asl == Some(asl)).count();
    assert_eq!(
        count(AslCode::NordOvest),
        102,
        "ASL nord-ovest has 102 comuni"
    );
    assert_eq!(count(AslCode::Centro), 72, "ASL centro has 72 comuni");
    assert_eq!(count(AslCode::SudEst), 99, "ASL sud-est has 99 comuni");
    let population: i64 = comuni.iter().map(|r| r.population).sum();
    assert_eq!(population, 3_651_152, "total population on 1 January 2023");
    let provinces = store
        .read(|c| territory::list(c, Level::Province, on))
        .expect("provinces");
    assert_eq!(provinces.len(), 10, "10 provinces");
    let pisa = provinces
        .iter()
        .find(|p| p.code == "050")
        .expect("Pisa province");
    assert_eq!(
        pisa.asl, None,
        "Pisa province spans two ASL, so it has no single ASL"
    );
    assert_eq!(pisa.comuni_count, 37, "Pisa has 37 comuni");
    let region = store
        .read(|c| territory::list(c, Level::Region, on))
        .expect("region");
    assert_eq!(region.len(), 1, "one region");
    assert_eq!(
        (region[0].comuni_count, region[0].population),
        (273, 3_651_152),
        "region totals"
    );
    let zones = store
        .read(|c| territory::list(c, Level::Zone, on))
        .expect("zones");
    assert_eq!(zones.len(), 28, "28 zone-distretto in the template");
    let asl = store
        .read(|c| territory::list(c, Level::Asl, on))
        .expect("asl");
    assert_eq!(asl.len(), 3, "3 ASL");
    assert_eq!(
        asl[0].name, "Azienda USL Toscana nord-ovest",
        "official ASL name"
    );
}

#[test]
fn fresh_tree_has_unconfirmed_template_and_no_membership() {
    let db = TempDb::new();
    let store = db.open();
    let tree = store
        .read(|c| territory::tree(c, date(2025, 1, 1)))
        .expect("tree");
    assert_eq!(tree.comuni_count, 273, "tree counts all comuni");
    assert_eq!(tree.population, 3_651_152, "tree totals the population");
    assert_eq!(tree.zones_to_confirm, 28, "the template is unconfirmed");
    assert!(
        !tree.synthetic_memberships,
        "no synthetic data in a fresh database"
    );
    let zones: Vec<usize> = tree.asl.iter().map(|a| a.zones.len()).collect();
    assert_eq!(
        zones,
        vec![10, 8, 10],
        "zones per ASL in order nord-ovest, centro, sud-est"
    );
    let unassigned: Vec<usize> = tree.asl.iter().map(|a| a.unassigned.len()).collect();
    assert_eq!(
        unassigned,
        vec![102, 72, 99],
        "no membership is shipped: all unassigned"
    );
    assert!(
        tree.asl
            .iter()
            .flat_map(|a| &a.zones)
            .all(|z| z.comuni.is_empty() && z.zone.comuni_count == 0),
        "zones start empty"
    );
}

#[test]
fn search_folds_accents_case_punctuation_and_ranks_prefixes_first() {
    let db = TempDb::new();
    let store = db.open();
    let search = |q: &str| {
        store
            .read(|c| territory::search_comuni(c, q, 10))
            .unwrap_or_else(|e| panic!("search {q:?}: {e}"))
    };
    let names = |q: &str| search(q).into_iter().map(|s| s.name).collect::<Vec<_>>();
    assert_eq!(
        names("niccolo"),
        vec!["Castel San Niccolò"],
        "accents are folded"
    );
    assert_eq!(
        names("SAN GIMIGNANO"),
        vec!["San Gimignano"],
        "case is folded"
    );
    assert_eq!(
        names("san gimignano"),
        vec!["San Gimignano"],
        "words with spaces"
    );
    assert_eq!(
        names("castell'azzara"),
        vec!["Castell'Azzara"],
        "apostrophe in the query"
    );
    assert_eq!(
        names("castell azzara"),
        vec!["Castell'Azzara"],
        "apostrophe as space"
    );
    assert_eq!(
        names("castellazzara"),
        vec!["Castell'Azzara"],
        "apostrophe dropped"
    );
    assert!(
        names("montecatini terme").contains(&"Montecatini-Terme".to_owned()),
        "hyphen in the name matches a space in the query"
    );
    assert!(
        names("gimignano san").contains(&"San Gimignano".to_owned()),
        "words in any order"
    );
    let prato = names("prato");
    assert_eq!(
        prato.first().map(String::as_str),
        Some("Prato"),
        "exact match first: {prato:?}"
    );
    let firen = names("firen");
    assert_eq!(
        firen.first().map(String::as_str),
        Some("Firenze"),
        "prefix first: {firen:?}"
    );
    assert!(
        firen.contains(&"Firenzuola".to_owned()),
        "other prefix matches follow"
    );
    let by_code = search("04801");
    assert!(
        !by_code.is_empty() && by_code.iter().all(|s| s.istat_code.starts_with("04801")),
        "digits match the ISTAT code prefix"
    );
    assert!(search("").is_empty(), "empty query gives nothing");
    assert!(
        search("'%_").is_empty(),
        "punctuation-only query gives nothing"
    );
    assert!(search("zzzz").is_empty(), "no match gives nothing");
    assert_eq!(
        store
            .read(|c| territory::search_comuni(c, "san", 3))
            .expect("limit")
            .len(),
        3,
        "limit is respected"
    );
}

#[test]
fn comune_detail_shows_reference_data() {
    let db = TempDb::new();
    let store = db.open();
    let d = store
        .read(|c| territory::comune(c, FIRENZE, date(2025, 1, 1)))
        .expect("Firenze");
    assert_eq!(d.name, "Firenze", "name");
    assert_eq!(d.cadastral_code, "D612", "cadastral code");
    assert_eq!(
        (d.province_abbr.as_str(), d.province_name.as_str()),
        ("FI", "Firenze"),
        "province"
    );
    assert!(d.provincial_capital, "Firenze is a provincial capital");
    assert_eq!(d.asl, AslCode::Centro, "ASL");
    assert_eq!(d.asl_name, "Azienda USL Toscana centro", "ASL name");
    assert_eq!(
        (d.population, d.population_year),
        (360_930, 2023),
        "population"
    );
    assert_eq!(d.nuts3, "ITI14", "NUTS 3");
    assert!(
        d.zone.is_none() && d.zone_history.is_empty(),
        "no zone shipped"
    );
    let five = store
        .read(|c| territory::comune(c, "48017", date(2025, 1, 1)))
        .expect("5 digits");
    assert_eq!(
        five.istat_code, FIRENZE,
        "a code without its leading zero is accepted"
    );
    let err = store
        .read(|c| territory::comune(c, "999999", date(2025, 1, 1)))
        .expect_err("unknown comune");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::NotFound,
        "unknown code is not_found"
    );
}

#[test]
fn set_comune_zone_keeps_a_dated_history() {
    let db = TempDb::new();
    let store = db.open();
    let apuane = zone_id(&store, "Apuane");
    let lunigiana = zone_id(&store, "Lunigiana");
    let set = |zone: Option<i64>, from| {
        store.write(|tx| territory::set_comune_zone(tx, AULLA, zone, from, "test"))
    };
    let d = set(Some(apuane), date(2024, 1, 1)).expect("first membership");
    assert_eq!(
        d.zone.as_ref().map(|m| m.zone_id),
        Some(apuane),
        "Aulla in Apuane"
    );
    let d = set(Some(lunigiana), date(2025, 3, 1)).expect("move");
    assert_eq!(d.zone_history.len(), 2, "two periods");
    assert_eq!(
        d.zone_history[0].zone_id, lunigiana,
        "history is newest first"
    );
    assert_eq!(
        d.zone_history[1].valid_to,
        Some(date(2025, 2, 28)),
        "the previous membership is closed the day before valid_from"
    );
    let on_old = store
        .read(|c| territory::comune(c, AULLA, date(2025, 2, 28)))
        .expect("old");
    assert_eq!(
        on_old.zone.map(|m| m.zone_id),
        Some(apuane),
        "the past date sees the old zone"
    );

    let err = set(Some(apuane), date(2025, 1, 1)).expect_err("before current start");
    match err {
        Error::Validation { details, .. } => {
            assert_eq!(details[0].field, "valid_from", "the date field is named")
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    let same = set(Some(lunigiana), date(2025, 6, 1)).expect("same zone again");
    assert_eq!(
        same.zone_history.len(),
        2,
        "setting the current zone again changes nothing"
    );
    let corrected = set(Some(apuane), date(2025, 3, 1)).expect("same-day correction");
    assert_eq!(
        corrected.zone_history.len(),
        2,
        "a same-day change corrects, not appends"
    );
    assert_eq!(corrected.zone_history[0].zone_id, apuane, "corrected zone");

    let none = set(None, date(2025, 9, 1)).expect("unassign");
    assert!(none.zone.is_none(), "no zone from the given date");
    assert_eq!(
        none.zone_history[0].valid_to,
        Some(date(2025, 8, 31)),
        "closed the day before"
    );
    let err = set(Some(lunigiana), date(2025, 8, 1)).expect_err("inside a closed period");
    assert!(
        matches!(err, Error::Validation { .. }),
        "overlap with history is rejected"
    );

    let audit = store
        .read(|c| raccordo::audit::recent(c, 50))
        .expect("audit");
    assert!(
        audit.iter().filter(|e| e.entity == "comune_zone").count() >= 4,
        "each change is audited"
    );
}

#[test]
fn set_comune_zone_rejects_a_zone_of_another_asl_and_unknown_ids() {
    let db = TempDb::new();
    let store = db.open();
    let pratese = zone_id(&store, "Pratese");
    let err = store
        .write(|tx| territory::set_comune_zone(tx, AULLA, Some(pratese), date(2025, 1, 1), "t"))
        .expect_err("Aulla (nord-ovest) cannot join Pratese (centro)");
    match err {
        Error::Validation { details, message } => {
            assert_eq!(details[0].field, "zone_id", "the zone field is named");
            assert!(
                message.contains("ASL"),
                "the message explains the ASL rule: {message}"
            );
        }
        other => panic!("expected validation, got {other:?}"),
    }
    let err = store
        .write(|tx| territory::set_comune_zone(tx, AULLA, Some(9999), date(2025, 1, 1), "t"))
        .expect_err("unknown zone");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::NotFound,
        "unknown zone is not_found"
    );
    let err = store
        .write(|tx| territory::set_comune_zone(tx, "000000", None, date(2025, 1, 1), "t"))
        .expect_err("unknown comune");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::NotFound,
        "unknown comune is not_found"
    );
}

#[test]
fn zones_are_confirmed_and_renamed_with_validation() {
    let db = TempDb::new();
    let store = db.open();
    let firenze = zone_id(&store, "Firenze");
    let all = store
        .write(|tx| territory::confirm_zones(tx, &[firenze]))
        .expect("confirm");
    assert_eq!(all.len(), 28, "confirm returns every zone");
    assert_eq!(
        all.iter().filter(|z| z.confirmed).count(),
        1,
        "only the given zone is confirmed"
    );
    let err = store.write(|tx| territory::confirm_zones(tx, &[firenze, 4242]));
    assert!(err.is_err(), "an unknown id fails the call");

    let z = store
        .write(|tx| territory::rename_zone(tx, firenze, "  Firenze città "))
        .expect("rename");
    assert_eq!(z.name, "Firenze città", "the new name is trimmed");
    for bad in ["", "   ", "Pratese", "PRATESE", "Pratése", &"x".repeat(101)] {
        let err = store
            .write(|tx| territory::rename_zone(tx, firenze, bad))
            .expect_err("invalid name");
        match err {
            Error::Validation { details, .. } => {
                assert_eq!(details[0].field, "name", "{bad:?}: the name field is named")
            }
            other => panic!("{bad:?}: expected validation, got {other:?}"),
        }
    }
    let err = store
        .write(|tx| territory::rename_zone(tx, 4242, "Nuova"))
        .expect_err("unknown zone");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::NotFound,
        "unknown zone is not_found"
    );
}

#[test]
fn tree_places_comuni_in_zones_valid_on_the_date() {
    let db = TempDb::new();
    let store = db.open();
    let pratese = zone_id(&store, "Pratese");
    store
        .write(|tx| territory::set_comune_zone(tx, PRATO, Some(pratese), date(2025, 1, 1), "t"))
        .expect("assign Prato");
    let before = store
        .read(|c| territory::tree(c, date(2024, 12, 31)))
        .expect("tree before");
    let after = store
        .read(|c| territory::tree(c, date(2025, 1, 1)))
        .expect("tree after");
    let zone_of = |t: &territory::TerritoryTree| {
        t.asl[1]
            .zones
            .iter()
            .find(|z| z.zone.id == pratese)
            .map(|z| (z.zone.comuni_count, z.comuni.len(), z.zone.population))
    };
    assert_eq!(
        zone_of(&before),
        Some((0, 0, 0)),
        "before valid_from the zone is empty"
    );
    assert_eq!(
        zone_of(&after),
        Some((1, 1, 195_736)),
        "from valid_from Prato is in the zone"
    );
    assert_eq!(
        after.asl[1].unassigned.len(),
        71,
        "Prato leaves the unassigned list"
    );
    let zones = store
        .read(|c| territory::zones(c, date(2025, 1, 1)))
        .expect("zones");
    let z = zones.iter().find(|z| z.id == pratese).expect("Pratese");
    assert_eq!(
        (z.comuni_count, z.population),
        (1, 195_736),
        "zone counts on the date"
    );
}

#[test]
fn profile_is_validated_and_saved() {
    let db = TempDb::new();
    let store = db.open();
    let p = store.read(settings::profile).expect("profile");
    assert!(!p.configured, "not configured on a fresh database");
    let input = |n: &str, o: &str| ProfileInput {
        coordinator_name: n.to_owned(),
        organisation: o.to_owned(),
    };
    let err = store
        .write(|tx| settings::save_profile(tx, &input("  ", &"o".repeat(201))))
        .expect_err("both fields invalid");
    match err {
        Error::Validation { details, .. } => {
            let fields: Vec<_> = details.iter().map(|d| d.field.as_str()).collect();
            assert_eq!(
                fields,
                vec!["coordinator_name", "organisation"],
                "one detail per field"
            );
        }
        other => panic!("expected validation, got {other:?}"),
    }
    let saved = store
        .write(|tx| settings::save_profile(tx, &input(" Anna Rossi ", "ANCI Toscana")))
        .expect("save");
    assert_eq!(saved.coordinator_name, "Anna Rossi", "trimmed");
    assert!(saved.configured, "configured after saving");
    let again = store.read(settings::profile).expect("reload");
    assert_eq!(again, saved, "the saved profile is read back");
}

#[test]
fn demo_fills_labelled_synthetic_membership_and_refuses_real_data() {
    let db = TempDb::new();
    let store = db.open();
    let report = store.write(|tx| demo::generate(tx, 1)).expect("demo");
    assert_eq!(
        report.memberships, 273,
        "every comune gets a synthetic zone"
    );
    assert_eq!(report.zones_confirmed, 28, "the template is confirmed");
    let tree = store
        .read(|c| territory::tree(c, raccordo::time::today_rome()))
        .expect("tree");
    assert!(tree.synthetic_memberships, "the tree flags synthetic data");
    assert!(
        tree.asl.iter().all(|a| a.unassigned.is_empty()),
        "no comune is left unassigned"
    );
    assert!(
        tree.asl
            .iter()
            .flat_map(|a| &a.zones)
            .all(|z| !z.comuni.is_empty()),
        "every zone gets at least one comune"
    );
    let firenze_zone = tree.asl[1]
        .zones
        .iter()
        .find(|z| z.zone.name == "Firenze")
        .expect("zone");
    assert_eq!(
        firenze_zone.comuni.len(),
        1,
        "the Firenze zone is the city alone"
    );
    let d = store
        .read(|c| territory::comune(c, AULLA, raccordo::time::today_rome()))
        .expect("Aulla");
    let m = d.zone.expect("Aulla has a synthetic zone");
    assert!(
        m.synthetic && m.source == "demo (dati sintetici)",
        "clearly labelled: {m:?}"
    );

    let again = store
        .write(|tx| demo::generate(tx, 2))
        .expect("demo again replaces itself");
    assert_eq!(again.memberships, 273, "re-running does not duplicate");

    let other = TempDb::new();
    let real = other.open();
    let lunigiana = zone_id(&real, "Lunigiana");
    real.write(|tx| territory::set_comune_zone(tx, AULLA, Some(lunigiana), date(2025, 1, 1), "t"))
        .expect("a real membership");
    let err = real
        .write(|tx| demo::generate(tx, 1))
        .expect_err("demo over real data");
    assert!(
        matches!(err, Error::Validation { .. }),
        "refused as a validation error: {err:?}"
    );
    let err = store
        .write(|tx| demo::generate(tx, 0))
        .expect_err("scale 0");
    assert!(
        matches!(err, Error::Validation { .. }),
        "scale must be at least 1"
    );
}
