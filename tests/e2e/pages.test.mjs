// Every route, prerendered and then drawn by its own wasm: readable with JavaScript off, usable with it on, in
// both languages; each route's first load within its byte budget; every route reachable
// offline after one visit; the header short on a phone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { launch, appUrl, artifacts, appReady } from './browser.mjs';

const ROUTES = ['', 'simulator', 'eligibility', 'navigator', 'checklist', 'plan', 'rules', 'settings'];
const LANGS = ['ja', 'en'];
const at = (lang, route) => new URL(`${lang === 'en' ? 'en/' : ''}${route}`, appUrl).href;

/** Bytes a route's first visit may fetch, brotli (quality 11), service workers off, in KB of
 *  1,000 bytes: the issue's target, 150 KB, for every route in both languages. How the routes
 *  got there, largest steps first: one wasm per route, drawn once over its prerendered HTML
 *  (no hydration code); islands for what nobody needs at first (the hand-off dialog and
 *  import, the seminar bar, the organiser's tally, the simulator's what-if charts and the
 *  plan's documents with their Markdown and Word exports); every document read and written
 *  over the core's own JSON instead of serde_json and serde's derives (11–16 KB off each page
 *  that keeps one); each route's wasm built for one language, so it carries no message of the
 *  other (2.7–3.5 KB); the wasm's imports from its glue under short names instead of hashed
 *  ones (about 3 KB); the small allocator of ouen-heap; CSS by page; no float formatting from
 *  core::fmt; a small stable sort. */
const KB = 1000;
export const FIRST_LOAD_BUDGET = {
  '': 150 * KB,
  rules: 150 * KB,
  navigator: 150 * KB,
  settings: 150 * KB,
  checklist: 150 * KB,
  eligibility: 150 * KB,
  plan: 150 * KB,
  simulator: 150 * KB,
};

const browsers = [];
after(async () => {
  for (const b of browsers) await b.context.close();
  for (const b of browsers) {
    assert.deepEqual(b.foreign, [], 'no request may leave the origin');
    assert.deepEqual(b.errors, [], 'no uncaught page errors');
  }
});
async function browser(options) {
  const b = await launch(options);
  browsers.push(b);
  return b;
}

const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;

