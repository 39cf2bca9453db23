//! A bare Tauri 2 window, the baseline of `scripts/measure-startup.sh`: the page makes one IPC
//! call on load and the process prints the same timing line as Raccordo
//! (`raccordo-timing first_ipc_unix_ms=…`), so both are measured the same way on the same machine.

use std::time::{SystemTime, UNIX_EPOCH};

#[tauri::command]
fn ping() {
    let wall_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    eprintln!("raccordo-timing first_ipc_unix_ms={wall_ms}");
}

fn main() {
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ping])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("bare-tauri: {e}");
        std::process::exit(1);
    }
}
