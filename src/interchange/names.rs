//! Splitting a full name as found in files ("Rossi, Mario", "Mario Rossi", "Dott.ssa Anna De
//! Luca", "ROSSI Mario") into honorific, given name and family name.
//!
//! Contract of [`split_full_name`]:
//! - "Family, Given" (a comma) is taken literally;
//! - a leading honorific ("Dott.", "Dott.ssa", "Sig.ra", "Avv.", "Prof.", "On.", …) is split off;
//! - when some words are in capitals and others not ("ROSSI Mario"), the capitalised words are
//!   the family name;
//! - otherwise the family name starts at the first surname particle after the first word
//!   ("De", "Di", "Da", "Dal", "Dalla", "Del", "Della", "Lo", "La", "Li", "Van", "Von", …), or is
//!   the last word;
//! - a single word is a family name.
//!
//! Case and accents are kept as written.

/// Honorific, given name and family name of a full name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SplitName {
    pub honorific: Option<String>,
    pub given: String,
    pub family: String,
}

const PARTICLES: &[&str] = &[
    "de", "di", "da", "dal", "dalla", "dalle", "dallo", "dei", "degli", "del", "della", "delle",
    "dello", "d'", "lo", "la", "li", "le", "van", "von", "der", "den", "du", "des", "mac", "st.",
    "san", "santa", "santo",
];

const HONORIFICS: &[&str] = &[
    "dott.", "dott.ssa", "dott", "dottssa", "dr.", "dr", "sig.", "sig.ra", "sig", "sigra", "avv.",
    "avv", "ing.", "ing", "prof.", "prof.ssa", "prof", "profssa", "on.", "on", "arch.", "geom.",
    "rag.", "mons.", "don", "sen.", "gen.", "col.", "dott.sa", "sig.na",
];

/// Whether a word is a known honorific ("Dott.ssa", "sig.").
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word.to_lowercase().as_str())
}

/// Splits a full name; see the module contract.
pub fn split_full_name(full: &str) -> SplitName {
    let full = full.trim();
    if let Some((family, given)) = full.split_once(',') {
        let given = given.trim();
        let (honorific, given) = take_honorific(given);
        return SplitName {
            honorific,
            given: given.to_owned(),
            family: family.trim().to_owned(),
        };
    }
    let (honorific, rest) = take_honorific(full);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let (given, family) = match words.len() {
        0 => (Vec::new(), Vec::new()),
        1 => (Vec::new(), words.clone()),
        _ => split_words(&words),
    };
    SplitName {
        honorific,
        given: given.join(" "),
        family: family.join(" "),
    }
}

fn take_honorific(s: &str) -> (Option<String>, &str) {
    let s = s.trim();
    match s.split_once(char::is_whitespace) {
        Some((first, rest)) if is_honorific(first) && !rest.trim().is_empty() => {
            (Some(first.to_owned()), rest.trim())
        }
        _ => (None, s),
    }
}

fn is_upper_word(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

fn split_words<'a>(words: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let upper: Vec<bool> = words.iter().map(|w| is_upper_word(w)).collect();
    if upper.iter().any(|u| *u) && !upper.iter().all(|u| *u) {
        let (mut given, mut family) = (Vec::new(), Vec::new());
        for (w, u) in words.iter().zip(&upper) {
            if *u {
                family.push(*w);
            } else {
                given.push(*w);
            }
        }
        return (given, family);
    }
    let particle = words
        .iter()
        .enumerate()
        .skip(1)
        .take(words.len() - 2)
        .find(|(_, w)| PARTICLES.contains(&w.to_lowercase().as_str()))
        .map(|(i, _)| i);
    let at = particle.unwrap_or(words.len() - 1);
    (words[..at].to_vec(), words[at..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> (Option<String>, String, String) {
        let n = split_full_name(s);
        (n.honorific, n.given, n.family)
    }

    #[test]
    fn splits_italian_names() {
        let none = None::<String>;
        assert_eq!(
            split("Rossi, Mario"),
            (none.clone(), "Mario".into(), "Rossi".into()),
            "comma form"
        );
        assert_eq!(
            split("Mario Rossi"),
            (none.clone(), "Mario".into(), "Rossi".into()),
            "given family"
        );
        assert_eq!(
            split("Maria Grazia De Luca"),
            (none.clone(), "Maria Grazia".into(), "De Luca".into()),
            "particle De"
        );
        assert_eq!(
            split("Pier Luigi Dal Molin"),
            (none.clone(), "Pier Luigi".into(), "Dal Molin".into()),
            "particle Dal"
        );
        assert_eq!(
            split("Anna Di Stefano"),
            (none.clone(), "Anna".into(), "Di Stefano".into()),
            "particle Di"
        );
        assert_eq!(
            split("Dott.ssa Niccolò Della Valle"),
            (
                Some("Dott.ssa".into()),
                "Niccolò".into(),
                "Della Valle".into()
            ),
            "honorific and particle"
        );
        assert_eq!(
            split("ROSSI Mario"),
            (none.clone(), "Mario".into(), "ROSSI".into()),
            "capitalised surname first"
        );
        assert_eq!(
            split("Bianchi"),
            (none.clone(), String::new(), "Bianchi".into()),
            "single word"
        );
        assert_eq!(
            split("Francesca D'Amico"),
            (none, "Francesca".into(), "D'Amico".into()),
            "apostrophe surname"
        );
    }
}
