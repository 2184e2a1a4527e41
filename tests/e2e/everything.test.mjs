// Settings → "ほかの端末へ移す": the export-everything file, the wipe, the import back, and
// the caps and checks every import makes before anything is stored; persistent storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, appUrl, artifacts } from './browser.mjs';
import { answerChecklist, walkToEligible } from './flows.mjs';

const browser = useBrowser();
const at = (path) => new URL(path, appUrl).href;
const COMPANY = '有限会社まるごと移転堂';

async function appKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ouen.')).sort());
}

/** Every ouen key and its text. */
async function snapshot(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('ouen.')).sort().map((k) => [k, localStorage.getItem(k)])));
}

test('export everything → wipe → import: every page shows its data again', async () => {
  const page = await browser.context.newPage();
  await page.goto(at('settings'));
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });

  // Data on several pages.
  await page.goto(at('simulator'));
  await page.locator('#rate').fill('6789');
  await page.locator('#hours').fill('11');
  await page.locator('#self-pay').waitFor();
  await page.goto(at('eligibility'));
  await page.locator('[data-question="location"], #elig-verdict').first().waitFor();
  await walkToEligible(page);
  await page.goto(at('checklist'));
  await page.locator('#checklist-kind input[value="retail"]').check();
  await answerChecklist(page, ['done', 'partial']);
  await page.locator('#cl-finish').click();
  await page.locator('#cl-result').waitFor();
  await page.goto(at('plan'));
  await page.locator('[id="plan-sme.name"]').fill(COMPANY);
  await page.locator('#plan-goals').fill('見積もりを翌日までに出す');
  await page.waitForTimeout(300);
  await page.goto(at('settings'));
  await page.locator('#settings-text-large').check();

  const before = await snapshot(page);
  for (const k of ['ouen.simulator', 'ouen.eligibility', 'ouen.checklist.draft', 'ouen.checklist.history', 'ouen.plan.drafts', 'ouen.text-size']) {
    assert.ok(k in before, `${k} in ${Object.keys(before)}`);
  }

  // Export: one versioned JSON file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#settings-export').click()]);
  assert.equal(download.suggestedFilename(), 'ouen-all.json');
  const file = join(artifacts, 'ouen-all.json');
  await download.saveAs(file);
  const json = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(json.format, 'ouen.everything');
  assert.equal(json.version, 1);
  assert.ok(json.documents['ouen.plan.drafts'].drafts.some((d) => d.draft.sme.name === COMPANY));
  assert.equal(json.settings['ouen.text-size'], 'large');

  // Wipe, then import.
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await page.reload();
  assert.deepEqual(await appKeys(page), []);
  await page.locator('#settings-import').setInputFiles(file);
  await page.locator('#settings-move-message').waitFor();
  assert.match(await page.locator('#settings-move-message').textContent(), /読み込みました（\d+ 件）/);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('text-large')));
  // Every document is back, with the same data.
  const after = await snapshot(page);
  for (const [k, v] of Object.entries(before)) {
    if (k === 'ouen.lang' || k === 'ouen.text-size') assert.equal(after[k], v, k);
    else assert.deepEqual(JSON.parse(after[k] ?? 'null'), JSON.parse(v), k);
  }

  // And every page shows it.
  await page.goto(at('simulator'));
  assert.equal(await page.locator('#rate').inputValue(), '6789');
  assert.equal(await page.locator('#hours').inputValue(), '11');
  await page.goto(at('eligibility'));
  await page.locator('#elig-next-steps').waitFor();
  assert.equal(await page.locator('#verdict-national').getAttribute('data-status'), 'eligible');
  await page.goto(at('checklist'));
  await page.locator('#checklist').waitFor();
  assert.ok(await page.locator('#checklist-kind input[value="retail"]').isChecked());
  assert.equal(await page.locator('#cl-history li').count(), 1);
  await page.goto(at('plan'));
  assert.equal(await page.locator('[id="plan-sme.name"]').inputValue(), COMPANY);
  assert.equal(await page.locator('#plan-goals').inputValue(), '見積もりを翌日までに出す');

  // Importing the same file again loses nothing and duplicates nothing.
  await page.goto(at('settings'));
  await page.locator('#settings-import').setInputFiles(file);
  await page.locator('#settings-move-message').waitFor();
  const again = await snapshot(page);
  assert.equal(JSON.parse(again['ouen.plan.drafts']).data.drafts.length, 1);
  assert.equal(JSON.parse(again['ouen.checklist.history']).data.records.length, 1);
  await page.screenshot({ path: join(artifacts, 'settings-move.png'), fullPage: true });
  await page.close();
});

