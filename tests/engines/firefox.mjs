// Firefox ESR (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi, behind the
// small interface the shared flows use (see flows.mjs).
import puppeteer from 'puppeteer-core';
import { mkdtempSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { poll, readyInPage, fillPickerInPage, downloaded } from './harness.mjs';

export const executable = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Why this engine cannot run here, or null. */
export function unavailable() {
  return existsSync(executable) ? null : `${executable} not found (apt-get install firefox-esr)`;
}

export async function launch() {
  const downloads = mkdtempSync(join(tmpdir(), 'ouen-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: executable,
    headless: true,
    // Over BiDi, Firefox refuses setViewport: the window is sized on the command line.
    args: ['--width=1024', '--height=768'],
    extraPrefsFirefox: {
      // `<a download>` saves straight into our folder, without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  // The window opened with the browser has the size asked for; a new page would not.
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const errors = [];
  let leaving = null; // the address being navigated to, during goto()
  let readyAt = Date.now();
  const report = (text) => {
    // The favicon loads after the load event, so the tests do not wait for it. In about one
    // run in ten, more on a busy machine and never on demand, Firefox reported that the
    // service worker failed the favicon's request as the test moved on to the next page:
    // most likely that navigation cancelling the request in flight (the worker answers it
    // from its cache). The page was ready and nothing else failed, and a person does not
    // navigate within milliseconds of a page becoming usable; so this one report is noted
    // (with when it came), not counted.
    if (/Failed to load ‘[^’]*\/icon\.svg’\. A ServiceWorker intercepted the request/.test(text)) {
      const when = leaving ? `while going to ${leaving}` : `${Date.now() - readyAt} ms after it was ready`;
      console.log(`firefox: not counted: the favicon's request failed on ${page.url()}, ${when}`);
      return;
    }
    errors.push(`${page.url()}: ${text}`);
  };
  page.on('pageerror', (e) => report(e.stack ?? e.message ?? String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') report(`console.${m.type()}: ${m.text()}`);
  });

  const element = async (selector, nth = 0) => {
    const all = await page.$$(selector);
    if (!all[nth]) throw new Error(`no element ${selector}${nth ? ` #${nth}` : ''} on ${page.url()}`);
    return all[nth];
  };
  const ready = () => poll(() => page.evaluate(readyInPage), `${page.url()} to be ready`);

  return {
    name: 'firefox',
    version: await browser.version(),
    async goto(url) {
      leaving = url;
      await page.goto(url, { waitUntil: 'load' }).finally(() => {
        leaving = null;
      });
      await ready();
      readyAt = Date.now();
    },
    async reload() {
      leaving = page.url();
      await page.reload({ waitUntil: 'load' }).finally(() => {
        leaving = null;
      });
      await ready();
      readyAt = Date.now();
    },
    async click(selector, nth = 0) {
      await (await element(selector, nth)).click();
    },
    async type(selector, text) {
      const el = await element(selector);
      if (await el.evaluate(fillPickerInPage, text)) return;
      await el.focus();
      await page.keyboard.down('Control');
      await page.keyboard.press('KeyA');
      await page.keyboard.up('Control');
      await page.keyboard.press('Backspace');
      await el.type(text);
    },
    async text(selector) {
      return (await element(selector)).evaluate((el) => el.textContent);
    },
    evaluate(fn, ...args) {
      return page.evaluate(fn, ...args);
    },
    async waitFor(what, { timeout = 20000, args = [] } = {}) {
      const check = typeof what === 'string'
        ? () => page.evaluate((s) => !!document.querySelector(s), what)
        : () => page.evaluate(what, ...args);
      return poll(check, String(what), timeout);
    },
    /** Clicks `selector` and returns the file the browser saved: `{ name, bytes }`. */
    async download(selector) {
      const before = new Set(readdirSync(downloads));
      await (await element(selector)).click();
      return downloaded(downloads, before, `a download from ${selector}`);
    },
    async screenshot(path) {
      await page.screenshot({ path });
    },
    /** The page errors so far; the array itself, to be inspected. */
    async errors() {
      return errors;
    },
    async close() {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
