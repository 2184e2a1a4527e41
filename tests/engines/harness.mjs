// What the Firefox and WebKit drivers share: the app's address, free ports, child processes
// that are always cleaned up, and a loopback proxy in front of the app that can go "offline"
// (and, for an engine whose driver cannot report page errors, adds a small error probe).
import { createServer, request } from 'node:http';
import { createServer as createNetServer, connect } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appUrl = process.env.OUEN_URL ?? 'http://127.0.0.1:8080/';
export const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
mkdirSync(artifacts, { recursive: true });

/** A port nothing listens on now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on `port`, or rejects after `ms`. */
export async function waitForPort(port, ms = 20000) {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const c = connect(port, '127.0.0.1', () => {
        c.end();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on 127.0.0.1:${port} after ${ms} ms`);
    await sleep(100);
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const children = new Set();
// A test that dies half-way, or is stopped, must not leave a display server or a driver behind.
const killChildren = () => {
  for (const c of children) c.kill('SIGKILL');
};
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killChildren();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

/** Starts a child process that is killed when the test process exits, whatever happens.
 *  `stop()` ends it and resolves when it has. */
export function startProcess(cmd, args, options = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.on('exit', () => children.delete(child));
  child.on('error', (e) => {
    stderr += String(e);
    children.delete(child);
  });
  return {
    child,
    stderr: () => stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}

/** The error probe: records uncaught errors, unhandled rejections and console.error and
 *  console.warn calls in `window.__ouenProbe.errors`. */
export const PROBE_PATH = '/__engine-probe.js';
export const FAULT_PATH = '/__engine-fault.js';
const PROBE = `(() => {
  const probe = (window.__ouenProbe = { errors: [] });
  const describe = (x) => String(x) + (x && x.stack ? ' ' + x.stack : '');
  addEventListener('error', (e) => probe.errors.push('error: ' + (e.error ? describe(e.error) : e.message)));
  addEventListener('unhandledrejection', (e) => probe.errors.push('unhandled rejection: ' + describe(e.reason)));
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      probe.errors.push('console.' + level + ': ' + args.map(String).join(' '));
      original(...args);
    };
  }
})();
`;

/** Waits for the one file that appears in `dir` (and is not in `before`), complete: no
 *  partial-download name and the same size twice in a row. Returns `{ name, bytes }`. */
export async function downloaded(dir, before, what) {
  let last = -1;
  const name = await poll(() => {
    const fresh = readdirSync(dir).filter((f) => !before.has(f));
    const [f] = fresh;
    if (fresh.length !== 1 || /\.(part|download|wkdownload)$/.test(f)) return null;
    const size = statSync(join(dir, f)).size;
    const stable = size > 0 && size === last;
    last = size;
    return stable ? f : null;
  }, what);
  return { name, bytes: readFileSync(join(dir, name)) };
}

/** A proxy on a free loopback port in front of the app (OUEN_URL). `setOffline(true)` makes
 *  every request fail as if the network were gone (the connection is dropped), except the
 *  probe, which is the test's and not the app's; `offlineHits` lists what was asked while
 *  offline. With `probe`, every HTML page gets `<script src="/__engine-probe.js">` as the first
 *  thing in its <head> (a same-origin classic script: the page's CSP allows it). */
export async function startProxy({ probe = false } = {}) {
  const target = new URL(appUrl);
  let offline = false;
  // A script of the test's own (`setFault`) that every page runs first, before the app's:
  // storage faults injected where the driver has no init scripts. Every page links it (also
  // the pages the service worker caches); it is fetched afresh each time, empty by default.
  let fault = '';
  const offlineHits = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === FAULT_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(fault);
      return;
    }
    if (probe && path === PROBE_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PROBE);
      return;
    }
    if (offline) {
      offlineHits.push(path);
      req.socket.destroy();
      return;
    }
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'accept-encoding': 'identity' },
      },
      (up) => {
        const type = String(up.headers['content-type'] ?? '');
        if (!type.startsWith('text/html')) {
          res.writeHead(up.statusCode, up.headers);
          up.pipe(res);
          return;
        }
        const chunks = [];
        up.on('data', (c) => chunks.push(c));
        up.on('end', () => {
          const html = Buffer.concat(chunks).toString('utf8')
            .replace(/<head>/i, `<head><script src="${FAULT_PATH}"></script>${probe ? `<script src="${PROBE_PATH}"></script>` : ''}`);
          const headers = { ...up.headers };
          delete headers['content-length'];
          res.writeHead(up.statusCode, headers);
          res.end(html);
        });
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    offlineHits,
    /** `source` runs first on every page from now on ('' for none). */
    setFault(source) {
      fault = source;
    },
    setOffline(on) {
      offline = on;
      // Connections kept alive from before must not carry requests past the switch.
      if (on) for (const s of sockets) s.destroy();
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(r));
    },
  };
}

/** Waits until `check()` resolves truthy (polling), or throws with `what` after `ms`. */
export async function poll(check, what, ms = 20000) {
  const until = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (${last.message})` : ''}`);
    await sleep(100);
  }
}

/** Runs in the page: true once an app page is ready (`<html data-ready>`), or at once on a
 *  page that is not the app's. A page whose wasm failed to start shows `#app-failed`. */
export function readyInPage() {
  if (document.getElementById('app-failed')) throw new Error('the page says its app failed to start');
  return document.readyState !== 'loading' &&
    (document.documentElement.hasAttribute('data-ready') || !document.body?.dataset.page);
}

/** Runs in the page: for a date, time or similar field, sets `value` as Playwright's fill()
 *  does (the value, then `input` and `change` events) and returns true; false for any other
 *  element. Typing into a date field goes through each engine's own date picker, whose
 *  segments and order follow the locale: a driver quirk, not the app's. */
export function fillPickerInPage(el, value) {
  if (!(el instanceof HTMLInputElement) || !['date', 'time', 'datetime-local', 'month', 'week'].includes(el.type)) return false;
  el.focus();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
