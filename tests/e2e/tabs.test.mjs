// Several tabs of one browser on the same documents (plan, checklist, wizard; issue #16): what one tab types shows up in
// the other, edits to different fields both survive, and a true conflict (the same field
// changed in two tabs) keeps both values and says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, appUrl } from './browser.mjs';
import { choose, expectQuestion } from './flows.mjs';

const browser = useBrowser();
const planUrl = new URL('plan', appUrl).href;
const field = (page, id) => page.locator(`[id="${id}"]`);

/** Waits until the field `id` of `page` holds `value` (typed in another tab). */
async function shows(page, id, value) {
  await page.waitForFunction(
    ([id, value]) => document.getElementById(id)?.value === value,
    [id, value],
    { timeout: 10000 },
  );
}

/** Lets the test hold back the `storage` events `page` gets (`window.__holdStorage = true`),
 *  as when a tab is busy or frozen while the other saves, so both tabs edit the same field
 *  from the same base. Registered before the app's own listener, in the capture phase, so it
 *  runs first; from the next load on. */
async function holdableStorageEvents(page) {
  await page.addInitScript(() => {
    window.addEventListener('storage', (e) => {
      if (window.__holdStorage) e.stopImmediatePropagation();
    }, true);
  });
}

async function freshPlanTabs(holdEvents = false) {
  const a = await browser.context.newPage();
  await a.goto(planUrl);
  await a.evaluate(() => localStorage.clear());
  const b = await browser.context.newPage();
  if (holdEvents) {
    for (const p of [a, b]) await holdableStorageEvents(p);
  }
  await a.reload();
  await b.goto(planUrl);
  for (const p of [a, b]) await field(p, 'plan-sme.name').waitFor();
  return [a, b];
}

test('two tabs: the company name typed in one and the address in the other both survive a reload', async () => {
  const [a, b] = await freshPlanTabs();
  await field(a, 'plan-sme.name').fill('株式会社信州精機');
  await field(b, 'plan-sme.address').fill('長野県長野市若里1-1-1');
  // Each tab picks up what the other typed, without losing its own.
  await shows(b, 'plan-sme.name', '株式会社信州精機');
  await shows(a, 'plan-sme.address', '長野県長野市若里1-1-1');
  assert.equal(await field(a, 'plan-sme.name').inputValue(), '株式会社信州精機');
  // Typing on in one tab after the other's change arrived keeps both too.
  await field(a, 'plan-sme.employees').fill('25');
  await shows(b, 'plan-sme.employees', '25');
  for (const p of [a, b]) {
    await p.reload();
    await field(p, 'plan-sme.name').waitFor();
    assert.equal(await field(p, 'plan-sme.name').inputValue(), '株式会社信州精機');
    assert.equal(await field(p, 'plan-sme.address').inputValue(), '長野県長野市若里1-1-1');
    assert.equal(await field(p, 'plan-sme.employees').inputValue(), '25');
    assert.equal(await p.locator('#plan-draft-select option').count(), 1, 'one draft, not two');
    assert.equal(await p.locator('#plan-conflict').count(), 0, 'no conflict to report');
  }
  await a.close();
  await b.close();
});

test('two tabs: new drafts made in each both survive', async () => {
  const [a, b] = await freshPlanTabs();
  await a.locator('#plan-new').click();
  await field(a, 'plan-sme.name').fill('Aの会社');
  await b.locator('#plan-new').click();
  await field(b, 'plan-sme.name').fill('Bの会社');
  for (const p of [a, b]) {
    await p.waitForFunction(() => document.querySelectorAll('#plan-draft-select option').length === 3);
  }
  // Each tab keeps its own draft open.
  assert.equal(await field(a, 'plan-sme.name').inputValue(), 'Aの会社');
  assert.equal(await field(b, 'plan-sme.name').inputValue(), 'Bの会社');
  const stored = await a.evaluate(() => JSON.parse(localStorage.getItem('ouen.plan.drafts')));
  const names = stored.data.drafts.map((d) => d.draft.sme?.name ?? '').sort();
  assert.deepEqual(names, ['', 'Aの会社', 'Bの会社']);
  await a.close();
  await b.close();
});

