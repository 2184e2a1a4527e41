// The eligibility wizard and the support navigator in headless Chromium: a Nagano
// manufacturer walks to "eligible" for both schemes (capital never asked), a deemed-large
// company to "not eligible" with its SME-6 reason, answers survive a reload, and the
// navigator marks ended supports. Screenshots at 1024px and 360px in tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, appUrl, artifacts } from './browser.mjs';

const browser = useBrowser();

async function openWizard(viewport) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(new URL('eligibility', appUrl).href);
  await page.locator('#elig-reset').waitFor();
  // Start clean whatever an earlier test left.
  await page.locator('#elig-reset').click();
  await page.locator('[data-question="location"]').waitFor();
  return { page, consoleErrors };
}

async function expectQuestion(page, field) {
  await page.locator(`[data-question="${field}"]`).waitFor();
}

async function choose(page, field, value) {
  await expectQuestion(page, field);
  await page.locator(`[data-question="${field}"] button[data-value="${value}"]`).click();
}

async function type(page, field, value) {
  await expectQuestion(page, field);
  await page.locator('#elig-input').fill(value);
  await page.locator('#elig-next').click();
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
  for (const f of ['singleLargeShare', 'totalLargeShare', 'largeOfficerShare', 'ownedByDeemedLarge',
    'officersAllFromDeemedLarge', 'avgTaxableIncome']) {
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
  const employees = page.locator('[id="plan-sme.employees"]');
  await employees.waitFor();
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
  assert.match(text, /出典 002/);
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
  await page.goto(appUrl);
  await page.locator('#tile-eligibility').click();
  await page.locator('.elig-question, #elig-verdict').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/eligibility');
  await page.goto(appUrl);
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
