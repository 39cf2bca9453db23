//! `person`, `org` and `role` commands: thin callers of `raccordo::contacts`; writes print only
//! after COMMIT.

use std::path::Path;
use std::process::ExitCode;

use raccordo::contacts::{
    self, Email, LegalBasis, PersonFilter, PersonInput, PersonSummary, PersonView, Phone,
    RoleInput, RoleView,
};
use raccordo::{time, Error, Store};

use crate::cli::output::{col, num, yes_no, Format, Out};
use crate::cli::Failure;

mod args;
mod org;
mod org_links;

use args::PersonFields;
pub use args::{OrgCommand, PersonCommand, RoleCommand};
pub use org::org;

type CmdResult = Result<ExitCode, Failure>;

fn date(field: &str, s: Option<&str>) -> Result<Option<chrono::NaiveDate>, Failure> {
    Ok(s.map(|s| time::parse_date(field, s)).transpose()?)
}

fn parse<T: std::str::FromStr<Err = String>>(field: &str, s: &str) -> Result<T, Failure> {
    s.parse::<T>().map_err(|e| {
        Failure::from(Error::invalid(
            field,
            format!("Valore di --{field} non valido: {e}."),
        ))
    })
}

fn apply_fields(input: &mut PersonInput, f: PersonFields) -> Result<(), Failure> {
    if f.honorific.is_some() {
        input.honorific = f.honorific;
    }
    let first = input.emails.is_empty();
    for (i, e) in f.email.into_iter().enumerate() {
        input.emails.push(Email {
            email: e,
            label: String::new(),
            primary: first && i == 0,
        });
    }
    let first = input.phones.is_empty();
    for (i, p) in f.phone.into_iter().enumerate() {
        input.phones.push(Phone {
            phone: p,
            label: String::new(),
            primary: first && i == 0,
        });
    }
    input.tags.extend(f.tag);
    if let Some(n) = f.notes {
        input.notes = n;
    }
    if let Some(b) = f.legal_basis {
        input.legal_basis = Some(parse::<LegalBasis>("legal-basis", &b)?);
    }
    if f.source.is_some() {
        input.data_source = f.source;
    }
    if let Some(d) = date("retention_until", f.retention_until.as_deref())? {
        input.retention_until = Some(d);
    }
    if f.restricted {
        input.restricted = true;
    }
    Ok(())
}

fn input_of(p: &PersonView) -> PersonInput {
    PersonInput {
        given_name: p.given_name.clone(),
        family_name: p.family_name.clone(),
        honorific: p.honorific.clone(),
        notes: p.notes.clone(),
        emails: p.emails.clone(),
        phones: p.phones.clone(),
        tags: p.tags.clone(),
        legal_basis: p.legal_basis,
        data_source: p.data_source.clone(),
        retention_until: p.retention_until,
        restricted: p.restricted,
    }
}

fn name(p: &PersonView) -> String {
    format!("{} {}", p.given_name, p.family_name)
        .trim()
        .to_owned()
}

fn period(r: &RoleView) -> String {
    match (r.valid_from, r.valid_to) {
        (Some(f), Some(t)) => format!("dal {} al {}", time::format_it(f), time::format_it(t)),
        (Some(f), None) => format!("dal {}", time::format_it(f)),
        (None, Some(t)) => format!("fino al {}", time::format_it(t)),
        (None, None) => String::new(),
    }
}

/// "Incarico 7 creato: Sindaco – Comune di Pisa (Mario Rossi) dal 10/06/2024."
fn role_line(verb: &str, r: &RoleView) -> String {
    let p = period(r);
    let p = if p.is_empty() {
        String::new()
    } else {
        format!(" {p}")
    };
    format!(
        "Incarico {} {verb}: {} – {} ({}){p}.",
        r.id, r.title, r.organisation_name, r.person_name
    )
}

fn summaries(out: &mut Out, format: Format, list: &[PersonSummary]) -> Result<(), Failure> {
    if format == Format::Json {
        out.json(list)?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            vec![
                s.id.to_string(),
                s.family_name.clone(),
                s.given_name.clone(),
                s.email.clone().unwrap_or_default(),
                s.phone.clone().unwrap_or_default(),
                s.office.clone().unwrap_or_default(),
            ]
        })
        .collect();
    out.rows(
        format,
        &[
            num("ID"),
            col("Cognome"),
            col("Nome"),
            col("E-mail"),
            col("Telefono"),
            col("Incarico"),
        ],
        &rows,
    )?;
    Ok(())
}

