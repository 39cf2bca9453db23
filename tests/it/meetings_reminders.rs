//! Reminders: given once per lead and start, the nearest lead only, re-armed by a move, off when
//! the coordinator turns them off, never for cancelled meetings.

use crate::common;

use chrono::{DateTime, TimeZone, Utc};
use common::meetings::{at, input};
use common::TempDb;
use raccordo::meetings::reminders::{self, ReminderSettings};
use raccordo::meetings::{self as m, MeetingKind, MeetingStatus};
use raccordo::Error;

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("valid instant")
}

#[test]
fn reminders_come_once_per_lead_and_again_after_a_move() {
    let db = TempDb::new();
    let store = db.open();
    let mut mi = input(
        MeetingKind::ConferenzaZonale,
        "Conferenza zonale Pisana",
        at(2027, 3, 25, 10, 0),
    );
    mi.place = "Pisa, Palazzo Gambacorti".into();
    let meeting = store
        .write(|tx| m::create_meeting(tx, &mi))
        .expect("create");
    // 10:00 Rome = 09:00 UTC. Two days before: nothing.
    let early = store
        .read(|c| reminders::due_reminders(c, utc(2027, 3, 23, 9, 0)))
        .expect("due");
    assert!(early.is_empty(), "nothing two days before: {early:?}");
    // Opened 30 minutes before: ONE reminder, the one-hour one.
    let due = store
        .read(|c| reminders::due_reminders(c, utc(2027, 3, 25, 8, 30)))
        .expect("due");
    assert_eq!(due.len(), 1, "one reminder, not one per passed lead");
    assert_eq!(due[0].lead_minutes, 60, "the nearest lead");
    assert_eq!(
        due[0].message,
        "Tra 30 minuti: Conferenza zonale Pisana (il 25/03/2027 alle 10:00, Pisa, Palazzo Gambacorti)",
        "Italian message with local time and the time actually left (not the lead)"
    );
    store
        .write(|tx| reminders::mark_reminded(tx, &due[0]))
        .expect("mark");
    let again = store
        .read(|c| reminders::due_reminders(c, utc(2027, 3, 25, 8, 45)))
        .expect("due");
    assert!(
        again.is_empty(),
        "not repeated (also after a restart: it is stored)"
    );
    // Moved to the next day: re-armed, and the day-before reminder is due.
    store
        .write(|tx| m::move_meeting(tx, meeting.summary.id, at(2027, 3, 26, 10, 0)))
        .expect("move");
    let moved = store
        .read(|c| reminders::due_reminders(c, utc(2027, 3, 25, 10, 0)))
        .expect("due");
    assert_eq!(moved.len(), 1, "a moved meeting is announced again");
    assert_eq!(moved[0].lead_minutes, 1440, "one day before");
    assert!(
        moved[0].message.starts_with("Tra 23 ore:"),
        "the day-before reminder tells the 23 hours actually left: {}",
        moved[0].message
    );
    // Cancelled: no reminder.
    store
        .write(|tx| m::set_status(tx, meeting.summary.id, MeetingStatus::Cancelled, ""))
        .expect("cancel");
    let none = store
        .read(|c| reminders::due_reminders(c, utc(2027, 3, 26, 8, 30)))
        .expect("due");
    assert!(none.is_empty(), "no reminder for a cancelled meeting");
}

#[test]
fn settings_are_validated_and_can_turn_reminders_off() {
    let db = TempDb::new();
    let store = db.open();
    let defaults = store.read(reminders::reminder_settings).expect("settings");
    assert_eq!(
        defaults.leads_minutes,
        vec![1440, 60],
        "default: a day and an hour before"
    );
    let bad = store.write(|tx| {
        reminders::save_reminder_settings(
            tx,
            &ReminderSettings {
                leads_minutes: vec![0],
            },
        )
    });
    assert!(
        matches!(bad, Err(Error::Validation { .. })),
        "0 minutes is refused: {bad:?}"
    );
    let saved = store
        .write(|tx| {
            reminders::save_reminder_settings(
                tx,
                &ReminderSettings {
                    leads_minutes: vec![15, 120, 15],
                },
            )
        })
        .expect("save");
    assert_eq!(saved.leads_minutes, vec![120, 15], "sorted, unique");
    store
        .write(|tx| {
            m::create_meeting(
                tx,
                &input(MeetingKind::Altro, "Breve", at(2027, 1, 10, 10, 0)),
            )
        })
        .expect("create");
    store
        .write(|tx| {
            reminders::save_reminder_settings(
                tx,
                &ReminderSettings {
                    leads_minutes: vec![],
                },
            )
        })
        .expect("off");
    let off = store
        .read(|c| reminders::due_reminders(c, utc(2027, 1, 10, 8, 55)))
        .expect("due");
    assert!(off.is_empty(), "reminders off");
    assert_eq!(reminders::lead_label(90), "1 ora e 30 minuti", "label");
    assert_eq!(reminders::lead_label(2880), "2 giorni", "label");
}

