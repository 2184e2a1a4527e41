// The cost simulator in headless Chromium: the leaflet's first example (6,000 yen × 12 h,
// national + Nagano → 6,000 yen self-pay), live updates, inline errors, persistence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, appUrl, artifacts } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.context.close();
  assert.deepEqual(browser.foreign, [], 'no request may leave the origin');
  assert.deepEqual(browser.errors, [], 'no uncaught page errors');
});

async function openApp() {
  const page = await browser.context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(new URL('simulator', appUrl).href);
  await page.locator('#rate').waitFor();
  return { page, consoleErrors };
}

async function fill(page, selector, value) {
  await page.locator(selector).fill('');
  await page.locator(selector).pressSequentially(value);
}

test('6,000 yen × 12 h with both schemes costs the SME 6,000円', async () => {
  const { page, consoleErrors } = await openApp();
  await fill(page, '#rate', '6000');
  await fill(page, '#hours', '12');
  await page.locator('input[name="mode"][value="combined"]').check();
  await page.locator('#self-pay').filter({ hasText: '6,000円' }).waitFor();
  assert.equal((await page.locator('#self-pay').textContent()).trim(), '6,000円');
  assert.match(await page.locator('#total-fee').textContent(), /72,000円/);
  assert.match(await page.locator('#subsidy-national').textContent(), /42,000円/);
  assert.match(await page.locator('#subsidy-nagano').textContent(), /24,000円/);
  // The explanation cites rule ids.
  const why = await page.locator('#explanation').textContent();
  for (const id of ['NAT-1', 'NGN-2', 'NGN-3', 'AR-2']) assert.ok(why.includes(id), `${id} in: ${why}`);
  await page.screenshot({ path: join(artifacts, 'simulator.png'), fullPage: true });
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the home tile leads to the simulator, and back returns home', async () => {
  const page = await browser.context.newPage();
  await page.goto(appUrl);
  await page.locator('#tile-simulator').click();
  await page.locator('#rate').waitFor();
  assert.equal(new URL(page.url()).pathname, '/simulator');
  await page.goBack();
  await page.locator('#tile-simulator').waitFor();
  await page.screenshot({ path: join(artifacts, 'home.png') });
  await page.close();
});

test('the split updates live as the rate is typed, and full-width digits work', async () => {
  const { page } = await openApp();
  await page.locator('input[name="mode"][value="national"]').check();
  await fill(page, '#hours', '40');
  await fill(page, '#rate', '４，０００');
  await page.locator('#self-pay').filter({ hasText: '20,000円' }).waitFor();
  await page.close();
});

test('bad input shows a localized error at the field, never a stale number', async () => {
  const { page } = await openApp();
  await fill(page, '#hours', '0');
  const err = page.locator('#hours-error');
  await err.filter({ hasText: '支援時間' }).waitFor();
  assert.match(await err.textContent(), /0より大きい数/);
  assert.equal(await page.locator('#hours').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#self-pay').count(), 0, 'no result while the input is wrong');
  await fill(page, '#hours', '12');
  await page.locator('#self-pay').waitFor();
  assert.equal(await page.locator('#hours-error').count(), 0);
  await page.close();
});

test('what was typed survives a reload', async () => {
  const { page } = await openApp();
  await fill(page, '#rate', '8250');
  await fill(page, '#hours', '24');
  await page.locator('input[name="mode"][value="combined"]').check();
  await page.locator('#self-pay').filter({ hasText: '12,000円' }).waitFor();
  await page.reload();
  await page.locator('#rate').waitFor();
  assert.equal(await page.locator('#rate').inputValue(), '8250');
  assert.equal(await page.locator('#hours').inputValue(), '24');
  await page.locator('#self-pay').filter({ hasText: '12,000円' }).waitFor();
  await page.close();
});
