// The core flows of the app, written once for any engine. An engine module (firefox.mjs,
// webkit.mjs) exports `launch()`, which resolves to a driver with this small interface:
//
//   goto(url) / reload()      navigate; on an app page, resolve once it is ready (data-ready)
//   click(selector, nth?)     click the nth element matching a CSS selector
//   type(selector, text)      clear a field, then type into it key by key
//   text(selector)            the element's textContent
//   evaluate(fn, ...args)     run fn in the page; its (awaited) result
//   waitFor(selector | fn)    poll until the selector matches, or fn (in the page) is truthy
//   download(selector)        click, and resolve to the file saved: { name, bytes }
//   errors()                  resolves to the page errors seen so far (uncaught errors,
//                             unhandled rejections, console.error and .warn), the live array
//   screenshot(path), close()
//
// and `unavailable()`, which says why the engine cannot run here (or null: a missing browser
// fails the run, it is not skipped). The selectors are
// those of the Chromium tests in tests/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startProxy, artifacts, poll } from './harness.mjs';
import { EXCLUSIONS } from '../e2e/flows.mjs';

const ROUTES = ['', 'simulator', 'eligibility', 'navigator', 'checklist', 'plan', 'rules', 'settings'];

const golden = JSON.parse(readFileSync(new URL('../data/golden.json', import.meta.url), 'utf8'));
const yen = (n) => `${n.toLocaleString('en-US')}円`;

// The npm package built with the app (`cargo xtask dist`): the core the pages must agree with.
const here = dirname(fileURLToPath(import.meta.url));
const npmDir = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const pkg = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
const core = await import(pathToFileURL(join(npmDir, pkg.exports['.'].node)).href);

/** Registers the flows for `engine` (a module as described above). `probe`: the engine's
 *  driver cannot see page errors itself, so the proxy adds the harness's probe to each page. */
