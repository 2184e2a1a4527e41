//! Fuzz target `plan_import` (see `ouen_fuzz::plan_import`).

#[cfg(feature = "afl")]
fn main() {
    afl::fuzz!(|data: &[u8]| ouen_fuzz::plan_import(data));
}

/// Without AFL: runs one input (a file, or stdin), e.g. to reproduce a crash.
#[cfg(not(feature = "afl"))]
fn main() {
    ouen_fuzz::run_once(ouen_fuzz::plan_import);
}
