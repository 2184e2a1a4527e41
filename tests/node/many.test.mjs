// `simulate(input, { explain: false })` and `simulateMany(inputs, options)` (issue #15): the
// same numbers as `simulate`, in both entries, over the golden cases and a seeded sample of
// plans; bad input in a batch names its position. Run by `cargo xtask test`.
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

/** A seeded sample of plans across modes, caps, prior use and dates (mulberry32). */
function sample(n, seed = 0x0e4e) {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const input = {
      rate: pick([0, 400, 500, 501, 3000, 4000, 6000, 8250, 12000, Math.round(rnd() * 20000)]),
      hours: pick([1, 1.5, 2, 12, 24, 30, 100, Math.round(rnd() * 2000) / 4 + 0.25]),
      schemes: pick([['national'], ['nagano'], ['national', 'nagano']]),
    };
    if (rnd() < 0.4) input.smePriorHonorarium = pick([0, 10000, 299999, 300000, Math.round(rnd() * 300000)]);
    if (rnd() < 0.3) input.expertPriorHonorarium = pick([0, 1490000, 1500000]);
    if (rnd() < 0.4) input.naganoPriorHours = pick([0, 2, 23.5, 24]);
    if (rnd() < 0.5) input.asOf = pick(['2020-10-01', '2021-01-29', '2021-02-10', '2021-03-20', '2021-06-01', '2022-03-01']);
    out.push(input);
  }
  return out;
}

const inputs = [...golden.cases.map((c) => c.input), ...sample(300)];
const numbers = (r) => ({ ...r, explanation: undefined });

for (const [name, api] of [['ouen', full], ['ouen/cost', cost]]) {
  test(`${name}: explain:false gives simulate's numbers and warnings, without the steps`, () => {
    for (const locale of ['ja', 'en']) {
      for (const input of inputs) {
        const a = api.simulate(input, { locale });
        const b = api.simulate(input, { locale, explain: false });
        assert.ok(a.explanation.length > 0);
        assert.deepStrictEqual(b.explanation, []);
        assert.deepStrictEqual(numbers(b), numbers(a), JSON.stringify(input));
        assert.deepStrictEqual(api.simulate(input, { locale, explain: true }), a);
      }
    }
  });

  test(`${name}: simulateMany is simulate over the list, in one call`, () => {
    for (const options of [undefined, { locale: 'en' }, { explain: false }]) {
      const many = api.simulateMany(inputs, options);
      assert.equal(many.length, inputs.length);
      inputs.forEach((input, i) => assert.deepStrictEqual(many[i], api.simulate(input, options)));
    }
    assert.deepStrictEqual(api.simulateMany([]), []);
  });

  test(`${name}: a bad input in a batch throws OuenInputError with its index`, () => {
    const batch = [inputs[0], inputs[1], { rate: 4000, hours: 0, schemes: ['national'] }, inputs[2]];
    assert.throws(() => api.simulateMany(batch, { locale: 'en' }), (e) => {
      assert.equal(e.name, 'OuenInputError');
      assert.equal(e.index, 2);
      assert.equal(e.field, 'hours');
      assert.match(e.message, /Support hours/);
      return true;
    });
    assert.throws(() => api.simulateMany([inputs[0], 'not a plan']), (e) => e.name === 'OuenInputError' && e.index === 1 && e.field === 'input');
    assert.throws(() => api.simulateMany({ rate: 4000 }), (e) => e.name === 'OuenInputError' && e.field === 'inputs');
    assert.throws(() => api.simulate(inputs[0], { explain: 'no' }), (e) => e.name === 'OuenInputError' && e.field === 'explain');
    // The instance keeps working.
    assert.equal(api.simulateMany([inputs[0]])[0].selfPay, api.simulate(inputs[0]).selfPay);
  });
}

test('both entries agree on simulateMany, with and without steps', () => {
  for (const options of [undefined, { locale: 'en', explain: false }]) {
    assert.deepStrictEqual(cost.simulateMany(inputs, options), full.simulateMany(inputs, options));
  }
});
