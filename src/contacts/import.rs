//! Application of imported contact records (from `interchange` readers) to the database.
//!
//! Contract of [`apply`]: every record is validated and applied inside a savepoint; if ANY
//! record is rejected, or on a dry run, the savepoint is rolled back and nothing is written (the
//! report still says what each accepted record would do). Per record:
//! - a name or an e-mail is required; e-mails and phones are checked like manual input;
//! - the person is matched by e-mail ignoring case (also against records earlier in the same
//!   file): then missing e-mails, phones, tags, notes and empty names are added and the record is
//!   reported "aggiornato"; otherwise a person is created ("creato");
//! - the organisation is found by folded name, or created (kind guessed from the name, linked to
//!   the `comune` of the record when it names one); with no organisation but a `comune` (name or
//!   ISTAT code), the Comune organisation is used; a `comune` that is not a Tuscan comune rejects
//!   the record;
//! - a role is created when there is a title and an organisation, unless the person already
//!   holds that title there with no end date.
//! - the full-text index is written once at the end (not on a dry run: nothing is kept).
//!   Imported people get data source "importazione contatti" unless they already have one.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;

use super::org::comune_org;
use super::person::{add_email, add_phone, add_tag, clean, insert_clean, write_row};
use super::role::insert_role;
use super::types::{
    ContactImportReport, Email, ImportedRow, OrgKind, PersonInput, Phone, RoleInput,
};
use super::{person, search};
use crate::audit::{self, AuditAction};
use crate::error::{Error, Result};
use crate::interchange::ContactRecord;
use crate::territory::{normalize_istat, ImportReport, RowIssue};
use crate::text;
use crate::time;

/// Data source given to imported people.
pub const IMPORT_SOURCE: &str = "importazione contatti";

/// Applies `records` all-or-nothing (see module contract). `report.file` is left empty for the
/// caller to fill with the file name.
pub fn apply(
    tx: &Transaction,
    records: &[ContactRecord],
    dry_run: bool,
) -> Result<ContactImportReport> {
    // One record runs ~25 distinct cached statements: keep them all prepared (the default cache
    // of 16 would re-prepare most of them for every record).
    tx.set_prepared_statement_cache_capacity(128);
    tx.execute_batch("SAVEPOINT contacts_import")?;
    let mut out = ContactImportReport {
        report: ImportReport {
            file: String::new(),
            dry_run,
            rows_read: u32::try_from(records.len()).unwrap_or(u32::MAX),
            rows_ok: 0,
            rejected: Vec::new(),
            applied: false,
        },
        created: 0,
        updated: 0,
        organisations_created: 0,
        roles_created: 0,
        rows: Vec::new(),
    };
    let mut orgs: HashMap<String, i64> = HashMap::new();
    let mut new_orgs: Vec<i64> = Vec::new();
    for rec in records {
        match apply_one(tx, rec, &mut orgs, &mut new_orgs, &mut out) {
            Ok(row) => {
                out.report.rows_ok += 1;
                out.rows.push(row);
            }
            Err(Error::Validation { message, .. }) => out.report.rejected.push(RowIssue {
                line: rec.source_line,
                message,
            }),
            Err(e) => return Err(e),
        }
    }
    if dry_run || !out.report.rejected.is_empty() {
        tx.execute_batch("ROLLBACK TO contacts_import; RELEASE contacts_import")?;
        return Ok(out);
    }
    let (mut created, mut updated) = (Vec::new(), Vec::new());
    for r in &out.rows {
        if r.outcome == "creato" {
            created.push(r.person_id);
        } else {
            updated.push(r.person_id);
        }
    }
    // A person created by one record and updated by a later one is indexed once, as created.
    let fresh: std::collections::HashSet<i64> = created.iter().copied().collect();
    updated.retain(|id| !fresh.contains(id));
    updated.sort_unstable();
    updated.dedup();
    search::index_batch(tx, &created, &updated, &new_orgs)?;
    tx.execute_batch("RELEASE contacts_import")?;
    out.report.applied = true;
    audit::record(
        tx,
        AuditAction::Import,
        "person",
        None,
        &format!(
            "Importati {} contatti: {} nuovi, {} aggiornati, {} organizzazioni nuove, {} incarichi",
            out.report.rows_ok,
            out.created,
            out.updated,
            out.organisations_created,
            out.roles_created
        ),
        Some(&json!({ "created": out.created, "updated": out.updated })),
    )?;
    Ok(out)
}

