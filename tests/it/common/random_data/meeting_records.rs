//! Random meetings and what hangs on them (follow-up actions, minutes), for [`super::fill`];
//! the same generator and the same rule: inputs the core refuses are skipped.

use raccordo::meetings::{
    self, reminders, AgendaItemInput, Attendance, AttendanceInput, InvitationInput, MeetingInput,
    MeetingKind, MeetingStatus, Scope, ScopeKind,
};
use raccordo::territory::AslCode;
use raccordo::Store;

use super::{line, non_empty, notes, Made, Rng};

/// Random meetings: every kind and scope, invitations of people and offices, agenda items,
/// attendance with delegates, status changes, short series with a removed occurrence.
pub(super) fn fill_meetings(
    store: &Store,
    rng: &mut Rng,
    made: &mut Made,
    zones: &[i64],
    comuni: &[String],
    size: usize,
) -> usize {
    let mut ok = 0;
    let mut count = |r: raccordo::Result<()>| {
        if r.is_ok() {
            ok += 1;
        }
    };
    for _ in 0..size / 2 + 2 {
        let kind = *rng.pick(MeetingKind::ALL);
        let scope_kind = *rng.pick(ScopeKind::ALL);
        let scope = Scope {
            kind: scope_kind,
            asl: Some(*rng.pick(&AslCode::ALL)),
            zone_id: Some(*rng.pick(zones)),
            province: Some(rng.pick(&["050", "048", "052", "PO"]).to_string()),
            unione_org_id: made.unioni.first().copied(),
            comuni: (0..rng.below(3) + 1)
                .map(|_| rng.pick(comuni).clone())
                .collect(),
        };
        let start = rng
            .date()
            .and_hms_opt(rng.below(24) as u32, (rng.below(4) * 15) as u32, 0)
            .unwrap_or_default();
        let invitations = (0..rng.below(5))
            .map(|_| InvitationInput {
                person_id: (!made.people.is_empty() && rng.chance(80))
                    .then(|| *rng.pick(&made.people)),
                organisation_id: (!made.orgs.is_empty() && rng.chance(50))
                    .then(|| *rng.pick(&made.orgs)),
                title: line(rng, 60),
            })
            .collect();
        let agenda = (0..rng.below(4))
            .map(|_| AgendaItemInput {
                title: non_empty(rng, 120),
                presenter: line(rng, 60),
                duration_min: rng.chance(50).then(|| rng.below(180) as u32 + 1),
                notes: notes(rng),
            })
            .collect();
        let input = MeetingInput {
            kind,
            title: non_empty(rng, 150),
            start,
            end: start + chrono::Duration::minutes(rng.below(600) as i64),
            all_day: rng.chance(10),
            place: line(rng, 100),
            link: line(rng, 100),
            status: *rng.pick(MeetingStatus::ALL),
            scope,
            organiser: line(rng, 80),
            description: notes(rng),
            invitations,
            agenda,
            recurrence: rng.chance(15).then(|| {
                rng.pick(&[
                    "FREQ=WEEKLY;COUNT=3",
                    "FREQ=MONTHLY;BYDAY=2TH;COUNT=4",
                    "FREQ=DAILY;COUNT=2",
                ])
                .to_string()
            }),
        };
        count(
            store
                .write(|tx| meetings::create_meeting(tx, &input))
                .map(|m| {
                    made.meetings.push(m.summary.id);
                }),
        );
    }
    for _ in 0..size / 2 + 1 {
        if made.meetings.is_empty() {
            break;
        }
        let id = *rng.pick(&made.meetings);
        let r = match rng.below(4) {
            0 => store
                .write(|tx| {
                    meetings::set_status(tx, id, *rng.pick(MeetingStatus::ALL), &notes(rng))
                })
                .map(drop),
            1 => store.read(|c| meetings::meeting(c, id)).and_then(|m| {
                let Some(inv) = m.invitations.first() else {
                    return Ok(());
                };
                let attendance = *rng.pick(Attendance::ALL);
                let input = AttendanceInput {
                    attendance,
                    delegate_person_id: (attendance == Attendance::Delegated
                        && !made.people.is_empty()
                        && rng.chance(50))
                    .then(|| *rng.pick(&made.people)),
                    delegate_name: non_empty(rng, 60),
                    note: notes(rng),
                };
                store
                    .write(|tx| meetings::set_attendance(tx, inv.id, &input))
                    .map(drop)
            }),
            2 => {
                let start = rng.date().and_hms_opt(9, 30, 0).unwrap_or_default();
                store
                    .write(|tx| meetings::move_meeting(tx, id, start))
                    .map(drop)
            }
            _ => {
                made.meetings.retain(|m| *m != id);
                store.write(|tx| meetings::delete_meeting(tx, id)).map(drop)
            }
        };
        count(r);
    }
    let leads = vec![rng.below(2000) as u32 + 1, 60];
    count(
        store
            .write(|tx| {
                reminders::save_reminder_settings(
                    tx,
                    &reminders::ReminderSettings {
                        leads_minutes: leads,
                    },
                )
            })
            .map(drop),
    );
    ok
}