test('imports are capped and validated as a whole before anything is stored', async () => {
  const page = await browser.context.newPage();
  await page.goto(at('settings'));
  await page.evaluate(() => localStorage.clear());
  await page.goto(at('simulator'));
  await page.locator('#rate').fill('5432');
  await page.locator('#self-pay').waitFor();
  await page.goto(at('settings'));
  const before = await snapshot(page);

  const big = join(artifacts, 'too-big.json');
  await writeFile(big, JSON.stringify({ format: 'ouen.everything', pad: 'x'.repeat(300 * 1024) }));
  // One bad document among good ones: nothing of the file is kept.
  const bad = join(artifacts, 'half-bad.json');
  await writeFile(bad, JSON.stringify({
    format: 'ouen.everything', version: 1, schema: 2,
    documents: {
      'ouen.simulator': { rate: '9999', hours: '3', mode: 'combined' },
      'ouen.eligibility': { values: { constructor: 'x', location: 'nagano' } },
    },
    settings: { 'ouen.text-size': 'large' },
  }));
  const junk = join(artifacts, 'junk.json');
  await writeFile(junk, '{"format": "ouen.everything", "documents": [');

  for (const [file, pattern] of [
    [big, /「too-big\.json」は大きすぎます（\d+ KB）。読み込めるのは 256 KB まで/],
    [bad, /「half-bad\.json」の「ouen\.eligibility\.values\.constructor」が読み取れない/],
    [junk, /「junk\.json」の「JSON」が読み取れない/],
  ]) {
    await page.locator('#settings-import').setInputFiles(file);
    await page.locator('#settings-move-message').waitFor();
    assert.match(await page.locator('#settings-move-message').textContent(), pattern);
    assert.deepEqual(await snapshot(page), before, `nothing stored from ${file}`);
  }

  // The plan page's import and the checklist's: the same cap, a message naming the file.
  await page.goto(at('plan'));
  await page.locator('#plan-import').setInputFiles(big);
  await page.getByText(/「too-big\.json」は大きすぎます/).waitFor();
  await page.locator('#plan-import').setInputFiles(junk);
  await page.getByText(/「junk\.json」の「JSON」が読み取れない/).waitFor();
  await page.goto(at('checklist'));
  await page.locator('#cl-import').setInputFiles(big);
  assert.match(await page.locator('#cl-import-message').textContent(), /大きすぎます/);
  const history = join(artifacts, 'bad-history.json');
  await writeFile(history, JSON.stringify({ format: 'ouen.checklist.history', schema: 2, data: { records: [{ date: 'someday', kind: 'retail', answers: {} }] } }));
  await page.locator('#cl-import').setInputFiles(history);
  await page.getByText(/「bad-history\.json」の「records\[1\]\.date」/).waitFor();
  // Nothing from the refused file: no record (the page itself may keep an empty history).
  const stored = await page.evaluate(() => localStorage.getItem('ouen.checklist.history'));
  assert.deepEqual(stored === null ? [] : JSON.parse(stored).data.records, []);
  await page.close();
});

test('settings say whether the browser keeps the data, in Japanese and English', async () => {
  const page = await browser.context.newPage();
  await page.goto(at('settings'));
  const persist = page.locator('#settings-persist:not([data-state="checking"])');
  await persist.waitFor();
  const state = await persist.getAttribute('data-state');
  assert.ok(['yes', 'no', 'unsupported'].includes(state), state);
  const expected = await page.evaluate(async () => (navigator.storage?.persisted ? await navigator.storage.persisted() : null));
  assert.equal(state, expected === null ? 'unsupported' : expected ? 'yes' : 'no');
  assert.match(await persist.textContent(), /データ/);
  if (state === 'no') {
    await page.locator('#settings-persist-ask').click();
    await page.locator('#settings-persist:is([data-state="yes"], [data-state="denied"])').waitFor();
  }
  await page.goto(at('settings?lang=en'));
  await page.locator('#settings-persist:not([data-state="checking"])').waitFor();
  assert.match(await page.locator('#settings-persist').textContent(), /data/);
  assert.equal((await page.locator('#settings-move-h').textContent()).trim(), 'Move to another device');
  await page.goto(at('settings?lang=ja'));
  await page.close();
});
