// Accessibility and tablet layout, on every page, in both languages:
// - axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no violation, on each page as it opens
//   and on the states that matter (a result, an error, a verdict, the hand-off QR dialog,
//   seminar mode's hand-over dialog and the organiser's view);
// - touch targets are at least 44 × 44 px, nothing scrolls sideways, at 768×1024 (tablet
//   portrait), 1024×768 (landscape) and 360×740 (phone), with a screenshot of each;
// - the keyboard reaches every control and the focused one is visibly marked;
// - the larger-text setting enlarges the text without breaking the phone layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { useBrowser, appUrl, artifacts } from './browser.mjs';

const browser = useBrowser();

/** Every page, with an element that shows it has rendered. */
export const PAGES = [
  { name: 'home', path: '', ready: '#tile-simulator' },
  { name: 'simulator', path: 'simulator', ready: '#rate' },
  { name: 'rules', path: 'rules', ready: '.page-title' },
  { name: 'eligibility', path: 'eligibility', ready: '.page-title' },
  { name: 'navigator', path: 'navigator', ready: '.page-title' },
  { name: 'checklist', path: 'checklist', ready: '.page-title' },
  { name: 'plan', path: 'plan', ready: '.page-title' },
  { name: 'settings', path: 'settings', ready: '.page-title' },
];

const VIEWPORTS = [
  { name: 'tablet-portrait', width: 768, height: 1024 },
  { name: 'tablet-landscape', width: 1024, height: 768 },
  { name: 'phone', width: 360, height: 740 },
];

async function open(path, lang = 'ja', viewport) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize({ width: viewport.width, height: viewport.height });
  await page.goto(new URL(`${path}?lang=${lang}`, appUrl).href);
  return page;
}

async function axe(page, what) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const report = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`,
  );
  assert.deepEqual(report, [], `axe violations on ${what}`);
}

for (const lang of ['ja', 'en']) {
  for (const p of PAGES) {
    test(`axe: ${p.name} (${lang}) has no WCAG 2.2 AA violation`, async () => {
      const page = await open(p.path, lang);
      await page.locator(p.ready).first().waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      await axe(page, `${p.name} (${lang})`);
      await page.close();
    });
  }
}

test('axe: the states that matter — a result, errors, a verdict, a finished checklist', async () => {
  const page = await open('simulator');
  await page.locator('#rate').fill('6000');
  await page.locator('#hours').fill('12');
  await page.locator('#self-pay').filter({ hasText: '円' }).waitFor();
  // Open every explanation so its content is checked too.
  for (const d of await page.locator('details').all()) await d.evaluate((el) => (el.open = true));
  await axe(page, 'simulator with a result');
  await page.locator('#rate').fill('abc');
  await page.locator('.field-invalid .error').first().waitFor();
  await axe(page, 'simulator with an error');
  await page.close();

  const plan = await open('plan');
  await plan.locator('.page-title').waitFor();
  await axe(plan, 'plan with its first errors');
  await plan.close();
});

test('axe: the eligibility wizard through to its verdict', async () => {
  const page = await open('eligibility');
  await page.locator('.page-title').waitFor();
  // Answer each question with its first option until a verdict shows (at most 12 steps).
  for (let i = 0; i < 12; i++) {
    await axe(page, `eligibility step ${i + 1}`);
    const option = page.locator('main input[type="radio"]').first();
    if (!(await option.count())) break;
    await option.check();
    const next = page.locator('main button', { hasText: /次へ|Next|結果|result/i }).last();
    if (!(await next.count()) || !(await next.isEnabled())) break;
    await next.click();
  }
  await axe(page, 'eligibility verdict');
  await page.close();
});

/** Controls smaller than 44 × 44 px (a checkbox or radio counts with its label). */
function smallTargets() {
  const out = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('[hidden]');
  };
  const controls = document.querySelectorAll(
    'button, select, textarea, summary, [role="button"], input:not([type="hidden"]), nav a, a.button, a.tile',
  );
  for (const el of controls) {
    if (!visible(el)) continue;
    let box = el;
    // A checkbox, a radio or a visually hidden file input is operated through its label.
    if (el.matches('input[type="checkbox"], input[type="radio"], input.visually-hidden')) {
      box = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label') || el;
    }
    const r = box.getBoundingClientRect();
    if (r.width < 43.5 || r.height < 43.5) {
      out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return out;
}

for (const vp of VIEWPORTS) {
  // English words are longer: the narrowest screen is checked in both languages.
  const langs = vp.width < 400 ? ['ja', 'en'] : ['ja'];
  test(`layout at ${vp.width}×${vp.height} (${langs.join(', ')}): 44 px targets, no sideways scroll, screenshots`, async () => {
    for (const lang of langs) {
      for (const p of PAGES) {
        const page = await open(p.path, lang, vp);
        await page.locator(p.ready).first().waitFor();
        const what = `${p.name} (${lang}) at ${vp.name}`;
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`);
        assert.deepEqual(await page.evaluate(smallTargets), [], `small touch targets on ${what}`);
        const suffix = lang === 'ja' ? '' : `-${lang}`;
        await page.screenshot({ path: join(artifacts, `${vp.name}-${p.name}${suffix}.png`), fullPage: true });
        await page.close();
      }
    }
  });
}

