// Shared set-up for the browser tests: Debian's chromium driven by playwright-core, headless,
// with the flags this closed network needs. OUEN_URL is the app served on loopback.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, extname, normalize } from 'node:path';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const appUrl = process.env.OUEN_URL ?? 'http://127.0.0.1:8080/';
export const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
mkdirSync(artifacts, { recursive: true });

/** Launches chromium; `origin` is where every request must stay (default: the app's). */
export async function launch(options = {}, origin = new URL(appUrl).origin) {
  const dir = mkdtempSync(join(tmpdir(), 'ouen-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'ja-JP',
    viewport: { width: 1024, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    ...options,
  });
  if (options.javaScriptEnabled !== false) context.on('page', readyAfterNavigation);
  context.on('page', wholePageScreenshots);
  // Every request must stay on the origin: nothing leaves the device.
  const foreign = [];
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  const errors = [];
  context.on('weberror', (e) => errors.push(String(e.error())));
  return { context, foreign, errors };
}

/** After `goto` and `reload`, a page of the app waits until it is ready (`<html data-ready>`):
 *  the prerendered page is readable at once, but its controls stay disabled until the page's
 *  wasm has adopted it and read this device's data. Other pages (partner pages) do not wait. */
export function readyAfterNavigation(page) {
  for (const name of ['goto', 'reload']) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await original(...args);
      await appReady(page);
      return response;
    };
  }
}

/** A full-page screenshot draws every part of the page: parts below the fold are otherwise
 *  drawn only when they come near the screen (`content-visibility: auto`), and a full-page
 *  capture does not scroll. The page's CSP allows no inline style, so the rule that draws
 *  everything goes in through DevTools' own stylesheet, for the capture only. */
export function wholePageScreenshots(page) {
  const original = page.screenshot.bind(page);
  page.screenshot = async (options = {}) => {
    if (!options.fullPage) return original(options);
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { styleSheetId } = await cdp.send('CSS.createStyleSheet', { frameId: frameTree.frame.id });
      await cdp.send('CSS.setStyleSheetText', { styleSheetId, text: '*{content-visibility:visible!important}' });
      try {
        return await original(options);
      } finally {
        await cdp.send('CSS.setStyleSheetText', { styleSheetId, text: '' }).catch(() => {});
      }
    } finally {
      await cdp.detach().catch(() => {});
    }
  };
}

/** Waits until the app's page is ready (no-op on a page that is not the app's). */
export async function appReady(page) {
  await page.waitForFunction(
    () => document.documentElement.hasAttribute('data-ready') || !document.body?.dataset.page,
    null,
    { timeout: 20000 },
  );
}

/** One browser per test file: launched before its tests; after them, closed and checked that
 *  no request left the origin and no page threw. The fields of `launch()` appear on the
 *  returned object once the tests run. */
export function useBrowser() {
  const browser = {};
  before(async () => {
    Object.assign(browser, await launch());
  });
  after(async () => {
    await browser.context.close();
    assert.deepEqual(browser.foreign, [], 'no request may leave the origin');
    assert.deepEqual(browser.errors, [], 'no uncaught page errors');
  });
  return browser;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

/** A loopback file server for pages the tests build themselves: `fileFor(path)` maps a
 *  request path to a file (or null: 404); `headers` go on every file sent. Resolves to
 *  `{ server, origin }`. */
export async function serveFiles(fileFor, headers = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path === '/favicon.ico') return res.writeHead(204).end(); // the browser asks; not ours
    const file = fileFor(path);
    if (!file) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
