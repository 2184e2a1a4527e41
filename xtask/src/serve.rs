//! A small static file server for `dist/www` on 127.0.0.1 (std only, loopback only).
//!
//! A route's address serves its prerendered page (`/simulator` → `simulator/index.html`,
//! `/en/` → `en/index.html`), as any static host does with folders; an unknown route gets the
//! prerendered `404.html` of its language with status 404. Responses carry the same
//! Content-Security-Policy as the page.

use crate::{dist, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

pub fn serve_cmd(args: &[String]) -> Result {
    let mut port = 8080u16;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => {
                port = it
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or("--port takes a number")?
            }
            "--no-build" => {}
            other => return Err(format!("serve: unknown option '{other}'")),
        }
    }
    let www = if args.iter().any(|a| a == "--no-build") {
        dist::dist_dir().join("www")
    } else {
        dist::dist()?.www
    };
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!(
        "ouen: serving {} on http://127.0.0.1:{port}/ (Ctrl-C to stop)",
        www.display()
    );
    accept_loop(listener, www);
    Ok(())
}

/// Starts the server on an ephemeral loopback port in a background thread; returns the port.
pub fn spawn(www: PathBuf) -> Result<u16> {
    let listener =
        TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    thread::spawn(move || accept_loop(listener, www));
    Ok(port)
}

fn accept_loop(listener: TcpListener, www: PathBuf) {
    for stream in listener.incoming().flatten() {
        let www = www.clone();
        thread::spawn(move || {
            let _ = handle(stream, &www);
        });
    }
}

pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types ouen";

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// What a request path finds under `www` (never anything outside it).
#[derive(Debug, PartialEq)]
enum Found {
    File(PathBuf),
    /// No such route: the language's not-found page, if the site has one.
    NotFound(Option<PathBuf>),
}

/// Maps a request path to a file under `www`, refusing anything that climbs out of it.
fn resolve(www: &Path, url_path: &str) -> Found {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Found::NotFound(None);
    }
    let full = www.join(rel);
    if full.is_file() {
        return Found::File(full);
    }
    if full.join("index.html").is_file() {
        return Found::File(full.join("index.html"));
    }
    if rel.extension().is_some() {
        return Found::NotFound(None);
    }
    let english = rel.starts_with("en");
    let page = www.join(if english { "en/404.html" } else { "404.html" });
    Found::NotFound(page.is_file().then_some(page))
}

fn handle(mut stream: TcpStream, www: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"405",
            method,
        );
    }
    let (status, file) = match resolve(www, target) {
        Found::File(path) => ("200 OK", Some(path)),
        Found::NotFound(page) => ("404 Not Found", page),
    };
    match file.and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
        Some((path, body)) => respond(&mut stream, status, mime(&path), &body, method),
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"404 not found",
            method,
        ),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    method: &str,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: {CSP}\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_routes_to_their_pages_inside_the_root_only() {
        let www = std::env::temp_dir().join(format!("ouen-serve-{}", std::process::id()));
        for f in [
            "index.html",
            "404.html",
            "simulator/index.html",
            "en/index.html",
            "en/404.html",
            "app/home.js",
        ] {
            let p = www.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, f).unwrap();
        }
        let file = |f: &str| Found::File(www.join(f));
        assert_eq!(resolve(&www, "/"), file("index.html"));
        assert_eq!(resolve(&www, "/index.html"), file("index.html"));
        assert_eq!(
            resolve(&www, "/simulator?x=1"),
            file("simulator/index.html")
        );
        assert_eq!(resolve(&www, "/simulator/"), file("simulator/index.html"));
        assert_eq!(resolve(&www, "/en"), file("en/index.html"));
        assert_eq!(resolve(&www, "/app/home.js"), file("app/home.js"));
        assert_eq!(
            resolve(&www, "/nope"),
            Found::NotFound(Some(www.join("404.html")))
        );
        assert_eq!(
            resolve(&www, "/en/nope"),
            Found::NotFound(Some(www.join("en/404.html")))
        );
        assert_eq!(resolve(&www, "/../Cargo.toml"), Found::NotFound(None));
        assert_eq!(resolve(&www, "/missing.js"), Found::NotFound(None));
        assert_eq!(mime(Path::new("a.wasm")), "application/wasm");
        let _ = std::fs::remove_dir_all(&www);
    }
}
