//! Fuzz target: `interchange::csv_contacts::preview`, then `read` with the suggested and other mappings.
//! The invariants are in `tests/it/common/fuzz_checks/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| raccordo_fuzz::checks::check_csv_contacts(data));
