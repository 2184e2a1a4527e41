// The small entry `ouen/cost` gives exactly what the full entry gives: every golden case, the
// golden errors, English, SME checks and odd shapes, deep-equal through both. Run by
// `cargo xtask test` (OUEN_NPM = dist/npm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const npmDir = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const pkg = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
const full = await import(pathToFileURL(join(npmDir, pkg.exports['.'].node)).href);
const cost = await import(pathToFileURL(join(npmDir, pkg.exports['./cost'].node)).href);
const golden = JSON.parse(readFileSync(join(here, '../data/golden.json'), 'utf8'));

/** The result, or the thrown error as a plain object (name, message, field, errors). */
function outcome(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    assert.ok(e instanceof Error, 'throws an Error');
    return { err: { name: e.name, message: e.message, field: e.field, errors: e.errors } };
  }
}

function same(call) {
  const a = outcome(() => call(full));
  const b = outcome(() => call(cost));
  assert.deepStrictEqual(b, a);
  return a;
}

test('package.json exports ./cost with node, browser and types', () => {
  const e = pkg.exports['./cost'];
  assert.ok(e.node && e.browser && e.types && e.default);
  for (const f of [e.node, e.browser, e.types, './cost/web.d.ts', './cost/node/ouen_cost_bg.wasm', './cost/web/ouen_cost_bg.wasm']) {
    assert.doesNotThrow(() => readFileSync(join(npmDir, f)), f);
  }
  assert.deepEqual(Object.keys(cost).sort(), ['classifySme', 'rulesetInfo', 'simulate', 'simulateMany']);
});

for (const c of golden.cases) {
  test(`golden through both entries: ${c.name}`, () => {
    for (const locale of ['ja', 'en']) {
      const r = same((m) => m.simulate(c.input, { locale }));
      assert.ok(r.ok, 'no error');
      assert.equal(r.ok.selfPay, c.expect.selfPay);
      assert.deepEqual(r.ok.subsidies, c.expect.subsidies);
    }
    same((m) => m.simulate(c.input));
  });
}

for (const c of golden.errors) {
  test(`golden error through both entries: ${c.name}`, () => {
    for (const options of [undefined, { locale: 'en' }]) {
      const r = same((m) => m.simulate(c.input, options));
      assert.equal(r.err?.name, 'OuenInputError');
      assert.equal(r.err.field, c.errorField);
    }
  });
}

test('edge inputs and options give the same result or the same error', () => {
  const base = { rate: 6000, hours: 12, schemes: ['national', 'nagano'] };
  const inputs = [
    { ...base, asOf: '2021-05-01' },
    { ...base, asOf: '2020-01-01' },
    { ...base, asOf: '2023-01-01' },
    { ...base, schemes: ['nagano'], asOf: '2021-03-31' },
    { ...base, hours: 40, smePriorHonorarium: 290000, naganoPriorHours: 10 },
    { ...base, rate: 3600, hours: 1.5, expertPriorHonorarium: '1,000,000' },
    { rate: '６，０００円', hours: '１２時間', schemes: ['national'] },
    { rate: 500, hours: 3, schemes: ['national'] },
    { rate: 6000.5, hours: 1e-7, schemes: ['tokyo'] },
    { rate: NaN, hours: Infinity, schemes: 'national', asOf: '2021-02-30' },
    { rate: {}, hours: [1], schemes: [null, 1], naganoPriorHours: true, asOf: 5 },
    { rate: 1e21, hours: -0, schemes: [], smePriorHonorarium: 1e30 },
    { rate: 6000, hours: 12, schemes: ['national'], asOf: '' , smePriorHonorarium: '' },
    {},
    null,
    [1, 2],
    'rate',
  ];
  for (const input of inputs) {
    for (const options of [undefined, null, {}, { locale: 'en' }, { locale: 'en-US' }, { locale: 'fr' }, { locale: 5 }, 'en']) {
      same((m) => m.simulate(input, options));
    }
  }
});

