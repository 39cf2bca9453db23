//! One SQLite value of a dump, typed losslessly in JSON.
//!
//! Contract (the encoding of a [`Cell`] in a row of a dump):
//! - NULL → `null`; INTEGER → a JSON integer (any `i64`); TEXT → a JSON string.
//! - REAL → `{"real": "<f64>"}`: the shortest decimal text that reads back to the same bits
//!   (Rust's `{:?}`), as a STRING, because JSON numbers are parsed approximately by some readers
//!   (serde_json's default float parser may be one ULP off) and cannot hold `inf`/`NaN`. Read back
//!   with Rust's exact `str::parse::<f64>`.
//! - BLOB → `{"blob": "<lower-case hex>"}`.
//! - TEXT that is not valid UTF-8 (SQLite allows it; Raccordo never writes it) →
//!   `{"text_hex": "<hex of the bytes>"}`, so even that survives.
//! - Anything else (a bare decimal number, `true`, an array, an unknown key) is refused with an
//!   Italian message; serde_json adds the line and column.

use std::fmt;

use rusqlite::types::{ToSql, ToSqlOutput, ValueRef};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A SQLite value.
#[derive(Debug, Clone)]
pub enum Cell {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    /// TEXT whose bytes are not valid UTF-8.
    TextBytes(Vec<u8>),
    Blob(Vec<u8>),
}

impl PartialEq for Cell {
    /// Exact equality: REAL values compare by their bits (so `-0.0 != 0.0` and `NaN == NaN`).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Cell::Null, Cell::Null) => true,
            (Cell::Integer(a), Cell::Integer(b)) => a == b,
            (Cell::Real(a), Cell::Real(b)) => a.to_bits() == b.to_bits(),
            (Cell::Text(a), Cell::Text(b)) => a == b,
            (Cell::TextBytes(a), Cell::TextBytes(b)) | (Cell::Blob(a), Cell::Blob(b)) => a == b,
            _ => false,
        }
    }
}

impl Cell {
    /// The cell of a value read from SQLite.
    pub fn from_value(v: ValueRef<'_>) -> Cell {
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Integer(i),
            ValueRef::Real(f) => Cell::Real(f),
            ValueRef::Text(t) => match std::str::from_utf8(t) {
                Ok(s) => Cell::Text(s.to_owned()),
                Err(_) => Cell::TextBytes(t.to_vec()),
            },
            ValueRef::Blob(b) => Cell::Blob(b.to_vec()),
        }
    }

    /// Short Italian description of the value, for messages (long text is cut).
    pub fn describe(&self) -> String {
        match self {
            Cell::Null => "NULL".to_owned(),
            Cell::Integer(i) => i.to_string(),
            Cell::Real(f) => format!("{f:?}"),
            Cell::Text(s) => {
                let cut: String = s.chars().take(40).collect();
                if cut.len() < s.len() {
                    format!("«{cut}…»")
                } else {
                    format!("«{cut}»")
                }
            }
            Cell::TextBytes(b) | Cell::Blob(b) => format!("{} byte", b.len()),
        }
    }
}

