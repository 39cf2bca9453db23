// withGlobalTauri is off, as in Raccordo: call the IPC through Tauri's internal bridge.
window.__TAURI_INTERNALS__.invoke('ping');
