//! Territory types that cross IPC (see docs/ipc-contract.md); field names are the wire names.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One of the three Aziende USL Toscana.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum AslCode {
    #[serde(rename = "nord-ovest")]
    NordOvest,
    #[serde(rename = "centro")]
    Centro,
    #[serde(rename = "sud-est")]
    SudEst,
}

impl AslCode {
    /// All three, in the usual order.
    pub const ALL: [AslCode; 3] = [AslCode::NordOvest, AslCode::Centro, AslCode::SudEst];

    /// The stored and wire code: `nord-ovest`, `centro`, `sud-est`.
    pub fn as_str(self) -> &'static str {
        match self {
            AslCode::NordOvest => "nord-ovest",
            AslCode::Centro => "centro",
            AslCode::SudEst => "sud-est",
        }
    }

    /// Official name, e.g. "Azienda USL Toscana nord-ovest".
    pub fn official_name(self) -> &'static str {
        match self {
            AslCode::NordOvest => "Azienda USL Toscana nord-ovest",
            AslCode::Centro => "Azienda USL Toscana centro",
            AslCode::SudEst => "Azienda USL Toscana sud-est",
        }
    }
}

impl fmt::Display for AslCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AslCode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AslCode::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| format!("unknown ASL code {s:?}"))
    }
}

impl rusqlite::types::FromSql for AslCode {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let s = value.as_str()?;
        s.parse()
            .map_err(|e: String| rusqlite::types::FromSqlError::Other(e.into()))
    }
}

impl rusqlite::types::ToSql for AslCode {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

/// An ASL with its reference totals (all its comuni).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Asl {
    pub code: AslCode,
    pub name: String,
    #[ts(type = "number")]
    pub comuni_count: i64,
    #[ts(type = "number")]
    pub population: i64,
}

/// A zona-distretto; counts are over the membership valid on the date asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Zone {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub asl: AslCode,
    pub confirmed: bool,
    #[ts(type = "number")]
    pub comuni_count: i64,
    #[ts(type = "number")]
    pub population: i64,
}

/// A comune in lists and search results; the zone is the one valid on the date asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ComuneSummary {
    pub istat_code: String,
    pub name: String,
    pub province_abbr: String,
    pub asl: AslCode,
    #[ts(type = "number | null")]
    pub zone_id: Option<i64>,
    pub zone_name: Option<String>,
    #[ts(type = "number")]
    pub population: i64,
}

/// A zone with its comuni.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ZoneNode {
    pub zone: Zone,
    pub comuni: Vec<ComuneSummary>,
}

/// An ASL with its zones and the comuni not in any zone on the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AslNode {
    pub asl: Asl,
    pub zones: Vec<ZoneNode>,
    pub unassigned: Vec<ComuneSummary>,
}

/// ASL → zones → comuni on date `on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TerritoryTree {
    pub on: NaiveDate,
    pub asl: Vec<AslNode>,
    #[ts(type = "number")]
    pub comuni_count: i64,
    #[ts(type = "number")]
    pub population: i64,
    /// Zones of the template not yet confirmed by the user.
    #[ts(type = "number")]
    pub zones_to_confirm: i64,
    /// True when some membership valid on `on` is synthetic (demo) data.
    pub synthetic_memberships: bool,
}

/// A period of membership of a comune in a zone; `valid_to` inclusive, `null` = still valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ZoneMembership {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub zone_id: i64,
    pub zone_name: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub source: String,
    pub synthetic: bool,
}

/// Everything known about one comune; `zone_history` newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ComuneDetail {
    pub istat_code: String,
    pub name: String,
    pub cadastral_code: String,
    pub province_code: String,
    pub province_name: String,
    pub province_abbr: String,
    pub provincial_capital: bool,
    pub nuts3: String,
    pub asl: AslCode,
    pub asl_name: String,
    #[ts(type = "number")]
    pub population: i64,
    #[ts(type = "number")]
    pub population_year: i64,
    pub zone: Option<ZoneMembership>,
    pub zone_history: Vec<ZoneMembership>,
}

pub use crate::interchange::record::RowIssue;

/// Outcome of an import: all rows applied, or none (`applied = false`) when any row was rejected
/// or on a dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub file: String,
    pub dry_run: bool,
    pub rows_read: u32,
    pub rows_ok: u32,
    pub rejected: Vec<RowIssue>,
    pub applied: bool,
}

/// Level of `territory::list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Region,
    Asl,
    Province,
    Zone,
    Comune,
}

/// One row of `territory::list` (used by the CLI; not part of the IPC contract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TerritoryRow {
    pub level: &'static str,
    pub code: String,
    pub name: String,
    /// Code of the enclosing unit: region for ASL and provinces, ASL for zones, province for comuni.
    pub parent: Option<String>,
    pub asl: Option<AslCode>,
    /// Province abbreviation (comuni and provinces).
    pub province: Option<String>,
    /// Zone valid on the date (comuni only).
    pub zone: Option<String>,
    pub population: i64,
    pub comuni_count: i64,
}
