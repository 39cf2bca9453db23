//! Fuzz target: `interchange::vcard::read`, and reading back what the writer makes of its records.
//! The invariants are in `tests/it/common/fuzz_checks/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| raccordo_fuzz::checks::check_vcard(data));
