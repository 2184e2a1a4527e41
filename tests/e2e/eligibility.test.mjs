// The eligibility wizard and the support navigator in headless Chromium: a Nagano
// manufacturer walks to "eligible" for both schemes (capital never asked), a deemed-large
// company to "not eligible" with its SME-6 reason, answers survive a reload, and the
// navigator marks ended supports; both pages also in English. Screenshots at 1024px and 360px
// in tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, appUrl, artifacts, appReady } from './browser.mjs';
import { japaneseOutsideBrackets, expectQuestion, choose, type, EXCLUSIONS } from './flows.mjs';

const browser = useBrowser();

async function openWizard(viewport, lang = 'ja') {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(new URL(`eligibility?lang=${lang}`, appUrl).href);
  await page.locator('#elig-reset').waitFor();
  // Start clean whatever an earlier test left.
  await page.locator('#elig-reset').click();
  await page.locator('[data-question="location"]').waitFor();
  return { page, consoleErrors };
}

test('a Nagano manufacturer walks to "eligible" for both schemes', async () => {
  const { page, consoleErrors } = await openWizard();
  await choose(page, 'location', 'nagano');
  await choose(page, 'orgType', 'company');
  await choose(page, 'industry', 'manufacturing');
  // SME-4 is explained where employees are asked.
  await expectQuestion(page, 'employees');
  assert.match(await page.locator('.elig-help').textContent(), /役員.*数えません/);
  await type(page, 'employees', '４５人');
  // 45 employees already meet SME-1 ①: capital is skipped, deemed-large questions follow.
  for (const f of EXCLUSIONS) {
    await choose(page, `exclusions.${f}`, 'no');
  }
  await choose(page, 'expertKind', 'freelancer');
  await choose(page, 'support', 'ecSite');
  await type(page, 'asOf', '2021-01-15');
  await page.locator('#elig-next-steps').waitFor();
  assert.equal(await page.locator('#verdict-national').getAttribute('data-status'), 'eligible');
  assert.equal(await page.locator('#verdict-nagano').getAttribute('data-status'), 'eligible');
  assert.match(await page.locator('#elig-summary').textContent(), /対象になります/);
  const answers = await page.locator('#elig-answers').textContent();
  assert.ok(!answers.includes('資本金'), 'capital was never asked');
  // Deadlines of the as-of date, with rule ids and sources.
  const national = await page.locator('#verdict-national').textContent();
  assert.match(national, /2021年1月31日/);
  assert.match(national, /NAT-P1/);
  // Next steps: the simulator prefilled for a Nagano business, and the navigator.
  assert.equal(await page.locator('#elig-to-simulator').getAttribute('href'), '/simulator#s=1&mode=combined');
  await page.screenshot({ path: join(artifacts, 'eligibility-eligible.png'), fullPage: true });
  // Back goes to the last question with its answer kept; reload keeps everything.
  await page.locator('#elig-answers button').first().waitFor();
  await page.reload();
  await page.locator('#elig-next-steps').waitFor();
  assert.equal(await page.locator('#verdict-nagano').getAttribute('data-status'), 'eligible');
  // One tap into a plan draft that already knows the company.
  await page.locator('#elig-to-plan').click();
  await page.waitForURL((u) => u.pathname === '/plan');
  await appReady(page);
  const employees = page.locator('[id="plan-sme.employees"]');
  assert.equal(new URL(page.url()).pathname, '/plan');
  assert.match(await employees.inputValue(), /45|４５/);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a deemed-large company is "not eligible", with its reason and what would change it', async () => {
  const { page } = await openWizard({ width: 360, height: 780 });
  await choose(page, 'location', 'other');
  await choose(page, 'orgType', 'company');
  await choose(page, 'industry', 'retail');
  await type(page, 'employees', '20');
  await choose(page, 'exclusions.singleLargeShare', 'yes');
  // Certain at once: no further question, final verdict shown.
  await page.locator('#elig-next-steps').waitFor();
  assert.equal(await page.locator('.elig-question').count(), 0);
  assert.equal(await page.locator('#verdict-national').getAttribute('data-status'), 'notEligible');
  const text = await page.locator('#verdict-national').textContent();
  assert.match(text, /このままでは対象外です/);
  assert.match(text, /SME-6 \(1\)/);
  assert.match(text, /半分以上/);
  assert.match(text, /2分の1未満なら対象になります/);
  // Sources are named by their document title, never by a file number.
  assert.match(text, /出典 中小企業デジタル化応援隊事業 ポータル（第Ⅱ期 初回告知）/);
  assert.doesNotMatch(text, /出典 \d{3}/);
  await page.screenshot({ path: join(artifacts, 'eligibility-deemed-large-360.png'), fullPage: true });
  await page.close();
});

