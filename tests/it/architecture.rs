//! Architecture rules of the core crate, checked on its source tree (`src/`).
//!
//! Contract:
//! - The top-level modules of `src/` (each `src/X.rs` or `src/X/`, `lib.rs`/`main.rs` excluded)
//!   form a graph without cycles. An edge `X → Y` is any path in a file of `X` that resolves to
//!   `crate::Y…`: `crate::` paths, `super::` paths resolved from the file's module, grouped `use`
//!   trees, and crate-root re-exports (`crate::Store` is `db`, through `lib.rs`'s `pub use`).
//!   Comments and string literals are ignored. A cycle is reported with every edge inside it and
//!   the file and line of each reference that makes the edge.
//! - The submodules of each module of [`ACYCLIC_INSIDE`] (for `cli`, each `src/cli/X.rs` or
//!   `src/cli/X/`) form a graph without cycles, checked the same way one level down; the CLI's
//!   shared file helpers (`refuse_overwrite`) are defined in one module only.
//! - `interchange` uses no module outside [`INTERCHANGE_MAY_USE`] (no domain module).
//! - No `#[path]` attribute in `src/`.
//!
//! The checker is tested on synthetic trees (a cycle must be reported, an acyclic tree must not).
//! Self-contained on purpose: it uses none of the shared test helpers.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The only modules `interchange` (file formats, independent of the database and of the
/// domain) may use: neutral helpers.
const INTERCHANGE_MAY_USE: [&str; 3] = ["error", "text", "time"];

/// Modules whose own submodules (files and folders one level down) must not form a cycle
/// either: the CLI's command folders, the file formats, storage and the backup policy.
const ACYCLIC_INSIDE: [&str; 4] = ["cli", "interchange", "db", "backup"];

/// Where one edge comes from: `file:line`.
type Evidence = Vec<String>;
/// `from → to → evidence`, for the modules one level below `root`.
type Graph = BTreeMap<String, BTreeMap<String, Evidence>>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.map(|e| e.path()).unwrap_or_else(|e| panic!("entry: {e}")))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file below `src` (`interchange/ics/mod.rs` → `[interchange, ics]`).
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if !matches!(stem, "mod" | "lib" | "main") {
            parts.push(stem.to_owned());
        }
    }
    parts
}

