//! Fuzz target: `interchange::ics::read`, reading back what the writer makes of its events, and a
//! dry-run calendar import. The invariants are in `tests/it/common/fuzz_checks/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| raccordo_fuzz::checks::check_ics(data));
