// The npm package's custom elements on a plain partner page (no build step) with a strict
// CSP and hostile CSS: attributes configure them, events report results, two instances are
// independent, and no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serveFiles, artifacts } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const npm = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const partner = join(here, '../partner');

let server, origin, browser;
before(async () => {
  ({ server, origin } = await serveFiles((path) =>
    path.startsWith('/ouen/') ? join(npm, path.slice(6)) : join(partner, path === '/' ? 'index.html' : path)));
  browser = await launch({}, origin);
});
after(async () => {
  await browser.context.close();
  server.close();
});

test('both elements render, react to attributes and typing, and emit ouen-change', async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin}/`);
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

  await page.screenshot({ path: join(artifacts, 'partner.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no CSP violation or script error');
  assert.deepEqual(browser.foreign, [], 'no request leaves the origin');
  await page.close();
});
