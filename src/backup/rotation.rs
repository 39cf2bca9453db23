//! Rotation of the backups folder: which backups to keep.
//!
//! Contract ([`keep`], a pure function over the backups' local times and reasons):
//! - Grandfather-father-son over every backup in the folder, whatever its reason: the newest
//!   backup of each of the `daily` (7) most recent calendar days that have a backup, of each of
//!   the `weekly` (4) most recent ISO weeks and of each of the `monthly` (12) most recent months
//!   (all in Europe/Rome time). Periods without backups (the app was not opened) do not count,
//!   so a long pause never empties the folder.
//! - Never removed: the newest backup, every backup of the current day (so a manual backup never
//!   rotates away today's daily one), and every backup whose reason is not `daily`
//!   (`pre-import`, `pre-restore`, `pre-migration`, `manual`) taken in the last
//!   `protect_days` (30) days or dated in the future (a clock moved back).
//! - Everything else is removed by [`rotate_backups`]. Files that are not named like a backup of
//!   this database are never touched. For a copy that is never rotated, write it outside the
//!   folder (`raccordo backup -o FILE`).

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use chrono_tz::Europe::Rome;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::names::{list, BackupEntry, BackupReason};
use crate::error::{Error, Result};

/// How many backups rotation keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub daily: usize,
    pub weekly: usize,
    pub monthly: usize,
    /// Non-daily backups younger than this many days are always kept.
    pub protect_days: i64,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            daily: 7,
            weekly: 4,
            monthly: 12,
            protect_days: 30,
        }
    }
}

/// What a rotation did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RotationReport {
    /// The backups kept, newest first.
    pub kept: Vec<BackupEntry>,
    /// The backups removed, newest first.
    pub removed: Vec<BackupEntry>,
}

/// For each backup `(local time, reason)`, whether rotation keeps it (see the module contract).
/// `now` is the local (Europe/Rome) time of the rotation. Among equal times the earlier in
/// `backups` counts as the newer.
pub fn keep(
    backups: &[(NaiveDateTime, BackupReason)],
    now: NaiveDateTime,
    policy: &Retention,
) -> Vec<bool> {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    // Newest first; among equal times the earlier in the input first (listings are newest
    // first, so the `-2` of the same second wins).
    order.sort_by(|&a, &b| backups[b].0.cmp(&backups[a].0).then(a.cmp(&b)));
    let mut kept = vec![false; backups.len()];
    if let Some(&newest) = order.first() {
        kept[newest] = true;
    }
    let mut days = HashSet::new();
    let mut weeks = HashSet::new();
    let mut months = HashSet::new();
    for &i in &order {
        let (t, reason) = backups[i];
        let d = t.date();
        let w = d.iso_week();
        if days.len() < policy.daily && days.insert(d) {
            kept[i] = true;
        }
        if weeks.len() < policy.weekly && weeks.insert((w.year(), w.week())) {
            kept[i] = true;
        }
        if months.len() < policy.monthly && months.insert((d.year(), d.month())) {
            kept[i] = true;
        }
        if d >= now.date()
            || (reason != BackupReason::Daily && (now - t).num_days() < policy.protect_days)
        {
            kept[i] = true;
        }
    }
    kept
}

/// Rotates the backups folder of the database at `db_path` now.
pub fn rotate_backups(db_path: &Path) -> Result<RotationReport> {
    rotate_at(db_path, Utc::now(), &Retention::default())
}

