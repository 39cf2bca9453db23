//! The TypeScript bindings in `ui/src/lib/bindings/` must be exactly what ts-rs generates from the
//! Rust types of the IPC contract. `RACCORDO_BLESS=1 cargo test -p raccordo --test it -- bindings::`
//! rewrites them.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use raccordo::actions::{
    ActionCounts, ActionExportFormat, ActionFilter, ActionInput, ActionMeetingRef, ActionOwner,
    ActionPage, ActionPrior, ActionPriority, ActionSort, ActionStatus, ActionStatusChange,
    ActionSummary, ActionView, AslActionCount, BulkChange, BulkOutcome, DueChange, DueWindow,
    LinkRef, SavedFilter,
};
use raccordo::audit::{
    AuditAction, AuditEntry, AuditExportKind, AuditExportOutcome, AuditFilter, AuditPage,
};
use raccordo::backup::request::BackupOverview;
use raccordo::backup::{
    BackupEntry, BackupReason, CheckReport, DbCounts, RestoreReport, RotationReport,
};
use raccordo::contacts::transfer::{
    ContactExportKind, ContactFileKind, ExportOutcome, ImportPick, ImportPreview,
};
use raccordo::contacts::{
    ContactImportReport, DuplicateGroup, DuplicateReason, Email, HitKind, ImportedRow, LegalBasis,
    OrgInput, OrgKind, OrgLink, OrgView, PersonFilter, PersonInput, PersonPage, PersonSummary,
    PersonView, Phone, RoleInput, RoleView, SearchHit,
};
use raccordo::interchange::{ContactField, CsvPreview, TextEncoding};
use raccordo::meetings::calendar::{
    CalendarImportReport, CalendarImportRow, CalendarOutcome, CalendarPick, CalendarSelection,
};
use raccordo::meetings::reminders::{Reminder, ReminderSettings};
use raccordo::meetings::{
    AgendaItem, AgendaItemInput, Attachment, Attendance, AttendanceInput, InvitationInput,
    InvitationView, MeetingConflict, MeetingFilter, MeetingInput, MeetingKind, MeetingStatus,
    MeetingSummary, MeetingView, ProposedInvitee, Scope, ScopeKind, ScopeView, StatusChange,
};
use raccordo::minutes::batch::{
    BatchItem, BatchOutcome, BatchPlan, BatchProgress, BatchSelection, BatchTarget,
};
use raccordo::minutes::{
    Format as MinutesFormat, LogoPick, MinutesContent, MinutesItem, MinutesStatus,
    MinutesVersionInfo, MinutesView,
};
use raccordo::overview::{
    AreaComune, AreaOverview, AreaRef, RecentChange, TimelineEntry, TimelineKind, TimelineTarget,
};
use raccordo::sai::export::SaiExportKind;
use raccordo::sai::{
    SaiChange, SaiComunePage, SaiComuneView, SaiCover, SaiEnte, SaiFactsInput, SaiFilter,
    SaiGroupBy, SaiPlaces, SaiRecord, SaiRow, SaiStatus, SaiStatusChange, SaiStatusCount,
    SaiStatusInput, SaiSummary, SaiSummaryRow,
};
use raccordo::startup::{Recovery, StartupReport};
use raccordo::territory::{
    Asl, AslCode, AslNode, ComuneDetail, ComuneSummary, ImportReport, MapComune, RowIssue,
    TerritoryTree, TuscanyMap, Zone, ZoneMembership, ZoneNode,
};
use raccordo::{ApiError, AppInfo, AppStatus, ErrorKind, FieldError, Profile, ProfileInput};
use ts_rs::{Config, TS};

const REGENERATE: &str = "RACCORDO_BLESS=1 cargo test -p raccordo --test it -- bindings::";

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings")
}

