// `cargo xtask bench`, browser section: every route in Debian's chromium at 4× CPU throttling
// (CDP Emulation.setCPUThrottlingRate): navigation → usable (`<html data-ready>`: the page's
// wasm has adopted the prerendered HTML and its controls are enabled), on a first visit and
// on a repeat visit; on the simulator, keystroke in the rate field → updated self-pay painted
// (median and p95 over 100 keystrokes); then Lighthouse's mobile configuration on every route.
// Prints Markdown.
//
// The pages are served brotli-compressed (as any static host would serve them) by a small
// proxy in front of OUEN_URL (the xtask's server, which sends files as they are), so the
// bytes on the wire are the ones the size section counts. OUEN_BENCH_COMPRESS=0 turns it off.
import { launch } from '../e2e/browser.mjs';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const upstream = new URL(process.env.OUEN_URL ?? 'http://127.0.0.1:8080/');
const runs = Number(process.env.OUEN_BENCH_RUNS ?? 5);
const routes = (process.env.OUEN_PAGES ?? 'home,simulator,rules,eligibility,navigator,checklist,plan,settings').split(',');
/** Every route in Japanese (home is `/`), and the simulator in English. */
const pages = [
  ...routes.map((route) => ({ route, lang: 'ja', path: route === 'home' ? '' : route })),
  { route: 'simulator', lang: 'en', path: 'en/simulator' },
];
const label = (p) => `/${p.path}`;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs) => pct(xs, 50);
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(0)} ms`);
const ms1 = (x) => `${x.toFixed(1)} ms`;

// The compressing proxy.
const compressible = /^(text\/|application\/(javascript|json|wasm|manifest\+json)|image\/svg)/;
const compressed = new Map();
const compress = process.env.OUEN_BENCH_COMPRESS !== '0';
const proxy = createServer(async (req, res) => {
  try {
    const r = await fetch(new URL(req.url, upstream), { method: req.method });
    const body = Buffer.from(await r.arrayBuffer());
    const headers = Object.fromEntries(
      [...r.headers].filter(([k]) => !['content-length', 'content-encoding', 'connection', 'transfer-encoding'].includes(k)),
    );
    let out = body;
    if (compress && compressible.test(headers['content-type'] ?? '') && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${req.url} ${body.length}`;
      if (!compressed.has(key)) {
        compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      out = compressed.get(key);
      headers['content-encoding'] = 'br';
      headers.vary = 'Accept-Encoding';
    }
    headers['content-length'] = String(out.length);
    res.writeHead(r.status, headers);
    res.end(req.method === 'HEAD' ? undefined : out);
  } catch (e) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(e));
  }
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${proxy.address().port}/`;
const origin = new URL(base).origin;

const { context, foreign, errors } = await launch({}, origin);
// When the page became usable, in the page's own clock (0 = navigation start).
await context.addInitScript(() => {
  const seen = () => {
    if (window.__ouenReady === undefined && document.documentElement?.hasAttribute('data-ready')) {
      window.__ouenReady = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Performance.enable');
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

/** The renderer's running totals of main-thread work, in ms (CDP Performance.getMetrics). */
async function work() {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { layout: get('LayoutDuration'), style: get('RecalcStyleDuration'), script: get('ScriptDuration') };
}

/** One navigation; navigation start → data-ready, and first contentful paint. */
async function load(url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__ouenReady !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => ({
    ready: window.__ouenReady,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
}

/** A first visit: no HTTP cache, no service worker, no stored data. */
async function cold(url) {
  await page.goto('about:blank');
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const before = await work();
  const result = await load(url);
  // The layout, style and script work of the visit, up to a second after it became usable.
  await page.waitForTimeout(1000);
  const after = await work();
  for (const k of Object.keys(before)) result[k] = after[k] - before[k];
  return result;
}

/** The service worker of the last load installed and caching every page (a repeat visit's
 *  state); the HTTP cache on again. */
async function primed(url) {
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await load(url);
  await page.evaluate(() => navigator.serviceWorker?.ready.then(() => null)).catch(() => {});
  await load(url); // compiled wasm cached from here on
}

const t0 = Date.now();
await cold(new URL(pages[0].path, base).href); // warm-up: the browser's own first navigation
const navigation = [];
let fetched = null;
for (const p of pages) {
  const url = new URL(p.path, base).href;
  const first = [];
  for (let i = 0; i < runs; i++) first.push(await cold(url));
  if (p.route === 'simulator' && p.lang === 'ja') {
    fetched = await page.evaluate(() => ({
      resources: performance.getEntriesByType('resource').map((r) => ({
        name: new URL(r.name).pathname, bytes: r.encodedBodySize, start: r.startTime, end: r.responseEnd,
      })),
      document: performance.getEntriesByType('navigation')[0].encodedBodySize,
      domInteractive: performance.getEntriesByType('navigation')[0].domInteractive,
      loadEvent: performance.getEntriesByType('navigation')[0].loadEventEnd,
      ready: window.__ouenReady,
    }));
  }
  await primed(url);
  const repeat = [];
  for (let i = 0; i < runs; i++) repeat.push(await load(url));
  navigation.push({ page: p, first, repeat });
}
const navigationSeconds = (Date.now() - t0) / 1000;

// Keystrokes: set the rate field as a person types, measure in the page itself (no driver
// round trip in the number) until the self-pay text has changed and the frame showing it is
// painted: the first animation frame that shows the change, then a message posted from it,
// which the browser delivers once that frame's style, layout and paint are done. Each keystroke starts
// in a task of its own, at a point of the frame that varies from one to the next (as a
// person's keystrokes land anywhere in a frame): a keystroke started inside an animation
// frame's callbacks would be drawn in that frame and measured to the next, a whole frame
// more than it took. National only: every rate above 4,000 yen/h changes the self-pay (in
// combined mode it stays at 500 yen/h up to 8,250 yen/h, so nothing on screen would change).
await load(new URL('simulator', base).href);
for (const sel of ['#rate', '#hours', '#self-pay', 'input[name="mode"][value="national"]']) {
  if ((await page.locator(sel).count()) !== 1) throw new Error(`the simulator has no single ${sel}`);
}
await page.locator('input[name="mode"][value="national"]').check();
await page.locator('#hours').fill('12');
await page.locator('#rate').fill('6000');
await page.locator('#self-pay').waitFor();
/** In the page: `n` keystrokes in `selector`, the i-th setting `value(i)`; each one's time
 *  from the input event to the painted frame. */
const keystrokes = (selector, n, values) =>
  page.evaluate(async ({ selector, n, values }) => {
    const input = document.querySelector(selector);
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const out = [];
    for (let i = 0; i < n; i++) {
      // A task of its own, 0–16 ms into a frame (spread evenly over the run).
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, (i * 7) % 17)));
      const before = document.querySelector('#self-pay')?.textContent;
      const t0 = performance.now();
      // Asked for before the keystroke, so its callback comes first in the frame: the message
      // it posts is delivered before any work the page itself puts off until after the paint.
      const painted = new Promise((resolve) => {
        const frame = () => requestAnimationFrame(() => {
          if (document.querySelector('#self-pay')?.textContent === before) return frame();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        });
        frame();
      });
      setter.call(input, values[i % values.length]);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.race([painted, new Promise((resolve) => setTimeout(resolve, 5000))]); // never hang
      out.push(performance.now() - t0);
    }
    return out;
  }, { selector, n, values });
const latencies = await keystrokes('#rate', 100, Array.from({ length: 100 }, (_, i) => String(6010 + i * 10)));
// Rendering as hours and segments grow: keystrokes in the hours field (20 each), combined
// mode at 8,250 yen/h; with 290,000 yen of the SME cap used, the cap ends mid-plan.
await page.locator('#rate').fill('8250');
await page.locator('input[name="mode"][value="combined"]').check();
const scaling = [];
for (const [hours, prior] of [[12, ''], [30, ''], [30, '290000'], [1000, '290000'], [9000, '290000']]) {
  await page.locator('#sme-prior').evaluate((e) => { const d = e.closest('details'); if (d) d.open = true; });
  await page.locator('#sme-prior').fill(prior);
  await page.locator('#hours').fill(String(hours));
  await page.locator('#self-pay').waitFor();
  const segments = await page.locator('#segments tbody tr').count();
  const times = await keystrokes('#hours', 20, [String(hours + 1), String(hours)]);
  scaling.push({ hours, prior: prior || '0', segments, median: median(times) });
}
await context.close();

const row = (n) => {
  const r = (xs, k) => xs.map((x) => x[k]).filter((x) => x != null);
  return `| ${label(n.page)} | ${ms(median(r(n.first, 'fcp')))} | ${ms(median(r(n.first, 'ready')))} | ${ms(Math.max(...r(n.first, 'ready')))} | ${ms(median(r(n.repeat, 'fcp')))} | ${ms(median(r(n.repeat, 'ready')))} | ${ms(Math.max(...r(n.repeat, 'ready')))} |`;
};
console.log(`## In the browser (Chromium, 4× CPU throttling)

