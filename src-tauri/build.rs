//! Build script: resolves the capabilities against the commands the app defines.
//!
//! Every command in `src/command_names.rs` gets generated `allow-*`/`deny-*` permissions; a
//! command that is not granted in `capabilities/` cannot be called by the window.

include!("src/command_names.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/command_names.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build configuration is invalid: {e:#}"));
}
