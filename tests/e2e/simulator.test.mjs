// The cost simulator in headless Chromium: the leaflet's first example (6,000 yen × 12 h,
// national + Nagano → 6,000 yen self-pay), live updates, inline errors, persistence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, appUrl, artifacts, appReady } from './browser.mjs';
import { japaneseOutsideBrackets } from './flows.mjs';

const browser = useBrowser();

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
  // The expert's fee only: no tool licences or usage fees (001's case study).
  assert.match(await page.locator('#sim-scope').textContent(), /ツールの契約料・利用料は含みません/);
  assert.match(await page.locator('#subsidy-national').textContent(), /42,000円/);
  assert.match(await page.locator('#subsidy-nagano').textContent(), /24,000円/);
  // The explanation cites rule ids.
  const why = await page.locator('#explanation').textContent();
  for (const id of ['NAT-1', 'NGN-2', 'NGN-3', 'AR-2']) assert.ok(why.includes(id), `${id} in: ${why}`);
  await page.screenshot({ path: join(artifacts, 'simulator.png'), fullPage: true });
  // From the result, one tap into a plan draft with this rate and these hours.
  await page.locator('#plan-link').click();
  await page.waitForURL((u) => u.pathname === '/plan');
  await appReady(page);
  const rate = page.locator('[id="plan-rate"]');
  assert.equal(await rate.inputValue(), '6000');
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

test('a reload right after a keystroke keeps it, though the address follows a moment later', async () => {
  const { page } = await openApp();
  await page.locator('#self-pay').waitFor();
  await page.waitForFunction(() => location.hash.startsWith('#s=')); // the starting form
  for (const rate of ['7000', '7500']) {
    // Typed and reloaded at once: the reload is asked for before the page has put the change
    // in its address (once the keystroke is painted).
    await page.locator('#rate').evaluate((input, value) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, rate);
    await page.reload();
    await page.locator('#rate').waitFor();
    assert.equal(await page.locator('#rate').inputValue(), rate);
  }
  // The address has caught up, and a link opened in this same tab still wins over it.
  await page.waitForFunction(() => location.hash.includes('rate=7500'));
  await page.goto('about:blank');
  await page.goto(new URL('simulator', appUrl).href + '#s=1&mode=national&rate=5000&hours=10');
  assert.equal(await page.locator('#rate').inputValue(), '5000');
  await page.close();
});

// ---------- issue 3: presets, as-of date, what-if, share and print ----------

import { readFileSync } from 'node:fs';
const golden = JSON.parse(readFileSync(new URL('../data/golden.json', import.meta.url), 'utf8'));
const leafletCases = golden.cases.filter((c) => /^00\d/.test(c.source));
const yen = (n) => `${n.toLocaleString('en-US')}円`;

