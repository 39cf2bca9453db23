//! One function per CLI command; each calls the core and prints the result (after COMMIT for
//! writes).

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use raccordo::territory::{self, ComuneSummary, Level, TerritoryRow};
use raccordo::{demo, paths, settings, time, ProfileInput, Store};

use super::files::import_outcome;
use super::output::{col, num, thousands, yes_no, Format, Out};
use super::safety;
use super::{
    Cli, Command, ComuneCommand, Failure, LevelArg, ProfileCommand, TerritoryCommand, ZoneCommand,
};

type CmdResult = Result<ExitCode, Failure>;

pub fn dispatch(cli: Cli) -> CmdResult {
    let db = match cli.db {
        Some(p) => p,
        None => paths::default_db_path()?,
    };
    let mut out = Out::new();
    let code = match cli.command {
        Command::Init => safety::init(&db, &mut out),
        Command::Check { format } => safety::check(&db, format, &mut out),
        Command::Backup {
            command,
            output,
            force,
            rotate,
            format,
        } => safety::backup_cmd(
            &db,
            command,
            output.as_deref(),
            force,
            rotate,
            format,
            &mut out,
        ),
        Command::Restore { file, format } => safety::restore(&db, &file, format, &mut out),
        Command::Internal { command } => super::crash::run(&db, command),
        Command::Territory { command } => match command {
            TerritoryCommand::List { level, on, format } => {
                territory_list(&db, level, on.as_deref(), format, &mut out)
            }
            TerritoryCommand::ImportZones {
                file,
                valid_from,
                dry_run,
                format,
            } => import_zones(&db, &file, valid_from.as_deref(), dry_run, format, &mut out),
        },
        Command::Zone { command } => zone(&db, command, &mut out),
        Command::Comune { command } => comune(&db, command, &mut out),
        Command::Profile { command } => profile(&db, command, &mut out),
        Command::Demo { scale } => demo_cmd(&db, scale, &mut out),
        Command::Person { command } => super::contacts::person(&db, command, &mut out),
        Command::Org { command } => super::contacts::org(&db, command, &mut out),
        Command::Role { command } => super::contacts::role(&db, command, &mut out),
        Command::Meeting { command } => super::meetings::run(&db, command, &mut out),
        Command::Minutes { command } => super::minutes::run(&db, command, &mut out),
        Command::Action { command } => super::actions::run(&db, command, &mut out),
        Command::Sai { command } => super::sai::run(&db, command, &mut out),
        Command::Import { command } => super::transfer::import(&db, command, &mut out),
        Command::Audit { command } => super::audit::run(&db, command, &mut out),
        Command::Export { command } => super::transfer::export(&db, command, &mut out),
    }?;
    out.flush()?;
    Ok(code)
}

fn date_or_today(field: &str, input: Option<&str>) -> Result<NaiveDate, Failure> {
    match input {
        Some(s) => Ok(time::parse_date(field, s)?),
        None => Ok(time::today_rome()),
    }
}

fn territory_list(
    db: &Path,
    level: LevelArg,
    on: Option<&str>,
    format: Format,
    out: &mut Out,
) -> CmdResult {
    let on = date_or_today("on", on)?;
    let level = match level {
        LevelArg::Region => Level::Region,
        LevelArg::Asl => Level::Asl,
        LevelArg::Province => Level::Province,
        LevelArg::Zone => Level::Zone,
        LevelArg::Comune => Level::Comune,
    };
    let store = Store::open(db)?;
    let rows = store.read(|c| territory::list(c, level, on))?;
    if format == Format::Json {
        out.json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let table = |r: &TerritoryRow, f: Format| -> Vec<String> {
        let pop = if f == Format::Table {
            thousands(r.population)
        } else {
            r.population.to_string()
        };
        vec![
            r.code.clone(),
            r.name.clone(),
            r.parent.clone().unwrap_or_default(),
            r.asl.map(|a| a.to_string()).unwrap_or_default(),
            r.province.clone().unwrap_or_default(),
            r.zone.clone().unwrap_or_default(),
            pop,
            r.comuni_count.to_string(),
        ]
    };
    let cells: Vec<Vec<String>> = rows.iter().map(|r| table(r, format)).collect();
    out.rows(
        format,
        &[
            col("Codice"),
            col("Nome"),
            col("Superiore"),
            col("ASL"),
            col("Provincia"),
            col("Zona"),
            num("Popolazione"),
            num("Comuni"),
        ],
        &cells,
    )?;
    Ok(ExitCode::SUCCESS)
}

fn import_zones(
    db: &Path,
    file: &Path,
    valid_from: Option<&str>,
    dry_run: bool,
    format: Format,
    out: &mut Out,
) -> CmdResult {
    let valid_from = date_or_today("valid_from", valid_from)?;
    // Size-checked before reading (a huge file is refused without being read into memory).
    let bytes = raccordo::interchange::text::read_limited(file)?;
    let label = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string());
    let store = Store::open(db)?;
    if !dry_run {
        safety::pre_import_backup(&store, format, out)?;
    }
    let report =
        store.write(|tx| territory::import_zones(tx, &bytes[..], &label, valid_from, dry_run))?;
    if format == Format::Json {
        out.json(&report)?;
    }
    let applied = format!(
        "Applicato: appartenenze valide dal {}.",
        time::format_it(valid_from)
    );
    import_outcome(out, format, &report, &applied, "il file è valido")
}

