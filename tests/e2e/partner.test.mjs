// The npm package's custom elements on a plain partner page (no build step) with a strict
// CSP and hostile CSS: attributes configure them, events report results, two instances are
// independent, and no request leaves the origin. Each element loads only what it uses: a page
// with one simulator fetches the small wasm alone, within its budget (measured here on what
// Chromium really fetched), and the full wasm comes only with the other elements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serveFiles, artifacts } from './browser.mjs';
import { BUDGETS, brotli, table } from '../node/budgets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const npm = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const partner = join(here, '../partner');

let server, origin, browser;
before(async () => {
  ({ server, origin } = await serveFiles((path) =>
    path.startsWith('/ouen/') ? join(npm, path.slice(6)) : join(partner, path === '/' ? 'index.html' : path),
  // Nothing comes from the HTTP cache: each page's fetches are all seen and measured.
  { 'cache-control': 'no-store' }));
  browser = await launch({}, origin);
});
after(async () => {
  await browser.context.close();
  server.close();
});

/** Opens `path` and records every response: `fetched()` waits for their bodies and gives
 *  `{ path, bytes }` for each, in order. */
async function open(path) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => ({ path: new URL(r.url()).pathname, bytes: b }))));
  await page.goto(`${origin}${path}`);
  return { page, problems, fetched: () => Promise.all(bodies) };
}

/** The package's files among the fetched ones (`/ouen/…`), as paths inside the package. */
const fromPackage = (fetched) => fetched.filter((f) => f.path.startsWith('/ouen/')).map((f) => ({ ...f, path: f.path.slice(6) }));

test('a page with one <ouen-simulator> fetches the small wasm only, within 60 KB brotli', async (t) => {
  const { page, problems, fetched } = await open('/simulator.html');
  await page.locator('#combined .self-pay').filter({ hasText: '6,000円' }).waitFor();
  // ensureReady() waits for what the connected elements load; the result is set by then.
  const selfPay = await page.evaluate(async () => {
    const { ensureReady } = await import('/ouen/elements.js');
    await ensureReady();
    return document.querySelector('#combined').result.selfPay;
  });
  assert.equal(selfPay, 6000);
  await page.waitForLoadState('networkidle');
  const files = fromPackage(await fetched());
  const paths = files.map((f) => f.path);
  assert.ok(paths.includes('cost/web/ouen_cost_bg.wasm'), `the small wasm is fetched: ${paths.join(', ')}`);
  for (const f of ['web.js', 'web/ouen.js', 'web/ouen_bg.wasm', 'elements/eligibility.js', 'elements/checklist.js']) {
    assert.ok(!paths.includes(f), `${f} is not fetched by a page with only a simulator: ${paths.join(', ')}`);
  }
  assert.equal(new Set(paths).size, paths.length, `each file once: ${paths.join(', ')}`);
  const { total, text } = table(files.map((f) => [f.path, brotli(f.bytes)]));
  t.diagnostic('one <ouen-simulator>, fetched from the package (brotli):');
  for (const line of text.split('\n')) t.diagnostic(line);
  assert.ok(total <= BUDGETS.simulatorPageBrotli, `one <ouen-simulator> fetched ${total} B brotli, over the ${BUDGETS.simulatorPageBrotli} B budget:\n${text}`);
  assert.deepEqual(problems, [], 'no CSP violation or script error');
  await page.close();
});

test('a page with only <ouen-eligibility> fetches its view and the full wasm, not the small one', async () => {
  const { page, problems, fetched } = await open('/checks.html');
  await page.locator('#eligibility input[name="employees"]').fill('300');
  await page.locator('#eligibility [data-scheme="national"]').waitFor();
  await page.waitForLoadState('networkidle');
  const paths = fromPackage(await fetched()).map((f) => f.path);
  for (const f of ['elements/eligibility.js', 'web/ouen.js', 'web/ouen_bg.wasm']) {
    assert.ok(paths.includes(f), `${f} is fetched: ${paths.join(', ')}`);
  }
  for (const f of ['cost/web/ouen_cost_bg.wasm', 'elements/checklist.js']) {
    assert.ok(!paths.includes(f), `${f} is not fetched: ${paths.join(', ')}`);
  }
  assert.deepEqual(problems, [], 'no CSP violation or script error');
  await page.close();
});

