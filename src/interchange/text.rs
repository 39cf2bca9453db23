//! Decoding of imported files into text.
//!
//! Contract of [`decode`]: the input is at most [`MAX_INPUT_BYTES`] long (checked before anything
//! is allocated); it is UTF-8 (a BOM is stripped), UTF-16 with a BOM (LE or BE), or, when it is
//! not valid UTF-8, Windows-1252 (the encoding of Excel's "CSV" on Italian Windows). Line endings
//! are normalised to `\n` (CRLF and lone CR), so line numbers match what an editor shows. No
//! physical line may be longer than [`MAX_LINE_BYTES`] bytes of decoded text. Every failure is an
//! error with an Italian explanation; nothing panics on any input.

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// Largest input accepted by the readers (50 MB).
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// Longest physical line accepted by the readers (1 MB of text).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Encoding detected in an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    /// UTF-8 with a byte-order mark (what Excel writes for "CSV UTF-8").
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Windows-1252 (ANSI on Italian Windows), used when the bytes are not valid UTF-8.
    Windows1252,
}

impl TextEncoding {
    /// Italian label for reports.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 con BOM",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Decoded text with `\n` line endings and the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
}

/// Decodes an input file; see the module contract.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    check_size(bytes.len())?;
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match decode_utf8_or_1252(rest) {
            (t, TextEncoding::Utf8) => (t, TextEncoding::Utf8Bom),
            other => other,
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (t, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        (t.into_owned(), TextEncoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (t, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        (t.into_owned(), TextEncoding::Utf16Be)
    } else {
        decode_utf8_or_1252(bytes)
    };
    let text = normalise_newlines(text);
    check_lines(&text)?;
    Ok(Decoded { text, encoding })
}

/// Reads a file for import, refusing files over [`MAX_INPUT_BYTES`] without reading them (by
/// their size, or after at most the limit plus one byte for pipes).
pub fn read_limited(path: &Path) -> Result<Vec<u8>> {
    read_limited_to(path, MAX_INPUT_BYTES)
}

/// [`read_limited`] with another limit (full dumps have their own, larger one).
pub fn read_limited_to(path: &Path, limit: usize) -> Result<Vec<u8>> {
    let too_large = |len: usize| {
        if len > limit {
            Err(Error::InputTooLarge {
                limit_bytes: limit as u64,
            })
        } else {
            Ok(())
        }
    };
    let file = std::fs::File::open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound {
                what: crate::error::Entity::File,
                key: path.display().to_string(),
            }
        } else {
            Error::io("apertura", path)(e)
        }
    })?;
    // A regular file's size is known: refuse it before reading a byte (the `take` below still
    // bounds pipes and files that grow while being read).
    if let Ok(meta) = file.metadata() {
        if meta.is_file() {
            too_large(usize::try_from(meta.len()).unwrap_or(usize::MAX))?;
        }
    }
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(Error::io("lettura", path))?;
    too_large(bytes.len())?;
    Ok(bytes)
}

fn check_size(len: usize) -> Result<()> {
    if len > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            limit_bytes: MAX_INPUT_BYTES as u64,
        });
    }
    Ok(())
}

/// UTF-8 when valid (with a BOM already stripped by the caller), else Windows-1252.
fn decode_utf8_or_1252(bytes: &[u8]) -> (String, TextEncoding) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), TextEncoding::Utf8),
        Err(_) => {
            let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (t.into_owned(), TextEncoding::Windows1252)
        }
    }
}

/// CRLF and lone CR become LF.
pub fn normalise_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn check_lines(text: &str) -> Result<()> {
    for (i, line) in text.split('\n').enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Err(Error::LineTooLong {
                line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                limit_bytes: MAX_LINE_BYTES as u64,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_utf8_utf16_and_cp1252() {
        let d = decode(b"\xEF\xBB\xBFa;b\r\nc").expect("utf8 bom");
        assert_eq!(d.text, "a;b\nc", "BOM stripped, CRLF normalised");
        assert_eq!(d.encoding, TextEncoding::Utf8Bom, "BOM detected");
        let d = decode("Niccolò".as_bytes()).expect("utf8");
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Niccolò", TextEncoding::Utf8),
            "UTF-8 kept"
        );
        let d = decode(b"Niccol\xF2 \x92 \x80\rx").expect("cp1252");
        assert_eq!(d.text, "Niccolò ’ €\nx", "cp1252 fallback, lone CR");
        assert_eq!(d.encoding, TextEncoding::Windows1252, "cp1252 detected");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Città".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).expect("utf16le").text, "Città", "UTF-16 LE");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Città".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).expect("utf16be").text, "Città", "UTF-16 BE");
    }

    #[test]
    fn long_line_is_rejected_with_its_number() {
        let mut input = b"a\nb\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', MAX_LINE_BYTES + 1));
        match decode(&input) {
            Err(Error::LineTooLong { line, .. }) => assert_eq!(line, 3, "third line"),
            other => panic!("expected LineTooLong, got {other:?}"),
        }
    }
}