test('classifySme: same results and errors through both entries', () => {
  const inputs = [
    { orgType: 'company', industry: 'retail', capital: 1, employees: 3 },
    { orgType: 'company', industry: 'manufacturing', capital: '3億円', employees: '300人' },
    { orgType: 'company', industry: 'manufacturing', capital: 400000000, employees: 301 },
    { orgType: 'soleProprietor', industry: 'services', employees: 5 },
    { orgType: 'medical', employees: 250 },
    { orgType: 'company', industry: 'software', capital: 1e8, employees: 50, exclusions: { singleLargeShare: '1/2', totalLargeShare: 0.2, largeOfficerShare: '50%', ownedByDeemedLarge: false, officersAllFromDeemedLarge: false, avgTaxableIncome: 1e9 } },
    { orgType: 'company', industry: 'retail', capital: 1, employees: 3, exclusions: [] },
    { orgType: 'company', industry: 'retail', capital: 1, employees: 3, exclusions: 'no' },
    { orgType: 'company', industry: 'retail', capital: 1, employees: 3, exclusions: null },
    { orgType: 'bank', industry: 'x', capital: -1, employees: 'many' },
    {},
    null,
  ];
  for (const input of inputs) {
    for (const options of [undefined, { locale: 'en' }, { locale: 'de' }]) {
      same((m) => m.classifySme(input, options));
    }
  }
});

test('rulesetInfo: the small entry gives the full one\'s version and hash', () => {
  const info = full.rulesetInfo();
  assert.deepStrictEqual(cost.rulesetInfo(), { version: info.version, hash: info.hash });
});

// Thousands of varied calls, valid and not, in one instance: results of every size are
// allocated and freed, so the small entry's own allocator is exercised (a block handed out
// twice, or a free list gone wrong, would show as a result that differs from the full entry's
// or as a trap). The inputs come from a fixed-seed generator, so a failure reproduces.
test('5,000 varied calls: both entries agree throughout', () => {
  let x = 0x2545f491;
  const next = () => {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x;
  };
  const pick = (a) => a[next() % a.length];
  const schemes = [['national'], ['nagano'], ['national', 'nagano'], [], ['x'], 'national'];
  const numbers = [0, 1, 500, 501, 3999.5, 4000, 6000, 8250, 12000, -1, 1e9, 0.1, 2 / 3, NaN, '６，０００円', '12時間', 'abc', '', null, undefined];
  for (let i = 0; i < 5000; i++) {
    if (next() % 4 === 0) {
      const input = {
        orgType: pick(['company', 'soleProprietor', 'medical', 'bank', undefined]),
        industry: pick(['retail', 'manufacturing', 'services', 'wholesale', 'software', 'x']),
        capital: pick([1, 5e7, 1e8, 3e8, 3e8 + 1, '3億円', -1, 'abc', undefined]),
        employees: pick([0, 5, 20, 50, 100, 300, 301, '45人', 'many', undefined]),
      };
      const options = pick([undefined, { locale: 'en' }]);
      same((m) => m.classifySme(input, options));
    } else {
      // Half of the values are plausible, so results as well as errors come out.
      const rate = next() % 2 ? 500 + (next() % 12000) : pick(numbers);
      const hours = next() % 2 ? 1 + (next() % 300) / 4 : pick(numbers);
      const input = {
        rate,
        hours,
        schemes: next() % 2 ? ['national', 'nagano'] : pick(schemes),
        smePriorHonorarium: pick([undefined, 0, 10000, 290000, 300000, '29万円', -5]),
        naganoPriorHours: pick([undefined, 0, 12, 24, 30]),
        asOf: pick([undefined, '2021-01-15', '2021-03-01', '2020-02-30', 'today']),
      };
      const options = pick([undefined, { locale: 'en' }]);
      same((m) => m.simulate(input, options));
    }
  }
});
