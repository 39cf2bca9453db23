//! `org` commands: thin callers of `raccordo::contacts` for organisations; writes print only
//! after COMMIT.

use std::path::Path;
use std::process::ExitCode;

use raccordo::contacts::{self, OrgInput, OrgKind};
use raccordo::territory::AslCode;
use raccordo::{time, Store};

use super::args::{OrgCommand, OrgLinks};
use super::{date, parse, roles, CmdResult};
use crate::cli::output::{col, num, Format, Out};
use crate::cli::Failure;

fn org_input(
    kind: OrgKind,
    name: String,
    base: Option<OrgInput>,
    l: OrgLinks,
) -> Result<OrgInput, Failure> {
    let mut input = base.unwrap_or(OrgInput {
        kind,
        name: String::new(),
        istat_code: None,
        zone_id: None,
        asl: None,
        province_code: None,
        notes: String::new(),
    });
    input.kind = kind;
    input.name = name;
    if l.istat.is_some() {
        input.istat_code = l.istat;
    }
    if l.zone.is_some() {
        input.zone_id = l.zone;
    }
    if let Some(a) = l.asl {
        input.asl = Some(parse::<AslCode>("asl", &a)?);
    }
    if l.province.is_some() {
        input.province_code = l.province;
    }
    if let Some(n) = l.notes {
        input.notes = n;
    }
    Ok(input)
}

pub fn org(db: &Path, command: OrgCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    match command {
        OrgCommand::List {
            kind,
            search,
            format,
        } => {
            let kind = kind.map(|k| parse::<OrgKind>("kind", &k)).transpose()?;
            let list = store.read(|c| contacts::list_orgs(c, kind, search.as_deref()))?;
            if format == Format::Json {
                out.json(&list)?;
                return Ok(ExitCode::SUCCESS);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|o| {
                    vec![
                        o.id.to_string(),
                        o.kind.label().to_owned(),
                        o.name.clone(),
                        o.istat_code.clone().unwrap_or_default(),
                        o.roles_count.to_string(),
                    ]
                })
                .collect();
            out.rows(
                format,
                &[
                    num("ID"),
                    col("Tipo"),
                    col("Nome"),
                    col("ISTAT"),
                    num("Incarichi"),
                ],
                &rows,
            )?;
        }
        OrgCommand::Show { id, on, format } => {
            let on = date("on", on.as_deref())?.unwrap_or_else(time::today_rome);
            let (o, people) = store.read(|c| {
                Ok((
                    contacts::org(c, id)?,
                    contacts::people_in_office(c, id, on)?,
                ))
            })?;
            if format == Format::Json {
                out.json(&serde_json::json!({ "organisation": o, "in_office": people }))?;
                return Ok(ExitCode::SUCCESS);
            }
            out.pairs(&[
                ("Organizzazione", o.name.clone()),
                ("ID", o.id.to_string()),
                ("Tipo", o.kind.label().to_owned()),
                ("Comune", o.comune_name.clone().unwrap_or_default()),
                ("Zona", o.zone_name.clone().unwrap_or_default()),
                ("ASL", o.asl.map(|a| a.to_string()).unwrap_or_default()),
                ("Provincia", o.province_name.clone().unwrap_or_default()),
                ("Note", o.notes.clone()),
            ])?;
            out.line("")?;
            out.line(&format!("In carica al {}:", time::format_it(on)))?;
            roles(out, Format::Table, &people)?;
        }
        OrgCommand::Add { kind, name, links } => {
            let input = org_input(parse("kind", &kind)?, name, None, links)?;
            let o = store.write(|tx| contacts::create_org(tx, &input))?;
            out.line(&format!(
                "Organizzazione {} creata: {} ({}).",
                o.id,
                o.name,
                o.kind.label()
            ))?;
        }
        OrgCommand::Edit {
            id,
            kind,
            name,
            links,
        } => {
            let kind = kind.map(|k| parse::<OrgKind>("kind", &k)).transpose()?;
            let old = store.read(|c| contacts::org(c, id))?;
            let base = OrgInput {
                kind: old.kind,
                name: old.name.clone(),
                istat_code: old.istat_code.clone(),
                zone_id: old.zone_id,
                asl: old.asl,
                province_code: old.province_code.clone(),
                notes: old.notes.clone(),
            };
            let input = org_input(
                kind.unwrap_or(old.kind),
                name.unwrap_or(old.name),
                Some(base),
                links,
            )?;
            let o = store.write(|tx| contacts::update_org(tx, id, &input))?;
            out.line(&format!("Organizzazione {} aggiornata: {}.", o.id, o.name))?;
        }
        OrgCommand::Delete { id } => {
            let o = store.write(|tx| contacts::delete_org(tx, id))?;
            out.line(&format!("Eliminata l'organizzazione {}: {}.", o.id, o.name))?;
        }
        OrgCommand::Members { id, on, format } => {
            super::org_links::members(&store, id, on.as_deref(), format, out)?
        }
        OrgCommand::AddMember {
            id,
            istat,
            from,
            to,
        } => super::org_links::add_member(&store, id, &istat, &from, to.as_deref(), out)?,
        OrgCommand::Zones { id, on, format } => {
            super::org_links::zones(&store, id, on.as_deref(), format, out)?
        }
        OrgCommand::AddZone { id, zone, from, to } => {
            super::org_links::add_zone(&store, id, zone, &from, to.as_deref(), out)?
        }
    }
    Ok(ExitCode::SUCCESS)
}