/// The code with comments, string and character literals blanked (newlines kept).
fn code_only(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !ident_char(b.get(i.wrapping_sub(1)))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            let rest: String = b[j + 1..].iter().collect();
            let len = rest.find(&close).map_or(rest.len(), |k| k + close.len());
            for ch in b[i..(j + 1 + len).min(b.len())].iter() {
                out.push(blank(*ch));
            }
            i = j + 1 + len;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < b.len() && b[i] != '"' {
                let step = if b[i] == '\\' { 2 } else { 1 };
                for ch in b[i..(i + step).min(b.len())].iter() {
                    out.push(blank(*ch));
                }
                i += step;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && char_literal_len(&b[i..]).is_some() {
            let n = char_literal_len(&b[i..]).unwrap_or(1);
            out.push_str(&" ".repeat(n));
            i += n;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Length of a character literal starting at `b[0] == '\''` (`'x'`, `'\n'`, `'\u{1F600}'`), or
/// `None` for a lifetime.
fn char_literal_len(b: &[char]) -> Option<usize> {
    if b.get(1) == Some(&'\\') {
        let end = b.iter().skip(2).position(|c| *c == '\'')?;
        return Some(end + 3);
    }
    (b.get(2) == Some(&'\'')).then_some(3)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Path,
    Open,
    Close,
    Comma,
    Other,
}

fn tokens(code: &str) -> Vec<(Tok, usize)> {
    let b: Vec<char> = code.chars().collect();
    let (mut out, mut line, mut i) = (Vec::new(), 1, 0);
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
        }
        if c.is_alphanumeric() || c == '_' || c == '$' {
            let start = i;
            while i < b.len() && (b[i].is_alphanumeric() || b[i] == '_' || b[i] == '$') {
                i += 1;
            }
            let word: String = b[start..i].iter().collect();
            out.push((Tok::Ident(word.trim_start_matches('$').to_owned()), line));
            continue;
        }
        let tok = match c {
            ':' if b.get(i + 1) == Some(&':') => {
                i += 1;
                Tok::Path
            }
            '{' => Tok::Open,
            '}' => Tok::Close,
            ',' => Tok::Comma,
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            _ => Tok::Other,
        };
        out.push((tok, line));
        i += 1;
    }
    out
}

/// Every absolute module path (`crate::a::b…`) a file in `module` names, with its line.
fn references(code: &str, module: &[String]) -> Vec<(Vec<String>, usize)> {
    let toks = tokens(code);
    let mut out = Vec::new();
    for (k, (tok, line)) in toks.iter().enumerate() {
        let Tok::Ident(word) = tok else { continue };
        let starts = matches!(word.as_str(), "crate" | "super" | "self");
        let after_path = k > 0 && toks[k - 1].0 == Tok::Path;
        if !starts || after_path || toks.get(k + 1).map(|t| &t.0) != Some(&Tok::Path) {
            continue;
        }
        let mut base: Vec<String> = match word.as_str() {
            "crate" => Vec::new(),
            "super" => module[..module.len().saturating_sub(1)].to_vec(),
            _ => module.to_vec(),
        };
        let mut j = k + 1;
        while toks.get(j).map(|t| &t.0) == Some(&Tok::Path)
            && toks.get(j + 1).map(|t| &t.0) == Some(&Tok::Ident("super".to_owned()))
        {
            base.pop();
            j += 2;
        }
        tree(&toks, j, base, *line, &mut out);
    }
    out
}

/// Reads a path tree after `::` at `toks[j]` (`a::b`, `{a, b::{c}}`, `*`) below `base`.
fn tree(
    toks: &[(Tok, usize)],
    j: usize,
    base: Vec<String>,
    line: usize,
    out: &mut Vec<(Vec<String>, usize)>,
) -> usize {
    let mut j = j;
    let mut path = base;
    loop {
        if toks.get(j).map(|t| &t.0) != Some(&Tok::Path) {
            out.push((path, line));
            return j;
        }
        match toks.get(j + 1) {
            Some((Tok::Ident(seg), _)) => {
                if seg != "self" {
                    path.push(seg.clone());
                }
                j += 2;
            }
            Some((Tok::Open, _)) => {
                j += 2;
                loop {
                    match toks.get(j) {
                        Some((Tok::Ident(seg), l)) => {
                            let mut p = path.clone();
                            if seg != "self" {
                                p.push(seg.clone());
                            }
                            j = tree(toks, j + 1, p, *l, out);
                            while !matches!(
                                toks.get(j).map(|t| &t.0),
                                None | Some(Tok::Comma | Tok::Close)
                            ) {
                                j += 1; // `as alias`, `*`
                            }
                        }
                        Some((Tok::Comma, _)) => j += 1,
                        Some((Tok::Close, _)) | None => return j + 1,
                        Some(_) => {
                            out.push((path.clone(), line)); // `*`
                            j += 1;
                        }
                    }
                }
            }
            _ => {
                out.push((path, line)); // `*` or a macro
                return j + 1;
            }
        }
    }
}

/// Names re-exported at the crate root (`pub use db::{Store, …}` in `lib.rs`) → their module.
fn root_reexports(root: &Path) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let Ok(lib) = fs::read_to_string(root.join("lib.rs")) else {
        return map;
    };
    let code = code_only(&lib);
    for stmt in code.split(';') {
        let Some(rest) = stmt.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module = rest.split("::").next().unwrap_or("").trim().to_owned();
        let names = rest[module.len()..].replace(['{', '}'], ",");
        for name in names
            .split(&[',', ':'][..])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let alias = name.rsplit(" as ").next().unwrap_or(name).trim();
            map.insert(alias.to_owned(), module.clone());
        }
    }
    map
}

