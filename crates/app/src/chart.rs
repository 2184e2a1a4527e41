//! Geometry for the app's SVG charts: linear scales, stacked bars, polylines and ticks.
//! Pure arithmetic on screen coordinates (no rule logic, no web APIs), tested natively; plus
//! the joints of the text alternatives (list separators, short axis labels) per language.

// Drawn in the browser only, by the `whatif` island (`crate::island`).
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::i18n::{locale, m};
use ouen_rules::Locale;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// `v` with one decimal (`12.5`, `-3.0`), as `format!("{v:.1}")` writes a screen coordinate,
/// without linking the float formatter (about 10 KB of wasm). Halves round away from zero.
pub fn n1(v: f64) -> String {
    if !v.is_finite() {
        return "0.0".to_string();
    }
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    format!("{sign}{}.{}", a / 10, a % 10)
}

/// Decimal money or hours as a screen quantity (0 if it does not fit).
pub fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Maps the domain `d0..d1` linearly onto the range `r0..r1` (which may run backwards, as
/// the y axis of an SVG does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Scale {
        Scale {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
        }
    }

    pub fn at(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span == 0.0 {
            return self.r0;
        }
        let t = ((v - self.d0) / span).clamp(0.0, 1.0);
        self.r0 + t * (self.r1 - self.r0)
    }
}

/// The x offset and width of each part of a bar `width` long that stands for `total`; parts
/// of zero get zero width. The widths add up to `width` when the parts add up to `total`.
pub fn stack(parts: &[f64], total: f64, width: f64) -> Vec<(f64, f64)> {
    let mut x = 0.0;
    parts
        .iter()
        .map(|&p| {
            let w = if total > 0.0 {
                (p.max(0.0) / total) * width
            } else {
                0.0
            };
            let at = x;
            x += w;
            (at, w)
        })
        .collect()
}

/// SVG `points` for a polyline through `(x, y)` data points.
pub fn polyline(points: &[(f64, f64)], x: &Scale, y: &Scale) -> String {
    points
        .iter()
        .map(|&(px, py)| format!("{:.1},{:.1}", x.at(px), y.at(py)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tick values `0, step, 2·step, …` up to and including `max`.
pub fn ticks(max: f64, step: f64) -> Vec<f64> {
    if step <= 0.0 || max < 0.0 {
        return vec![0.0];
    }
    let n = (max / step).floor() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// A round step giving at most about `count` ticks up to `max` (1, 2 or 5 × 10ⁿ).
pub fn nice_step(max: f64, count: usize) -> f64 {
    if max <= 0.0 || count == 0 {
        return 1.0;
    }
    let raw = max / count as f64;
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

/// `12000` → `1.2万` (ja) / `12k` (en), `4000` → `4,000`: short axis labels in yen.
/// Japanese groups large numbers by ten thousand (万), English by thousand (k).
pub fn short_yen(v: f64) -> String {
    let v = v.round() as i64;
    let unit = match locale() {
        Locale::Ja => 10_000.0,
        Locale::En => 1_000.0,
    };
    if v >= 10_000 && v % 1_000 == 0 {
        let n = v as f64 / unit;
        let n = if n.fract() == 0.0 {
            format!("{}", n as i64)
        } else {
            format!("{n:.1}")
        };
        crate::tf!(m::SIM_AXIS_SHORT, n = n)
    } else {
        ouen_rules::format::number(Decimal::from(v))
    }
}

/// Between the items of a list in running text: `、` (ja) / `, ` (en).
pub fn list_sep() -> &'static str {
    match locale() {
        Locale::Ja => "\u{3001}",
        Locale::En => ", ",
    }
}

/// Between two sentences or a label and its value: nothing in Japanese, a space in English.
pub fn space() -> &'static str {
    match locale() {
        Locale::Ja => "",
        Locale::En => " ",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_decimal_without_the_float_formatter() {
        for v in [
            0.0,
            1.0,
            12.34,
            12.36,
            399.96,
            -0.04,
            -3.0,
            -12.5,
            1e6 + 0.26,
            56.0,
        ] {
            let want = format!("{v:.1}");
            // Ties may differ from `{:.1}` (away from zero here): not at these values.
            assert_eq!(
                n1(v),
                if want == "-0.0" {
                    "0.0".to_string()
                } else {
                    want
                },
                "{v}"
            );
        }
        assert_eq!(n1(f64::NAN), "0.0");
        assert_eq!(n1(f64::INFINITY), "0.0");
    }

    use super::*;

    #[test]
    fn scales_map_and_clamp() {
        let x = Scale::new((500.0, 12_000.0), (40.0, 600.0));
        assert_eq!(x.at(500.0), 40.0);
        assert_eq!(x.at(12_000.0), 600.0);
        assert_eq!(x.at(0.0), 40.0);
        assert!((x.at(6250.0) - 320.0).abs() < 1e-9);
        // y runs downwards on screen.
        let y = Scale::new((0.0, 100.0), (200.0, 0.0));
        assert_eq!(y.at(25.0), 150.0);
        assert_eq!(Scale::new((1.0, 1.0), (5.0, 9.0)).at(3.0), 5.0);
    }

    #[test]
    fn stacked_parts_fill_the_bar() {
        // 72,000 = 42,000 + 24,000 + 6,000 over 600 px.
        let parts = stack(&[42_000.0, 24_000.0, 6_000.0], 72_000.0, 600.0);
        assert_eq!(parts, vec![(0.0, 350.0), (350.0, 200.0), (550.0, 50.0)]);
        let (x, w) = parts[2];
        assert_eq!(x + w, 600.0);
        assert_eq!(stack(&[0.0, 5.0], 0.0, 100.0), vec![(0.0, 0.0), (0.0, 0.0)]);
        assert_eq!(
            stack(&[-1.0, 1.0], 1.0, 10.0),
            vec![(0.0, 0.0), (0.0, 10.0)]
        );
    }

    #[test]
    fn polylines_and_ticks() {
        let x = Scale::new((0.0, 10.0), (0.0, 100.0));
        let y = Scale::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(
            polyline(&[(0.0, 0.0), (5.0, 5.0), (10.0, 2.5)], &x, &y),
            "0.0,100.0 50.0,50.0 100.0,75.0"
        );
        assert_eq!(ticks(12_000.0, 2_000.0).len(), 7);
        assert_eq!(ticks(5.0, 0.0), vec![0.0]);
        assert_eq!(nice_step(11_500.0, 6), 2_000.0);
        assert_eq!(nice_step(72_000.0, 4), 20_000.0);
        assert_eq!(nice_step(0.0, 4), 1.0);
    }

    #[test]
    fn short_labels() {
        assert_eq!(short_yen(4000.0), "4,000");
        assert_eq!(short_yen(12_000.0), "1.2万");
        assert_eq!(short_yen(20_000.0), "2万");
        assert_eq!(short_yen(0.0), "0");
        crate::i18n::set_locale(Locale::En);
        assert_eq!(short_yen(12_000.0), "12k");
        assert_eq!(short_yen(4000.0), "4,000");
        assert_eq!(list_sep(), ", ");
        crate::i18n::set_locale(Locale::Ja);
    }
}
