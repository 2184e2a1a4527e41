//! Programme dates' revisions.
//!
//! Each revision of a date in `parameters.json` carries the day it was `announced`; the one in
//! force on a day D is the last revision announced on or before D (`params.rs`). The build
//! checks, naming the entry and the revision:
//! - every revision has an `announced` date that exists;
//! - revisions are listed in the order they were announced, at most one a day (a revision
//!   announced the same day as an earlier one would never be in force);
//! - a revision after the first is announced no later than the date it sets (a deadline
//!   announced after it has passed cannot be met; the first announcement may restate dates
//!   already past, as a leaflet restates when a phase opened);
//! - a document is issued on one day: every revision citing the same document first gives the
//!   same `announced` date.

use std::collections::BTreeMap;

/// One revision as written in the data.
pub struct Rev<'a> {
    pub value: &'a str,
    pub announced: &'a str,
    pub source: &'a str,
}

/// The document a citation names first (`"000 §1; 004"` → `"000"`).
fn document(source: &str) -> &str {
    let s = source.trim_start();
    let end = s
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    &s[..end]
}

/// The checks across every date's revisions: which day each document was issued, and which
/// entry said so first.
#[derive(Default)]
pub struct Announcements {
    issued: BTreeMap<String, (String, String)>,
}

impl Announcements {
    /// Checks the revisions of date `id`. `date` checks that a `YYYY-MM-DD` date exists and
    /// panics with the context it is given otherwise. Dates compare as strings once checked.
    pub fn check(&mut self, id: &str, revisions: &[Rev], date: impl Fn(&str, &str)) {
        let fail = |msg: String| -> ! { panic!("parameters.json: {id}: {msg}") };
        for (i, r) in revisions.iter().enumerate() {
            let n = i + 1;
            if r.announced.is_empty() {
                fail(format!("revision {n} ({}) has no announced date", r.value));
            }
            date(
                r.announced,
                &format!("parameters.json: {id}: revision {n} announced"),
            );
            if i > 0 {
                let prev = revisions[i - 1].announced;
                if r.announced <= prev {
                    fail(format!(
                        "revision {n} is announced on {}, not after revision {i} ({prev}): list revisions in the order they were announced, at most one a day",
                        r.announced
                    ));
                }
                if r.announced > r.value {
                    fail(format!(
                        "revision {n} ({}) is announced on {}, after the date it sets: a changed date must be announced by that day",
                        r.value, r.announced
                    ));
                }
            }
            let doc = document(r.source);
            match self.issued.get(doc) {
                Some((day, other)) if day != r.announced => fail(format!(
                    "revision {n} cites document {doc} announced on {}, but {other} gives {day}: a document is issued on one day",
                    r.announced
                )),
                Some(_) => {}
                None => {
                    self.issued.insert(
                        doc.to_string(),
                        (r.announced.to_string(), format!("{id} revision {n}")),
                    );
                }
            }
        }
    }
}
