//! The integration tests of the `raccordo` crate, as one test binary (`cargo test -p raccordo
//! --test it`; one area: `cargo test -p raccordo --test it -- crash::`).
//!
//! Contract: each module is one area of the old one-binary-per-file layout; the helpers in
//! [`common`] are compiled once, and an unused helper is a warning (there is no `dead_code`
//! allowance). All tests share this process and run in parallel threads, so no test changes
//! process-global state (environment variables, current directory, umask, resource limits):
//! such settings go to the child processes a test starts (`assert_cmd`, `sh -c 'ulimit …'`),
//! and the database path is always passed explicitly. Fixtures stay in `tests/fixtures/` and are
//! found through `env!("CARGO_MANIFEST_DIR")`.

mod common;

mod actions_cli;
mod actions_core;
mod actions_fast_paths;
mod app;
mod architecture;
mod audit_cli;
mod audit_log;
mod backup_cli;
mod backup_restore;
mod backups_auto;
mod bindings;
mod calendar_cli;
mod calendar_ics;
mod calendar_import;
mod cli;
mod contacts_cli;
mod contacts_core;
mod contacts_import;
mod contacts_search;
mod contacts_transfer;
mod crash;
mod demo_meetings;
mod faults;
mod fuzz_corpus;
mod import_zones;
mod interchange_csv;
mod interchange_limits;
mod interchange_safety;
mod interchange_vcard;
mod meetings_attachments;
mod meetings_cli;
mod meetings_cli_list;
mod meetings_core;
mod meetings_extra_cli;
mod meetings_reminders;
mod migration;
mod minutes_batch;
mod minutes_batch_cli;
mod minutes_core;
mod minutes_render;
mod overview;
mod restore_request;
mod sai_cli;
mod sai_core;
mod sai_report;
mod startup;
mod storage;
mod territory;
mod territory_map;
mod transfer_all;
mod transfer_all_cli;
