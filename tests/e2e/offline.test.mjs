// The app as an offline PWA: after one visit it loads and works with the network off (the
// checklist and the cost simulator), and a new build replaces the old cache after the person
// accepts the "new version" banner.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, appendFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, extname, normalize } from 'node:path';
import { launch, appUrl, artifacts } from './browser.mjs';

const opened = [];
after(async () => {
  for (const b of opened) await b.context.close();
  for (const b of opened) {
    // launch() judges against OUEN_URL; the update test's own server is its origin.
    const foreign = b.foreign.filter((u) => !u.startsWith(new URL(b.url).origin));
    assert.deepEqual(foreign, [], 'no request may leave the origin');
    assert.deepEqual(b.errors, [], 'no uncaught page errors');
  }
});

async function browserFor(url) {
  const b = await launch();
  b.url = url;
  opened.push(b);
  return b;
}

/** Waits until the service worker controls the page; returns the cache names. */
async function controlled(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
    return caches.keys();
  });
}

async function fill(page, selector, value) {
  await page.locator(selector).fill('');
  await page.locator(selector).pressSequentially(value);
}

test('after one visit, the app reloads offline: checklist and cost simulation work', async () => {
  const b = await browserFor(appUrl);
  const page = await b.context.newPage();
  await page.goto(appUrl);
  await page.locator('#tile-simulator').waitFor();
  const names = await controlled(page);
  assert.equal(names.length, 1, `one cache: ${names}`);
  assert.match(names[0], /^ouen-[0-9a-f]{16}$/);
  // The manifest is linked and says what an installable app needs.
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    return (await fetch(href)).json();
  });
  assert.equal(manifest.name, 'ouen 応援');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.theme_color, '#1f5f8b');
  assert.deepEqual(manifest.icons.map((i) => i.sizes).sort(), ['192x192', '512x512', 'any']);
  // Every precached file is in the cache.
  const cached = await page.evaluate(async (name) => {
    const c = await caches.open(name);
    return (await c.keys()).map((r) => new URL(r.url).pathname);
  }, names[0]);
  // Every route's page in both languages and every route's wasm: one versioned set.
  const pages = ['simulator', 'eligibility', 'navigator', 'checklist', 'plan', 'rules', 'settings'];
  const expected = [
    '/index.html', '/en/index.html', '/404.html', '/en/404.html', '/main.js', '/boot.js', '/style.css', '/simulator.css', '/checklist.css', '/rules.css',
    '/manifest.webmanifest', '/icon-192.png', '/icon-512.png', '/app/home.js', '/app/home_bg.wasm',
    '/app/home_en.js', '/app/home_en_bg.wasm',
    ...pages.flatMap((p) => [`/${p}/index.html`, `/en/${p}/index.html`, `/app/${p}.js`, `/app/${p}_bg.wasm`,
      `/app/${p}_en.js`, `/app/${p}_en_bg.wasm`]),
  ];
  for (const f of expected) {
    assert.ok(cached.includes(f), `${f} in ${cached}`);
  }

  await b.context.setOffline(true);
  await page.reload();
  await page.locator('#tile-simulator').waitFor();
  await page.locator('#offline-indicator').waitFor({ state: 'visible' });
  assert.match(await page.locator('#offline-indicator').textContent(), /オフライン/);

  // A route never opened before is answered by the cached shell.
  await page.goto(new URL('checklist', appUrl).href);
  await page.locator('#checklist').waitFor();
  await completeChecklist(page);
  await page.screenshot({ path: join(artifacts, 'checklist-offline.png'), fullPage: true });

  await page.goto(new URL('simulator', appUrl).href);
  await page.locator('#rate').waitFor();
  await fill(page, '#rate', '6000');
  await fill(page, '#hours', '12');
  await page.locator('input[name="mode"][value="combined"]').check();
  await page.locator('#self-pay').filter({ hasText: '6,000円' }).waitFor();
  assert.match(await page.locator('#total-fee').textContent(), /72,000円/);
  await page.screenshot({ path: join(artifacts, 'simulator-offline.png'), fullPage: true });

  await b.context.setOffline(false);
  await page.locator('#offline-indicator').waitFor({ state: 'hidden' });
  await page.close();
});

