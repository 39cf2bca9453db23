//! Build script: derives the window's permissions and its capability from the command list.
//!
//! `src/commands/list.rs` is the one list of the app's commands (see `src/commands/mod.rs`).
//! It is `include!`d here and expanded into the command names, which
//! - tauri-build turns into generated `allow-*`/`deny-*` permissions, and
//! - this script writes into `capabilities/main.json`, the main window's grants (exactly those
//!   commands, nothing of Tauri core or plugins). The file is committed so that a review sees
//!   what the page may call; it is rewritten only when the list changed, so it cannot drift.

include!("src/commands/list.rs");

/// The commands' IPC names (the function names), in the list's order.
macro_rules! command_names {
    ($($module:ident :: $name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = with_commands!(command_names);

const CAPABILITY: &str = "capabilities/main.json";

/// The capability granting the main window exactly `commands` (JSON, two-space indent).
fn capability(commands: &[&str]) -> String {
    let grants: Vec<String> = commands
        .iter()
        .map(|c| format!("    \"allow-{}\"", c.replace('_', "-")))
        .collect();
    format!(
        "{{\n  \"identifier\": \"main-window\",\n  \"description\": \"The main window may call \
         exactly the Raccordo commands it uses, and nothing of Tauri core or plugins. Generated \
         by build.rs from src/commands/list.rs: do not edit.\",\n  \"windows\": [\n    \
         \"main\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        grants.join(",\n")
    )
}

fn main() {
    println!("cargo:rerun-if-changed=src/commands/list.rs");
    let wanted = capability(COMMANDS);
    if std::fs::read_to_string(CAPABILITY).ok().as_deref() != Some(wanted.as_str()) {
        std::fs::write(CAPABILITY, wanted)
            .unwrap_or_else(|e| panic!("cannot write {CAPABILITY}: {e}"));
    }
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build configuration is invalid: {e:#}"));
}