/// Random follow-up actions: every owner kind, links to meetings, comuni, organisations and
/// people, status changes with notes, bulk changes and their undo, saved filters.
pub(super) fn fill_actions(
    store: &Store,
    rng: &mut Rng,
    made: &mut Made,
    comuni: &[String],
    size: usize,
) -> usize {
    use raccordo::actions::{self, ActionInput, ActionOwner, ActionPriority, ActionStatus};
    let mut ok = 0;
    let mut ids = Vec::new();
    for _ in 0..size / 2 + 2 {
        let owner = match rng.below(3) {
            0 => ActionOwner::None,
            1 => ActionOwner::Coordinator,
            _ if !made.people.is_empty() => ActionOwner::Person {
                person_id: *rng.pick(&made.people),
            },
            _ => ActionOwner::Coordinator,
        };
        let input = ActionInput {
            title: non_empty(rng, 150),
            description: notes(rng),
            owner,
            due: rng.chance(80).then(|| rng.date()),
            priority: *rng.pick(ActionPriority::ALL),
            meeting_id: (!made.meetings.is_empty() && rng.chance(50))
                .then(|| *rng.pick(&made.meetings)),
            agenda_item_id: None,
            comuni: (0..rng.below(3))
                .map(|_| rng.pick(comuni).clone())
                .collect(),
            organisations: (0..rng.below(2))
                .filter(|_| !made.orgs.is_empty())
                .map(|_| *rng.pick(&made.orgs))
                .collect(),
            people: (0..rng.below(3))
                .filter(|_| !made.people.is_empty())
                .map(|_| *rng.pick(&made.people))
                .collect(),
        };
        if let Ok(a) = store.write(|tx| actions::create_action(tx, &input)) {
            ok += 1;
            ids.push(a.id);
        }
    }
    for _ in 0..size / 2 + 1 {
        if ids.is_empty() {
            break;
        }
        let id = *rng.pick(&ids);
        let r = match rng.below(4) {
            0 | 1 => store
                .write(|tx| actions::set_status(tx, id, *rng.pick(ActionStatus::ALL), &notes(rng)))
                .map(drop),
            2 => store
                .write(|tx| {
                    actions::bulk_update(
                        tx,
                        &[id],
                        &actions::BulkChange {
                            status: Some(*rng.pick(ActionStatus::ALL)),
                            due: Some(actions::DueChange {
                                date: Some(rng.date()),
                            }),
                            ..Default::default()
                        },
                    )
                })
                .and_then(|out| store.write(|tx| actions::undo_bulk(tx, &out.prior)))
                .map(drop),
            _ => {
                ids.retain(|a| *a != id);
                store.write(|tx| actions::delete_action(tx, id))
            }
        };
        if r.is_ok() {
            ok += 1;
        }
    }
    if store
        .write(|tx| actions::save_filter(tx, &non_empty(rng, 40), &line(rng, 80)))
        .is_ok()
    {
        ok += 1;
    }
    ok
}

/// Random verbali: drafts with rich text, approvals and revisions (frozen versions).
pub(super) fn fill_minutes(store: &Store, rng: &mut Rng, made: &mut Made) -> usize {
    use raccordo::minutes::{self, MinutesContent, MinutesItem, RichText};
    let mut ok = 0;
    let meetings: Vec<i64> = made
        .meetings
        .iter()
        .copied()
        .filter(|_| rng.chance(50))
        .collect();
    for id in meetings {
        if store.write(|tx| minutes::start(tx, id)).is_err() {
            continue;
        }
        ok += 1;
        let content = MinutesContent {
            place: line(rng, 80),
            chair: line(rng, 60),
            items: (0..rng.below(3))
                .map(|_| MinutesItem {
                    agenda_item_id: None,
                    title: non_empty(rng, 80),
                    discussion: RichText::from_markdown(&notes(rng)),
                    decisions: RichText::from_markdown(&notes(rng)),
                })
                .collect(),
            closing_notes: RichText::paragraph(line(rng, 120)),
            ..Default::default()
        };
        if store
            .write(|tx| minutes::save_draft(tx, id, &content))
            .is_ok()
        {
            ok += 1;
        }
        if rng.chance(60) && store.write(|tx| minutes::approve(tx, id)).is_ok() {
            ok += 1;
            if rng.chance(40)
                && store
                    .write(|tx| minutes::open_revision(tx, id, &non_empty(rng, 60)))
                    .is_ok()
            {
                ok += 1;
            }
        }
    }
    ok
}
