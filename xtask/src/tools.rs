//! Running commands, and installing the tools a fresh machine lacks.

use crate::{root, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a command, echoing it; fails with its exit status.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

pub fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

pub fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

/// `rustup target add wasm32-unknown-unknown` when the target is missing (auto-install is
/// off on these machines).
pub fn ensure_wasm_target() -> Result {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(root())
        .output();
    match out {
        Ok(o) if String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown") => Ok(()),
        Ok(_) => run(Command::new("rustup")
            .args(["target", "add", "wasm32-unknown-unknown"])
            .current_dir(root())),
        Err(_) => Ok(()), // no rustup: trust the toolchain, cargo will say if the target is missing
    }
}

/// `npm ci` in `dir` when its node_modules is missing or older than its lockfile.
pub fn ensure_npm(dir: &Path) -> Result {
    let marker = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (marker.metadata(), lock.metadata()) {
        (Ok(m), Ok(l)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}

/// binaryen's `wasm-opt` from the npm registry (Debian's is too old for wasm-bindgen 0.2.130).
pub fn wasm_opt() -> Result<PathBuf> {
    let dir = root().join("xtask");
    ensure_npm(&dir)?;
    let bin = dir.join("node_modules/.bin/wasm-opt");
    if bin.exists() {
        Ok(bin)
    } else {
        Err(format!("{} is missing after npm ci", bin.display()))
    }
}

/// terser's command-line script, from the npm registry like `wasm-opt` (pure JavaScript).
pub fn terser() -> Result<PathBuf> {
    let dir = root().join("xtask");
    ensure_npm(&dir)?;
    let bin = dir.join("node_modules/terser/bin/terser");
    if bin.exists() {
        Ok(bin)
    } else {
        Err(format!("{} is missing after npm ci", bin.display()))
    }
}

/// Debian's chromium for the browser tests: installed with apt-get when we are root.
pub fn ensure_chromium() -> Result<PathBuf> {
    let path = PathBuf::from(
        std::env::var("CHROMIUM_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    );
    ensure_debian(
        &[&path],
        &["chromium", "chromium-driver"],
        "or set CHROMIUM_PATH",
    )?;
    Ok(path)
}

/// Debian's Firefox ESR for the browser tests in Firefox (`tests/engines/`).
pub fn ensure_firefox() -> Result {
    ensure_debian(
        &[Path::new("/usr/bin/firefox-esr")],
        &["firefox-esr"],
        "or run `cargo xtask test --no-browser`",
    )
}

/// WebKitGTK's WebDriver (with its MiniBrowser) and Xvfb for the browser tests in WebKit.
pub fn ensure_webkit() -> Result {
    ensure_debian(
        &[
            Path::new("/usr/bin/WebKitWebDriver"),
            Path::new("/usr/bin/Xvfb"),
        ],
        &["webkit2gtk-driver", "xvfb"],
        "or run `cargo xtask test --no-browser`",
    )
}

/// Succeeds when every path exists; otherwise installs the Debian `packages` with apt-get when
/// we are root, and says what to install when we are not.
fn ensure_debian(paths: &[&Path], packages: &[&str], otherwise: &str) -> Result {
    if paths.iter().all(|p| p.exists()) {
        return Ok(());
    }
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| !p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !is_root {
        return Err(format!(
            "{} not found: install Debian's {} (sudo apt-get install -y {}) {otherwise}",
            missing.join(", "),
            packages.join(", "),
            packages.join(" ")
        ));
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    match paths.iter().find(|p| !p.exists()) {
        Some(p) => Err(format!(
            "{} is still missing after apt-get install {}",
            p.display(),
            packages.join(" ")
        )),
        None => Ok(()),
    }
}