test('with JavaScript off, every route shows its heading, text and form, and says what needs JavaScript', async () => {
  const b = await browser({ javaScriptEnabled: false });
  const page = await b.context.newPage();
  for (const lang of LANGS) {
    for (const route of ROUTES) {
      const response = await page.goto(at(lang, route));
      assert.equal(response.status(), 200, `${lang}/${route}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const h1 = (await page.locator('h1').first().textContent()).trim();
      assert.ok(h1.length > 1, `${lang}/${route}: a heading`);
      const text = await page.locator('main').first().innerText();
      assert.ok(text.length > 40, `${lang}/${route}: the page's text (${text.length} chars)`);
      const noscript = await page.locator('#noscript').innerText();
      assert.match(noscript, lang === 'en' ? /JavaScript/ : /JavaScript を有効に/, `${lang}/${route}`);
      // The header's navigation and the language switch are plain links.
      assert.equal(await page.locator('.tool-nav a').count(), 8, `${lang}/${route}: tool links`);
      const other = lang === 'en' ? 'ja' : 'en';
      const href = await page.locator(`#lang-${other}`).getAttribute('href');
      assert.equal(href, (other === 'en' ? '/en/' : '/') + route);
    }
  }
  // The simulator's form is there, in the HTML as served.
  await page.goto(at('ja', 'simulator'));
  assert.equal(await page.locator('#rate').count(), 1);
  await page.screenshot({ path: join(artifacts, 'nojs-simulator-ja.png') });
  await page.close();
});

test('with JavaScript on, every route starts without an error in both languages', async () => {
  const b = await browser();
  const page = await b.context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${page.url()}: ${m.text()}`);
  });
  for (const lang of LANGS) {
    for (const route of ROUTES) {
      await page.goto(at(lang, route));
      const h1 = (await page.locator('h1').first().textContent()).trim();
      assert.ok(h1.length > 1, `${lang}/${route}`);
      // Ready: the frame's controls are enabled.
      assert.equal(await page.locator('fieldset.app-frame').getAttribute('disabled'), null, `${lang}/${route}`);
    }
  }
  assert.deepEqual(problems, [], 'a clean console');
  await page.close();
});

test('every page runs under Trusted Types: the CSP requires them, and nothing the app does needs an exception', async () => {
  const b = await browser();
  const page = await b.context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.sample}`));
  });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e}`));
  for (const route of ROUTES) {
    await page.goto(at('ja', route));
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /require-trusted-types-for 'script'; trusted-types ouen(;|$)/, route);
    assert.equal(await page.locator('fieldset.app-frame').getAttribute('disabled'), null, route);
    if (route === 'plan') {
      // The preview is redrawn from what is typed: text nodes, never HTML.
      await page.locator('#plan-example').click();
      await page.locator('#plan-ok').waitFor();
      await page.locator('#plan-issue').fill('<img src=x onerror="window.__pwned=1">問い合わせの対応漏れ');
      await page.locator('.plan-preview').filter({ hasText: '<img src=x' }).waitFor();
      assert.equal(await page.locator('.plan-preview img').count(), 0);
    }
    // The service worker is registered through the app's one policy.
    const registered = await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 15000))]));
    assert.ok(registered, `${route}: the service worker registers under Trusted Types`);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], route);
  }
  assert.deepEqual(problems, [], 'a clean console');
  // Enforced, not only declared: a plain string into an HTML sink is refused.
  const refused = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'accepted';
    } catch (e) {
      return e.name;
    }
  });
  assert.equal(refused, 'TypeError');
  await page.close();
});

test('an address with ?lang= goes to that language\'s page, and the switch remembers the choice', async () => {
  const b = await browser();
  const page = await b.context.newPage();
  await page.goto(new URL('checklist?lang=en', appUrl).href);
  assert.equal(new URL(page.url()).pathname, '/en/checklist');
  // English was chosen: a Japanese address now opens in English.
  await page.goto(at('ja', 'rules'));
  assert.equal(new URL(page.url()).pathname, '/en/rules');
  // The switch back to Japanese is remembered too.
  await page.locator('#lang-ja').click();
  await page.waitForURL((u) => u.pathname === '/rules');
  await appReady(page);
  await page.goto(at('ja', 'plan'));
  assert.equal(new URL(page.url()).pathname, '/plan');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  await page.close();
});

test('each route\'s first load (service workers off) is within its budget', async () => {
  const b = await browser({ serviceWorkers: 'block' });
  const report = [];
  const over = [];
  for (const route of ROUTES) {
    for (const lang of LANGS) {
      const page = await b.context.newPage();
      const fetched = [];
      page.on('response', async (r) => {
        fetched.push(r.body().then((body) => [new URL(r.url()).pathname, brotli(body)]).catch(() => [r.url(), 0]));
      });
      await page.goto(at(lang, route));
      await page.waitForLoadState('networkidle');
      const files = await Promise.all(fetched);
      const total = files.reduce((n, [, size]) => n + size, 0);
      const wasm = files.filter(([p]) => p.endsWith('.wasm')).map(([p]) => p);
      // A route fetches its own wasm, for its language, and no other route's.
      const name = `${route || 'home'}${lang === 'en' ? '_en' : ''}`;
      assert.deepEqual(wasm, [`/app/${name}_bg.wasm`], `${lang}/${route}`);
      // And its own stylesheet, no other page's: seminar.css only on the settings page (the
      // islands that draw with it link it when they open), simulator.css only on its page.
      const sheets = files.map(([p]) => p).filter((p) => p.endsWith('.css')).sort();
      const own = { simulator: 'simulator', eligibility: 'eligibility', navigator: 'eligibility', checklist: 'checklist', plan: 'plan', rules: 'rules', settings: 'seminar' }[route];
      assert.deepEqual(sheets, ['/style.css', ...(own ? [`/${own}.css`] : [])].sort(), `${lang}/${route}: stylesheets`);
      report.push(`${lang}/${route}: ${total} B brotli in ${files.length} files (budget ${FIRST_LOAD_BUDGET[route]})`);
      if (total > FIRST_LOAD_BUDGET[route]) {
        over.push(`${lang}/${route}: ${total} B > ${FIRST_LOAD_BUDGET[route]} B\n${files.map(([p, n]) => `  ${p} ${n}`).join('\n')}`);
      }
      await page.close();
    }
  }
  console.log(report.join('\n'));
  assert.deepEqual(over, [], 'every route within its first-load budget');
});

test('after one visit, every route opens offline, in both languages', async () => {
  const b = await browser();
  const page = await b.context.newPage();
  await page.goto(at('ja', ''));
  // The worker caches every route's files in the background once the page has loaded.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await b.context.setOffline(true);
  try {
    for (const lang of LANGS) {
      for (const route of ROUTES) {
        await page.goto(at(lang, route));
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.ok((await page.locator('h1').first().textContent()).trim().length > 1, `${lang}/${route}`);
      }
    }
    // Moving between pages by their links works too.
    await page.goto(at('ja', ''));
    await page.locator('#nav-simulator').click();
    await page.waitForURL((u) => u.pathname === '/simulator');
    await appReady(page);
    await page.locator('#rate').fill('5000');
    await page.locator('#hours').fill('10');
    await page.waitForFunction(() => /円/.test(document.querySelector('#self-pay')?.textContent ?? ''));
    // The islands come from the same cache: the what-if charts follow the form, and the
    // hand-off dialog opens with its QR code.
    const selfPay = (await page.locator('#self-pay').textContent()).match(/[\d,]+円/)[0];
    await page.locator('.whatif-slot').scrollIntoViewIfNeeded();
    await page.locator('#compare-combined').filter({ hasText: selfPay }).waitFor();
    await page.locator('#handoff-open').click();
    await page.locator('#handoff-qr svg').waitFor();
    assert.match(await page.locator('#handoff-url').textContent(), /#s=1&mode=\w+&rate=5000&hours=10/);
    await page.locator('#handoff-close').click();
    // An unknown address offline gets the not-found page.
    await page.goto(new URL('no-such-page', appUrl).href);
    assert.match(await page.locator('h1').textContent(), /見つかりません/);
  } finally {
    await b.context.setOffline(false);
  }
  await page.close();
});

test('on a 360×740 phone the header takes at most a sixth of the screen, and the simulator keeps its self-pay in view', async () => {
  const b = await browser({ viewport: { width: 360, height: 740 } });
  const page = await b.context.newPage();
  for (const lang of LANGS) {
    for (const route of ['', 'simulator']) {
      await page.goto(at(lang, route));
      const h = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height);
      assert.ok(h <= 740 / 6, `${lang}/${route}: header ${h}px`);
      if (route === 'simulator') {
        // The rate is above the fold, and the self-pay stays in view at the bottom.
        const rate = await page.locator('#rate').evaluate((el) => el.getBoundingClientRect().bottom);
        assert.ok(rate <= 740, `${lang}: the rate field is above the fold (${rate}px)`);
        const sticky = page.locator('.sticky-result');
        const box = await sticky.boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= 740, `${lang}: the self-pay is in view (${JSON.stringify(box)})`);
        assert.match(await sticky.textContent(), lang === 'en' ? /¥6,000/ : /6,000円/);
      }
      await page.screenshot({ path: join(artifacts, `phone-${lang}-${route || 'home'}.png`) });
    }
  }
  await page.close();
});