test('every preset shows the self-pay its leaflet prints', async () => {
  const { page, consoleErrors } = await openApp();
  assert.equal(leafletCases.length, 12);
  for (const c of leafletCases) {
    const button = page.locator(`button[data-golden="${c.name}"]`);
    assert.equal(await button.count(), 1, `a preset for ${c.name}`);
    assert.match(await button.textContent(), /出典/);
    await button.click();
    await page.locator('#self-pay').filter({ hasText: yen(c.expect.selfPay) }).waitFor();
    assert.equal((await page.locator('#self-pay').textContent()).trim(), yen(c.expect.selfPay), c.name);
    assert.match(await page.locator('#total-fee').textContent(), new RegExp(yen(c.expect.totalFee)));
    assert.equal(await page.locator('#rate').inputValue(), String(c.input.rate));
    assert.equal(await page.locator('#hours').inputValue(), String(c.input.hours));
    const mode = c.input.schemes.length === 2 ? 'combined' : c.input.schemes[0];
    assert.ok(await page.locator(`input[name="mode"][value="${mode}"]`).isChecked(), `${c.name}: ${mode}`);
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    const box = await button.boundingBox();
    assert.ok(box.height >= 44, 'touch target');
  }
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a shared link restores the full state, and wins over what this device saved', async () => {
  const { page } = await openApp();
  await fill(page, '#rate', '８，２５０');
  await fill(page, '#hours', '30');
  await page.locator('input[name="mode"][value="combined"]').check();
  await page.locator('summary', { hasText: 'これまでの利用' }).click();
  await fill(page, '#sme-prior', '10,000');
  await page.locator('#as-of').fill('2021-01-15');
  await page.locator('#self-pay').filter({ hasText: '40,500円' }).waitFor();
  const link = await page.locator('#share-url').inputValue();
  assert.match(link, /#s=1&mode=combined&rate=%EF%BC%98/);
  assert.match(link, /asOf=2021-01-15/);
  const selfPay = (await page.locator('#self-pay').textContent()).trim();
  // The address bar carries the state too, once typing has paused (it follows half a second
  // later: writing it at every keystroke held up the next one).
  await page.waitForFunction((hash) => location.hash === hash, new URL(link).hash);

  // Change what this device remembers, then open the link: the link wins.
  await page.locator('#preset-ngn-5').click();
  await page.locator('#self-pay').filter({ hasText: '3,000円' }).waitFor();
  const other = await browser.context.newPage();
  await other.goto(link);
  await other.locator('#rate').waitFor();
  assert.equal(await other.locator('#rate').inputValue(), '８，２５０');
  assert.equal(await other.locator('#hours').inputValue(), '30');
  assert.equal(await other.locator('#sme-prior').inputValue(), '10,000');
  assert.equal(await other.locator('#as-of').inputValue(), '2021-01-15');
  assert.ok(await other.locator('input[name="mode"][value="combined"]').isChecked());
  assert.equal((await other.locator('#self-pay').textContent()).trim(), selfPay);
  assert.equal(await other.locator('#link-note').count(), 0);
  await other.close();
  await page.close();
});

test('a garbled or newer link says so and falls back to the saved input', async () => {
  for (const [hash, words] of [['#s=1&mode=tokyo', '読み取れませんでした'], ['#s=9&rate=1', '新しい版'], ['#%zz', '読み取れませんでした']]) {
    const page = await browser.context.newPage();
    await page.goto(new URL('simulator', appUrl).href + hash);
    await page.locator('#link-note').waitFor();
    assert.match(await page.locator('#link-note').textContent(), new RegExp(words));
    await page.locator('#self-pay').waitFor();
    await page.close();
  }
});

test('what was typed survives a reload without any link', async () => {
  const { page } = await openApp();
  await fill(page, '#rate', '5000');
  await fill(page, '#hours', '20');
  await page.locator('input[name="mode"][value="combined"]').check();
  await page.locator('#self-pay').filter({ hasText: '10,000円' }).waitFor();
  await page.goto(new URL('simulator', appUrl).href); // no fragment: local storage
  await page.locator('#rate').waitFor();
  assert.equal(await page.locator('#rate').inputValue(), '5000');
  await page.locator('#self-pay').filter({ hasText: '10,000円' }).waitFor();
  await page.close();
});

test('the as-of date shows which programmes are open, with deadlines in 和暦', async () => {
  const { page } = await openApp();
  await page.locator('#preset-ngn-1').click();
  // Back to the default, today (long after every deadline).
  if (await page.locator('#as-of-today').count()) await page.locator('#as-of-today').click();
  await page.locator('#as-of-today').waitFor({ state: 'detached' });
  const today = await page.locator('#as-of').inputValue();
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/);
  await page.locator('#status-summary').filter({ hasText: '新しく申し込める制度はありません' }).waitFor();
  assert.match(await page.locator('#warnings').textContent(), /終了しています/);
  assert.equal((await page.locator('#self-pay').textContent()).trim(), '6,000円', 'still simulated under the old rules');

  await page.locator('#as-of').fill('2021-05-01');
  await page.locator('#status-summary').filter({ hasText: '第Ⅱ期' }).waitFor();
  const known = await page.locator('#programmes').textContent();
  assert.match(known, /受付中/);
  assert.match(known, /2021年9月30日（令和3年9月30日）/, 'next deadline as first announced (002), in 和暦');
  assert.doesNotMatch(known, /2021年11月1日/, 'the revision (001) was not announced yet');
  // 2021-11-01: the day 001 announced the revised dates, and the revised registration deadline.
  await page.locator('#as-of').fill('2021-11-01');
  await page.locator('#programmes').filter({ hasText: '2021年11月1日（令和3年11月1日）' }).waitFor();
  const status = await page.locator('#programmes').textContent();
  assert.match(status, /受付中/);
  assert.match(status, /2021年11月1日（令和3年11月1日）/, 'next deadline, revised, in 和暦');
  assert.match(status, /2021年9月30日/, 'the first announcement is kept');
  assert.match(status, /NAT-P5/, 'the early-closing caveat');
  assert.match(await page.locator('#result-as-of').textContent(), /令和3年11月1日/);
  await page.screenshot({ path: join(artifacts, 'simulator-status.png'), fullPage: true });

  await page.locator('#as-of-today').click();
  assert.equal(await page.locator('#as-of').inputValue(), today);
  await page.close();
});