test('a true conflict keeps both values as two drafts and says so', async () => {
  const [a, b] = await freshPlanTabs(true);
  for (const p of [a, b]) await p.evaluate(() => { window.__holdStorage = true; });
  await field(a, 'plan-sme.name').fill('株式会社アルファ');
  await field(b, 'plan-sme.name').fill('株式会社ベータ');
  // Tab b saved over a's change to the same field: its own value stays in the draft, a's is
  // kept as a copy, and a polite notice names it.
  const notice = b.locator('#plan-conflict');
  await notice.waitFor();
  assert.match(await notice.textContent(), /別のタブ.*「計画書 1（別のタブの内容）」/);
  assert.equal(await field(b, 'plan-sme.name').inputValue(), '株式会社ベータ');
  for (const p of [a, b]) {
    await p.evaluate(() => { window.__holdStorage = false; });
    await p.reload();
    await field(p, 'plan-sme.name').waitFor();
    const options = await p.locator('#plan-draft-select option').allTextContents();
    assert.deepEqual(options, ['計画書 1', '計画書 1（別のタブの内容）']);
  }
  const stored = await a.evaluate(() => JSON.parse(localStorage.getItem('ouen.plan.drafts')));
  assert.deepEqual(stored.data.drafts.map((d) => d.draft.sme.name), ['株式会社ベータ', '株式会社アルファ']);
  await a.locator('#plan-draft-select').selectOption({ label: '計画書 1（別のタブの内容）' });
  await shows(a, 'plan-sme.name', '株式会社アルファ');
  await a.close();
  await b.close();
});

test('two tabs on the checklist: answers given in each both survive, each tab stays on its area', async () => {
  const a = await browser.context.newPage();
  await a.goto(new URL('checklist', appUrl).href);
  await a.evaluate(() => localStorage.clear());
  await a.reload();
  const b = await browser.context.newPage();
  await b.goto(new URL('checklist', appUrl).href);
  await a.locator('#checklist-kind input[value="retail"]').check();
  // b picks up the industry chosen in a.
  await b.waitForFunction(() => document.querySelector('#checklist-kind input[value="retail"]')?.checked);
  await a.locator('fieldset.cl-item').nth(0).locator('input[value="done"]').check();
  await b.locator('fieldset.cl-item').nth(1).locator('input[value="partial"]').check();
  // Each sees the other's answer.
  await a.waitForFunction(() => document.querySelectorAll('fieldset.cl-item')[1]?.querySelector('input[value="partial"]')?.checked);
  await b.waitForFunction(() => document.querySelectorAll('fieldset.cl-item')[0]?.querySelector('input[value="done"]')?.checked);
  // Moving to another area in one tab does not move the other.
  const title = await b.locator('#cl-area-title').textContent();
  await a.locator('#cl-next').click();
  await a.locator('fieldset.cl-item').nth(0).locator('input[value="considering"]').check();
  // b counts a's third answer, and still shows its own area.
  await b.locator('.cl-progress label').filter({ hasText: /^回答 3 \/ \d+ 項目$/ }).waitFor();
  assert.equal(await b.locator('#cl-area-title').textContent(), title);
  for (const p of [a, b]) {
    await p.reload();
    const stored = await p.evaluate(() => JSON.parse(localStorage.getItem('ouen.checklist.draft')).data);
    assert.equal(stored.kind, 'retail');
    assert.deepEqual(Object.values(stored.answers).sort(), ['considering', 'done', 'partial']);
  }
  await a.close();
  await b.close();
});

/** Two fresh tabs on `route` whose `storage` events can be held back (`window.__holdStorage`). */
async function heldTabs(route) {
  const url = new URL(route, appUrl).href;
  const a = await browser.context.newPage();
  await a.goto(url);
  await a.evaluate(() => localStorage.clear());
  const b = await browser.context.newPage();
  for (const p of [a, b]) await holdableStorageEvents(p);
  await a.reload();
  await b.goto(url);
  return [a, b];
}

