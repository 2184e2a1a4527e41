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
await context.close();

console.log(`## In the browser (Chromium, 4× CPU throttling)

| measure | median | p95 | runs |
|---|---|---|---|
| navigation → simulator usable (result shown, field ready) | ${ms(pct(loads, 50))} | ${ms(pct(loads, 95))} | ${loads.length} |
| keystroke in the rate field → updated self-pay painted | ${ms(pct(latencies, 50))} | ${ms(pct(latencies, 95))} | ${latencies.length} |
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
