//! The desktop crate's one integration-test binary (one binary per crate keeps link time down).
//!
//! - `security_config`: the capability grants exactly the listed commands, the UI calls each of
//!   them and only `ui/src/lib/ipc.ts` invokes; the window's security settings.
//! - `bindings_commands`: the command list matches the `#[tauri::command]` functions, and
//!   `ui/src/lib/generated/commands.ts` is what the list generates (`RACCORDO_BLESS=1` rewrites
//!   it).

mod bindings_commands;
mod security_config;