impl ToSql for Cell {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Cell::Null => ValueRef::Null,
            Cell::Integer(i) => ValueRef::Integer(*i),
            Cell::Real(f) => ValueRef::Real(*f),
            Cell::Text(s) => ValueRef::Text(s.as_bytes()),
            Cell::TextBytes(b) => ValueRef::Text(b),
            Cell::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let tagged = |s: S, key: &str, value: &str| {
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry(key, value)?;
            map.end()
        };
        match self {
            Cell::Null => s.serialize_unit(),
            Cell::Integer(i) => s.serialize_i64(*i),
            Cell::Text(t) => s.serialize_str(t),
            Cell::Real(f) => tagged(s, "real", &format!("{f:?}")),
            Cell::Blob(b) => tagged(s, "blob", &to_hex(b)),
            Cell::TextBytes(b) => tagged(s, "text_hex", &to_hex(b)),
        }
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "un valore: null, un intero, un testo, {\"real\": \"…\"}, {\"blob\": \"…\"} o \
             {\"text_hex\": \"…\"}",
        )
    }

    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
        Ok(Cell::Integer(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
        i64::try_from(v).map(Cell::Integer).map_err(|_| {
            E::custom(format!(
                "l'intero {v} è fuori dall'intervallo di SQLite (al massimo {})",
                i64::MAX
            ))
        })
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
        Err(E::custom(format!(
            "il numero con decimali {v} non ha un tipo: un valore REAL si scrive \
             {{\"real\": \"{v:?}\"}}"
        )))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell, E> {
        Err(E::custom(format!(
            "il valore {v} non è ammesso: SQLite non ha un tipo booleano (usa 0 o 1)"
        )))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
        Ok(Cell::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Cell, E> {
        Ok(Cell::Text(v))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Cell, A::Error> {
        Err(de::Error::custom(
            "un elenco non è un valore: ogni riga è un elenco di valori semplici",
        ))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
        let Some(key) = map.next_key::<String>()? else {
            return Err(de::Error::custom(
                "oggetto vuoto: atteso {\"real\": …}, {\"blob\": …} o {\"text_hex\": …}",
            ));
        };
        let value: String = map.next_value()?;
        let cell =
            match key.as_str() {
                "real" => value.trim().parse::<f64>().map(Cell::Real).map_err(|_| {
                    de::Error::custom(format!("«{value}» non è un numero REAL valido"))
                })?,
                "blob" => Cell::Blob(from_hex(&value).map_err(de::Error::custom)?),
                "text_hex" => Cell::TextBytes(from_hex(&value).map_err(de::Error::custom)?),
                other => {
                    return Err(de::Error::custom(format!(
                        "tipo «{other}» sconosciuto: ammessi «real», «blob», «text_hex»"
                    )))
                }
            };
        if map.next_key::<String>()?.is_some() {
            return Err(de::Error::custom(
                "un valore tipizzato ha una sola chiave («real», «blob» o «text_hex»)",
            ));
        }
        Ok(cell)
    }
}

/// Lower-case hex of bytes.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

/// Bytes of a hex string (either case); an Italian message on bad input.
pub fn from_hex(s: &str) -> Result<Vec<u8>, String> {
    if !s.len().is_multiple_of(2) {
        return Err("testo esadecimale di lunghezza dispari".to_owned());
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Ok(c - b'0'),
        b'a'..=b'f' => Ok(c - b'a' + 10),
        b'A'..=b'F' => Ok(c - b'A' + 10),
        _ => Err(format!("carattere «{}» non esadecimale", char::from(c))),
    };
    s.as_bytes()
        .chunks(2)
        .map(|pair| Ok(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(cell: &Cell) -> Cell {
        let json = serde_json::to_string(cell).unwrap_or_default();
        serde_json::from_str(&json).unwrap_or(Cell::Text(format!("unparsable: {json}")))
    }

    #[test]
    fn reals_round_trip_bit_for_bit() {
        for f in [
            0.1,
            0.1 + 0.2,
            -0.0,
            0.0,
            1.0,
            f64::MIN_POSITIVE,
            5e-324,
            f64::MAX,
            f64::MIN,
            1e300,
            123_456_789.123_456_78,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            assert_eq!(
                round_trip(&Cell::Real(f)),
                Cell::Real(f),
                "REAL {f:?} must survive JSON exactly"
            );
        }
    }

    #[test]
    fn every_kind_round_trips_and_keeps_its_type() {
        for cell in [
            Cell::Null,
            Cell::Integer(i64::MIN),
            Cell::Integer(i64::MAX),
            Cell::Text("Niccolò \"D'Angelo\" 🎉\n\t\u{0}".to_owned()),
            Cell::Text(String::new()),
            Cell::Blob(vec![0, 1, 0xfe, 0xff]),
            Cell::Blob(Vec::new()),
            Cell::TextBytes(vec![0xff, b'a']),
            Cell::Real(1.0),
        ] {
            assert_eq!(round_trip(&cell), cell, "{cell:?} must keep value and type");
        }
    }

    #[test]
    fn untyped_or_unknown_values_are_refused_in_italian() {
        for (json, needle) in [
            ("1.5", "REAL"),
            ("true", "booleano"),
            ("[1]", "elenco"),
            ("{\"x\": \"1\"}", "sconosciuto"),
            ("{\"blob\": \"abc\"}", "dispari"),
            ("{\"real\": \"uno\"}", "REAL"),
            ("18446744073709551615", "intervallo"),
        ] {
            let err = serde_json::from_str::<Cell>(json).map(|c| format!("{c:?}"));
            let message = match err {
                Err(e) => e.to_string(),
                Ok(c) => panic!("{json} must be refused, got {c}"),
            };
            assert!(
                message.contains(needle),
                "{json}: message must mention {needle}: {message}"
            );
        }
    }
}