test('the keyboard reaches the controls and focus is always visible', async () => {
  for (const p of PAGES) {
    const page = await open(p.path);
    await page.locator(p.ready).first().waitFor();
    const seen = new Set();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        // The calendar button inside a date field is the browser's own, with its own ring.
        if (el.matches('input[type="date"]') && !el.matches(':focus')) return null;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
        return { id: `${el.tagName}#${el.id}.${el.className}|${(el.textContent || '').trim().slice(0, 20)}`, ring };
      });
      if (!f) continue;
      assert.ok(f.ring, `${p.name}: no visible focus on ${f.id}`);
      seen.add(f.id);
    }
    assert.ok(seen.size >= 3, `${p.name}: the keyboard reached only ${seen.size} controls`);
    await page.close();
  }
});

test('the larger-text setting enlarges the text and the phone layout holds', async () => {
  const page = await open('simulator', 'ja', VIEWPORTS[2]);
  await page.locator('#rate').waitFor();
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.evaluate(() => localStorage.setItem('ouen.text-size', 'large'));
  await page.reload();
  await page.locator('#rate').waitFor();
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.equal(before, 16);
  assert.equal(after, 20);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px with larger text`);
  await page.screenshot({ path: join(artifacts, 'phone-simulator-large-text.png'), fullPage: true });
  await page.evaluate(() => localStorage.removeItem('ouen.text-size'));
  await page.close();
});

test('axe: the dialogs and seminar screens — hand-off QR, hand-over, organiser view', async () => {
  const page = await open('simulator');
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await page.reload();
  await page.locator('#rate').fill('6000');
  await page.locator('#hours').fill('12');
  await page.locator('#self-pay').filter({ hasText: '円' }).waitFor();
  await page.locator('#handoff-open').click();
  await page.locator('#handoff-qr svg').waitFor();
  await axe(page, 'the hand-off dialog with its QR code');
  await page.locator('#handoff-close').click();

  // Seminar mode on: the bar, the hand-over dialog, the organiser's view.
  await page.goto(new URL('settings', appUrl).href);
  await page.locator('#seminar-pin1').fill('2468');
  await page.locator('#seminar-pin2').fill('2468');
  await page.locator('#seminar-start').click();
  await page.locator('#seminar-bar').waitFor();
  await axe(page, 'settings in seminar mode');
  await page.locator('#seminar-next').click();
  await page.locator('#seminar-dialog').waitFor();
  await axe(page, 'the hand-over dialog');
  await page.locator('#seminar-cancel').click();
  await page.locator('#seminar-pin').fill('2468');
  await page.locator('#seminar-unlock').click();
  await page.locator('#organiser').waitFor();
  await axe(page, "the organiser's view");
  // An ordinary device again for the tests after this one.
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await page.close();
});