test('the three modes side by side, the rate chart with its bends, and the meters', async () => {
  const { page } = await openApp();
  await page.locator('#preset-ngn-1').click();
  await page.locator('#self-pay').filter({ hasText: '6,000円' }).waitFor();
  // The charts are an island, fetched when their place comes near the screen.
  await page.locator('.whatif-slot').scrollIntoViewIfNeeded();
  // They follow the form a moment after its result is painted.
  await page.locator('#compare-combined').filter({ hasText: '6,000円' }).waitFor();
  assert.match(await page.locator('#compare-national').textContent(), /30,000円/);
  assert.match(await page.locator('#compare-combined').textContent(), /6,000円/);
  assert.match(await page.locator('#compare-nagano').textContent(), /21,000円/);
  assert.match(await page.locator('#compare svg').getAttribute('aria-label'), /自己負担 6,000円/);
  const kinks = await page.locator('#kinks').textContent();
  assert.match(kinks, /4,000円/);
  assert.match(kinks, /8,250円/);
  assert.equal(await page.locator('#rate-chart polyline').count(), 3);
  assert.match(await page.locator('#meter-sme').textContent(), /この計画 42,000円/);
  assert.match(await page.locator('#meter-sme').textContent(), /残り 258,000円/);
  assert.match(await page.locator('#meter-nagano').textContent(), /残り 12時間/);
  // Each figure opens into its steps, citing rules.
  await page.locator('#why-nagano summary').click();
  assert.match(await page.locator('#why-nagano').textContent(), /NGN-2/);
  await page.close();
});

test('copy link copies, or selects the link when the clipboard is not available', async () => {
  const { page } = await openApp();
  await page.locator('#copy-link').click();
  await page.locator('#copy-status').filter({ hasText: /コピー/ }).waitFor();
  const status = await page.locator('#copy-status').textContent();
  if (/できませんでした/.test(status)) {
    const selected = await page.evaluate(() => {
      const el = document.getElementById('share-url');
      return document.activeElement === el && el.selectionEnd - el.selectionStart === el.value.length;
    });
    assert.ok(selected, 'fallback selects the link');
  }
  await page.close();
});

test('the rules page lists every rule, its source, and the history of dates', async () => {
  const { page } = await openApp();
  await page.locator('#rules-link').click();
  await page.locator('#rule-NAT-1').waitFor();
  assert.equal(new URL(page.url()).pathname, '/rules');
  for (const id of ['NAT-1', 'NAT-5', 'NAT-P4', 'NAT-P5', 'NGN-3', 'AR-3b', 'SME-6', 'EXP-2']) {
    assert.equal(await page.locator(`#rule-${id}`).count(), 1, id);
  }
  assert.match(await page.locator('#rule-NAT-1').textContent(), /3,500円/);
  assert.match(await page.locator('#rule-NGN-3').textContent(), /解釈/);
  assert.match(await page.locator('#dates-table').textContent(), /2021年9月30日/);
  assert.match(await page.locator('#rules-stamp').textContent(), /ルール版 .+（データ [0-9a-f]{8}）/);
  await page.screenshot({ path: join(artifacts, 'rules.png'), fullPage: true });
  await page.goto(appUrl);
  await page.locator('#tile-rules').waitFor();
  await page.close();
});

