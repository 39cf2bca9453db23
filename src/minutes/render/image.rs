//! Intrinsic size of a logo, to keep its aspect ratio in DOCX and ODT.
//!
//! Contract: [`size`] reads only headers (PNG IHDR, JPEG SOF, SVG `viewBox` or `width`/`height`)
//! and returns `None` when it cannot tell; callers then use a square box.

use crate::minutes::document::{Logo, LogoKind};

/// Width and height in pixels (or SVG user units).
pub(crate) fn size(logo: &Logo) -> Option<(f64, f64)> {
    let b = logo.bytes.as_slice();
    match logo.kind {
        LogoKind::Png => {
            let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
            let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
            positive(f64::from(w), f64::from(h))
        }
        LogoKind::Jpeg => jpeg(b),
        LogoKind::Svg => svg(std::str::from_utf8(b).ok()?),
    }
}

fn positive(w: f64, h: f64) -> Option<(f64, f64)> {
    (w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite()).then_some((w, h))
}

fn jpeg(b: &[u8]) -> Option<(f64, f64)> {
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        let sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if sof {
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]);
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]);
            return positive(f64::from(w), f64::from(h));
        }
        i += 2 + len;
    }
    None
}

/// The value of attribute `name` in the `<svg …>` start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().last();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(v) = after.strip_prefix('=') else {
            continue;
        };
        let v = v.trim_start();
        let q = v.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let v = &v[1..];
        return Some(&v[..v.find(q)?]);
    }
}

fn number(s: &str) -> Option<f64> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(s.len());
    s[..end].parse().ok()
}

fn svg(s: &str) -> Option<(f64, f64)> {
    let start = s.find("<svg")?;
    let tag = &s[start..start + s[start..].find('>')?];
    if let Some(vb) = attr(tag, "viewBox") {
        let v: Vec<f64> = vb
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        if v.len() == 4 {
            return positive(v[2], v[3]);
        }
    }
    positive(number(attr(tag, "width")?)?, number(attr(tag, "height")?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_sizes() {
        let logo = |s: &str| Logo {
            kind: LogoKind::Svg,
            bytes: s.as_bytes().to_vec(),
        };
        assert_eq!(
            size(&logo(r#"<svg xmlns="x" viewBox="0 0 200 100"/>"#)),
            Some((200.0, 100.0))
        );
        assert_eq!(
            size(&logo(r#"<svg width="30px" height='60'>"#)),
            Some((30.0, 60.0))
        );
        assert_eq!(size(&logo("<svg>")), None);
    }
}
