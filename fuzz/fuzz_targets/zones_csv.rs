//! Fuzz target: `territory::parse_zone_rows`, then a dry-run `territory::import_zones` of the same bytes.
//! The invariants are in `tests/it/common/fuzz_checks/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| raccordo_fuzz::checks::check_zones_csv(data));
