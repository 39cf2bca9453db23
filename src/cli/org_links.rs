//! Output helpers of `org members|add-member|zones|add-zone`: the dated member comuni of an
//! Unione dei Comuni and the zones of a Società della Salute.

use chrono::NaiveDate;
use raccordo::contacts::OrgLink;
use raccordo::time;

use super::output::{col, Format, Out};
use super::Failure;

/// `--from` (required) and `--to` (optional), typed gg/mm/aaaa.
pub fn period(from: &str, to: Option<&str>) -> Result<(NaiveDate, Option<NaiveDate>), Failure> {
    let from = time::parse_date("from", from)?;
    let to = to.map(|t| time::parse_date("to", t)).transpose()?;
    Ok((from, to))
}

/// Prints links as a table (code, name, from, to) or JSON.
pub fn print(
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
