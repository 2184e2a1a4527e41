// The npm package in Node ≥ 20: imported with no init call, every golden case through the
// JS API, and errors that name the field. Run by `cargo xtask test` (OUEN_NPM = dist/npm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const npmDir = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const pkg = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
const ouen = await import(pathToFileURL(join(npmDir, pkg.exports['.'].node)).href);
const golden = JSON.parse(readFileSync(join(here, '../data/golden.json'), 'utf8'));

test('package.json describes an ES module with node, browser and types entries', () => {
  assert.equal(pkg.name, 'ouen');
  assert.equal(pkg.type, 'module');
  assert.ok(pkg.exports['.'].node && pkg.exports['.'].browser && pkg.exports['.'].types);
  for (const f of ['node.js', 'web.js', 'index.d.ts', 'node/ouen_bg.wasm', 'web/ouen_bg.wasm']) {
    assert.doesNotThrow(() => readFileSync(join(npmDir, f)), f);
  }
});

for (const c of golden.cases) {
  test(`golden: ${c.name}`, () => {
    const r = ouen.simulate(c.input);
    assert.equal(r.totalFee, c.expect.totalFee);
    assert.equal(r.selfPay, c.expect.selfPay);
    assert.deepEqual(r.subsidies, c.expect.subsidies);
    assert.equal(r.totalFee, Object.values(r.subsidies).reduce((a, b) => a + b, 0) + r.selfPay);
    assert.ok(r.explanation.length > 0 && r.explanation.every((s) => s.rules.length > 0));
    assert.match(r.ruleset.hash, /^[0-9a-f]{8}$/);
  });
}

for (const c of golden.errors) {
  test(`golden error: ${c.name} names ${c.errorField}`, () => {
    assert.throws(
      () => ouen.simulate(c.input),
      (e) => {
        assert.ok(e instanceof Error);
        assert.equal(e.name, 'OuenInputError');
        assert.equal(e.field, c.errorField);
        assert.match(e.message, /[぀-ヿ一-鿿]/, 'message is Japanese by default');
        return true;
      },
    );
  });
}

test('English messages and explanations on request', () => {
  assert.throws(
    () => ouen.simulate({ rate: 4000, hours: 0, schemes: ['national'] }, { locale: 'en' }),
    { field: 'hours', message: 'Support hours: please enter a number greater than 0.' },
  );
  const r = ouen.simulate({ rate: 6000, hours: 12, schemes: ['national'] }, { locale: 'en' });
  assert.equal(r.explanation[0].text, 'Total fee = hourly rate ¥6,000 × 12 h = ¥72,000');
});

test('typed text is read like the app reads it (full-width digits, commas)', () => {
  const r = ouen.simulate({ rate: '６，０００', hours: '１２', schemes: ['national', 'nagano'] });
  assert.equal(r.selfPay, 6000);
});

test('not-a-number, wrong shapes and unknown options are refused with a field', () => {
  const field = (fn) => {
    try {
      fn();
    } catch (e) {
      return e.field;
    }
    return 'no error';
  };
  assert.equal(field(() => ouen.simulate({ rate: NaN, hours: 1, schemes: ['national'] })), 'rate');
  assert.equal(field(() => ouen.simulate({ rate: 4000, hours: Infinity, schemes: ['national'] })), 'hours');
  assert.equal(field(() => ouen.simulate({ rate: {}, hours: 1, schemes: ['national'] })), 'rate');
  assert.equal(field(() => ouen.simulate({ rate: 4000, hours: 1, schemes: 'national' })), 'schemes');
  assert.equal(field(() => ouen.simulate({ rate: 4000, hours: 1, schemes: ['national'], asOf: '2021-02-30' })), 'asOf');
  assert.equal(field(() => ouen.simulate(null)), 'input');
  assert.equal(field(() => ouen.simulate([1, 2])), 'input');
  assert.equal(field(() => ouen.simulate({ rate: 1, hours: 1, schemes: ['national'] }, { locale: 'fr' })), 'locale');
});

test('every problem is listed in errors, in field order', () => {
  try {
    ouen.simulate({ rate: -1, hours: 0, schemes: [] });
    assert.fail('must throw');
  } catch (e) {
    assert.deepEqual(e.errors.map((x) => x.field), ['rate', 'hours', 'schemes']);
  }
});

test('as-of date: closed programmes are reported, the split is still computed', () => {
  const r = ouen.simulate({ rate: 6000, hours: 12, schemes: ['national', 'nagano'], asOf: '2026-11-22' });
  assert.equal(r.selfPay, 6000);
  assert.equal(r.asOf, '2026-11-22');
  assert.ok(r.warnings.some((w) => w.code === 'programmeClosed'));
});

