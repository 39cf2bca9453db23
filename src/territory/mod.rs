//! The territory of Tuscany: region, ASL, provinces, zone-distretto and comuni.
//!
//! Contract:
//! - Reference data (region, 3 ASL, 10 provinces, 273 comuni) comes from the embedded ISTAT CSV
//!   ([`seed`]) and is read-only for the user.
//! - Zones start as an unconfirmed template of 28 names; the user confirms and renames them.
//! - Membership of a comune in a zone is dated (`valid_from`, inclusive `valid_to`, `None` = still
//!   valid), never overlapping, and starts empty: it is set by the user ([`set_comune_zone`]),
//!   imported ([`import_zones`]) or generated as labelled synthetic demo data (`crate::demo`).
//! - Reads take a `&Connection` and a date `on` (memberships valid on that date); writes take a
//!   `&Transaction`, validate everything before changing anything, and record the change in the
//!   audit log.
//! - The map ([`map`]): the comuni's boundaries as SVG paths, computed once from the embedded
//!   GeoJSON.

mod edit;
mod import;
pub mod map;
mod query;
pub mod seed;
mod types;

use chrono::NaiveDate;

pub use edit::{confirm_zones, rename_zone, set_comune_zone, SYNTHETIC_SOURCE};
pub use import::{import_zones, parse_zone_rows, ZoneRow, MAX_ZONE_ROWS};
pub use map::{tuscany_map, MapComune, TuscanyMap};
pub use query::{asl_list, comune, list, search_comuni, tree, zone, zones};
pub use types::*;

pub(crate) use edit::{apply_plan, comune_info, plan_change, record_change, Plan};

/// ISO `YYYY-MM-DD` form of a date, as stored.
pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A user-typed ISTAT code as stored: 6 digits; a 5-digit code gets its leading zero back
/// (spreadsheets drop it). `None` if it cannot be an ISTAT code.
pub fn normalize_istat(s: &str) -> Option<String> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match s.len() {
        6 => Some(s.to_owned()),
        5 => Some(format!("0{s}")),
        _ => None,
    }
}

impl std::str::FromStr for Level {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "region" | "regione" => Ok(Level::Region),
            "asl" => Ok(Level::Asl),
            "province" | "provincia" => Ok(Level::Province),
            "zone" | "zona" => Ok(Level::Zone),
            "comune" => Ok(Level::Comune),
            _ => Err(crate::error::Error::invalid(
                "level",
                format!("Livello «{s}» sconosciuto: usa region, asl, province, zone o comune."),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn istat_codes_are_normalised() {
        assert_eq!(
            normalize_istat(" 048017 ").as_deref(),
            Some("048017"),
            "trimmed"
        );
        assert_eq!(
            normalize_istat("48017").as_deref(),
            Some("048017"),
            "leading zero restored"
        );
        assert_eq!(normalize_istat("4801"), None, "too short");
        assert_eq!(normalize_istat("04801x"), None, "not digits");
    }
}
