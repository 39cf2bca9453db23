//! Text folding for search and name matching.
//!
//! Contract: [`fold`] turns a name or a query into a comparable key: Unicode NFD with combining
//! marks removed ("Niccolò" → "niccolo"), lower case, every character that is not a letter or a
//! digit (apostrophes, hyphens, dots, …) turned into a single space, trimmed. [`compact`] is the
//! folded text without spaces, so "Val d'Arno", "Val d Arno" and "valdarno" meet.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folded form of `s` (see module docs).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// Folded form of `s` without spaces.
pub fn compact(s: &str) -> String {
    fold(s).replace(' ', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(
            fold("Castel San Niccolò"),
            "castel san niccolo",
            "accents and case"
        );
        assert_eq!(
            fold("Montopoli in Val d'Arno"),
            "montopoli in val d arno",
            "apostrophe"
        );
        assert_eq!(
            fold("Castell’Azzara"),
            "castell azzara",
            "typographic apostrophe"
        );
        assert_eq!(
            fold("  Alta Val di Cecina-Valdera "),
            "alta val di cecina valdera",
            "hyphen"
        );
        assert_eq!(fold("CITTÀ"), "citta", "upper-case accented letter");
        assert_eq!(fold("'--'"), "", "punctuation only");
    }

    #[test]
    fn compact_joins_words() {
        assert_eq!(compact("Val d'Arno"), "valdarno", "compact drops spaces");
    }
}