/// Rotates the backups folder as of `now` with `policy`.
pub(crate) fn rotate_at(
    db_path: &Path,
    now: DateTime<Utc>,
    policy: &Retention,
) -> Result<RotationReport> {
    let listed = list(db_path)?;
    let times: Vec<(NaiveDateTime, BackupReason)> =
        listed.iter().map(|b| (b.local, b.entry.reason)).collect();
    let verdict = keep(&times, now.with_timezone(&Rome).naive_local(), policy);
    let mut report = RotationReport {
        kept: Vec::new(),
        removed: Vec::new(),
    };
    for (b, keep) in listed.into_iter().zip(verdict) {
        if keep {
            report.kept.push(b.entry);
        } else {
            let path = Path::new(&b.entry.path);
            fs::remove_file(path).map_err(Error::io("eliminazione di un vecchio backup", path))?;
            report.removed.push(b.entry);
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use BackupReason::{Daily, Manual, PreImport};

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap_or_default()
    }

    fn kept_times(b: &[(NaiveDateTime, BackupReason)], now: NaiveDateTime) -> Vec<NaiveDateTime> {
        let k = keep(b, now, &Retention::default());
        let mut v: Vec<NaiveDateTime> = b
            .iter()
            .zip(k)
            .filter(|(_, k)| *k)
            .map(|(x, _)| x.0)
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_year_of_daily_backups_keeps_7_daily_4_weekly_12_monthly() {
        let start = at(2025, 1, 1, 9);
        let b: Vec<_> = (0..400)
            .map(|i| (start + chrono::Duration::days(i), Daily))
            .collect();
        let now = start + chrono::Duration::days(399);
        let kept = kept_times(&b, now);
        // 7 last days; the weeks and months add their newest day when not already a last day.
        let last7: Vec<_> = (393..400)
            .map(|i| start + chrono::Duration::days(i))
            .collect();
        assert!(
            last7.iter().all(|d| kept.contains(d)),
            "the 7 most recent days are kept: {kept:?}"
        );
        assert!(
            kept.len() <= 7 + 4 + 12 && kept.len() >= 12,
            "at most 7+4+12 and at least one per month kept, got {}",
            kept.len()
        );
        let months: HashSet<(i32, u32)> = kept.iter().map(|t| (t.year(), t.month())).collect();
        assert_eq!(months.len(), 12, "12 distinct months: {kept:?}");
        assert!(
            !kept.contains(&start),
            "the oldest daily backup (13+ months old) is removed"
        );
    }

    #[test]
    fn several_backups_a_day_keep_only_the_newest_of_each_day() {
        let b = vec![
            (at(2026, 3, 2, 8), Daily),
            (at(2026, 3, 2, 12), Daily),
            (at(2026, 3, 2, 18), Daily),
        ];
        let k = keep(&b, at(2026, 3, 3, 9), &Retention::default());
        assert_eq!(k, vec![false, false, true], "newest of a past day only");
        let k = keep(&b, at(2026, 3, 2, 19), &Retention::default());
        assert_eq!(
            k,
            vec![true, true, true],
            "every backup of the current day is kept"
        );
    }

    #[test]
    fn recent_non_daily_backups_are_protected_and_old_ones_rotate() {
        let now = at(2026, 6, 30, 12);
        let b = vec![
            (at(2026, 6, 29, 10), Daily), // 1 day old, daily reason: not protected
            (at(2026, 6, 29, 9), PreImport), // 1 day old: protected
            (at(2026, 6, 1, 9), Manual),  // 29 days old: protected
            (at(2026, 5, 31, 8), Manual), // 30 days old: no longer protected
            (at(2026, 5, 30, 8), PreImport), // 31 days old: removed
            (at(2026, 7, 15, 8), PreImport), // in the future: kept (and the newest)
        ];
        let tight = Retention {
            daily: 1,
            weekly: 0,
            monthly: 1,
            protect_days: 30,
        };
        assert_eq!(
            keep(&b, now, &tight),
            vec![false, true, true, false, false, true],
            "non-daily reasons are protected for 30 days, daily ones only by the tiers"
        );
    }

    #[test]
    fn the_newest_is_kept_even_with_an_empty_policy() {
        let none = Retention {
            daily: 0,
            weekly: 0,
            monthly: 0,
            protect_days: 0,
        };
        let b = vec![(at(2020, 1, 1, 1), Daily), (at(2021, 1, 1, 1), Daily)];
        assert_eq!(
            keep(&b, at(2026, 1, 1, 1), &none),
            vec![false, true],
            "the newest backup is never removed"
        );
        assert!(
            keep(&[], at(2026, 1, 1, 1), &none).is_empty(),
            "empty in, empty out"
        );
    }

    #[test]
    fn pauses_do_not_empty_the_folder() {
        // Backups on 3 days, then nothing for 2 years: all three are still kept.
        let b = vec![
            (at(2023, 1, 1, 9), Daily),
            (at(2023, 1, 2, 9), Daily),
            (at(2023, 1, 3, 9), Daily),
        ];
        assert_eq!(
            keep(&b, at(2025, 1, 1, 9), &Retention::default()),
            vec![true, true, true],
            "days count only when they have a backup"
        );
    }
}