test('back and forward keep answers; a provisional verdict appears when certain', async () => {
  const { page } = await openWizard();
  await choose(page, 'location', 'other');
  // Outside Nagano: the Nagano verdict is already certain, shown provisionally.
  await page.locator('#verdict-nagano[data-status="notEligible"]').waitFor();
  assert.match(await page.locator('#elig-verdict-title').textContent(), /途中の判定/);
  await choose(page, 'orgType', 'soleProprietor');
  await page.locator('#elig-back').click();
  await expectQuestion(page, 'orgType');
  assert.equal(await page.locator('button[data-value="soleProprietor"]').getAttribute('aria-pressed'), 'true');
  await page.locator('#elig-forward').click();
  await expectQuestion(page, 'industry');
  await choose(page, 'industry', 'services');
  await type(page, 'employees', '3');
  // A sole proprietor gets no deemed-large questions.
  await expectQuestion(page, 'expertKind');
  await page.screenshot({ path: join(artifacts, 'eligibility-question.png'), fullPage: true });
  await page.close();
});

test('the home tile opens the wizard; the navigator marks ended supports', async () => {
  const page = await browser.context.newPage();
  await page.goto(new URL('?lang=ja', appUrl).href);
  await page.locator('#tile-eligibility').click();
  await page.locator('.elig-question, #elig-verdict').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/eligibility');
  await page.goto(new URL('?lang=ja', appUrl).href);
  await page.locator('#tile-navigator').click();
  await page.locator('#nav-supports').waitFor();
  await page.locator('#need-edi').check();
  await page.locator('#support-commonEdi').waitFor();
  assert.match(await page.locator('#support-commonEdi').textContent(), /03-3527-2185/);
  await page.locator('#need-itSubsidy').check();
  const it = page.locator('#support-itSubsidy2020');
  await it.waitFor();
  assert.match(await it.textContent(), /終了/);
  assert.match(await page.locator('#support-lowInfectionRisk').textContent(), /令和2年度第3次補正予算/);
  await page.screenshot({ path: join(artifacts, 'navigator.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: join(artifacts, 'navigator-360.png') });
  await page.close();
});

async function expectEnglish(page) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(japaneseOutsideBrackets(await page.evaluate(() => document.body.innerText)), []);
}

test('in English: the wizard asks, explains and decides in English', async () => {
  const { page, consoleErrors } = await openWizard(undefined, 'en');
  await expectEnglish(page);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Do we qualify?');
  assert.match(await page.locator('#elig-progress').textContent(), /^Question 1 of \d+ \(questions that cannot/);
  assert.match(await page.locator('.elig-question-title').textContent(), /Where is your business based\?/);
  assert.equal((await page.locator('button[data-value="nagano"]').textContent()).trim(), 'In Nagano Prefecture');
  await choose(page, 'location', 'nagano');
  assert.match(await page.locator('[data-question="orgType"]').textContent(), /Sole proprietor/);
  await choose(page, 'orgType', 'company');
  await expectQuestion(page, 'industry');
  assert.match(await page.locator('[data-question="industry"]').textContent(), /Not software or inns/);
  await expectEnglish(page);
  await choose(page, 'industry', 'manufacturing');
  await expectQuestion(page, 'employees');
  assert.equal(await page.locator('#elig-input').getAttribute('placeholder'), 'e.g. 12');
  assert.match(await page.locator('.elig-help').textContent(), /Do not count company officers/);
  await type(page, 'employees', '45');
  for (const f of EXCLUSIONS.slice(0, -1)) {
    await choose(page, `exclusions.${f}`, 'no');
  }
  await expectQuestion(page, 'exclusions.avgTaxableIncome');
  assert.match(await page.locator('.elig-question-title').textContent(), /more than ¥1\.5 billion/);
  await choose(page, 'exclusions.avgTaxableIncome', 'no');
  await choose(page, 'expertKind', 'freelancer');
  await choose(page, 'support', 'ecSite');
  await type(page, 'asOf', '2021-01-15');
  await page.locator('#elig-next-steps').waitFor();
  assert.equal((await page.locator('#elig-verdict-title').textContent()).trim(), 'Result');
  assert.equal(await page.locator('#verdict-national').getAttribute('data-status'), 'eligible');
  assert.equal(await page.locator('#verdict-nagano').getAttribute('data-status'), 'eligible');
  // The rules core's words, in English: the summary, the deadlines with their dates.
  assert.match(await page.locator('#elig-summary').textContent(), /^You qualify/);
  const national = await page.locator('#verdict-national').textContent();
  assert.match(national, /Eligible/);
  assert.match(national, /Deadlines from the reference date/);
  assert.match(national, /31 January 2021/);
  assert.match(national, /NAT-P1; source/);
  const answers = await page.locator('#elig-answers').textContent();
  assert.match(answers, /45 employees/);
  assert.match(answers, /Company/);
  assert.match(await page.locator('#elig-next-steps').textContent(), /What to do next.*Work out the cost/s);
  await expectEnglish(page);
  await page.screenshot({ path: join(artifacts, 'eligibility-en.png'), fullPage: true });
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('in English: a deemed-large company learns why, and what would qualify, in yen', async () => {
  const { page } = await openWizard({ width: 360, height: 780 }, 'en');
  await choose(page, 'location', 'other');
  // Outside Nagano the Nagano verdict is certain at once: a provisional result.
  await page.locator('#verdict-nagano[data-status="notEligible"]').waitFor();
  assert.match(await page.locator('#elig-verdict-title').textContent(), /Result so far/);
  await choose(page, 'orgType', 'company');
  await choose(page, 'industry', 'retail');
  await type(page, 'employees', '20');
  for (const f of EXCLUSIONS.slice(0, -1)) {
    await choose(page, `exclusions.${f}`, 'no');
  }
  await choose(page, 'exclusions.avgTaxableIncome', 'yes');
  await page.locator('#elig-next-steps').waitFor();
  assert.equal(await page.locator('#verdict-national').getAttribute('data-status'), 'notEligible');
  const text = await page.locator('#verdict-national').textContent();
  assert.match(text, /Not eligible as things stand/);
  assert.match(text, /What would make you eligible/);
  assert.match(text, /¥1\.5 billion or less/);
  assert.match(text, /\[SME-6; source SME Digitalization Support Corps portal, first Phase II announcement\]/);
  assert.match(await page.locator('#elig-answers').textContent(), /Yes/);
  await expectEnglish(page);
  await page.screenshot({ path: join(artifacts, 'eligibility-en-360.png'), fullPage: true });
  await page.close();
});

test('in English: the navigator shows supports, figures in yen and contacts', async () => {
  const page = await browser.context.newPage();
  await page.goto(new URL('navigator?lang=en', appUrl).href);
  await page.locator('#nav-supports').waitFor();
  assert.equal((await page.locator('h1').textContent()).trim(), 'Support finder');
  assert.match(await page.locator('#nav-count').textContent(), /^Showing all \d+ supports\.$/);
  // The national programme's figures come from the dated parameters, in yen.
  const national = await page.locator('#support-national').textContent();
  assert.match(national, /SME Digitalization Support Corps/);
  assert.match(national, /¥[\d,]+ per hour/);
  assert.match(national, /Where to ask/);
  assert.match(national, /Phone 050-2000-7227/);
  assert.match(national, /Hours: Weekdays 9:00–17:00/);
  await page.locator('#need-edi').check();
  await page.locator('#support-commonEdi').waitFor();
  assert.match(await page.locator('#support-commonEdi').textContent(), /Phone 03-3527-2185/);
  await page.locator('#need-itSubsidy').check();
  assert.match(await page.locator('#nav-count').textContent(), /^\d+ supports match \(\d+ of them ended\)\.$/);
  const it = page.locator('#support-itSubsidy2020');
  await it.waitFor();
  assert.match(await it.textContent(), /Ended/);
  assert.match(await page.locator('#support-lowInfectionRisk').textContent(), /FY2020 third supplementary budget/);
  await page.locator('#need-edi').uncheck();
  await page.locator('#need-itSubsidy').uncheck();
  await expectEnglish(page);
  await page.screenshot({ path: join(artifacts, 'navigator-en.png'), fullPage: true });
  // Back to Japanese for whatever runs next in this browser.
  await page.goto(new URL('navigator?lang=ja', appUrl).href);
  await page.locator('#nav-supports').waitFor();
  await page.close();
});