fn roles(out: &mut Out, format: Format, list: &[RoleView]) -> Result<(), Failure> {
    if format == Format::Json {
        out.json(list)?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                r.title.clone(),
                r.organisation_name.clone(),
                r.person_name.clone(),
                period(r),
                if r.current { "in carica" } else { "concluso" }.to_owned(),
            ]
        })
        .collect();
    out.rows(
        format,
        &[
            num("ID"),
            col("Incarico"),
            col("Organizzazione"),
            col("Persona"),
            col("Periodo"),
            col("Stato"),
        ],
        &rows,
    )?;
    Ok(())
}

fn show_person(out: &mut Out, p: &PersonView) -> Result<(), Failure> {
    let join = |v: Vec<String>| v.join(", ");
    out.pairs(&[
        (
            "Persona",
            format!("{} {}", p.honorific.clone().unwrap_or_default(), name(p))
                .trim()
                .to_owned(),
        ),
        ("ID", p.id.to_string()),
        (
            "E-mail",
            join(p.emails.iter().map(|e| e.email.clone()).collect()),
        ),
        (
            "Telefoni",
            join(p.phones.iter().map(|e| e.phone.clone()).collect()),
        ),
        ("Etichette", p.tags.join(", ")),
        ("Note", p.notes.clone()),
        (
            "Base giuridica",
            p.legal_basis
                .map(|b| b.label().to_owned())
                .unwrap_or_default(),
        ),
        ("Fonte dei dati", p.data_source.clone().unwrap_or_default()),
        (
            "Conservare fino al",
            p.retention_until.map(time::format_it).unwrap_or_default(),
        ),
        ("Trattamento limitato", yes_no(p.restricted)),
    ])?;
    if !p.roles.is_empty() {
        out.line("")?;
        roles(out, Format::Table, &p.roles)?;
    }
    Ok(())
}