Served ${compress ? 'brotli-compressed (`Content-Encoding: br`, quality 11)' : 'uncompressed'} over loopback (no network throttling).

### Navigation → usable, per route

From navigation start to \`<html data-ready>\` (the route's wasm has adopted the prerendered page; its controls are enabled), in the page's own clock; FCP is the first contentful paint (the prerendered page, before any wasm). ${runs} runs each. A *first visit* has no HTTP cache, no service worker and no stored data; a *repeat visit* is served by the service worker with the compiled wasm cached.

| page | first visit: FCP | first visit: usable (median) | (max) | repeat: FCP | repeat: usable (median) | (max) |
|---|---|---|---|---|---|---|
${navigation.map(row).join('\n')}

Main-thread work of a first visit, up to a second after it is usable (medians; CDP's running totals of the page's layout, style recalculation and script, at 4× CPU throttling). Parts of a page below the fold are laid out only when they come near the screen (\`content-visibility: auto\`), so a long page's first layout stays short.

| page | layout | style | script |
|---|---|---|---|
${navigation.map((n) => `| ${label(n.page)} | ${['layout', 'style', 'script'].map((k) => ms(median(n.first.map((x) => x[k])))).join(' | ')} |`).join('\n')}

(${navigationSeconds.toFixed(0)} s for these loads.)

${fetched ? `What a first visit to /simulator fetched (resource timing of the last run; DOM interactive at ${ms(fetched.domInteractive)}, load event at ${ms(fetched.loadEvent)}, usable at ${ms(fetched.ready)}):