test('phone width and the A4 print layout', async () => {
  const { page } = await openApp();
  await page.locator('#preset-ngn-4').click();
  await page.locator('#self-pay').filter({ hasText: '12,000円' }).waitFor();
  await page.locator('#as-of').fill('2021-01-15');
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 360px (${overflow}px)`);
  await page.screenshot({ path: join(artifacts, 'simulator-360.png'), fullPage: true });
  // A4 at 96 dpi, minus margins: about 680 × 1000 px of content.
  await page.setViewportSize({ width: 680, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#presets').isVisible(), false);
  assert.equal(await page.locator('.sim-form').isVisible(), false);
  assert.ok(await page.locator('#self-pay').isVisible());
  assert.match(await page.locator('#ruleset-stamp').textContent(), /ルール版/);
  await page.screenshot({ path: join(artifacts, 'simulator-print.png'), fullPage: true });
  // The real thing: Chromium's own A4 PDF, one page, with the stamp in it.
  const pages = async () => {
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  };
  assert.equal(await pages(), 1, 'one A4 page');
  // Even a result full of warnings (caps reached, programmes closed) stays on one page.
  await page.goto(new URL('simulator', appUrl).href + '#s=1&mode=combined&rate=8250&hours=30&smePrior=290000&naganoPriorHours=20');
  await page.locator('#warnings').waitFor();
  assert.equal(await pages(), 1, 'one A4 page with many warnings');
  await page.close();
});

// ---------- issue 8: the simulator and the rules page in English ----------

/** Opens `path` in English; the language choice is remembered, so `restoreJapanese` after. */
async function openEnglish(path, ready) {
  const page = await browser.context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(new URL(path, appUrl).href);
  await page.locator(ready).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  return { page, consoleErrors };
}

async function restoreJapanese(page) {
  await page.goto(new URL('simulator?lang=ja', appUrl).href);
  await page.locator('#rate').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
}

test('the simulator in English: labels, yen, dates, rule-core messages, no Japanese', async () => {
  const { page, consoleErrors } = await openEnglish('simulator?lang=en', '#rate');
  await page.locator('#preset-ngn-1').click();
  await page.locator('#self-pay').filter({ hasText: '¥6,000' }).waitFor();
  assert.equal(await page.locator('h1').textContent(), 'How much will it cost?');
  assert.equal(await page.locator('#form-title').textContent(), 'Enter the details');
  assert.match(await page.locator('label[for="rate"]').textContent(), /yen per hour/);
  assert.match(await page.locator('#result-title').textContent(), /Result\s*National \+ Nagano/);
  assert.match(await page.locator('#total-fee').textContent(), /¥72,000/);
  assert.match(await page.locator('#subsidy-national').textContent(), /¥42,000/);
  assert.match(await page.locator('#subsidy-nagano').textContent(), /¥24,000/);
  assert.equal(await page.locator('#explanation-title').textContent(), 'Why?');
  assert.match(await page.locator('#segments').textContent(), /0 h – 12 h/);
  assert.match(await page.locator('#meter-sme').textContent(), /This plan ¥42,000/);
  assert.match(await page.locator('#meter-nagano').textContent(), /Left 12 h/);
  assert.match(await page.locator('#timeline figcaption').textContent(), /^Hours of the plan: 0 h – 12 h: National \+ Nagano$/);
  await page.locator('.whatif-slot').scrollIntoViewIfNeeded();
  // The charts follow the form a moment after its result is painted (they may have opened on
  // the form this device had saved, before the preset was chosen).
  await page.locator('#compare svg[aria-label*="National + Nagano: self-pay ¥6,000"]').waitFor();
  assert.match(await page.locator('#compare svg').getAttribute('aria-label'), /National \+ Nagano: self-pay ¥6,000/);
  assert.match(await page.locator('#compare-combined').textContent(), /Selected/);
  assert.match(await page.locator('#kinks').textContent(), /up to an hourly rate of ¥8,250/);
  assert.match(await page.locator('#rate-chart svg').getAttribute('aria-label'), /^Line chart of the self-pay per hour\./);
  assert.match(await page.locator('#presets').textContent(), /Source Nagano Prefecture leaflet/);

  // The programmes on a date, in English with English dates and programme names.
  await page.locator('#as-of').fill('2021-11-01');
  await page.locator('#status-summary').filter({ hasText: 'Open on 1 November 2021' }).waitFor();
  const status = await page.locator('#programmes').textContent();
  assert.match(status, /SME Digitalization Support Corps \(Phase II\)/);
  assert.match(status, /● Open/);
  assert.match(status, /1 November 2021/);
  assert.match(status, /first announced as 30 September 2021 \(source [A-Z][^)]*\)\./);
  assert.match(await page.locator('#result-as-of').textContent(), /Calculated with the rules in force on 1 November 2021\./);

  // An error from the rules core, next to its field, in English.
  await fill(page, '#hours', '0');
  const err = page.locator('#hours-error');
  await err.waitFor();
  assert.doesNotMatch(await err.textContent(), /[\u3040-\u30ff]/);
  assert.match(await page.locator('#result-notice').textContent(), /Please check your input/);
  await fill(page, '#hours', '12');
  await page.locator('#self-pay').waitFor();

  await page.locator('#copy-link').click();
  await page.locator('#copy-status').filter({ hasText: /copied/i }).waitFor();

  const text = await page.evaluate(() => document.body.innerText);
  assert.deepEqual(japaneseOutsideBrackets(text), []);
  await page.screenshot({ path: join(artifacts, 'simulator-en.png'), fullPage: true });

  // Print-only summary and a garbled link, in English too.
  await page.emulateMedia({ media: 'print' });
  assert.match(await page.locator('.print-summary').textContent(), /Hourly rate¥6000\/h/);
  await page.emulateMedia({ media: 'screen' });
  await page.goto(new URL('simulator', appUrl).href + '#s=9&rate=1');
  await page.locator('#link-note').waitFor();
  assert.match(await page.locator('#link-note').textContent(), /newer version of the app \(format 9\)/);
  assert.deepEqual(consoleErrors, []);
  await restoreJapanese(page);
  await page.close();
});

test('the rules page in English: rule statements, history, sources', async () => {
  const { page, consoleErrors } = await openEnglish('rules?lang=en', '#rule-NAT-1');
  assert.equal(await page.locator('h1').textContent(), 'Rules and sources');
  assert.match(await page.locator('#rules-stamp').textContent(), /^Ruleset .+ \(data [0-9a-f]{8}\)$/);
  const nat1 = await page.locator('#rule-NAT-1').textContent();
  assert.match(nat1, /The national honorarium per hour is the lesser of 3,500 yen/);
  assert.doesNotMatch(nat1, /[\u3040-\u30ff]/);
  assert.match(await page.locator('#rule-NGN-3').textContent(), /Interpretation \(estimate\)/);
  assert.match(await page.locator('#amounts-table').textContent(), /¥\d/);
  assert.match(await page.locator('#dates-table').textContent(), /30 September 2021/);
  assert.match(await page.locator('#sources').textContent(), /Nagano Prefecture leaflet/);
  const text = await page.evaluate(() => document.body.innerText);
  assert.deepEqual(japaneseOutsideBrackets(text), []);
  await page.screenshot({ path: join(artifacts, 'rules-en.png'), fullPage: true });
  assert.deepEqual(consoleErrors, []);
  await restoreJapanese(page);
  await page.close();
});