export function flows(name, engine, { probe = false } = {}) {
  let b; // the driver
  let proxy; // the app, behind a proxy of this run's own
  const at = (lang, route) => `${proxy.origin}/${lang === 'en' ? 'en/' : ''}${route}`;

  before(async () => {
    // A missing browser fails the run (`cargo xtask test` installs them when root).
    const missing = engine.unavailable();
    if (missing) throw new Error(`${name}: ${missing}`);
    proxy = await startProxy({ probe });
    b = await engine.launch();
    console.log(`${name}: ${b.version}`);
  });
  after(async () => {
    await b?.close();
    await proxy?.close();
    if (b) assert.deepEqual(await b.errors(), [], `no page errors in ${name}`);
  });

  test(`${name}: the harness sees an error thrown in a page`, async () => {
    // Otherwise "no page error" below would prove nothing.
    await b.goto(at('ja', 'rules'));
    await b.evaluate(() => {
      setTimeout(() => {
        throw new Error('engine-harness-check');
      });
    });
    const errors = await poll(async () => {
      const all = await b.errors();
      return all.some((e) => e.includes('engine-harness-check')) && all;
    }, 'the error to be reported', 5000).catch(() => null);
    assert.ok(errors, 'the thrown error was reported');
    errors.splice(0, errors.length, ...errors.filter((e) => !e.includes('engine-harness-check')));
  });

  test(`${name}: every page renders and starts in Japanese and English, without a page error`, async () => {
    for (const lang of ['ja', 'en']) {
      for (const route of ROUTES) {
        await b.goto(at(lang, route));
        const page = await b.evaluate(() => ({
          lang: document.documentElement.lang,
          h1: document.querySelector('h1')?.textContent.trim() ?? '',
          main: document.querySelector('main')?.textContent.trim().length ?? 0,
          frameDisabled: document.querySelector('fieldset.app-frame')?.disabled ?? null,
          path: location.pathname,
        }));
        const where = `${lang}/${route}`;
        assert.equal(page.path, `/${lang === 'en' ? 'en/' : ''}${route}`, where);
        assert.equal(page.lang, lang, where);
        assert.ok(page.h1.length > 1, `${where}: a heading`);
        assert.ok(page.main > 40, `${where}: the page's text`);
        // Ready: the page's wasm adopted it and enabled its controls.
        assert.equal(page.frameDisabled, false, `${where}: controls enabled`);
        assert.deepEqual(await b.errors(), [], `${where}: no page error`);
      }
    }
    await b.screenshot(join(artifacts, `${name}-home-en.png`));
    await b.goto(at('ja', ''));
    // The pages above ran under the CSP's Trusted Types, which this engine enforces where it
    // has them (Firefox ESR 140 and WebKitGTK 2.50 both do): a plain string into an HTML
    // sink is refused.
    const tt = await b.evaluate(() => {
      if (!window.trustedTypes) return 'unsupported';
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return 'accepted';
      } catch (e) {
        return e.name;
      }
    });
    if (tt !== 'unsupported') assert.equal(tt, 'TypeError', `${name}: Trusted Types enforced`);
    // The refusal is reported as a CSP violation: the one error this test caused, taken out
    // of the page errors that the suite asserts are none.
    // (It reaches the harness a moment later, where the engine reports it at all.)
    for (let i = 0; i < 30 && !(await b.errors()).some((e) => /trusted/i.test(e)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const caused = (await b.errors()).splice(0);
    for (const e of caused) assert.match(e, /trusted/i, `${name}: only the probe's violation`);
  });

  test(`${name}: a simulation shows the self-pay the core computes`, async () => {
    // Leaflet cases in each mode (national only, Nagano only, both).
    const cases = ['national', 'nagano', 'combined'].map((mode) =>
      golden.cases.find((c) => (c.input.schemes.length === 2 ? 'combined' : c.input.schemes[0]) === mode && !c.input.asOf));
    await b.goto(at('ja', 'simulator'));
    for (const c of cases) {
      const mode = c.input.schemes.length === 2 ? 'combined' : c.input.schemes[0];
      await b.click(`input[name="mode"][value="${mode}"]`);
      await b.type('#rate', String(c.input.rate));
      await b.type('#hours', String(c.input.hours));
      const expected = yen(c.expect.selfPay);
      assert.equal(core.simulate(c.input).selfPay, c.expect.selfPay, `${c.name}: the core agrees with its source`);
      await b.waitFor((want) => document.querySelector('#self-pay')?.textContent.trim() === want, { args: [expected] })
        .catch(async (e) => {
          throw new Error(`${c.name}: self-pay ${await b.text('#self-pay').catch(() => '(none)')}, want ${expected}: ${e.message}`);
        });
      assert.match(await b.text('#total-fee'), new RegExp(yen(c.expect.totalFee)), c.name);
    }
    await b.screenshot(join(artifacts, `${name}-simulator.png`));
  });

  test(`${name}: the eligibility wizard reaches a verdict`, async () => {
    await b.goto(at('ja', 'eligibility'));
    await b.click('#elig-reset');
    const question = (field) => `[data-question="${field}"]`;
    const choose = async (field, value) => {
      await b.waitFor(question(field));
      await b.click(`${question(field)} button[data-value="${value}"]`);
    };
    const answer = async (field, value) => {
      await b.waitFor(question(field));
      await b.type('#elig-input', value);
      await b.click('#elig-next');
    };
    await choose('location', 'nagano');
    await choose('orgType', 'company');
    await choose('industry', 'manufacturing');
    await answer('employees', '45');
    for (const f of EXCLUSIONS) await choose(`exclusions.${f}`, 'no');
    await choose('expertKind', 'freelancer');
    await choose('support', 'ecSite');
    await answer('asOf', '2021-01-15');
    await b.waitFor('#elig-next-steps');
    const status = (id) => b.evaluate((s) => document.querySelector(s).dataset.status, id);
    assert.equal(await status('#verdict-national'), 'eligible');
    assert.equal(await status('#verdict-nagano'), 'eligible');
    assert.match(await b.text('#elig-summary'), /対象になります/);
    await b.screenshot(join(artifacts, `${name}-eligibility.png`));
  });

  test(`${name}: checklist answers survive a reload`, async () => {
    await b.goto(at('ja', 'checklist'));
    await b.evaluate(() => localStorage.removeItem('ouen.checklist.draft'));
    await b.reload();
    await b.click('#checklist-kind input[value="retail"]');
    const items = await b.evaluate(() => [...document.querySelectorAll('fieldset.cl-item')].map((f) => f.id));
    assert.ok(items.length >= 3, `items on the first page: ${items}`);
    const levels = ['done', 'partial', 'considering', 'notStarted'];
    const chosen = {};
    for (const [i, id] of items.entries()) {
      chosen[id] = levels[i % levels.length];
      await b.click(`#${id} input[value="${chosen[id]}"]`);
    }
    const answered = () => b.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll('fieldset.cl-item')].map((f) => [f.id, f.querySelector('input:checked')?.value ?? null])));
    assert.deepEqual(await answered(), chosen);
    await b.reload();
    assert.deepEqual(await answered(), chosen, 'the answers after a reload');
    assert.equal(await b.evaluate(() => document.querySelector('#checklist-kind input:checked')?.value), 'retail');
    assert.match(await b.text('.cl-progress label'), new RegExp(`^回答 ${items.length} / \\d+ 項目$`));
  });

  test(`${name}: a plan downloads as .docx and .md`, async () => {
    await b.goto(at('ja', 'plan'));
    await b.click('#plan-example');
    await b.waitFor('#plan-ok');
    const company = `株式会社${name}試験 Shinshu`;
    await b.type('[id="plan-sme.name"]', company);
    await b.waitFor((c) => document.querySelector('#plan-ok') && document.querySelector('.plan-preview')?.textContent.includes(c),
      { args: [company] });
    const selfPay = (await b.text('#plan-self-pay')).trim();
    assert.equal(selfPay, '32,000円');

    const md = await b.download('#plan-md');
    assert.match(md.name, /\.md$/);
    const text = md.bytes.toString('utf8');
    assert.ok(text.includes(company), `the company name in the Markdown: ${text.slice(0, 200)}`);
    assert.ok(text.includes(selfPay), 'the self-pay in the Markdown');
    assert.ok(text.includes(core.rulesetInfo().hash), 'the ruleset stamp in the Markdown');

    const docx = await b.download('#plan-docx');
    assert.match(docx.name, /\.docx$/);
    assert.equal(docx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a ZIP');
    assert.ok(docx.bytes.includes('word/document.xml'), 'with its document part');
    await b.screenshot(join(artifacts, `${name}-plan.png`));
  });

  test(`${name}: storage faults: no storage, a full quota, a garbage key; every page still runs and says so`, async () => {
    const notice = (selector) => b.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
    try {
      // No storage at all (cookies blocked, some private windows): the getter throws.
      proxy.setFault(`Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`);
      for (const [route, note] of [['plan', '#plan-save-error'], ['simulator', '#save-note'], ['checklist', '.cl-storage-note'], ['eligibility', '#elig-storage-note']]) {
        await b.goto(at('ja', route));
        await b.waitFor(note);
        const text = await notice(note);
        assert.ok(text.includes('保存が使えません') && text.includes('書き出し'), `${route}: ${text}`);
      }
      // What is typed without storage is still there and used.
      await b.goto(at('ja', 'simulator'));
      await b.click('input[name="mode"][value="combined"]');
      await b.type('#rate', '6000');
      await b.type('#hours', '12');
      await b.waitFor(() => document.querySelector('#self-pay')?.textContent.trim() === '6,000円');

      // A full quota: every write refused.
      proxy.setFault(`Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`);
      await b.goto(at('ja', 'plan'));
      await b.type('[id="plan-sme.name"]', '株式会社信州精機');
      await b.waitFor('#plan-save-error');
      assert.match(await notice('#plan-save-error'), /計画書の下書き.*空き容量.*書き出し/);
      assert.equal(await b.evaluate(() => document.getElementById('plan-sme.name').value), '株式会社信州精機');

      // A key holding garbage: said, and never overwritten.
      proxy.setFault('');
      await b.goto(at('ja', 'checklist'));
      await b.evaluate(() => { localStorage.clear(); localStorage.setItem('ouen.checklist.draft', 'garbage{'); });
      await b.reload();
      await b.waitFor('.cl-storage-note');
      assert.match(await notice('.cl-storage-note'), /チェックリストの回答.*書き出し/);
      await b.click('#checklist-kind input[value="service"]');
      await b.reload();
      assert.equal(await b.evaluate(() => localStorage.getItem('ouen.checklist.draft')), 'garbage{');
    } finally {
      proxy.setFault('');
      await b.goto(at('ja', ''));
      await b.evaluate(() => localStorage.clear());
    }
  });

  test(`${name}: after one visit, the app reloads offline`, async (t) => {
    // A fresh origin (its own proxy): nothing from the tests above is cached for it.
    const fresh = await startProxy({ probe });
    try {
      await b.goto(`${fresh.origin}/`);
      const sw = await b.evaluate(() => ('serviceWorker' in navigator) && typeof caches !== 'undefined');
      if (!sw) {
        t.skip(`${name} under automation exposes no service worker (navigator.serviceWorker) on http://127.0.0.1`);
        return;
      }
      // Controlled: the worker cached every page and took over (it claims open pages).
      await b.waitFor(() => navigator.serviceWorker.controller !== null, { timeout: 60000 });
      fresh.setOffline(true);
      await b.reload();
      assert.ok((await b.text('h1')).trim().length > 1, 'the home page, offline');
      // A page not opened before, in the other language, and a simulation on it.
      await b.goto(`${fresh.origin}/en/simulator`);
      assert.equal(await b.evaluate(() => document.documentElement.lang), 'en');
      await b.click('input[name="mode"][value="combined"]');
      await b.type('#rate', '6000');
      await b.type('#hours', '12');
      await b.waitFor(() => document.querySelector('#self-pay')?.textContent.trim() === '¥6,000');
      await b.goto(`${fresh.origin}/checklist`);
      assert.equal(await b.evaluate(() => document.querySelectorAll('fieldset.cl-item').length > 0), true);
      // All of it came from the worker's cache: the only thing asked of the network while
      // offline was the browser's update check of the worker itself.
      assert.deepEqual([...new Set(fresh.offlineHits)].filter((p) => p !== '/sw.js'), [], 'requests while offline');
      await b.screenshot(join(artifacts, `${name}-offline-checklist.png`));
    } finally {
      fresh.setOffline(false);
      await fresh.close();
    }
  });
}
