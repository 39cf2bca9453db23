//! Build script of the bare reference window: one command, granted to its window.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&["ping"])),
    )
    .unwrap_or_else(|e| panic!("tauri build configuration is invalid: {e:#}"));
}
