// Storage faults (issue #16), injected into Chromium before the app runs: a key holding
// garbage or a newer schema, a full quota, and no storage at all. Each time the page still
// starts and works, says politely what it could not keep (and that the exports still work),
// and never overwrites what it could not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, appUrl } from './browser.mjs';

const browser = useBrowser();
const url = (path) => new URL(path, appUrl).href;
const field = (page, id) => page.locator(`[id="${id}"]`);

/** A page with `setup` run before any of the app's scripts, on every load. */
async function pageWith(setup, arg) {
  const page = await browser.context.newPage();
  if (setup) await page.addInitScript(setup, arg);
  return page;
}

test('a key holding garbage or a newer schema is left untouched, and the page says so', async () => {
  const cases = [
    { path: 'plan', key: 'ouen.plan.drafts', value: 'garbage{', note: '#plan-save-error', what: '計画書の下書き',
      type: async (p) => field(p, 'plan-sme.name').fill('株式会社信州精機') },
    { path: 'simulator', key: 'ouen.simulator', value: '{"version": 999}', note: '#save-note', what: '費用シミュレーターの入力',
      type: async (p) => p.locator('#rate').fill('5000') },
    { path: 'checklist', key: 'ouen.checklist.draft', value: '{"schema": 999, "data": {"kind": "retail"}}', note: '.cl-storage-note', what: 'チェックリストの回答',
      type: async (p) => p.locator('#checklist-kind input[value="service"]').check() },
  ];
  for (const c of cases) {
    const page = await pageWith();
    await page.goto(url(c.path));
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [c.key, c.value]);
    await page.reload();
    const note = page.locator(c.note).first();
    await note.waitFor();
    const text = await note.textContent();
    assert.ok(text.includes(c.what) && text.includes('書き出し'), text);
    // The page still works, and what is typed does not replace the unreadable key.
    await c.type(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), c.key), c.value, c.path);
    await page.reload();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), c.key), c.value, c.path);
    await page.close();
  }
});

test('a full quota: the page keeps working and says the draft could not be kept', async () => {
  const page = await pageWith(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(url('plan'));
  await field(page, 'plan-sme.name').fill('株式会社信州精機');
  const note = page.locator('#plan-save-error');
  await note.waitFor();
  const text = await note.textContent();
  assert.match(text, /計画書の下書き.*空き容量.*書き出し/, text);
  // What was typed is still there and used.
  assert.equal(await field(page, 'plan-sme.name').inputValue(), '株式会社信州精機');
  await page.close();
});

test('no storage at all (the getter throws): every page still runs and says so', async () => {
  for (const [path, note] of [['plan', '#plan-save-error'], ['simulator', '#save-note'], ['checklist', '.cl-storage-note'], ['eligibility', '#elig-storage-note']]) {
    const page = await pageWith(() => {
      Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    });
    await page.goto(url(path));
    const n = page.locator(note).first();
    await n.waitFor();
    const text = await n.textContent();
    assert.ok(text.includes('保存が使えません') && text.includes('書き出し'), `${path}: ${text}`);
    await page.close();
  }
  // A plan can still be typed and shown without storage.
  const page = await pageWith(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } });
  });
  await page.goto(url('plan'));
  await field(page, 'plan-sme.name').fill('株式会社信州精機');
  assert.equal(await field(page, 'plan-sme.name').inputValue(), '株式会社信州精機');
  await page.close();
});