/// The graph of the modules one level below `scope` (`[]` for the top-level modules of the
/// crate, `["cli"]` for the command folders), from the files below `root/scope`.
fn graph(root: &Path, scope: &[&str]) -> Graph {
    let reexports = root_reexports(root);
    let mut files = Vec::new();
    rust_files(&root.join(scope.join("/")), &mut files);
    let mut g: Graph = BTreeMap::new();
    let depth = scope.len();
    let nodes: BTreeSet<String> = files
        .iter()
        .filter_map(|f| module_of(f.strip_prefix(root).ok()?).get(depth).cloned())
        .collect();
    for f in &files {
        let rel = f.strip_prefix(root).unwrap_or(f);
        let module = module_of(rel);
        let Some(from) = module.get(depth).cloned() else {
            continue;
        };
        g.entry(from.clone()).or_default();
        let text = fs::read_to_string(f).unwrap_or_else(|e| panic!("read {}: {e}", f.display()));
        for (mut path, line) in references(&code_only(&text), &module) {
            if depth == 0 && path.len() == 1 {
                if let Some(m) = reexports.get(&path[0]) {
                    path = vec![m.clone()];
                }
            }
            if path.len() <= depth
                || path[..depth]
                    .iter()
                    .map(String::as_str)
                    .ne(scope.iter().copied())
            {
                continue;
            }
            let to = &path[depth];
            if *to != from && nodes.contains(to) {
                let at = format!("{}:{line}", rel.display());
                let ev = g
                    .entry(from.clone())
                    .or_default()
                    .entry(to.clone())
                    .or_default();
                if !ev.contains(&at) {
                    ev.push(at);
                }
            }
        }
    }
    g
}

