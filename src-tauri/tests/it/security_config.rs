//! The security baseline of the desktop shell, read from its configuration files: a strict
//! CSP, no global Tauri object, no remote content, capabilities that grant exactly the app's own
//! commands (each of them used by the UI) and nothing of Tauri core or plugins, no shell plugin.
//! The app's commands are those of `src/commands/list.rs`, expanded here as in `build.rs`.

use std::collections::BTreeSet;
use std::path::Path;

include!("../../src/commands/list.rs");

macro_rules! command_names {
    ($($module:ident :: $name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

/// The commands' IPC names, expanded from the one list.
const COMMANDS: &[&str] = with_commands!(command_names);

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn json(rel: &str) -> serde_json::Value {
    serde_json::from_str(&read(rel)).unwrap_or_else(|e| panic!("{rel} is not valid JSON: {e}"))
}

#[test]
fn csp_is_strict() {
    let conf = json("tauri.conf.json");
    let csp = &conf["app"]["security"]["csp"];
    assert!(
        csp.is_object(),
        "a CSP must be configured in tauri.conf.json"
    );
    let text = csp.to_string();
    for bad in [
        "unsafe-inline",
        "unsafe-eval",
        "wasm-unsafe-eval",
        "http:",
        "https:",
        "*",
    ] {
        let hits: Vec<_> = csp
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(_, v)| {
                v.as_str().is_some_and(|s| {
                    s.split_whitespace()
                        .any(|t| t.contains(bad) && t != "http://ipc.localhost")
                })
            })
            .map(|(k, _)| k.clone())
            .collect();
        assert!(
            hits.is_empty(),
            "CSP must not allow {bad} (found in {hits:?}): {text}"
        );
    }
    for directive in [
        "default-src",
        "script-src",
        "style-src",
        "object-src",
        "base-uri",
    ] {
        assert!(
            csp.get(directive).is_some(),
            "CSP must set {directive}: {text}"
        );
    }
    assert_eq!(
        csp["script-src"], "'self'",
        "scripts only from the app bundle"
    );
    assert_eq!(csp["object-src"], "'none'", "no plugins/objects");
}

#[test]
fn no_global_tauri_and_no_remote_content() {
    let conf = json("tauri.conf.json");
    assert_eq!(
        conf["app"]["withGlobalTauri"], false,
        "withGlobalTauri must be off: page scripts must not find window.__TAURI__"
    );
    assert!(
        conf["build"].get("devUrl").is_none(),
        "no dev server URL: the app always serves its embedded bundle"
    );
    for w in conf["app"]["windows"].as_array().expect("windows array") {
        assert!(
            w.get("url").is_none(),
            "windows load the bundled index, never a URL: {w}"
        );
    }
    let raw = read("tauri.conf.json");
    assert!(
        !raw.contains("https://") && !raw.contains("http://localhost"),
        "no remote or localhost URL in tauri.conf.json"
    );
}

#[test]
fn capabilities_grant_exactly_the_app_commands() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let mut granted = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("capabilities dir") {
        let path = entry.expect("dir entry").path();
        let cap: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read capability"))
                .expect("capability JSON");
        assert_eq!(
            cap["windows"],
            serde_json::json!(["main"]),
            "{} applies to the main window only",
            path.display()
        );
        assert!(
            cap.get("remote").is_none(),
            "{} must not open IPC to remote origins",
            path.display()
        );
        for p in cap["permissions"].as_array().expect("permissions array") {
            let id = p
                .as_str()
                .unwrap_or_else(|| panic!("permission with scope not expected: {p}"));
            assert!(
                !id.contains(':'),
                "{}: only the app's own commands may be granted, not core or plugin permission {id}",
                path.display()
            );
            granted.insert(id.to_string());
        }
    }
    let expected: BTreeSet<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(
        granted, expected,
        "the capability must grant exactly the commands the app defines"
    );
}

/// `person_get` → `personGet`: the accessor of a command in the generated `commands.ts`.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in name.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// Every `.ts`/`.svelte` file under `dir`, with its text.
fn ui_sources(dir: &Path) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read ui dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "ts" || e == "svelte") {
                let text = std::fs::read_to_string(&path).expect("read source");
                out.push((path, text));
            }
        }
    }
    out
}

/// Whether `text` reaches the backend itself: calls `invoke(` or imports a value (not only
/// types) from `@tauri-apps/api/core`.
fn talks_to_backend(text: &str) -> bool {
    text.contains("invoke(")
        || text.lines().any(|l| {
            let l = l.trim_start();
            l.contains("@tauri-apps/api/core") && !l.starts_with("import type ")
        })
}