fn input_of(rec: &ContactRecord) -> PersonInput {
    PersonInput {
        given_name: rec.given_name.clone(),
        family_name: rec.family_name.clone(),
        honorific: rec.honorific.clone(),
        notes: rec.notes.clone().unwrap_or_default(),
        emails: rec
            .emails
            .iter()
            .enumerate()
            .map(|(i, e)| Email {
                email: e.clone(),
                label: String::new(),
                primary: i == 0,
            })
            .collect(),
        phones: rec
            .phones
            .iter()
            .enumerate()
            .map(|(i, p)| Phone {
                phone: p.clone(),
                label: String::new(),
                primary: i == 0,
            })
            .collect(),
        tags: rec.tags.clone(),
        legal_basis: None,
        data_source: Some(IMPORT_SOURCE.to_owned()),
        retention_until: None,
        restricted: false,
    }
}

fn apply_one(
    tx: &Transaction,
    rec: &ContactRecord,
    orgs: &mut HashMap<String, i64>,
    new_orgs: &mut Vec<i64>,
    out: &mut ContactImportReport,
) -> Result<ImportedRow> {
    let c = clean(&input_of(rec))?;
    let comune = match rec.comune.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(resolve_comune(tx, s)?.ok_or_else(|| {
            Error::invalid(
                "comune",
                format!(
                    "Il comune «{s}» non è un comune toscano: scrivi il nome esatto o il codice \
                     ISTAT (ad esempio 048017)."
                ),
            )
        })?),
    };
    let org_id = match rec.organisation.as_deref().map(str::trim) {
        Some(name) if !text::fold(name).is_empty() => Some(find_or_create_org(
            tx,
            name,
            comune.as_deref(),
            orgs,
            new_orgs,
            out,
        )?),
        _ => match &comune {
            Some(code) => Some(comune_org(tx, code)?),
            None => None,
        },
    };
    if let Some(title) = rec.title.as_deref().map(str::trim) {
        if title.chars().count() > super::NAME_MAX || title.chars().any(char::is_control) {
            return Err(Error::invalid(
                "title",
                format!(
                    "Il titolo dell'incarico è troppo lungo o contiene a capo: al massimo {} \
                     caratteri su una riga.",
                    super::NAME_MAX
                ),
            ));
        }
    }
    let existing = find_by_email(tx, &c.emails)?;
    let (person_id, outcome) = match existing {
        Some(id) => {
            merge_into(tx, id, &c)?;
            out.updated += 1;
            (id, "aggiornato")
        }
        None => {
            out.created += 1;
            (insert_clean(tx, &c)?, "creato")
        }
    };
    if let (Some(org_id), Some(title)) = (org_id, rec.title.as_deref().map(str::trim)) {
        if !text::fold(title).is_empty() {
            let held = tx
                .prepare_cached(
                    "SELECT 1 FROM role WHERE person_id = ?1 AND organisation_id = ?2
                         AND title_folded = ?3 AND valid_to IS NULL",
                )?
                .exists(params![person_id, org_id, text::fold(title)])?;
            if !held {
                let input = RoleInput {
                    person_id,
                    organisation_id: org_id,
                    title: title.to_owned(),
                    valid_from: None,
                    valid_to: None,
                    notes: String::new(),
                };
                insert_role(tx, &input, title, "")?;
                out.roles_created += 1;
            }
        }
    }
    Ok(ImportedRow {
        line: rec.source_line,
        outcome: outcome.to_owned(),
        person_id,
    })
}

/// ISTAT code of a comune given by code (5 or 6 digits) or by name (accents and case ignored).
fn resolve_comune(conn: &Connection, s: &str) -> Result<Option<String>> {
    if let Some(code) = normalize_istat(s) {
        return Ok(conn
            .prepare_cached("SELECT istat_code FROM comune WHERE istat_code = ?1")?
            .query_row([code], |r| r.get(0))
            .optional()?);
    }
    let folded = text::fold(s);
    let folded = folded.strip_prefix("comune di ").unwrap_or(&folded);
    Ok(conn
        .prepare_cached("SELECT istat_code FROM comune WHERE name_folded = ?1")?
        .query_row([folded], |r| r.get(0))
        .optional()?)
}