fn zone(db: &Path, command: ZoneCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    match command {
        ZoneCommand::List { on, format } => {
            let on = date_or_today("on", on.as_deref())?;
            let zones = store.read(|c| territory::zones(c, on))?;
            if format == Format::Json {
                out.json(&zones)?;
                return Ok(ExitCode::SUCCESS);
            }
            let rows: Vec<Vec<String>> = zones
                .iter()
                .map(|z| {
                    vec![
                        z.id.to_string(),
                        z.name.clone(),
                        z.asl.to_string(),
                        yes_no(z.confirmed),
                        z.comuni_count.to_string(),
                        if format == Format::Table {
                            thousands(z.population)
                        } else {
                            z.population.to_string()
                        },
                    ]
                })
                .collect();
            out.rows(
                format,
                &[
                    num("ID"),
                    col("Zona"),
                    col("ASL"),
                    col("Confermata"),
                    num("Comuni"),
                    num("Popolazione"),
                ],
                &rows,
            )?;
        }
        ZoneCommand::Confirm { ids, all } => {
            let ids = if all {
                store
                    .read(|c| territory::zones(c, time::today_rome()))?
                    .iter()
                    .map(|z| z.id)
                    .collect()
            } else {
                ids
            };
            if ids.is_empty() {
                return Err(Failure::Usage(
                    "indica gli identificativi delle zone da confermare oppure --all".to_owned(),
                ));
            }
            let zones = store.write(|tx| territory::confirm_zones(tx, &ids))?;
            let pending = zones.iter().filter(|z| !z.confirmed).count();
            out.line(&format!(
                "Zone confermate: {}. Ancora da confermare: {pending}.",
                ids.len()
            ))?;
        }
        ZoneCommand::Rename { id, name } => {
            let zone = store.write(|tx| territory::rename_zone(tx, id, &name))?;
            out.line(&format!("Zona {} ora si chiama «{}».", zone.id, zone.name))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn comune(db: &Path, command: ComuneCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    match command {
        ComuneCommand::Show { istat, on, format } => {
            let on = date_or_today("on", on.as_deref())?;
            let d = store.read(|c| territory::comune(c, &istat, on))?;
            if format == Format::Json {
                out.json(&d)?;
                return Ok(ExitCode::SUCCESS);
            }
            let zone = d
                .zone
                .as_ref()
                .map(|m| format!("{} (dal {})", m.zone_name, time::format_it(m.valid_from)))
                .unwrap_or_else(|| "non assegnata".to_owned());
            out.pairs(&[
                ("Comune", d.name.clone()),
                ("Codice ISTAT", d.istat_code.clone()),
                ("Codice catastale", d.cadastral_code.clone()),
                (
                    "Provincia",
                    format!(
                        "{} ({}){}",
                        d.province_name,
                        d.province_abbr,
                        if d.provincial_capital {
                            ", capoluogo"
                        } else {
                            ""
                        }
                    ),
                ),
                ("ASL", d.asl_name.clone()),
                (&format!("Zona al {}", time::format_it(on)), zone),
                (
                    "Popolazione",
                    format!(
                        "{} (1° gennaio {})",
                        thousands(d.population),
                        d.population_year
                    ),
                ),
            ])?;
            if !d.zone_history.is_empty() {
                out.line("")?;
                let rows: Vec<Vec<String>> = d
                    .zone_history
                    .iter()
                    .map(|m| {
                        vec![
                            m.zone_name.clone(),
                            time::format_it(m.valid_from),
                            m.valid_to.map(time::format_it).unwrap_or_default(),
                            if m.synthetic {
                                format!("{} [SINTETICO]", m.source)
                            } else {
                                m.source.clone()
                            },
                        ]
                    })
                    .collect();
                out.rows(
                    Format::Table,
                    &[col("Zona"), col("Dal"), col("Al"), col("Fonte")],
                    &rows,
                )?;
            }
        }
        ComuneCommand::Search {
            query,
            limit,
            format,
        } => {
            let found = store.read(|c| territory::search_comuni(c, &query, limit))?;
            summaries(out, format, &found)?;
        }
        ComuneCommand::SetZone {
            istat,
            zone,
            none: _,
            from,
        } => {
            let from = date_or_today("from", from.as_deref())?;
            let d = store.write(|tx| {
                territory::set_comune_zone(tx, &istat, zone, from, "manuale (riga di comando)")?;
                territory::comune(tx, &istat, from)
            })?;
            out.line(&format!(
                "{} ({}): {} dal {}.",
                d.name,
                d.istat_code,
                d.zone
                    .as_ref()
                    .map(|m| format!("zona «{}»", m.zone_name))
                    .unwrap_or_else(|| "nessuna zona".to_owned()),
                time::format_it(from)
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn summaries(out: &mut Out, format: Format, list: &[ComuneSummary]) -> Result<(), Failure> {
    if format == Format::Json {
        out.json(list)?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            vec![
                s.istat_code.clone(),
                s.name.clone(),
                s.province_abbr.clone(),
                s.asl.to_string(),
                s.zone_name.clone().unwrap_or_default(),
                if format == Format::Table {
                    thousands(s.population)
                } else {
                    s.population.to_string()
                },
            ]
        })
        .collect();
    out.rows(
        format,
        &[
            col("Codice"),
            col("Comune"),
            col("Provincia"),
            col("ASL"),
            col("Zona"),
            num("Popolazione"),
        ],
        &rows,
    )?;
    Ok(())
}

fn profile(db: &Path, command: ProfileCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    match command {
        ProfileCommand::Show { format } => {
            let p = store.read(settings::profile)?;
            match format {
                Format::Json => out.json(&p)?,
                _ => out.pairs(&[
                    ("Coordinatore", p.coordinator_name.clone()),
                    ("Organizzazione", p.organisation.clone()),
                    ("Configurato", yes_no(p.configured)),
                ])?,
            }
        }
        ProfileCommand::Set { name, organisation } => {
            let input = ProfileInput {
                coordinator_name: name,
                organisation,
            };
            let p = store.write(|tx| settings::save_profile(tx, &input))?;
            out.line(&format!(
                "Profilo salvato: {} ({}).",
                p.coordinator_name, p.organisation
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn demo_cmd(db: &Path, scale: u32, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    let report = store.write(|tx| demo::generate(tx, scale))?;
    out.line(&format!(
        "Dati dimostrativi SINTETICI generati (scala {}): {} appartenenze a zone (fonte «{}»), \
         {} zone confermate, {} persone con {} incarichi (fonte «{}»), {} incontri ({} serie \
         periodiche) con {} inviti, {} verbali, {} azioni da seguire, {} schede di ricognizione SAI \
         (fonte «{}»).",
        report.scale,
        report.memberships,
        territory::SYNTHETIC_SOURCE,
        report.zones_confirmed,
        report.people,
        report.roles,
        demo::DEMO_SOURCE,
        report.meetings,
        report.series,
        report.invitations,
        report.minutes,
        report.actions,
        report.sai_records,
        raccordo::demo::sai::DEMO_SOURCE
    ))?;
    Ok(ExitCode::SUCCESS)
}
