// `cargo xtask bench`, browser section: the app in Debian's chromium at 4× CPU throttling
// (CDP Emulation.setCPUThrottlingRate): navigation → simulator usable, keystroke in the rate
// field → updated self-pay on screen (median and p95 over 100 keystrokes), then Lighthouse's
// mobile configuration. Prints Markdown.
import { launch, appUrl } from '../e2e/browser.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

const { context } = await launch();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

// Load: navigation start → the simulator shows a result and accepts input. Run 5 times.
const loads = [];
for (let i = 0; i < 5; i++) {
  await page.evaluate(() => localStorage.clear()).catch(() => {});
  const t0 = Date.now();
  await page.goto(new URL('simulator', appUrl).href, { waitUntil: 'commit' });
  await page.locator('#self-pay').waitFor();
  await page.locator('#rate').waitFor({ state: 'visible' });
  loads.push(Date.now() - t0);
}

// What the first load spends its time on (resource timing of the last load).
const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => ({
  name: r.name.split('/').pop() || '/', bytes: r.encodedBodySize, ms: r.duration,
})));
const nav = await page.evaluate(() => {
  const n = performance.getEntriesByType('navigation')[0];
  return { domInteractive: n.domInteractive, loadEvent: n.loadEventEnd };
});

// Keystrokes: set the rate field as a person types, measure until the self-pay text changes
// and the next frame is painted, in the page itself (no driver round trip in the number).
// National only: every rate above 4,000 yen/h changes the self-pay (in combined mode it stays
// at 500 yen/h up to 8,250 yen/h, so nothing on screen would change).
await page.locator('input[name="mode"][value="national"]').check();
await page.locator('#hours').fill('12');
const latencies = await page.evaluate(async () => {
  const input = document.querySelector('#rate');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const out = [];
  for (let i = 0; i < 100; i++) {
    const before = document.querySelector('#self-pay')?.textContent;
    const value = String(6000 + i * 10);
    const t0 = performance.now();
    await new Promise((resolve) => {
      const done = () => requestAnimationFrame(() => resolve());
      setTimeout(resolve, 5000); // never hang the report
      const obs = new MutationObserver(() => {
        if (document.querySelector('#self-pay')?.textContent !== before) {
          obs.disconnect();
          done();
        }
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      setter.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    out.push(performance.now() - t0);
  }
  return out;
});
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
  const times = await page.evaluate(async (h) => {
    const input = document.querySelector('#hours');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const out = [];
    for (let i = 0; i < 20; i++) {
      const before = document.querySelector('#self-pay')?.textContent;
      const t0 = performance.now();
      await new Promise((resolve) => {
        setTimeout(resolve, 5000);
        const obs = new MutationObserver(() => {
          if (document.querySelector('#self-pay')?.textContent !== before) {
            obs.disconnect();
            requestAnimationFrame(() => resolve());
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        setter.call(input, String(h + ((i % 2) ? 1 : 0)));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      out.push(performance.now() - t0);
    }
    return out;
  }, hours);
  scaling.push({ hours, prior: prior || '0', segments, median: pct(times, 50) });
}
await context.close();

console.log(`## In the browser (Chromium, 4× CPU throttling)

| measure | median | p95 | runs |
|---|---|---|---|
| navigation → simulator usable (result shown, field ready) | ${ms(pct(loads, 50))} | ${ms(pct(loads, 95))} | ${loads.length} |
| keystroke in the rate field → updated self-pay painted | ${ms(pct(latencies, 50))} | ${ms(pct(latencies, 95))} | ${latencies.length} |

What the last load fetched (resource timing; DOM interactive at ${ms(nav.domInteractive)}, load event at ${ms(nav.loadEvent)}):

| resource | bytes (encoded) | time |
|---|---|---|
${resources.sort((a, b) => b.ms - a.ms).map((r) => `| ${r.name} | ${r.bytes} | ${ms(r.ms)} |`).join('\n')}

${(() => {
  const total = resources.reduce((a, r) => a + r.bytes, 0);
  const wasm = resources.filter((r) => r.name.endsWith('.wasm')).reduce((a, r) => a + r.bytes, 0);
  return `The app's wasm is ${Math.round((wasm / Math.max(total, 1)) * 100)} % of the bytes fetched. Every page, chart and text of the app is compiled into it, so load time grows with the wasm (content added to any page adds to every first load), not with the number of pages visited; after the first visit the service worker serves every file from its cache, so repeat loads are dominated by compiling the wasm and the first render. (Timings above are of a repeat load.)`;
})()}

Rendering as the plan grows (keystroke in the hours field → updated result painted, median of 20):

| hours | SME cap already used | segments shown | median |
|---|---|---|---|
${scaling.map((x) => `| ${x.hours} | ${x.prior} | ${x.segments} | ${ms(x.median)} |`).join('\n')}

Segments are at most three by construction (national cap, Nagano's 24 h), so the cost of a
result does not grow with the hours.
`);

// Lighthouse (mobile configuration: its default), if installed in tests/bench.
const lh = join(here, 'node_modules/.bin/lighthouse');
const lhVersion = existsSync(join(here, 'node_modules/lighthouse/package.json'))
  ? JSON.parse(readFileSync(join(here, 'node_modules/lighthouse/package.json'), 'utf8')).version : null;
if (!lhVersion) {
  console.log('Lighthouse: not installed in tests/bench (npm ci there installs it).\n');
} else {
  const out = join(mkdtempSync(join(tmpdir(), 'ouen-lh-')), 'report.json');
  const r = spawnSync(lh, [
    new URL('simulator', appUrl).href, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync`,
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, encoding: 'utf8', timeout: 180000 });
  if (r.status !== 0 || !existsSync(out)) {
    console.log(`Lighthouse did not complete: ${(r.stderr || '').trim().split('\n').pop()}\n`);
  } else {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    const score = (c) => Math.round((j.categories[c]?.score ?? 0) * 100);
    const a = (id) => j.audits[id]?.displayValue ?? 'n/a';
    console.log(`### Lighthouse ${j.lighthouseVersion} (mobile, simulated throttling)

| performance | accessibility | best practices |
|---|---|---|
| ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} |

| FCP | LCP | TBT | CLS | Speed Index | TTI |
|---|---|---|---|---|---|
| ${a('first-contentful-paint')} | ${a('largest-contentful-paint')} | ${a('total-blocking-time')} | ${a('cumulative-layout-shift')} | ${a('speed-index')} | ${a('interactive')} |
`);
  }
}
