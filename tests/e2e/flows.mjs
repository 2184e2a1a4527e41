// Steps that several browser test files take the same way: answering the wizard and the
// checklist, and reading what is Japanese in an English page.
import assert from 'node:assert/strict';

/** The lines of the visible text with Japanese (kana) outside brackets (nested ones too),
 *  leaving out the brand and the language switch's "日本語": what an English page must not
 *  show. */
export function japaneseOutsideBrackets(text) {
  const cleaned = text.replaceAll('ouen 応援', '').replaceAll('日本語', '');
  const found = [];
  for (const line of cleaned.split('\n')) {
    let depth = 0;
    let outside = '';
    for (const c of line) {
      if ('(（「'.includes(c)) depth++;
      else if (')）」'.includes(c)) depth--;
      else if (depth <= 0) outside += c;
    }
    if (/[\u3040-\u30ff]/.test(outside)) found.push(line);
  }
  return found;
}

/** Answers every checklist item, page by page: "na" where an item offers it, else the
 *  levels in turn. */
export async function answerChecklist(page, levels) {
  for (;;) {
    const groups = page.locator('fieldset.cl-item');
    const n = await groups.count();
    for (let i = 0; i < n; i++) {
      const g = groups.nth(i);
      const value = (await g.locator('input[value="na"]').count()) > 0 ? 'na' : levels[i % levels.length];
      await g.locator(`input[value="${value}"]`).check();
    }
    const next = page.locator('#cl-next');
    if ((await next.count()) === 0) break;
    await next.click();
  }
}

/** Waits for the wizard to ask `field`. */
export async function expectQuestion(page, field) {
  await page.locator(`[data-question="${field}"]`).waitFor();
}

/** Answers the wizard's question `field` by its button `value`. */
export async function choose(page, field, value) {
  await expectQuestion(page, field);
  await page.locator(`[data-question="${field}"] button[data-value="${value}"]`).click();
}

/** Answers the wizard's question `field` by typing `value`. */
export async function type(page, field, value) {
  await expectQuestion(page, field);
  await page.locator('#elig-input').fill(value);
  await page.locator('#elig-next').click();
}

/** The deemed-large questions (SME-6), all answered "no". */
export const EXCLUSIONS = ['singleLargeShare', 'totalLargeShare', 'largeOfficerShare', 'ownedByDeemedLarge',
  'officersAllFromDeemedLarge', 'avgTaxableIncome'];

/** From the first question to "eligible" for both schemes: a Nagano manufacturer with 45
 *  employees, a freelance expert, an EC site, on 2021-01-15. */
export async function walkToEligible(page) {
  await choose(page, 'location', 'nagano');
  await choose(page, 'orgType', 'company');
  await choose(page, 'industry', 'manufacturing');
  await type(page, 'employees', '４５人');
  for (const f of EXCLUSIONS) await choose(page, `exclusions.${f}`, 'no');
  await choose(page, 'expertKind', 'freelancer');
  await choose(page, 'support', 'ecSite');
  await type(page, 'asOf', '2021-01-15');
  await page.locator('#elig-next-steps').waitFor();
  assert.equal(await page.locator('#verdict-national').getAttribute('data-status'), 'eligible');
  assert.equal(await page.locator('#verdict-nagano').getAttribute('data-status'), 'eligible');
}