| resource | bytes on the wire | from | to |
|---|---|---|---|
| /simulator (the page) | ${fetched.document} | 0 ms | ${ms(fetched.domInteractive)} (DOM interactive) |
${fetched.resources.sort((a, b) => a.start - b.start).map((r) => `| ${r.name} | ${r.bytes} | ${ms(r.start)} | ${ms(r.end)} |`).join('\n')}
| total | ${fetched.document + fetched.resources.reduce((n, r) => n + r.bytes, 0)} | | |
` : ''}
### Keystroke → painted (simulator)

| measure | median | p95 | runs |
|---|---|---|---|
| keystroke in the rate field → updated self-pay painted | ${ms1(median(latencies))} | ${ms1(pct(latencies, 95))} | ${latencies.length} |

Rendering as the plan grows (keystroke in the hours field → updated result painted, median of 20):

| hours | SME cap already used | segments shown | median |
|---|---|---|---|
${scaling.map((x) => `| ${x.hours} | ${x.prior} | ${x.segments} | ${ms1(x.median)} |`).join('\n')}

Segments are at most three by construction (national cap, Nagano's 24 h), so the cost of a
result does not grow with the hours.
${errors.length ? `\nPage errors during the runs: ${errors.map((e) => `\`${e.split('\n')[0]}\``).join(', ')}\n` : ''}${foreign.length ? `\nRequests that left the origin: ${foreign.join(', ')}\n` : ''}`);

