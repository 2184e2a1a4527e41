// The plan generator in headless Chromium: fill a plan, errors block the exports until fixed,
// every format downloads (Markdown with the core's self-pay and the stamp, JSON that re-imports
// to the same draft, a .docx ZIP), hostile strings stay text, drafts survive a reload and can
// be duplicated, deleted and restored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { useBrowser, appUrl, artifacts } from './browser.mjs';
import { japaneseOutsideBrackets } from './flows.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const npmDir = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const pkg = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
const ouen = await import(pathToFileURL(join(npmDir, pkg.exports['.'].node)).href);

const browser = useBrowser();

async function openPlan(page) {
  await page.goto(new URL('plan', appUrl).href);
  await page.locator('#plan-sme\\.name').waitFor();
}

async function fill(page, id, value) {
  await page.locator(`[id="${id}"]`).fill(value);
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: await readFile(path) };
}

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>[x](javascript:alert(1)) \u202e😀 髙';

test('fill a plan: errors block, then every format downloads', async () => {
  const page = await browser.context.newPage();
  await openPlan(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('#plan-sme\\.name').waitFor();
  // An empty plan: errors listed, exports disabled, no preview.
  await page.locator('#plan-errors').waitFor();
  assert.ok(await page.locator('#plan-md').isDisabled());
  assert.ok(await page.locator('#plan-docx').isDisabled());

  await page.locator('#plan-mode-combined').check();
  await fill(page, 'plan-sme.name', `株式会社信州精機 ${HOSTILE}`);
  await page.locator('#plan-location-nagano').check();
  await fill(page, 'plan-sme.address', '長野県長野市若里1-1-1');
  await fill(page, 'plan-sme.industry', '製造業');
  await fill(page, 'plan-sme.capital', '10000000');
  await fill(page, 'plan-sme.employees', '25');
  await fill(page, 'plan-sme.contactName', '山田 太郎');
  await fill(page, 'plan-sme.phone', '026-000-0000');
  await fill(page, 'plan-expert.name', '佐藤 花子');
  await page.locator('#plan-expertKind-freelancer').check();
  await fill(page, 'plan-issue', `問い合わせの対応漏れ\n${HOSTILE}`);
  await fill(page, 'plan-goals', '対応漏れをなくす');
  await fill(page, 'plan-measurement', '月あたりの対応件数を比べる');
  for (const [i, h] of ['4', '4', '4', '8', '6', '4', '2'].entries()) {
    await fill(page, `plan-step-${i}-hours`, h);
  }
  await page.locator('#plan-total-hours').filter({ hasText: '32時間' }).waitFor();
  // Reorder: move step 2 up, then back.
  await page.locator('button[aria-label="手順2を上へ"]').click();
  assert.equal(await page.locator('#plan-step-0-title').inputValue(), '課題特定');
  await page.locator('button[aria-label="手順1を下へ"]').click();
  assert.equal(await page.locator('#plan-step-0-title').inputValue(), '現状把握・業務分析');
  await fill(page, 'plan-contractDate', '2020-11-02');
  await fill(page, 'plan-applicationDate', '2020-11-02');
  await fill(page, 'plan-start', '2020-11-09');
  await fill(page, 'plan-end', '2021-03-10');
  await fill(page, 'plan-rate', '6000');
  // Support past the deadline: blocked, with the rule named.
  await page.locator('#plan-errors').filter({ hasText: 'NGN-5' }).waitFor();
  assert.ok(await page.locator('#plan-json').isDisabled());
  await fill(page, 'plan-end', '2021-02-19');
  await page.locator('#plan-ok').waitFor();
  assert.ok(!(await page.locator('#plan-md').isDisabled()));
  assert.equal((await page.locator('#plan-self-pay').textContent()).trim(), '32,000円');
  await page.locator('#plan-warnings').filter({ hasText: '24時間' }).waitFor();

  // The preview shows hostile text as text.
  await page.locator('.plan-doc h1').first().waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('.plan-preview img, .plan-preview script').count(), 0);
  assert.ok((await page.locator('.plan-preview').textContent()).includes('<script>'));
  await page.screenshot({ path: join(artifacts, 'plan.png'), fullPage: true });

  // Markdown: the core's self-pay and the stamp.
  const md = await download(page, '#plan-md');
  assert.match(md.name, /\.md$/);
  const text = md.bytes.toString('utf8');
  const sim = ouen.simulate({ rate: 6000, hours: 32, schemes: ['national', 'nagano'], asOf: '2020-11-02' });
  assert.ok(text.includes(`${sim.selfPay.toLocaleString('en-US')}円`));
  assert.ok(text.includes(ouen.rulesetInfo().hash));
  assert.ok(!text.includes('<script') && !text.includes('<img'));

  // Word: a ZIP with the document part.
  const docx = await download(page, '#plan-docx');
  assert.match(docx.name, /\.docx$/);
  assert.deepEqual([...docx.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  assert.ok(docx.bytes.toString('utf8').includes('word/document.xml'));

  // JSON: re-import into a new draft gives the same draft.
  const json = await download(page, '#plan-json');
  const exported = JSON.parse(json.bytes.toString('utf8'));
  await page.locator('#plan-new').click();
  await page.locator('#plan-errors').waitFor();
  await page.locator('#plan-import').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: json.bytes });
  await page.locator('#plan-notice').filter({ hasText: '読み込みました' }).waitFor();
  await page.locator('#plan-ok').waitFor();
  const again = await download(page, '#plan-json');
  assert.deepEqual(JSON.parse(again.bytes.toString('utf8')), exported);

  // Print: the print stylesheet hides the form.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.plan-form').isVisible(), false);
  assert.equal(await page.locator('.plan-doc').first().isVisible(), true);
  await page.screenshot({ path: join(artifacts, 'plan-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.close();
});

test('drafts survive a reload; duplicate, delete and undo', async () => {
  const page = await browser.context.newPage();
  await openPlan(page);
  const count = await page.locator('#plan-draft-select option').count();
  assert.ok(count >= 2, 'the drafts of the first test are still here');
  await page.reload();
  await page.locator('#plan-draft-select').waitFor();
  assert.equal(await page.locator('#plan-draft-select option').count(), count);
  await page.locator('#plan-duplicate').click();
  assert.equal(await page.locator('#plan-draft-select option').count(), count + 1);
  assert.match(await page.locator('#plan-draft-name').inputValue(), /のコピー$/);
  await page.locator('#plan-delete').click();
  assert.equal(await page.locator('#plan-draft-select option').count(), count);
  await page.locator('#plan-undo').click();
  assert.equal(await page.locator('#plan-draft-select option').count(), count + 1);
  await page.close();
});

test('the home tile leads to the plan page', async () => {
  const page = await browser.context.newPage();
  await page.goto(appUrl);
  await page.locator('#tile-plan').click();
  await page.locator('#plan-sme\\.name').waitFor();
  assert.equal(new URL(page.url()).pathname, '/plan');
  await page.close();
});

/** The page's visible text without the preview (the documents are Japanese by design). */
async function textBesidesPreview(page) {
  return page.evaluate(() => {
    const p = document.querySelector('#plan-preview');
    p.style.display = 'none';
    const t = document.body.innerText;
    p.style.display = '';
    return t;
  });
}

test('the plan page in English: form, checks and drafts in English, documents in Japanese', async () => {
  const page = await browser.context.newPage();
  await page.goto(new URL('plan?lang=en', appUrl).href);
  await page.locator('#plan-sme\\.name').waitFor();
  await page.evaluate(() => { localStorage.clear(); localStorage.setItem('ouen.lang', 'en'); });
  await page.reload();
  await page.locator('#plan-sme\\.name').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await page.locator('h1.page-title').textContent()).trim(), 'Make a plan');
  assert.equal((await page.locator('#plan-documents-language').textContent()).trim(),
    'The documents are in Japanese, as the programmes require.');
  assert.equal((await page.locator('label[for="plan-sme.name"]').textContent()).trim(), 'Business name');
  assert.equal((await page.locator('#plan-draft-name').inputValue()), 'Plan 1');
  // An empty plan: the core's checks, in English.
  await page.locator('#plan-errors').filter({ hasText: 'Please enter the business name.' }).waitFor();
  assert.match(await page.locator('.plan-errors-title').textContent(), /^Things to fix: \d+\./);
  // The documents are an island, fetched when their place comes near the screen.
  await page.locator('#plan-preview').scrollIntoViewIfNeeded();
  assert.match(await page.locator('#plan-preview-blocked').textContent(), /Fix everything listed above/);
  assert.equal(await page.locator('button[aria-label="Move step 2 up"]').count(), 1);
  assert.deepEqual(japaneseOutsideBrackets(await textBesidesPreview(page)), []);

  // The example: money and hours in English, a deadline error with an English date.
  await page.locator('#plan-example').click();
  await page.locator('#plan-ok').waitFor();
  assert.equal((await page.locator('#plan-self-pay').textContent()).trim(), '¥32,000');
  assert.equal((await page.locator('#plan-total-hours').textContent()).trim(), '32 h');
  assert.match(await page.locator('.plan-cost-detail').textContent(), /^Total cost ¥192,000 · national honorarium ¥112,000 · Nagano subsidy ¥48,000$/);
  assert.match(await page.locator('#plan-warnings').textContent(), /Notes \(also printed on the plan\)/);
  await fill(page, 'plan-end', '2021-03-10');
  await page.locator('#plan-errors').filter({ hasText: 'NGN-5' }).waitFor();
  assert.match(await page.locator('#plan-errors').textContent(), /support must end by \d{1,2} [A-Z][a-z]+ 202\d\./);
  assert.deepEqual(japaneseOutsideBrackets(await textBesidesPreview(page)), []);
  await fill(page, 'plan-end', '2021-02-19');
  await page.locator('#plan-ok').waitFor();
  // The documents stay Japanese.
  assert.match(await page.locator('.plan-doc h1').first().textContent(), /計画書/);
  const md = await download(page, '#plan-md');
  assert.match(md.name, /^support-plan_.*\.md$/);
  assert.ok(md.bytes.toString('utf8').includes('32,000円'));
  await page.screenshot({ path: join(artifacts, 'plan-en.png'), fullPage: true });

  // Drafts: copy, delete with undo; import errors in English.
  await page.locator('#plan-duplicate').click();
  assert.equal(await page.locator('#plan-draft-name').inputValue(), 'Copy of Plan 1');
  await page.locator('#plan-delete').click();
  await page.locator('.plan-undo').filter({ hasText: '"Copy of Plan 1" was deleted.' }).waitFor();
  assert.equal((await page.locator('#plan-undo').textContent()).trim(), 'Undo');
  await page.locator('#plan-undo').click();
  assert.equal(await page.locator('#plan-draft-name').inputValue(), 'Copy of Plan 1');
  await page.locator('#plan-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{bad') });
  await page.locator('#plan-notice').filter({ hasText: 'The file "bad.json" was not imported: its "JSON" could not be read.' }).waitFor();
  await page.evaluate(() => localStorage.setItem('ouen.lang', 'ja'));
  await page.close();
});
