//! Fuzz target `simulate` (see `ouen_fuzz::simulate`).

#[cfg(feature = "afl")]
fn main() {
    afl::fuzz!(|data: &[u8]| ouen_fuzz::simulate(data));
}

/// Without AFL: runs one input (a file, or stdin), e.g. to reproduce a crash.
#[cfg(not(feature = "afl"))]
fn main() {
    ouen_fuzz::run_once(ouen_fuzz::simulate);
}