test('a true conflict on the checklist keeps the other tab\'s answers as a copy, which can be switched to or deleted', async () => {
  const [a, b] = await heldTabs('checklist');
  await a.locator('#checklist-kind input[value="retail"]').check();
  await b.waitForFunction(() => document.querySelector('#checklist-kind input[value="retail"]')?.checked);
  for (const p of [a, b]) await p.evaluate(() => { window.__holdStorage = true; });
  const first = (p) => p.locator('fieldset.cl-item').nth(0);
  await first(a).locator('input[value="done"]').check();
  await first(b).locator('input[value="considering"]').check();
  // b saved over a's answer to the same item: its own stays, a's is kept as a copy, and the
  // notice says so and offers both ways out.
  const notice = b.locator('#checklist-conflict');
  await notice.waitFor();
  assert.match(await notice.textContent(), /別のタブ.*控え/);
  assert.ok(await first(b).locator('input[value="considering"]').isChecked());
  // The copy is on the device: it survives a reload, notice and all.
  for (const p of [a, b]) await p.evaluate(() => { window.__holdStorage = false; });
  await b.reload();
  await notice.waitFor();
  const copy = await b.evaluate(() => JSON.parse(localStorage.getItem('ouen.checklist.draft.other')).data);
  assert.deepEqual(Object.values(copy.answers), ['done']);
  // Switching shows (and saves) the other tab's answer; this tab's becomes the copy.
  await notice.locator('button.conflict-switch').click();
  await b.waitForFunction(() => document.querySelectorAll('fieldset.cl-item')[0]?.querySelector('input[value="done"]')?.checked);
  const swapped = await b.evaluate(() => [
    JSON.parse(localStorage.getItem('ouen.checklist.draft')).data.answers,
    JSON.parse(localStorage.getItem('ouen.checklist.draft.other')).data.answers,
  ]);
  assert.deepEqual(swapped.map((x) => Object.values(x)), [['done'], ['considering']]);
  // The other tab is told as well: a copy is kept, and it offers the same choice.
  await a.locator('#checklist-conflict').waitFor();
  // Deleting the copy ends it.
  await notice.locator('button.conflict-delete').click();
  await notice.waitFor({ state: 'detached' });
  assert.equal(await b.evaluate(() => localStorage.getItem('ouen.checklist.draft.other')), null);
  await a.locator('#checklist-conflict').waitFor({ state: 'detached' });
  await a.close();
  await b.close();
});

test('a true conflict in the simulator keeps both rates: the other as a copy, in English too', async () => {
  const [a, b] = await heldTabs('en/simulator');
  for (const p of [a, b]) await p.locator('#rate').waitFor();
  for (const p of [a, b]) await p.evaluate(() => { window.__holdStorage = true; });
  await a.locator('#rate').fill('6500'); // the form starts at 6,000
  await b.locator('#rate').fill('7000');
  const notice = b.locator('#simulator-conflict');
  await notice.waitFor();
  assert.match(await notice.textContent(), /another tab.*copy/);
  assert.equal(await b.locator('#rate').inputValue(), '7000');
  await notice.locator('button.conflict-switch').click();
  await b.waitForFunction(() => document.getElementById('rate')?.value === '6500');
  await notice.locator('button.conflict-switch').click();
  await b.waitForFunction(() => document.getElementById('rate')?.value === '7000');
  await a.close();
  await b.close();
});

test('two tabs on the wizard: answers given in each both survive', async () => {
  const a = await browser.context.newPage();
  await a.goto(new URL('eligibility', appUrl).href);
  await a.evaluate(() => localStorage.clear());
  await a.reload();
  const b = await browser.context.newPage();
  await b.goto(new URL('eligibility', appUrl).href);
  await expectQuestion(b, 'location');
  await choose(a, 'location', 'nagano');
  await choose(a, 'orgType', 'company');
  // b picks up a's answers and asks what is still open; its answer reaches a in turn.
  await choose(b, 'industry', 'manufacturing');
  await expectQuestion(a, 'employees');
  for (const p of [a, b]) {
    await p.reload();
    const stored = await p.evaluate(() => JSON.parse(localStorage.getItem('ouen.eligibility')).data.values);
    assert.deepEqual(stored, { industry: 'manufacturing', location: 'nagano', orgType: 'company' });
  }
  await a.close();
  await b.close();
});

test('"delete all data" in one tab empties the others: nothing deleted comes back', async () => {
  const [a, b] = await freshPlanTabs();
  await field(a, 'plan-sme.name').fill('株式会社信州精機');
  await shows(b, 'plan-sme.name', '株式会社信州精機');
  const checklist = await browser.context.newPage();
  await checklist.goto(new URL('checklist', appUrl).href);
  await checklist.locator('#checklist-kind input[value="retail"]').check();
  await checklist.waitForFunction(() => localStorage.getItem('ouen.checklist.draft')?.includes('retail'));
  await b.goto(new URL('settings', appUrl).href);
  await b.locator('#settings-delete').click();
  await b.locator('#settings-delete-yes').click();
  await b.locator('#settings-delete-result').waitFor();
  // The other tabs start again from what is stored: nothing.
  await shows(a, 'plan-sme.name', '');
  await checklist.waitForFunction(() => !document.querySelector('#checklist-kind input[value="retail"]')?.checked);
  // Typing on in the emptied tab saves what is typed now, not what was deleted.
  await field(a, 'plan-sme.address').fill('長野県松本市');
  await a.waitForFunction(() => localStorage.getItem('ouen.plan.drafts')?.includes('松本市'));
  const stored = await a.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\n'));
  assert.doesNotMatch(stored, /信州精機/, 'the deleted company name is not written back');
  assert.doesNotMatch(stored, /retail/, 'the deleted checklist is not written back');
  for (const p of [a, b, checklist]) await p.close();
});