/// Whether `text` contains `word` not followed by another identifier character
/// (`commands.actionCount` is not a use of `commands.actionCounts`, nor the reverse).
fn uses(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        !text[at + word.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn every_command_is_called_by_the_ui_and_only_ipc_ts_invokes() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src");
    let api: String = ui_sources(&ui.join("lib/api"))
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    assert!(!api.is_empty(), "ui/src/lib/api/ holds the api modules");
    for c in COMMANDS {
        let accessor = format!("commands.{}", camel(c));
        assert!(
            uses(&api, &accessor),
            "command {c} is granted but no module of ui/src/lib/api/ calls {accessor}: remove \
             it from src/commands/list.rs or use it"
        );
    }
    let offenders: Vec<String> = ui_sources(&ui)
        .into_iter()
        .filter(|(path, text)| {
            !path.ends_with("lib/ipc.ts")
                && !path.to_string_lossy().contains(".test.")
                && talks_to_backend(text)
        })
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "only ui/src/lib/ipc.ts may call invoke; also found in {offenders:?}"
    );
}

#[test]
fn the_backend_check_sees_invoke_and_value_imports_only() {
    // The test of the test above: what it must flag, and what it must let through.
    assert!(talks_to_backend(
        "import { invoke } from '@tauri-apps/api/core';"
    ));
    assert!(talks_to_backend(
        "import { Channel } from \"@tauri-apps/api/core\";"
    ));
    assert!(talks_to_backend("await invoke('app_status')"));
    assert!(!talks_to_backend(
        "import type { Channel } from '@tauri-apps/api/core';"
    ));
    assert_eq!(camel("minutes_open_pdf"), "minutesOpenPdf");
    assert!(uses("call(commands.actionCount, {", "commands.actionCount"));
    assert!(!uses(
        "call(commands.actionCounts, {",
        "commands.actionCount"
    ));
}

#[test]
fn no_shell_plugin_or_global_fs_access() {
    let cargo = read("Cargo.toml");
    for forbidden in ["tauri-plugin-shell", "tauri-plugin-fs", "tauri-plugin-http"] {
        assert!(
            !cargo.contains(forbidden),
            "{forbidden} must not be a dependency of the desktop shell"
        );
    }
    let pkg = read("../ui/package.json");
    for forbidden in [
        "@tauri-apps/plugin-shell",
        "@tauri-apps/plugin-fs",
        "@tauri-apps/plugin-http",
    ] {
        assert!(
            !pkg.contains(forbidden),
            "{forbidden} must not be a UI dependency"
        );
    }
}

/// The signature text of every `#[tauri::command]` function in `src/commands/`.
fn command_signatures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("src/commands") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read command module");
        for chunk in text.split("\n#[tauri::command").skip(1) {
            let start = chunk.find("fn ").expect("a command is a function");
            let end = chunk[start..].find('{').map_or(chunk.len(), |e| start + e);
            let sig = chunk[start..end].to_owned();
            let name = sig[3..].split('(').next().unwrap_or("").trim().to_owned();
            out.push((name, sig));
        }
    }
    out
}

#[test]
fn the_page_never_hands_a_file_path_to_a_command() {
    // A script injected into the page can call any granted command: if one took a path, it
    // could read or overwrite any file the user can. Files are chosen in native dialogs on the
    // Rust side and referred to by opaque tokens or by names checked against a known folder.
    let sigs = command_signatures();
    assert!(
        sigs.len() >= COMMANDS.len(),
        "every registered command was found in src/commands ({} found, {} registered)",
        sigs.len(),
        COMMANDS.len()
    );
    for (name, sig) in &sigs {
        let params = sig.split_once('(').map_or("", |(_, p)| p);
        for forbidden in ["PathBuf", "&Path", "path:", "file:", "dir:", "folder:"] {
            assert!(
                !params.contains(forbidden),
                "command {name} takes `{forbidden}` from the page: {sig}"
            );
        }
    }
}

#[test]
fn notifications_and_opening_files_stay_on_the_rust_side() {
    // Reminders are notified and attachment copies opened by the shell itself: the page must
    // not be able to send notifications or open files, so neither plugin's JS API is installed
    // (and no capability may grant their permissions: see capabilities_grant_exactly_the_app_commands).
    let pkg = read("../ui/package.json");
    for forbidden in [
        "@tauri-apps/plugin-notification",
        "@tauri-apps/plugin-opener",
    ] {
        assert!(
            !pkg.contains(forbidden),
            "{forbidden} must not be a UI dependency: the shell calls it from Rust"
        );
    }
    let cargo = read("Cargo.toml");
    assert!(
        !cargo.contains("tauri-plugin-opener"),
        "attachments open through the `open` crate from Rust; the opener plugin would add JS commands and a link-intercepting script"
    );
}