pub fn person(db: &Path, command: PersonCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    match command {
        PersonCommand::List {
            search,
            org,
            comune,
            tag,
            limit,
            offset,
            format,
        } => {
            let filter = PersonFilter {
                search,
                organisation_id: org,
                istat_code: comune,
                tag,
                on: None,
            };
            let list = store.read(|c| contacts::list_people(c, &filter, limit, offset))?;
            summaries(out, format, &list)?;
        }
        PersonCommand::Show { id, format } => {
            let p = store.read(|c| contacts::person(c, id))?;
            match format {
                Format::Json => out.json(&p)?,
                _ => show_person(out, &p)?,
            }
        }
        PersonCommand::Add {
            given,
            family,
            fields,
        } => {
            let mut input = PersonInput {
                given_name: given,
                family_name: family,
                ..Default::default()
            };
            apply_fields(&mut input, fields)?;
            let p = store.write(|tx| contacts::create_person(tx, &input))?;
            out.line(&format!("Persona {} creata: {}.", p.id, name(&p)))?;
        }
        PersonCommand::Edit {
            id,
            given,
            family,
            fields,
            remove_email,
            remove_phone,
            remove_tag,
            unrestricted,
        } => {
            let mut input = input_of(&store.read(|c| contacts::person(c, id))?);
            if let Some(g) = given {
                input.given_name = g;
            }
            if let Some(f) = family {
                input.family_name = f;
            }
            let norm = contacts::normalize_phone;
            input.emails.retain(|e| {
                !remove_email
                    .iter()
                    .any(|r| r.trim().eq_ignore_ascii_case(&e.email))
            });
            input
                .phones
                .retain(|p| !remove_phone.iter().any(|r| norm(r) == norm(&p.phone)));
            input.tags.retain(|t| !remove_tag.contains(t));
            apply_fields(&mut input, fields)?;
            if unrestricted {
                input.restricted = false;
            }
            let p = store.write(|tx| contacts::update_person(tx, id, &input))?;
            out.line(&format!("Persona {} aggiornata: {}.", p.id, name(&p)))?;
        }
        PersonCommand::Delete { id } => {
            let p = store.write(|tx| contacts::delete_person(tx, id))?;
            out.line(&format!(
                "Eliminata la persona {}: {} ({} e-mail, {} telefoni, {} incarichi).",
                p.id,
                name(&p),
                p.emails.len(),
                p.phones.len(),
                p.roles.len()
            ))?;
        }
        PersonCommand::Duplicates { format } => {
            let groups = store.read(contacts::duplicates)?;
            if format == Format::Json {
                out.json(&groups)?;
                return Ok(ExitCode::SUCCESS);
            }
            let rows: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    vec![
                        match g.reason {
                            contacts::DuplicateReason::Email => "stessa e-mail",
                            contacts::DuplicateReason::Phone => "stesso telefono",
                            contacts::DuplicateReason::Name => "nome simile",
                        }
                        .to_owned(),
                        g.key.clone(),
                        g.people
                            .iter()
                            .map(|p| format!("{} ({} {})", p.id, p.given_name, p.family_name))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ]
                })
                .collect();
            out.rows(
                format,
                &[col("Motivo"), col("Valore"), col("Persone")],
                &rows,
            )?;
        }
        PersonCommand::Merge { keep, remove } => {
            let p = store.write(|tx| contacts::merge(tx, keep, &remove))?;
            out.line(&format!(
                "Unite {} persone in {} ({}): {} e-mail, {} telefoni, {} incarichi.",
                remove.len(),
                p.id,
                name(&p),
                p.emails.len(),
                p.phones.len(),
                p.roles.len()
            ))?;
        }
        PersonCommand::ExportGdpr { id, output, force } => {
            if output.exists() && !force {
                return Err(Error::invalid(
                    "output",
                    format!(
                        "Il file {} esiste già: scegli un altro nome o aggiungi --force.",
                        output.display()
                    ),
                )
                .into());
            }
            contacts::transfer::export_person_file(&store, id, &output)?;
            out.line(&format!(
                "Dati della persona {id} esportati in {}.",
                output.display()
            ))?;
        }
        PersonCommand::Erase { id } => {
            store.write::<()>(|tx| contacts::erase(tx, id))?;
            out.line(&format!(
                "Persona {id} cancellata ovunque (anche dall'indice di ricerca); lo storico la \
                 mostrerà come «partecipante rimosso»."
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn role(db: &Path, command: RoleCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    match command {
        RoleCommand::List {
            person,
            org,
            on,
            format,
        } => {
            let on = date("on", on.as_deref())?;
            let list = store.read(|c| contacts::list_roles(c, person, org, on))?;
            roles(out, format, &list)?;
        }
        RoleCommand::Add {
            person,
            org,
            title,
            from,
            to,
            notes,
        } => {
            let input = RoleInput {
                person_id: person,
                organisation_id: org,
                title,
                valid_from: date("from", from.as_deref())?,
                valid_to: date("to", to.as_deref())?,
                notes,
            };
            let r = store.write(|tx| contacts::add_role(tx, &input))?;
            out.line(&role_line("creato", &r))?;
        }
        RoleCommand::Edit {
            id,
            person,
            org,
            title,
            from,
            to,
            notes,
        } => {
            let from = date("from", from.as_deref())?;
            let to = date("to", to.as_deref())?;
            let r = store.write(|tx| {
                let old = contacts::role(tx, id)?;
                let input = RoleInput {
                    person_id: person.unwrap_or(old.person_id),
                    organisation_id: org.unwrap_or(old.organisation_id),
                    title: title.unwrap_or(old.title),
                    valid_from: from.or(old.valid_from),
                    valid_to: to.or(old.valid_to),
                    notes: notes.unwrap_or(old.notes),
                };
                contacts::update_role(tx, id, &input)
            })?;
            out.line(&role_line("aggiornato", &r))?;
        }
        RoleCommand::End { id, on } => {
            let on = date("on", on.as_deref())?.unwrap_or_else(time::today_rome);
            let r = store.write(|tx| contacts::end_role(tx, id, on))?;
            out.line(&role_line("concluso", &r))?;
        }
        RoleCommand::Delete { id } => {
            let r = store.write(|tx| contacts::delete_role(tx, id))?;
            out.line(&format!(
                "Eliminato l'incarico {}: {} – {} ({}).",
                r.id, r.title, r.organisation_name, r.person_name
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
