//! QR codes drawn in the browser (pure Rust, `qrcodegen`), as one SVG path.
//!
//! Error correction L with boost (the ECC is raised when it costs no extra version), versions
//! 1 to 30 only: larger codes are hard to scan from a tablet screen (see
//! `handoff::MAX_URL_BYTES`). Byte mode keeps the URL exactly as it is.

#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// The largest version drawn.
pub const MAX_VERSION: u8 = 30;
/// The quiet zone around the code, in modules (the standard asks for 4).
pub const QUIET: i32 = 4;

fn encode(text: &str) -> Option<QrCode> {
    let segs = [QrSegment::make_bytes(text.as_bytes())];
    QrCode::encode_segments_advanced(
        &segs,
        QrCodeEcc::Low,
        Version::MIN,
        Version::new(MAX_VERSION),
        None,
        true,
    )
    .ok()
}

/// The version a text needs; `None` when it does not fit version 30.
#[cfg(test)]
pub fn version_for(text: &str) -> Option<u8> {
    encode(text).map(|q| q.version().value())
}

/// A drawn code: the SVG's side in modules (quiet zone included) and the dark modules as
/// a path (one rectangle per horizontal run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawing {
    pub side: i32,
    pub path: String,
}

pub fn draw(text: &str) -> Option<Drawing> {
    let q = encode(text)?;
    let n = q.size();
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if q.get_module(x, y) {
                let start = x;
                while x < n && q.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(Drawing {
        side: n + 2 * QUIET,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_with_a_quiet_zone_and_refuses_what_is_too_long() {
        let d = draw("https://example.org/simulator#s=1&mode=combined").unwrap();
        assert_eq!(
            (d.side - 2 * QUIET - 17) % 4,
            0,
            "a QR size plus the quiet zone"
        );
        assert!(
            d.path.starts_with(&format!("M{QUIET} {QUIET}h7")),
            "finder pattern first"
        );
        assert!(draw(&"a".repeat(1_800)).is_none(), "beyond version 30-L");
        assert_eq!(version_for("hi"), Some(1));
    }
}
