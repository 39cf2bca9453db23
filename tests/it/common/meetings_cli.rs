//! Helpers of the `meeting` command tests: running the CLI on a temporary database, JSON output,
//! the one-line error contract, and a Conferenza zonale of the Zona Pisana to start from.

use serde_json::Value;

use super::meetings::pisana;
use super::{cli, TempDb};

/// Runs the CLI; returns (exit code, stdout, stderr).
pub fn run(db: &TempDb, args: &[&str]) -> (i32, String, String) {
    let out = cli(&db.path).args(args).output().expect("run raccordo");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs a command that must succeed; returns stdout.
pub fn ok(db: &TempDb, args: &[&str]) -> String {
    let (code, out, err) = run(db, args);
    assert_eq!(code, 0, "{args:?} must succeed: {err}");
    out
}

/// Runs a command that must succeed with `--format json`.
pub fn json(db: &TempDb, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = ok(db, &all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} prints JSON ({e}): {out}"))
}

/// Runs a command that must fail with `code` and one `errore:` line; returns that line.
pub fn fails(db: &TempDb, args: &[&str], code: i32) -> String {
    let (got, out, err) = run(db, args);
    assert_eq!(got, code, "{args:?} must exit {code}: {err}");
    assert!(out.is_empty(), "{args:?} prints nothing on stdout: {out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{args:?}: one error line, got {err:?}");
    assert!(
        lines[0].starts_with("errore: "),
        "{args:?}: the line starts with «errore: »: {err}"
    );
    lines[0].to_owned()
}

pub fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .map(|a| a.iter().filter_map(|m| m["id"].as_i64()).collect())
        .unwrap_or_default()
}

/// The Zona Pisana with its mayors (see common::meetings::pisana) and a conference on
/// 25/03/2027 10:00 inviting the proposed offices; returns (db, [conti, betti, rossi]).
pub fn conference() -> (TempDb, [i64; 3]) {
    let db = TempDb::new();
    let (_, people) = pisana(&db.open());
    let added = ok(
        &db,
        &[
            "meeting",
            "add",
            "--type",
            "conferenza_zonale",
            "--title",
            "Conferenza zonale: rete SAI",
            "--start",
            "25/03/2027 10:00",
            "--duration",
            "90",
            "--zone",
            "zona pisana",
            "--invite-proposed",
            "--agenda",
            "Approvazione del verbale",
            "--agenda",
            "Avviso per nuovi progetti SAI",
            "--place",
            "Sala consiliare, Pisa",
        ],
    );
    assert!(
        added.starts_with("Incontro 1 creato: «Conferenza zonale: rete SAI»")
            && added.contains("25/03/2027 10:00–11:30")
            && added.contains("Zona Pisana")
            && added.contains("3 invitati"),
        "add prints what was stored, times in Rome: {added}"
    );
    assert!(
        added.contains("1 cariche senza titolare"),
        "the vacant office of San Giuliano Terme is reported: {added}"
    );
    (db, people)
}
