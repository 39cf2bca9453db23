//! `org members|add-member|zones|add-zone`: the dated member comuni of an Unione dei Comuni and
//! the zones of a Società della Salute. Writes print only after COMMIT.

use chrono::NaiveDate;
use raccordo::contacts::{self, OrgLink};
use raccordo::{time, Store};

use crate::cli::output::{col, Format, Out};
use crate::cli::Failure;

fn on_date(on: Option<&str>) -> Result<Option<NaiveDate>, Failure> {
    Ok(on.map(|d| time::parse_date("on", d)).transpose()?)
}

/// `org members ID [--on DATE]`.
pub fn members(
    store: &Store,
    id: i64,
    on: Option<&str>,
    format: Format,
    out: &mut Out,
) -> Result<(), Failure> {
    let on = on_date(on)?;
    let links = store.read(|c| contacts::unione_members(c, id, on))?;
    print(out, format, "Comune", &links)
}

/// `org add-member ID --istat CODE --from DATE [--to DATE]`.
pub fn add_member(
    store: &Store,
    id: i64,
    istat: &str,
    from: &str,
    to: Option<&str>,
    out: &mut Out,
) -> Result<(), Failure> {
    let (from, to) = period(from, to)?;
    let links = store.write(|tx| contacts::add_unione_member(tx, id, istat, from, to))?;
    out.line(&format!(
        "Comune {istat} aggiunto all'Unione {id}: ora {} periodi registrati.",
        links.len()
    ))?;
    Ok(())
}

/// `org zones ID [--on DATE]`.
pub fn zones(
    store: &Store,
    id: i64,
    on: Option<&str>,
    format: Format,
    out: &mut Out,
) -> Result<(), Failure> {
    let on = on_date(on)?;
    let links = store.read(|c| contacts::sds_zones(c, id, on))?;
    print(out, format, "Zona-distretto", &links)
}

/// `org add-zone ID --zone Z --from DATE [--to DATE]`.
pub fn add_zone(
    store: &Store,
    id: i64,
    zone: i64,
    from: &str,
    to: Option<&str>,
    out: &mut Out,
) -> Result<(), Failure> {
    let (from, to) = period(from, to)?;
    let links = store.write(|tx| contacts::add_sds_zone(tx, id, zone, from, to))?;
    out.line(&format!(
        "Zona {zone} assegnata alla SdS {id}: ora {} periodi registrati.",
        links.len()
    ))?;
    Ok(())
}

/// `--from` (required) and `--to` (optional), typed gg/mm/aaaa.
fn period(from: &str, to: Option<&str>) -> Result<(NaiveDate, Option<NaiveDate>), Failure> {
    let from = time::parse_date("from", from)?;
    let to = to.map(|t| time::parse_date("to", t)).transpose()?;
    Ok((from, to))
}

/// Prints links as a table (code, name, from, to) or JSON.
fn print(
    out: &mut Out,
    format: Format,
    what: &'static str,
    links: &[OrgLink],
) -> Result<(), Failure> {
    if format == Format::Json {
        out.json(&links)?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = links
        .iter()
        .map(|l| {
            vec![
                l.code.clone(),
                l.name.clone(),
                time::format_it(l.valid_from),
                l.valid_to
                    .map(time::format_it)
                    .unwrap_or_else(|| "in corso".to_owned()),
            ]
        })
        .collect();
    out.rows(
        format,
        &[col("Codice"), col(what), col("Dal"), col("Al")],
        &rows,
    )?;
    Ok(())
}
