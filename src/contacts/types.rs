//! Contact types that cross IPC (see docs/ipc-contract.md); field names are the wire names.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::territory::AslCode;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $wire:literal, $label:literal;)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub enum $name { $(#[serde(rename = $wire)] $variant,)* }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// Stored and wire name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)* }
            }
            /// Italian label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let s = s.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| {
                        let all: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        format!("«{s}» non è ammesso: usa uno tra {}", all.join(", "))
                    })
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                value
                    .as_str()?
                    .parse()
                    .map_err(|e: String| rusqlite::types::FromSqlError::Other(e.into()))
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }
    };
}

pub(crate) use string_enum;

string_enum! {
    /// Kind of organisation.
    OrgKind {
        Comune => "comune", "Comune";
        Unione => "unione", "Unione dei Comuni";
        Sds => "sds", "Società della Salute";
        Zona => "zona", "Zona-distretto";
        Asl => "asl", "Azienda USL";
        Prefettura => "prefettura", "Prefettura - UTG";
        Regione => "regione", "Regione";
        Anci => "anci", "ANCI";
        EnteGestore => "ente_gestore", "Ente gestore";
        Associazione => "associazione", "Associazione";
        Altro => "altro", "Altro";
    }
}

string_enum! {
    /// GDPR legal basis of processing (art. 6 GDPR).
    LegalBasis {
        Consent => "consent", "consenso";
        Contract => "contract", "contratto";
        LegalObligation => "legal_obligation", "obbligo legale";
        VitalInterests => "vital_interests", "interessi vitali";
        PublicTask => "public_task", "compito di interesse pubblico";
        LegitimateInterests => "legitimate_interests", "legittimo interesse";
    }
}

/// An e-mail address of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Email {
    pub email: String,
    pub label: String,
    pub primary: bool,
}

/// A phone number of a person (as written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Phone {
    pub phone: String,
    pub label: String,
    pub primary: bool,
}

/// What the user types to create or edit a person (lists replace the stored ones).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonInput {
    pub given_name: String,
    pub family_name: String,
    pub honorific: Option<String>,
    pub notes: String,
    pub emails: Vec<Email>,
    pub phones: Vec<Phone>,
    pub tags: Vec<String>,
    pub legal_basis: Option<LegalBasis>,
    pub data_source: Option<String>,
    pub retention_until: Option<NaiveDate>,
    pub restricted: bool,
}

/// A person in lists and search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// First current office, e.g. "Sindaco – Comune di Pisa".
    pub office: Option<String>,
    pub restricted: bool,
}

/// A window of a person list and the total matching the filter (the UI virtualises the list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonPage {
    #[ts(type = "number")]
    pub total: i64,
    pub offset: u32,
    pub people: Vec<PersonSummary>,
}

/// An office held (or once held) by a person; `valid_to` inclusive, `null` = still held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoleView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub person_name: String,
    #[ts(type = "number")]
    pub organisation_id: i64,
    pub organisation_name: String,
    pub organisation_kind: OrgKind,
    pub title: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub notes: String,
    /// Held on the date of the query.
    pub current: bool,
}

/// Everything about one person; `roles` current first, then past (newest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonView {
    #[ts(type = "number")]
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub honorific: Option<String>,
    pub notes: String,
    pub emails: Vec<Email>,
    pub phones: Vec<Phone>,
    pub tags: Vec<String>,
    pub legal_basis: Option<LegalBasis>,
    pub data_source: Option<String>,
    pub retention_until: Option<NaiveDate>,
    pub restricted: bool,
    pub created_at: String,
    pub updated_at: String,
    pub roles: Vec<RoleView>,
}

/// What the user types to create or edit an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrgInput {
    pub kind: OrgKind,
    pub name: String,
    pub istat_code: Option<String>,
    #[ts(type = "number | null")]
    pub zone_id: Option<i64>,
    pub asl: Option<AslCode>,
    pub province_code: Option<String>,
    pub notes: String,
}

/// An organisation with the names of the territory it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrgView {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: OrgKind,
    pub name: String,
    pub istat_code: Option<String>,
    pub comune_name: Option<String>,
    #[ts(type = "number | null")]
    pub zone_id: Option<i64>,
    pub zone_name: Option<String>,
    pub asl: Option<AslCode>,
    pub province_code: Option<String>,
    pub province_name: Option<String>,
    pub notes: String,
    /// Roles (current or past) at this organisation.
    #[ts(type = "number")]
    pub roles_count: i64,
}

/// What the user types to create or edit a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoleInput {
    #[ts(type = "number")]
    pub person_id: i64,
    #[ts(type = "number")]
    pub organisation_id: i64,
    pub title: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub notes: String,
}

/// A dated membership of a comune in an Unione, or of a zone in an SdS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrgLink {
    #[ts(type = "number")]
    pub id: i64,
    /// ISTAT code (Unione member) or zone id as text (SdS zone).
    pub code: String,
    pub name: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// Kind of a search hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Person,
    Organisation,
    Role,
}

/// One full-text search result, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub kind: HitKind,
    /// Id of the person, organisation or role.
    #[ts(type = "number")]
    pub id: i64,
    /// Person (for person and role hits).
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    /// Organisation (for organisation and role hits).
    #[ts(type = "number | null")]
    pub organisation_id: Option<i64>,
    pub title: String,
    pub subtitle: String,
}

/// Why people were grouped as possible duplicates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    /// Same e-mail ignoring case.
    Email,
    /// Same phone once spaces, dots and the +39/0039 prefix are removed.
    Phone,
    /// Same given and family name ignoring accents and case, possibly swapped.
    Name,
}

/// People who may be the same person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DuplicateGroup {
    pub reason: DuplicateReason,
    /// The shared value (lower-cased e-mail, normalised phone, folded name).
    pub key: String,
    pub people: Vec<PersonSummary>,
}

/// Filter of person lists and contact exports; empty = everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonFilter {
    /// Full-text query (as-you-type). A single letter or digit lists the people whose family
    /// name starts with it, as a paper address book does (and fast at any size).
    pub search: Option<String>,
    /// People with a role at this organisation on `on`.
    #[ts(type = "number | null")]
    pub organisation_id: Option<i64>,
    /// People in office at this comune's Comune organisation on `on`.
    pub istat_code: Option<String>,
    pub tag: Option<String>,
    /// Reference date of the office filters (default: today, Europe/Rome).
    pub on: Option<NaiveDate>,
}

/// Outcome of one imported record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedRow {
    pub line: u32,
    /// "creato" or "aggiornato".
    pub outcome: String,
    #[ts(type = "number")]
    pub person_id: i64,
}

/// Result of a contacts import: the common report plus what each record did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContactImportReport {
    pub report: crate::territory::ImportReport,
    #[ts(type = "number")]
    pub created: i64,
    #[ts(type = "number")]
    pub updated: i64,
    #[ts(type = "number")]
    pub organisations_created: i64,
    #[ts(type = "number")]
    pub roles_created: i64,
    /// Per accepted record (also on a dry run: what would happen).
    pub rows: Vec<ImportedRow>,
}