/// Every cycle of `g` (one per strongly connected component of two or more modules), described
/// with a cycle through it and every edge inside it with the references that make it.
fn cycles(g: &Graph) -> Vec<String> {
    let nodes: Vec<&String> = g.keys().collect();
    let reach = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(n) = stack.pop() {
            for to in g.get(&n).into_iter().flat_map(|e| e.keys()) {
                if seen.insert(to.clone()) {
                    stack.push(to.clone());
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&String, BTreeSet<String>> =
        nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in &nodes {
        if done.contains(*n) || !reachable[n].contains(*n) {
            continue;
        }
        let scc: BTreeSet<String> = reachable[n]
            .iter()
            .filter(|m| reachable.get(m).is_some_and(|r| r.contains(*n)))
            .cloned()
            .collect();
        done.extend(scc.iter().cloned());
        let mut report = format!(
            "cycle among {{{}}}:",
            scc.iter().cloned().collect::<Vec<_>>().join(", ")
        );
        for from in &scc {
            for (to, ev) in g[from].iter().filter(|(to, _)| scc.contains(*to)) {
                report.push_str(&format!("\n  {from} -> {to}: {}", ev.join(", ")));
            }
        }
        out.push(report);
    }
    out
}

#[test]
fn top_level_core_modules_have_no_cycles() {
    let g = graph(&src(), &[]);
    assert!(
        g.contains_key("db") && g.contains_key("interchange"),
        "the checker must see the crate's modules: {:?}",
        g.keys()
    );
    let found = cycles(&g);
    assert!(
        found.is_empty(),
        "module cycles in src/ (move the shared piece to the lower module):\n{}",
        found.join("\n")
    );
}

#[test]
fn submodules_have_no_cycles_and_the_cli_shares_one_file_helper_module() {
    for module in ACYCLIC_INSIDE {
        let found = cycles(&graph(&src(), &[module]));
        assert!(
            found.is_empty(),
            "cycles between the submodules of src/{module}/:\n{}",
            found.join("\n")
        );
    }
    let g = graph(&src(), &["cli"]);
    assert!(
        g.contains_key("transfer") && g.contains_key("files"),
        "the checker must see the command folders: {:?}",
        g.keys()
    );
    let mut files = Vec::new();
    rust_files(&src().join("cli"), &mut files);
    let defining: Vec<String> = files
        .iter()
        .filter(|f| {
            fs::read_to_string(f).is_ok_and(|t| code_only(&t).contains("fn refuse_overwrite("))
        })
        .map(|f| f.display().to_string())
        .collect();
    assert_eq!(
        defining.len(),
        1,
        "`refuse_overwrite` must be defined once (cli/files.rs): {defining:?}"
    );
}

#[test]
fn interchange_uses_only_neutral_modules() {
    let g = graph(&src(), &[]);
    let uses = g.get("interchange").cloned().unwrap_or_default();
    let bad: Vec<String> = uses
        .iter()
        .filter(|(to, _)| !INTERCHANGE_MAY_USE.contains(&to.as_str()))
        .map(|(to, ev)| format!("interchange -> {to}: {}", ev.join(", ")))
        .collect();
    assert!(
        bad.is_empty(),
        "interchange may use only {INTERCHANGE_MAY_USE:?}:\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_path_attributes_in_src() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let with: Vec<String> = files
        .iter()
        .filter(|f| fs::read_to_string(f).is_ok_and(|t| code_only(&t).contains("#[path")))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        with.is_empty(),
        "modules are wired by the folder tree, not #[path]: {with:?}"
    );
}

/// Writes a synthetic crate: `files` as (path below src, content).
fn synthetic(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    for (path, text) in files {
        let p = dir.path().join(path);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
    }
    dir
}

#[test]
fn checker_reports_a_cycle_with_its_files_and_lines() {
    let dir = synthetic(&[
        ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\npub use b::Thing;\n"),
        ("a.rs", "//! A.\n\nuse crate::Thing;\n"),
        ("b/mod.rs", "pub mod inner;\npub struct Thing;\n"),
        ("b/inner.rs", "// crate::c in a comment\nconst S: &str = \"crate::c\";\n\nfn f() { super::super::a::g(); }\n"),
        ("c.rs", "use crate::{a, b::Thing};\n"),
    ]);
    let g = graph(dir.path(), &[]);
    assert!(
        !g["b"].contains_key("c"),
        "comments and strings are not references: {g:?}"
    );
    let found = cycles(&g);
    assert_eq!(found.len(), 1, "exactly the cycle a <-> b: {found:?}");
    let report = &found[0];
    assert!(report.starts_with("cycle among {a, b}:"), "{report}");
    assert!(
        report.contains("a -> b: a.rs:3"),
        "the root re-export resolves to b: {report}"
    );
    assert!(
        report.contains("b -> a: b/inner.rs:4"),
        "super::super resolves to a: {report}"
    );
    assert!(!report.contains("c ->"), "c is outside the cycle: {report}");
}

#[test]
fn checker_finds_no_cycle_in_an_acyclic_tree_and_sees_grouped_uses() {
    let dir = synthetic(&[
        ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\n"),
        (
            "a/mod.rs",
            "mod x;\nuse crate::{b::{self, Y}, c::Z as W};\n",
        ),
        (
            "a/x.rs",
            "use super::super::c::*;\nfn f<'a>(s: &'a str) -> char { '{' }\n",
        ),
        ("b.rs", "pub struct Y;\nfn g() { crate::c::h(); }\n"),
        ("c.rs", "pub fn h() {}\n"),
    ]);
    let g = graph(dir.path(), &[]);
    assert_eq!(cycles(&g), Vec::<String>::new(), "a -> b -> c has no cycle");
    let a: Vec<&String> = g["a"].keys().collect();
    assert_eq!(a, ["b", "c"], "grouped and glob uses are edges: {g:?}");
    assert_eq!(
        g["b"].keys().collect::<Vec<_>>(),
        ["c"],
        "paths in code are edges"
    );
}

#[test]
fn checker_of_a_subfolder_reports_its_cycles() {
    let dir = synthetic(&[
        ("main.rs", "mod cli;\n"),
        ("cli/mod.rs", "mod one;\nmod two;\n"),
        ("cli/one/mod.rs", "mod args;\nuse crate::cli::two::run;\n"),
        ("cli/one/args.rs", "use super::super::two::Args;\n"),
        ("cli/two.rs", "use super::one::helper;\n"),
    ]);
    let found = cycles(&graph(dir.path(), &["cli"]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("one -> two: cli/one/args.rs:1, cli/one/mod.rs:2"),
        "{}",
        found[0]
    );
    assert!(
        found[0].contains("two -> one: cli/two.rs:1"),
        "{}",
        found[0]
    );
}
