// The checklist in English: every heading, answer, area, stage, next step and support from the
// rules core in English; the CSV export's header follows the language; a history exported in
// English imports on the Japanese page (and back), and the comparison with the last check
// reads in English too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, appUrl, artifacts } from './browser.mjs';
import { japaneseOutsideBrackets, answerChecklist } from './flows.mjs';

const browser = useBrowser();

test('the checklist in English: questions, result, exports and history', async () => {
  const page = await browser.context.newPage();
  await page.goto(new URL('checklist?lang=en', appUrl).href);
  await page.locator('#checklist').waitFor();
  await page.evaluate(() => { localStorage.clear(); localStorage.setItem('ouen.lang', 'en'); });
  await page.reload();
  await page.locator('#checklist').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await page.locator('h1.page-title').textContent()).trim(), 'Digitalization check');
  assert.match(await page.locator('#checklist-kind legend').textContent(), /Your industry/);
  assert.match(await page.locator('.cl-progress label').textContent(), /^Answered 0 of \d+ items$/);

  // Finishing too early says what is missing, in English.
  for (let i = 0; i < 5; i++) await page.locator('#cl-next').click();
  await page.locator('#cl-finish').click();
  assert.equal((await page.locator('#cl-notice').textContent()).trim(), 'Please choose your industry first.');
  await page.locator('#checklist-kind input[value="retail"]').check();
  assert.match(await page.locator('#checklist-kind').textContent(), /Retail and wholesale/);
  await page.locator('#cl-finish').click();
  assert.match(await page.locator('#cl-notice').textContent(), /^Some items are not answered yet \(Strategy, /);
  await page.locator('.cl-steps button').first().click();
  assert.match(await page.locator('#cl-area-title').textContent(), /^Strategy \(1 of 6\)$/);
  assert.match(await page.locator('fieldset.cl-item .hint').first().textContent(), /^What "Done" looks like: /);
  assert.equal(japaneseOutsideBrackets(await page.evaluate(() => document.body.innerText)).length, 0,
    String(japaneseOutsideBrackets(await page.evaluate(() => document.body.innerText))));

  // A first check, then a better second one: the result, the comparison and the history.
  await answerChecklist(page, ['partial', 'considering', 'notStarted', 'unknown']);
  await page.locator('#cl-finish').click();
  await page.locator('#cl-result').waitFor();
  await page.locator('#cl-restart').click();
  await answerChecklist(page, ['done']);
  await page.locator('#cl-finish').click();
  await page.locator('#cl-result').waitFor();
  assert.match(await page.locator('#cl-result-title').textContent(), /^Result \(\d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d\)$/);
  assert.match(await page.locator('.cl-kind').first().textContent(), /^Industry: Retail and wholesale$/);
  assert.match(await page.locator('#cl-overall').textContent(), /^\d+%$/);
  assert.match(await page.locator('#cl-stage h3').textContent(), /^Your stage \(an estimate\): [①②③④] /);
  assert.match(await page.locator('#cl-stage-basis').textContent(), /this tool's own estimate/);
  assert.match(await page.locator('#cl-score-table caption').textContent(), /Points by area/);
  assert.match(await page.locator('#cl-score-table').textContent(), /Not applicable/);
  assert.match(await page.locator('#cl-radar svg').getAttribute('aria-label'), /^Radar chart of progress by area: Strategy \d+%, /);
  assert.match(await page.locator('#cl-next-steps h3').textContent(), /Next steps/);
  assert.equal(await page.locator('#cl-next-steps li.cl-step').count(), 3);
  assert.match(await page.locator('#cl-compare h3').textContent(), /^Change since last time \(/);
  assert.match(await page.locator('#cl-compare').textContent(), /Overall: \+\d+ pts/);
  assert.match(await page.locator('#cl-history').textContent(), /Overall \d+% · stage [①②③④]/);
  const text = await page.evaluate(() => document.body.innerText);
  assert.deepEqual(japaneseOutsideBrackets(text), []);
  await page.screenshot({ path: join(artifacts, 'checklist-en.png'), fullPage: true });

  // The CSV's header follows the language; the ids stay.
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.locator('#cl-export-csv').click()]);
  const csv = readFileSync(await csvFile.path(), 'utf8');
  assert.ok(csv.startsWith('area,item id,item,answer,answer id'), csv.slice(0, 80));
  assert.ok(csv.includes(',pr-quality,') && csv.includes(',Not applicable,na'));

  // The history exported in English imports on the Japanese page, and back again.
  const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.locator('#cl-history-export').click()]);
  const history = readFileSync(await jsonFile.path());
  await page.evaluate(() => localStorage.removeItem('ouen.checklist.history'));
  await page.goto(new URL('checklist?lang=ja', appUrl).href);
  await page.locator('#checklist').waitFor();
  await page.locator('#cl-import').setInputFiles({ name: 'h.json', mimeType: 'application/json', buffer: history });
  await page.locator('#cl-import-message').filter({ hasText: '件の記録を読み込みました。' }).waitFor();
  assert.equal(await page.locator('#cl-history li').count(), 2);
  const [jaFile] = await Promise.all([page.waitForEvent('download'), page.locator('#cl-history-export').click()]);
  const jaHistory = readFileSync(await jaFile.path());
  await page.evaluate(() => localStorage.clear());
  await page.goto(new URL('checklist?lang=en', appUrl).href);
  await page.locator('#checklist').waitFor();
  assert.match(await page.locator('#cl-history').textContent(), /No records yet/);
  await page.locator('#cl-import').setInputFiles({ name: 'h.json', mimeType: 'application/json', buffer: jaHistory });
  await page.locator('#cl-import-message').filter({ hasText: 'Imported 2 record(s).' }).waitFor();
  await page.locator('#cl-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  // The message names the file and what could not be read; nothing was imported.
  await page.locator('#cl-import-message').filter({ hasText: 'The file "x.json" was not imported: its "format" could not be read.' }).waitFor();
  await page.evaluate(() => localStorage.setItem('ouen.lang', 'ja'));
  await page.close();
});