// Lighthouse (its default: mobile, simulated throttling) on every page, if installed here.
const lh = join(here, 'node_modules/.bin/lighthouse');
const lhPackage = join(here, 'node_modules/lighthouse/package.json');
if (!existsSync(lhPackage)) {
  console.log('Lighthouse: not installed in tests/bench (npm ci there installs it).\n');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ouen-lh-'));
  const results = [];
  const started = Date.now();
  // Each page `lhRuns` times; the run with the median performance score is reported (one
  // run on a shared machine swings by 10 points and more).
  const lhRuns = Math.max(1, Number(process.env.OUEN_LH_RUNS ?? 3));
  for (const p of pages) {
    const reports = [];
    let error;
    for (let k = 0; k < lhRuns; k++) {
      const out = join(dir, `${p.lang}-${p.route}-${k}.json`);
      const r = await new Promise((resolve) => {
        const child = spawn(lh, [
          new URL(p.path, base).href, '--quiet', '--output=json', `--output-path=${out}`,
          '--only-categories=performance,accessibility,best-practices',
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
        ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } });
        let stderr = '';
        child.stderr.on('data', (d) => { stderr += d; });
        const timer = setTimeout(() => child.kill(), 180000);
        child.on('close', (status) => { clearTimeout(timer); resolve({ status, stderr }); });
      });
      if (r.status !== 0 || !existsSync(out)) error = (r.stderr || `exit ${r.status}`).trim().split('\n').pop();
      else reports.push(JSON.parse(readFileSync(out, 'utf8')));
    }
    if (!reports.length) {
      results.push({ page: p, error });
    } else {
      const perf = (j) => j.categories.performance?.score ?? 0;
      reports.sort((a, b) => perf(a) - perf(b));
      const scores = reports.map((j) => Math.round(perf(j) * 100));
      results.push({ page: p, report: reports[(reports.length - 1) >> 1], scores });
    }
  }
  const version = results.find((x) => x.report)?.report.lighthouseVersion
    ?? JSON.parse(readFileSync(lhPackage, 'utf8')).version;
  const score = (j, c) => (j.categories[c]?.score == null ? 'n/a' : Math.round(j.categories[c].score * 100));
  const a = (j, id) => j.audits[id]?.displayValue ?? 'n/a';
  /** Audits of a category that did not pass, by id. */
  const failing = (j, c) => (j.categories[c]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && j.audits[ref.id]?.score != null && j.audits[ref.id].score < 1)
    .map((ref) => ref.id);
  const notes = results.filter((x) => x.report).flatMap((x) => {
    const f = [...failing(x.report, 'accessibility'), ...failing(x.report, 'best-practices')];
    return f.length ? [`- ${label(x.page)}: ${f.map((id) => `\`${id}\``).join(', ')}`] : [];
  });
  console.log(`### Lighthouse ${version} (mobile, simulated throttling), every route

Its default mobile configuration (Moto G Power screen, 4× CPU slowdown, a slow 4G network
simulated from the real run), the median of ${lhRuns} runs per page by performance (every run's score in brackets), ${compress ? 'brotli-compressed as above (sent uncompressed, as `cargo xtask serve` sends them, the wasm download dominates the simulated network and LCP is several times longer)' : 'uncompressed'}.

| page | performance | FCP | LCP | TBT | CLS | Speed Index | accessibility | best practices |
|---|---|---|---|---|---|---|---|---|
${results.map((x) => (x.report
    ? `| ${label(x.page)} | ${score(x.report, 'performance')}${x.scores.length > 1 ? ` (${x.scores.join(', ')})` : ''} | ${a(x.report, 'first-contentful-paint')} | ${a(x.report, 'largest-contentful-paint')} | ${a(x.report, 'total-blocking-time')} | ${a(x.report, 'cumulative-layout-shift')} | ${a(x.report, 'speed-index')} | ${score(x.report, 'accessibility')} | ${score(x.report, 'best-practices')} |`
    : `| ${label(x.page)} | did not complete: ${x.error} | | | | | | | |`)).join('\n')}

(${((Date.now() - started) / 1000).toFixed(0)} s for these runs.)
${notes.length ? `\nAccessibility and best-practice audits not passed:\n\n${notes.join('\n')}\n` : ''}`);
}
proxy.close();