test('Phase II dates carry the NAT-P5 budget caveat, from both entry points', async () => {
  const input = { rate: 6000, hours: 12, schemes: ['national'], asOf: '2021-06-01' };
  const caveat = (r) => r.warnings.find((w) => w.code === 'budgetMayCloseEarly');
  assert.deepEqual(caveat(ouen.simulate(input)).rules, ['NAT-P5']);
  const cost = await import(pathToFileURL(join(npmDir, pkg.exports['./cost'].node)).href);
  assert.deepEqual(caveat(cost.simulate(input)).rules, ['NAT-P5']);
  assert.equal(caveat(ouen.simulate({ ...input, asOf: '2021-01-15' })), undefined);
});

test('programmesOn and rulesetInfo', () => {
  const phase2On = (day) => ouen.programmesOn(day).find((x) => x.programme === 'national' && x.phase === 'two');
  // On 2021-05-01 only the first announcement (002) was out; 001 revised the dates on 2021-11-01.
  const may = phase2On('2021-05-01');
  assert.equal(may.state, 'open');
  assert.equal(may.nextDeadline.date, '2021-09-30');
  assert.deepEqual(may.nextDeadline.superseded, []);
  const phase2 = phase2On('2021-11-01');
  assert.equal(phase2.state, 'open');
  assert.equal(phase2.nextDeadline.date, '2021-11-01');
  assert.deepEqual(phase2.nextDeadline.superseded, [{ value: '2021-09-30', announced: '2021-04-26', source: '002' }]);
  assert.throws(() => ouen.programmesOn('2021-13-01'), { field: 'date' });
  const info = ouen.rulesetInfo();
  assert.match(info.hash, /^[0-9a-f]{8}$/);
  assert.ok(info.amounts.some((a) => a.rule === 'NAT-1' && a.values[0].value === 3500));
});

test('classifySme: a manufacturer with 300 employees is an SME; deemed large is not', () => {
  const ok = ouen.classifySme({ orgType: 'company', industry: 'manufacturing', capital: 500_000_000, employees: 300 });
  assert.equal(ok.sme, true);
  assert.ok(ok.reasons.includes('SME-1'));
  const big = ouen.classifySme({ orgType: 'company', industry: 'manufacturing', capital: 500_000_000, employees: 301 });
  assert.equal(big.sme, false);
  assert.ok(big.toQualify.length > 0);
  const deemed = ouen.classifySme({
    orgType: 'company', industry: 'retail', capital: 10_000_000, employees: 10,
    exclusions: { singleLargeShare: 0.5 },
  });
  assert.equal(deemed.sme, false);
  assert.ok(deemed.reasons.includes('SME-6'));
  const npo = ouen.classifySme({ orgType: 'npo', industry: 'services', employees: 100 });
  assert.equal(npo.sme, true);
  assert.equal(npo.smallBusiness, null);
  assert.throws(() => ouen.classifySme({ orgType: 'company', industry: 'retail', employees: 3 }), { field: 'capital' });
  assert.throws(() => ouen.classifySme({ orgType: 'castle', employees: 3 }), { field: 'orgType' });
});

test('checklistItems and scoreChecklist: a complete assessment is scored, gaps are named', () => {
  const items = ouen.checklistItems({ businessKind: 'retail' });
  assert.ok(items.length >= 20);
  const production = items.filter((i) => i.area === 'production');
  assert.ok(production.length > 0 && production.every((i) => i.choices.some((c) => c.answer === 'na')),
    'production items may be marked not applicable for a retailer');
  const strategy = items.filter((i) => i.area === 'strategy');
  assert.ok(strategy.every((i) => !i.choices.some((c) => c.answer === 'na')));
  const answers = Object.fromEntries(items.map((i) => [i.id, i.area === 'production' ? 'na' : 'done']));
  const all = ouen.scoreChecklist({ businessKind: 'retail', answers });
  assert.equal(all.overall.percent, 100);
  assert.ok(all.areas.find((a) => a.area === 'production').score.percent === null);
  const none = ouen.scoreChecklist({ businessKind: 'retail', answers: Object.fromEntries(items.map((i) => [i.id, 'notStarted'])) });
  assert.equal(none.overall.percent, 0);
  assert.equal(none.nextSteps.length, 3);
  const { [items[0].id]: _, ...missing } = answers;
  assert.throws(() => ouen.scoreChecklist({ businessKind: 'retail', answers: missing }), { field: items[0].id });
  assert.throws(() => ouen.checklistItems({ businessKind: 'castle' }), { field: 'businessKind' });
});