test('both elements render, react to attributes and typing, and emit ouen-change', async () => {
  const { page, problems, fetched } = await open('/');
  const a = page.locator('#combined');
  const b = page.locator('#national');
  await a.locator('.self-pay').filter({ hasText: '6,000円' }).waitFor();
  await b.locator('.self-pay').filter({ hasText: '¥20,000' }).waitFor();

  // Hostile page CSS does not reach the shadow roots; the theme property does.
  const inputDisplay = await a.locator('input[name="rate"]').evaluate((e) => getComputedStyle(e).display);
  assert.notEqual(inputDisplay, 'none');
  const label = await a.locator('label').first().evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).fontSize]);
  assert.deepEqual(label, ['rgb(26, 26, 26)', '16px'], 'page styles on the host do not leak in');
  const green = await b.locator('.self-pay').evaluate((e) => getComputedStyle(e).color);
  assert.equal(green, 'rgb(0, 128, 0)');

  // An attribute change re-renders that element only.
  await page.evaluate(() => document.querySelector('#combined').setAttribute('rate', '8250'));
  await page.evaluate(() => document.querySelector('#combined').setAttribute('hours', '24'));
  await a.locator('.self-pay').filter({ hasText: '12,000円' }).waitFor();
  assert.match(await b.locator('.self-pay').textContent(), /¥20,000/);

  // Typing inside the element recomputes and emits.
  await b.locator('input[name="hours"]').fill('30');
  await b.locator('.self-pay').filter({ hasText: '¥15,000' }).waitFor();
  const events = await page.evaluate(() => window.ouenEvents);
  assert.ok(events.some((e) => e.id === 'combined' && e.selfPay === 12000), JSON.stringify(events));
  assert.ok(events.some((e) => e.id === 'national' && e.selfPay === 15000), JSON.stringify(events));

  // Bad input: an error at the field and an event naming it, never a number.
  await b.locator('input[name="hours"]').fill('0');
  await b.locator('.error').filter({ hasText: 'Support hours' }).waitFor();
  assert.equal(await b.locator('input[name="hours"]').getAttribute('aria-invalid'), 'true');
  const last = (await page.evaluate(() => window.ouenEvents)).at(-1);
  assert.deepEqual([last.id, last.error.field], ['national', 'hours']);

  // The eligibility element: a Nagano manufacturer with 300 employees qualifies; 301 and
  // capital over 300M does not, and says what would change it.
  const elig = page.locator('#eligibility');
  await elig.locator('input[name="employees"]').fill('300');
  // Capital no longer matters once the employees qualify: the question is hidden.
  await elig.locator('[data-question="capital"]').waitFor({ state: 'hidden' });
  await elig.locator('select[name="deemed"]').selectOption('no');
  await elig.locator('select[name="expertKind"]').selectOption('freelancer');
  await elig.locator('select[name="support"]').selectOption('telework');
  await elig.locator('[data-scheme="national"][data-status="eligible"]').waitFor();
  await elig.locator('[data-scheme="nagano"][data-status="eligible"]').waitFor();
  await elig.locator('input[name="employees"]').fill('301');
  await elig.locator('input[name="capital"]').fill('500000000');
  await elig.locator('[data-scheme="national"][data-status="notEligible"]').waitFor();
  assert.match(await elig.locator('[data-scheme="national"]').textContent(), /300/);

  // The checklist element: answer everything, get a score and a stage.
  const check = page.locator('#checklist');
  const selects = check.locator('select');
  const n = await selects.count();
  assert.ok(n >= 20);
  for (let i = 0; i < n; i++) await selects.nth(i).selectOption('done');
  await check.locator('.overall').filter({ hasText: '100%' }).waitFor();
  const ev = await page.evaluate(() => window.ouenEvents.filter((e) => e.id === 'checklist').at(-1));
  assert.equal(ev.overall, 100);

  // Four elements, two wasm files, each fetched once.
  const wasm = fromPackage(await fetched()).map((f) => f.path).filter((f) => f.endsWith('.wasm')).sort();
  assert.deepEqual(wasm, ['cost/web/ouen_cost_bg.wasm', 'web/ouen_bg.wasm']);

  await page.screenshot({ path: join(artifacts, 'partner.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no CSP violation or script error');
  assert.deepEqual(browser.foreign, [], 'no request leaves the origin');
  await page.close();
});