/// Every contract type, exported (with its dependencies) into `dir`, plus `index.ts`.
fn generate(dir: &Path) -> Vec<String> {
    let cfg = Config::new().with_out_dir(dir);
    let mut names = Vec::new();
    macro_rules! export {
        ($($t:ty),* $(,)?) => {$(
            <$t as TS>::export_all(&cfg)
                .unwrap_or_else(|e| panic!("exporting {}: {e}", stringify!($t)));
            names.push(<$t as TS>::name(&cfg));
        )*};
    }
    export!(
        ErrorKind,
        FieldError,
        ApiError,
        AslCode,
        Asl,
        Zone,
        ComuneSummary,
        ZoneNode,
        AslNode,
        TerritoryTree,
        ZoneMembership,
        ComuneDetail,
        Profile,
        ProfileInput,
        RowIssue,
        ImportReport,
        AppStatus,
        AppInfo,
        OrgKind,
        LegalBasis,
        Email,
        Phone,
        PersonInput,
        PersonSummary,
        RoleView,
        PersonView,
        OrgInput,
        OrgView,
        RoleInput,
        OrgLink,
        HitKind,
        SearchHit,
        DuplicateReason,
        DuplicateGroup,
        PersonFilter,
        ImportedRow,
        ContactImportReport,
        BackupReason,
        BackupEntry,
        DbCounts,
        CheckReport,
        RestoreReport,
        RotationReport,
        Recovery,
        StartupReport,
        PersonPage,
        ContactField,
        TextEncoding,
        CsvPreview,
        ContactFileKind,
        ImportPreview,
        ImportPick,
        ContactExportKind,
        ExportOutcome,
        AuditAction,
        AuditEntry,
        AuditFilter,
        AuditPage,
        AuditExportKind,
        AuditExportOutcome,
        BackupOverview,
        MeetingKind,
        MeetingStatus,
        ScopeKind,
        Attendance,
        Scope,
        ScopeView,
        InvitationInput,
        AgendaItemInput,
        MeetingInput,
        InvitationView,
        AttendanceInput,
        AgendaItem,
        StatusChange,
        Attachment,
        MeetingSummary,
        MeetingView,
        MeetingFilter,
        ProposedInvitee,
        MeetingConflict,
        ReminderSettings,
        ActionStatus,
        ActionPriority,
        ActionOwner,
        ActionInput,
        LinkRef,
        ActionMeetingRef,
        ActionStatusChange,
        ActionView,
        ActionSummary,
        ActionSort,
        DueWindow,
        ActionFilter,
        ActionPage,
        ActionCounts,
        ActionExportFormat,
        DueChange,
        BulkChange,
        ActionPrior,
        BulkOutcome,
        SavedFilter,
        AslActionCount,
        TimelineKind,
        TimelineTarget,
        TimelineEntry,
        AreaRef,
        AreaComune,
        AreaOverview,
        RecentChange,
        MinutesStatus,
        MinutesItem,
        MinutesContent,
        MinutesVersionInfo,
        MinutesView,
        MinutesFormat,
        LogoPick,
        BatchSelection,
        BatchTarget,
        BatchItem,
        BatchPlan,
        BatchProgress,
        BatchOutcome,
        Reminder,
        CalendarOutcome,
        CalendarImportRow,
        CalendarImportReport,
        CalendarSelection,
        CalendarPick,
        MapComune,
        TuscanyMap,
        SaiStatus,
        SaiPlaces,
        SaiEnte,
        SaiFactsInput,
        SaiStatusInput,
        SaiStatusChange,
        SaiRecord,
        SaiRow,
        SaiFilter,
        SaiCover,
        SaiComuneView,
        SaiComunePage,
        SaiGroupBy,
        SaiStatusCount,
        SaiSummaryRow,
        SaiSummary,
        SaiChange,
        SaiExportKind,
    );
    names.sort();
    let index: String = names
        .iter()
        .map(|n| format!("export type {{ {n} }} from \"./{n}\";\n"))
        .collect();
    let header = "// Generated by tests/it/bindings.rs from the Rust types of the raccordo crate. \
                  Do not edit.\n";
    fs::write(dir.join("index.ts"), format!("{header}{index}")).expect("write index.ts");
    names
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = fs::read_to_string(e.path()).unwrap_or_default();
            (name, text)
        })
        .collect()
}

#[test]
fn bindings_match_rust_types() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let names = generate(tmp.path());
    let fresh = read_dir(tmp.path());
    assert!(
        fresh.len() > names.len(),
        "every contract type plus index.ts must be generated, got {:?}",
        fresh.keys()
    );
    for (file, text) in &fresh {
        assert!(
            !text.contains("bigint"),
            "{file}: an i64 crosses IPC as bigint; annotate it #[ts(type = \"number\")]"
        );
    }
    let committed_dir = bindings_dir();
    if std::env::var("RACCORDO_BLESS").is_ok_and(|v| v == "1") {
        fs::create_dir_all(&committed_dir).expect("create bindings dir");
        for stale in read_dir(&committed_dir)
            .keys()
            .filter(|f| !fresh.contains_key(*f))
        {
            fs::remove_file(committed_dir.join(stale)).expect("remove stale binding");
        }
        for (file, text) in &fresh {
            fs::write(committed_dir.join(file), text).expect("write binding");
        }
        return;
    }
    let committed = read_dir(&committed_dir);
    for (file, text) in &fresh {
        match committed.get(file) {
            None => panic!("ui/src/lib/bindings/{file} is missing; regenerate with: {REGENERATE}"),
            Some(old) => assert_eq!(
                old, text,
                "ui/src/lib/bindings/{file} has drifted from the Rust types; regenerate with: \
                 {REGENERATE}"
            ),
        }
    }
    for file in committed.keys() {
        assert!(
            fresh.contains_key(file),
            "ui/src/lib/bindings/{file} is not generated by any contract type (stale); \
             regenerate with: {REGENERATE}"
        );
    }
}