/// The kind an organisation name suggests.
fn guess_kind(folded: &str) -> OrgKind {
    let has = |w: &str| folded.split(' ').any(|x| x == w);
    if folded.starts_with("comune di ") {
        OrgKind::Comune
    } else if has("unione") {
        OrgKind::Unione
    } else if folded.contains("societa della salute") || has("sds") {
        OrgKind::Sds
    } else if has("prefettura") || has("utg") {
        OrgKind::Prefettura
    } else if folded.contains("azienda usl") || has("asl") || has("usl") {
        OrgKind::Asl
    } else if has("regione") {
        OrgKind::Regione
    } else if has("anci") {
        OrgKind::Anci
    } else if has("cooperativa") || has("coop") || has("consorzio") || has("onlus") {
        OrgKind::EnteGestore
    } else if has("associazione") || has("aps") || has("odv") {
        OrgKind::Associazione
    } else {
        OrgKind::Altro
    }
}

fn find_or_create_org(
    tx: &Transaction,
    name: &str,
    comune: Option<&str>,
    orgs: &mut HashMap<String, i64>,
    new_orgs: &mut Vec<i64>,
    out: &mut ContactImportReport,
) -> Result<i64> {
    let folded = text::fold(name);
    if let Some(id) = orgs.get(&folded) {
        return Ok(*id);
    }
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM organisation WHERE name_folded = ?1 ORDER BY id LIMIT 1")?
        .query_row([&folded], |r| r.get(0))
        .optional()?;
    let id = match found {
        Some(id) => id,
        None => {
            if name.chars().count() > super::NAME_MAX || name.chars().any(char::is_control) {
                return Err(Error::invalid(
                    "organisation",
                    format!(
                        "Il nome dell'organizzazione è troppo lungo o contiene a capo: al massimo \
                         {} caratteri su una riga.",
                        super::NAME_MAX
                    ),
                ));
            }
            let mut kind = guess_kind(&folded);
            if kind == OrgKind::Comune {
                // "Comune di X" names a comune: use (or create) its organisation.
                if let Some(code) = resolve_comune(tx, &folded)? {
                    let id = comune_org(tx, &code)?;
                    orgs.insert(folded, id);
                    return Ok(id);
                }
                kind = OrgKind::Altro;
            }
            let now = time::now_utc();
            tx.prepare_cached(
                "INSERT INTO organisation (kind, name, name_folded, istat_code, created_at,
                     updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            )?
            .execute(params![kind, name, folded, comune, now])?;
            let id = tx.last_insert_rowid();
            new_orgs.push(id);
            out.organisations_created += 1;
            id
        }
    };
    orgs.insert(folded, id);
    Ok(id)
}

fn find_by_email(conn: &Connection, emails: &[Email]) -> Result<Option<i64>> {
    for e in emails {
        let id: Option<i64> = conn
            .prepare_cached(
                "SELECT person_id FROM person_email WHERE email_lower = ?1 ORDER BY person_id
                 LIMIT 1",
            )?
            .query_row([e.email.to_lowercase()], |r| r.get(0))
            .optional()?;
        if id.is_some() {
            return Ok(id);
        }
    }
    Ok(None)
}

/// Adds what the record brings to an existing person.
fn merge_into(tx: &Transaction, id: i64, c: &PersonInput) -> Result<()> {
    let mut p = person(tx, id)?;
    for e in &c.emails {
        add_email(
            tx,
            id,
            &Email {
                primary: false,
                ..e.clone()
            },
        )?;
    }
    for ph in &c.phones {
        add_phone(
            tx,
            id,
            &Phone {
                primary: false,
                ..ph.clone()
            },
        )?;
    }
    for t in &c.tags {
        add_tag(tx, id, t)?;
    }
    let mut changed = false;
    if p.given_name.is_empty() && !c.given_name.is_empty() {
        p.given_name = c.given_name.clone();
        changed = true;
    }
    if p.family_name.is_empty() && !c.family_name.is_empty() {
        p.family_name = c.family_name.clone();
        changed = true;
    }
    if p.honorific.is_none() && c.honorific.is_some() {
        p.honorific = c.honorific.clone();
        changed = true;
    }
    if !c.notes.is_empty() && !p.notes.contains(&c.notes) {
        p.notes = [p.notes.as_str(), c.notes.as_str()]
            .iter()
            .filter(|n| !n.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n\n");
        changed = true;
    }
    if p.data_source.is_none() {
        p.data_source = c.data_source.clone();
        changed = true;
    }
    if changed {
        let input = PersonInput {
            given_name: p.given_name,
            family_name: p.family_name,
            honorific: p.honorific,
            notes: p.notes,
            emails: Vec::new(),
            phones: Vec::new(),
            tags: Vec::new(),
            legal_basis: p.legal_basis,
            data_source: p.data_source,
            retention_until: p.retention_until,
            restricted: p.restricted,
        };
        write_row(tx, Some(id), &input)?;
    }
    Ok(())
}
