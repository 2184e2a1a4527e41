// WebKitGTK (Debian's webkit2gtk-driver: Safari's engine, in its MiniBrowser) driven by
// selenium-webdriver over classic WebDriver, behind the small interface the shared flows use
// (see flows.mjs). This harness starts its own display server (Xvfb, on a display it picks)
// and WebKitWebDriver (on a free port), and stops both when done.
import { Builder, By, Key } from 'selenium-webdriver';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort, startProcess, poll, readyInPage, fillPickerInPage, downloaded } from './harness.mjs';

export const driverBinary = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const miniBrowser = process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const xvfb = '/usr/bin/Xvfb';

/** Why this engine cannot run here, or null. */
export function unavailable() {
  for (const [path, pkg] of [[driverBinary, 'webkit2gtk-driver'], [miniBrowser, 'webkit2gtk-driver'], [xvfb, 'xvfb']]) {
    if (!existsSync(path)) return `${path} not found (apt-get install ${pkg})`;
  }
  return null;
}

/** Xvfb on the first free display: it writes the display's number to fd 3 once it accepts
 *  clients. */
async function startDisplay() {
  const x = startProcess(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let timer;
  try {
    const display = await Promise.race([
      new Promise((resolve) => {
        x.child.stdio[3].on('data', (d) => {
          out += d;
          if (out.includes('\n')) resolve(`:${out.trim()}`);
        });
      }),
      x.exited.then(() => Promise.reject(new Error(`Xvfb exited: ${x.stderr()}`))),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Xvfb did not start in 20 s')), 20000);
      }),
    ]);
    return { display, stop: x.stop };
  } catch (e) {
    await x.stop();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

export async function launch() {
  // MiniBrowser gets a home of its own: its caches stay out of the real one, and WebKit saves
  // a download in the XDG download folder, which user-dirs.dirs points at our folder.
  const home = mkdtempSync(join(tmpdir(), 'ouen-webkit-'));
  const downloads = join(home, 'downloads');
  mkdirSync(downloads);
  mkdirSync(join(home, '.config'));
  writeFileSync(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  const x = await startDisplay();
  const port = await freePort();
  const wd = startProcess(driverBinary, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: x.display, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
  });
  let driver;
  try {
    await waitForPort(port);
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
      })
      .build();
    await driver.manage().window().setRect({ width: 1024, height: 768 });
  } catch (e) {
    await wd.stop();
    await x.stop();
    rmSync(home, { recursive: true, force: true });
    throw new Error(`WebKitWebDriver did not start a session: ${e.message}\n${wd.stderr()}`);
  }
  const version = (await driver.getCapabilities()).get('browserVersion');

  // Classic WebDriver reports no page errors: the proxy in front of the app adds a probe
  // (harness.mjs) to every page, and what it caught is collected before each navigation.
  const errors = [];
  const collect = async () => {
    const [url, caught] = await driver.executeScript(
      'const p = window.__ouenProbe; const app = !!(document.body && document.body.dataset.page);' +
        'return [location.href, p ? p.errors.splice(0) : app ? ["the error probe is missing"] : []];',
    );
    for (const e of caught) errors.push(`${url}: ${e}`);
  };
  const element = async (selector, nth = 0) => {
    const all = await driver.findElements(By.css(selector));
    if (!all[nth]) throw new Error(`no element ${selector}${nth ? ` #${nth}` : ''} on ${await driver.getCurrentUrl()}`);
    return all[nth];
  };
  const evaluate = (fn, ...args) => driver.executeScript(`return (${fn}).apply(null, arguments);`, ...args);
  const ready = () => poll(() => evaluate(readyInPage), 'the page to be ready');

  return {
    name: 'webkit',
    version,
    async goto(url) {
      await collect().catch(() => {});
      await driver.get(url);
      await ready();
    },
    async reload() {
      await collect().catch(() => {});
      await driver.navigate().refresh();
      await ready();
    },
    async click(selector, nth = 0) {
      await (await element(selector, nth)).click();
    },
    async type(selector, text) {
      const el = await element(selector);
      if (await evaluate(fillPickerInPage, el, text)) return;
      // Two calls: WebKitWebDriver drops the text when it follows a chord in the same call.
      await el.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
      await el.sendKeys(text);
    },
    async text(selector) {
      return (await element(selector)).getAttribute('textContent');
    },
    evaluate,
    async waitFor(what, { timeout = 20000, args = [] } = {}) {
      const check = typeof what === 'string'
        ? () => evaluate((s) => !!document.querySelector(s), what)
        : () => evaluate(what, ...args);
      return poll(check, String(what), timeout);
    },
    /** Clicks `selector` and returns the file the browser saved: `{ name, bytes }`. */
    async download(selector) {
      const before = new Set(readdirSync(downloads));
      await (await element(selector)).click();
      return downloaded(downloads, before, `a download from ${selector}`);
    },
    async screenshot(path) {
      await writeFile(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
    },
    /** The page errors so far (the current page's too); the array itself, to be inspected. */
    async errors() {
      await collect().catch(() => {});
      return errors;
    },
    async close() {
      try {
        await collect().catch(() => {});
        await driver.quit();
      } finally {
        await wd.stop();
        await x.stop();
        rmSync(home, { recursive: true, force: true });
      }
    },
  };
}
