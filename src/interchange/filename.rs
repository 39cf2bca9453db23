//! File names derived from user text (a search, a title), safe on Linux, Windows and macOS.
//!
//! Contract of [`safe_file_name`]: the result is never empty (the fallback is used), never a path
//! (no `/` or `\`, never `.` or `..`, no leading dot), has no control characters nor any of
//! `<>:"|?*`, no trailing dot or space (Windows drops them), is not a Windows reserved device
//! name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or without an extension: prefixed with `_`),
//! and holds at most [`MAX_STEM_CHARS`] characters. Letters with accents are kept.

use std::path::PathBuf;

/// Longest name returned (characters, before the extension the caller adds).
pub const MAX_STEM_CHARS: usize = 80;

const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file name (without extension) made from `text`; `fallback` when nothing usable remains.
pub fn safe_file_name(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        let bad =
            c.is_control() || matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*');
        if bad || c.is_whitespace() {
            if !dash && !out.is_empty() {
                out.push('-');
                dash = true;
            }
        } else {
            out.push(c);
            dash = false;
        }
    }
    let mut name: String = out
        .trim_start_matches(['.', '-'])
        .chars()
        .take(MAX_STEM_CHARS)
        .collect();
    while name.ends_with(['.', ' ', '-']) {
        name.pop();
    }
    if name.is_empty() {
        return fallback.to_owned();
    }
    let stem = name.split('.').next().unwrap_or("").to_ascii_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        name.insert(0, '_');
    }
    name
}

/// `path` with `ext` (without the dot) added when it has no extension: a name typed in a save
/// dialog without one would otherwise not open with a double click.
pub fn with_default_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_and_odd_names_become_plain_file_names() {
        let cases = [
            ("../../etc/passwd", "etc-passwd"),
            ("..", "contatti"),
            (".nascosto", "nascosto"),
            ("Comune di Città", "Comune-di-Città"),
            ("CON", "_CON"),
            ("nul.txt", "_nul.txt"),
            ("Lpt9", "_Lpt9"),
            ("verbale: bozza?", "verbale-bozza"),
            ("a\u{0}b\u{7}c\nd\te", "a-b-c-d-e"),
            ("fine. ", "fine"),
            ("<script>alert(1)</script>", "script-alert(1)-script"),
            ("C:\\Windows\\system32", "C-Windows-system32"),
            ("   ", "contatti"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                safe_file_name(input, "contatti"),
                expected,
                "file name for {input:?}"
            );
        }
        assert_eq!(
            with_default_extension(PathBuf::from("/tmp/agenda"), "ics"),
            PathBuf::from("/tmp/agenda.ics"),
            "a name typed without extension gets the format's"
        );
        assert_eq!(
            with_default_extension(PathBuf::from("/tmp/agenda.txt"), "ics"),
            PathBuf::from("/tmp/agenda.txt"),
            "an extension the user typed is kept"
        );
        let long = "x".repeat(500);
        assert_eq!(
            safe_file_name(&long, "f").chars().count(),
            MAX_STEM_CHARS,
            "long text is cut"
        );
    }
}
