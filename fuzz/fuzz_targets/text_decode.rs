//! Fuzz target: `interchange::text::decode` and `read_limited` on arbitrary bytes.
//! The invariants are in `tests/it/common/fuzz_checks/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| raccordo_fuzz::checks::check_text_decode(data));