#[test]
fn claiming_gives_each_due_reminder_once_and_records_it() {
    let db = TempDb::new();
    let store = db.open();
    for (title, minute) in [("Prima", 0), ("Seconda", 30)] {
        store
            .write(|tx| {
                m::create_meeting(
                    tx,
                    &input(MeetingKind::Altro, title, at(2027, 3, 25, 10, minute)),
                )
            })
            .expect("create");
    }
    // 08:30 UTC = 09:30 Rome: both meetings start within the hour.
    let now = utc(2027, 3, 25, 8, 30);
    let first = reminders::claim_due_reminders(&store, now).expect("claim");
    let titles: Vec<&str> = first.iter().map(|r| r.meeting.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Prima", "Seconda"],
        "both due reminders are claimed, soonest first"
    );
    assert!(
        first.iter().all(|r| r.lead_minutes == 60),
        "the one-hour reminder: {first:?}"
    );
    let again = reminders::claim_due_reminders(&store, now).expect("claim again");
    assert!(
        again.is_empty(),
        "a claimed reminder is recorded and never given twice: {again:?}"
    );
    let unmarked = store
        .read(|c| reminders::due_reminders(c, now))
        .expect("due");
    assert!(
        unmarked.is_empty(),
        "the claim recorded what it gave (due_reminders sees nothing left): {unmarked:?}"
    );
    drop(store);
    let reopened = db.open();
    let after_restart = reminders::claim_due_reminders(&reopened, utc(2027, 3, 25, 8, 45))
        .expect("claim after restart");
    assert!(
        after_restart.is_empty(),
        "recorded in the database: a restart does not repeat them"
    );
}

#[test]
fn a_longer_lead_added_later_does_not_announce_a_meeting_again() {
    let db = TempDb::new();
    let store = db.open();
    store
        .write(|tx| {
            m::create_meeting(
                tx,
                &input(MeetingKind::Altro, "Tavolo", at(2027, 3, 25, 10, 0)),
            )
        })
        .expect("create");
    // 08:20 UTC = 09:20 Rome, 40 minutes before: the one-hour reminder.
    let given = reminders::claim_due_reminders(&store, utc(2027, 3, 25, 8, 20)).expect("claim");
    assert_eq!(given.len(), 1, "announced once");
    assert_eq!(given[0].minutes_left, 40, "40 minutes left");
    store
        .write(|tx| {
            reminders::save_reminder_settings(
                tx,
                &ReminderSettings {
                    leads_minutes: vec![120, 15],
                },
            )
        })
        .expect("save");
    let after = store
        .read(|c| reminders::due_reminders(c, utc(2027, 3, 25, 8, 21)))
        .expect("due");
    assert!(
        after.is_empty(),
        "a two-hour lead added after the one-hour reminder does not repeat it: {after:?}"
    );
    let nearer = store
        .read(|c| reminders::due_reminders(c, utc(2027, 3, 25, 8, 46)))
        .expect("due");
    assert_eq!(
        nearer.iter().map(|r| r.lead_minutes).collect::<Vec<_>>(),
        [15],
        "a nearer lead still reminds"
    );
    assert_eq!(
        nearer[0].message, "Tra 14 minuti: Tavolo (il 25/03/2027 alle 10:00)",
        "the message says the time left"
    );
}

#[test]
fn the_time_left_is_rounded_as_people_say_it() {
    use chrono::Duration;
    let cases = [
        (Duration::seconds(10), 1, "never «0 minuti»"),
        (
            Duration::seconds(59 * 60 + 40),
            60,
            "a reminder given a few seconds late still says 1 ora",
        ),
        (Duration::minutes(100), 100, "to the minute under two hours"),
        (Duration::minutes(124), 120, "to ten minutes under a day"),
        (Duration::minutes(126), 130, "to ten minutes under a day"),
        (
            Duration::seconds(1440 * 60 - 20),
            1440,
            "a day, even 20 s late",
        ),
        (
            Duration::minutes(1440 + 95),
            1440 + 120,
            "to the hour beyond a day",
        ),
    ];
    for (left, want, why) in cases {
        assert_eq!(reminders::minutes_left(left), want, "{left}: {why}");
    }
}
