//! Replays every seed input (`corpus/<target>/*`) through its target's checks, then a seeded
//! random sweep of mutations of them (deterministic: the same inputs every run). This is what
//! runs where AFL++ does not, and what keeps the corpus meaningful.

use ouen_fuzz::TARGETS;
use std::path::Path;

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

#[test]
fn every_seed_passes_its_checks() {
    for (target, check) in TARGETS {
        let seeds = seeds(target);
        assert!(seeds.len() >= 3, "{target}: a few seeds at least");
        for s in &seeds {
            check(s);
        }
    }
}

/// xorshift64*: small, seeded, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes worth splicing in: JSON punctuation, full-width digits, prototype keys, big numbers.
const TOKENS: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "true",
    "-1",
    "1e308",
    "NaN",
    "０",
    "，",
    "円",
    "時間",
    "__proto__",
    "constructor",
    "\u{0}",
    "\\u0000",
    "99999999999999999999999999999",
    ".",
    "h=1.",
    "z.",
    "j.",
    "-_",
    "\u{FFFD}",
    "\"version\":99",
    "\"schema\":0",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(4) {
            0 if !data.is_empty() => {
                let end = (at + 1 + rng.below(8)).min(data.len());
                data.drain(at.min(end)..end);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, t.iter().copied());
            }
            2 if at < data.len() => data[at] = rng.next() as u8,
            _ => {
                let copy: Vec<u8> = data
                    .iter()
                    .skip(rng.below(data.len() + 1))
                    .take(16)
                    .copied()
                    .collect();
                data.splice(at..at, copy);
            }
        }
    }
    data
}

#[test]
fn seeded_mutations_never_break_a_check() {
    let rounds: usize = std::env::var("OUEN_FUZZ_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000);
    for (i, (target, check)) in TARGETS.into_iter().enumerate() {
        let seeds = seeds(target);
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1));
        for _ in 0..rounds {
            let seed = &seeds[rng.below(seeds.len())];
            let input = mutate(&mut rng, seed);
            check(&input);
        }
    }
}