/** Answers every item of the checklist and checks the result. */
async function completeChecklist(page) {
  await page.locator('#checklist-kind input[value="retail"]').check();
  await page.screenshot({ path: join(artifacts, 'checklist-form.png') });
  // Each area: answer every item, then go on.
  for (;;) {
    const groups = page.locator('fieldset.cl-item');
    const n = await groups.count();
    for (let i = 0; i < n; i++) {
      const g = groups.nth(i);
      // Alternate answers so the areas score differently.
      const levels = ['done', 'partial', 'considering', 'notStarted', 'unknown'];
      const value = (await g.locator('input[value="na"]').count()) > 0 ? 'na' : levels[i % levels.length];
      await g.locator(`input[value="${value}"]`).check();
    }
    const next = page.locator('#cl-next');
    if ((await next.count()) === 0) break;
    await next.click();
  }
  await page.locator('#cl-finish').click();
  await page.locator('#cl-result').waitFor();
  assert.match(await page.locator('#cl-overall').textContent(), /\d+%/);
  assert.match(await page.locator('#cl-stage').textContent(), /[①②③④]/);
  assert.equal(await page.locator('#cl-radar svg').count(), 1);
  assert.ok((await page.locator('#cl-score-table tbody tr').count()) >= 4);
  assert.equal(await page.locator('#cl-next-steps li.cl-step').count(), 3);
  // The answers download as CSV (a Blob URL, allowed by the CSP), one row per item.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#cl-export-csv').click()]);
  assert.match(download.suggestedFilename(), /^ouen-checklist-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('分野,項目ID,項目,回答,回答ID'), csv.slice(0, 80));
  assert.ok(csv.includes(',pr-quality,') && csv.includes(',対象外,na'), 'production is not applicable to a retailer');
  // The completed assessment is kept in the history with its date.
  assert.equal(await page.locator('#cl-history li').count(), 1);
}

// --- the update flow, on a private copy of the served app --------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

/** Copies the served app (every file the service worker lists, and sw.js) into a temp dir. */
async function copyServedApp() {
  const dir = mkdtempSync(join(tmpdir(), 'ouen-sw-update-'));
  const sw = await (await fetch(new URL('sw.js', appUrl))).text();
  const list = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1].replace(/,\s*\]/, ']'));
  for (const f of list) {
    const res = await fetch(new URL(f, appUrl));
    assert.equal(res.status, 200, f);
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), Buffer.from(await res.arrayBuffer()));
  }
  writeFileSync(join(dir, 'sw.js'), sw);
  return dir;
}

/** A loopback server like `cargo xtask serve`: SPA fallback, the page's CSP, no-cache. */
function serve(dir) {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types ouen";
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
    let file = join(dir, path);
    if (path.includes('..') || !existsSync(file) || statSync(file).isDirectory()) {
      if (extname(path)) {
        res.writeHead(404).end('404');
        return;
      }
      file = join(dir, 'index.html');
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': csp,
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('a new build replaces the old cache once the person accepts the banner', async (t) => {
  const dir = await copyServedApp();
  const server = await serve(dir);
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/`;
  const b = await browserFor(url);
  const page = await b.context.newPage();
  await page.goto(url);
  await page.locator('#tile-simulator').waitFor();
  const [oldName] = await controlled(page);
  const oldVersion = oldName.replace('ouen-', '');

  // "Deploy" a new build: one shipped file changes, so the build's hash changes.
  appendFileSync(join(dir, 'checklist.css'), '\n/* v2 */\n');
  const newVersion = createHash('sha256').update(readFileSync(join(dir, 'checklist.css'))).digest('hex').slice(0, 16);
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  assert.ok(sw.includes(`'${oldVersion}'`), 'the cache is named after the version in sw.js');
  writeFileSync(join(dir, 'sw.js'), sw.replace(`'${oldVersion}'`, `'${newVersion}'`));

  // The next visit finds the update; the open page keeps working on the old version until the
  // person chooses to reload.
  await page.reload();
  await page.locator('#sw-update').waitFor();
  assert.match(await page.locator('#sw-update').textContent(), /新しいバージョンがあります/);
  assert.deepEqual((await page.evaluate(() => caches.keys())).sort(), [oldName, `ouen-${newVersion}`].sort());
  await page.screenshot({ path: join(artifacts, 'update-banner.png') });

  const reloaded = page.waitForEvent('load');
  await page.locator('#sw-update-reload').click();
  await reloaded;
  await page.locator('#tile-simulator').waitFor();
  const names = await controlled(page);
  assert.deepEqual(names, [`ouen-${newVersion}`], 'the old cache is gone');
  const css = await page.evaluate(async () => (await fetch('checklist.css')).text());
  assert.ok(css.includes('/* v2 */'), 'the new file is served');
  assert.equal(await page.locator('#sw-update').count(), 0);
  await page.close();
});
