// `simulate` and `simulateMany` of both entries go over the wire of `tape.js` (numbers and one
// string each way) when they can, and to the wasm's object readers when not. Either way they
// must give exactly what the full wasm's serde export gives (the reference, unchanged): the
// same results, deep-equal, and the same errors (name, message, field, errors, index), over
// the golden cases and errors, thousands of seeded plans good and bad, every option, in
// batches of every size, and over plans the wire leaves to the object readers. And
// `{ explain: false }` and `simulateMany` give `simulate`'s numbers. Run by `cargo xtask test`.
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
// The full wasm's own exports: serde-wasm-bindgen in and out, the reference.
const ref = await import(pathToFileURL(join(npmDir, 'node/ouen.js')).href);
const golden = JSON.parse(readFileSync(join(here, '../data/golden.json'), 'utf8'));

/** The result, or the thrown error as a plain object. */
function outcome(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    assert.ok(e instanceof Error, `throws an Error: ${e}`);
    return { err: { name: e.name, message: e.message, field: e.field, errors: e.errors, index: e.index } };
  }
}

/** mulberry32, seeded: the same plans every run. */
function rng(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [0, -0, 1, 1.5, 400, 500, 501, 3000, 3999.5, 4000, 6000, 8250, 12000, 24, 23.5, 300000, 290000, 1500000, -1, 1e9, 0.1, 2 / 3, NaN, Infinity, -Infinity, 1e21, 5e-324, 2 ** 53 + 1];
const TEXTS = ['６，０００円', '6,000', '12時間', '１２', '1,000,000', '29万円', 'abc', '', ' ', '３．５', '1e3', '0x10', '\ud800', '2021-02-10', 'national'];
const ODD = [true, false, null, undefined, {}, [], [1], ['x'], [[1]], [null], [undefined], new Date(0), Object.create(null), new Number(5), new String('6000')];
// Values serde reads otherwise than `Reflect.get` did (a bigint as a number; a function or a
// symbol refuses the whole plan), so the two entries differed on them before the wire: only
// the full entry meets them here (the small one's reading is tested below).
const SERDE_ODD = [() => 1, 10n, Symbol('s'), [() => 1], [10n]];
const SCHEMES = [['national'], ['nagano'], ['national', 'nagano'], ['nagano', 'national'], [], ['x'], 'national', ['national', 'national'], [1], null, undefined, ['national', null], {}, [['national']]];
const DATES = [undefined, '2020-10-01', '2021-01-15', '2021-01-29', '2021-02-10', '2021-03-01', '2021-03-20', '2021-06-01', '2022-03-01', '2020-02-30', 'today', '', 5, null, '２０２１-０２-１０'];
const OPTIONS = [undefined, null, {}, { locale: 'en' }, { explain: false }, { locale: 'en', explain: false }, { explain: true }, { locale: 'ja', explain: false }];

function plans(n, seed, odd = ODD) {
  const next = rng(seed);
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const loose = () => (next() < 0.5 ? pick(NUMBERS) : next() < 0.6 ? pick(TEXTS) : pick(odd));
  const out = [];
  for (let i = 0; i < n; i++) {
    // Most plans are plausible, so results as well as errors come out.
    const good = next() < 0.7;
    const p = {
      rate: good ? pick([400, 500, 501, 3000, 4000, 6000, 8250, 12000, Math.round(next() * 20000), '６，０００円']) : loose(),
      hours: good ? pick([1, 1.5, 2, 12, 24, 30, 100, Math.round(next() * 2000) / 4 + 0.25, '12時間']) : loose(),
      schemes: good ? pick(SCHEMES.slice(0, 3)) : pick(SCHEMES),
    };
    if (next() < 0.4) p.smePriorHonorarium = good ? pick([0, 10000, 299999, 300000, '29万円']) : loose();
    if (next() < 0.3) p.expertPriorHonorarium = good ? pick([0, 1490000, 1500000]) : loose();
    if (next() < 0.4) p.naganoPriorHours = good ? pick([0, 2, 23.5, 24]) : loose();
    if (next() < 0.5) p.asOf = pick(DATES);
    if (next() < 0.05) p.extra = loose(); // an unknown field: ignored
    out.push(p);
  }
  return out;
}

const GOOD = golden.cases.map((c) => c.input);
const BAD = golden.errors.map((c) => c.input);
const COST_PLANS = [...GOOD, ...BAD, ...plans(3000, 0x5eed)];
const FULL_PLANS = [...GOOD, ...BAD, ...plans(3000, 0x5eed, [...ODD, ...SERDE_ODD])];
const show = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'symbol' || typeof x === 'function' ? String(x) : x));

for (const [name, api, PLANS] of [['ouen', full, FULL_PLANS], ['ouen/cost', cost, COST_PLANS]]) {
  test(`${name}: simulate over the wire is the serde export's result or error, for every plan and option`, () => {
    const next = rng(7);
    for (const input of PLANS) {
      // Every plan with the default options; a few other options each.
      for (const options of [undefined, OPTIONS[1 + Math.floor(next() * (OPTIONS.length - 1))]]) {
        assert.deepStrictEqual(outcome(() => api.simulate(input, options)), outcome(() => ref.simulate(input, options)), `${name} ${show(input)} ${show(options)}`);
      }
    }
  });

  test(`${name}: simulateMany over the wire, batches of 0 to 40 plans, same results or same error with its index`, () => {
    const next = rng(11);
    let errors = 0;
    for (let at = 0; at < PLANS.length;) {
      const size = Math.floor(next() * 41);
      const batch = PLANS.slice(at, at + size);
      at += Math.max(size, 1);
      const options = OPTIONS[Math.floor(next() * OPTIONS.length)];
      const a = outcome(() => api.simulateMany(batch, options));
      assert.deepStrictEqual(a, outcome(() => ref.simulateMany(batch, options)), `${name} batch at ${at}`);
      if (a.err) errors++;
    }
    assert.ok(errors > 0, 'some batches hold a bad plan');
    // Good plans only: long batches get through whole.
    const good = PLANS.filter((p) => outcome(() => ref.simulate(p)).ok);
    assert.ok(good.length > 1000);
    for (const options of OPTIONS) {
      assert.deepStrictEqual(api.simulateMany(good, options), ref.simulateMany(good, options));
    }
    assert.deepStrictEqual(api.simulateMany([]), []);
  });

  test(`${name}: explain:false and simulateMany give simulate's numbers, warnings and stamp`, () => {
    const good = PLANS.filter((p) => outcome(() => ref.simulate(p)).ok);
    for (const locale of ['ja', 'en']) {
      const many = api.simulateMany(good, { locale, explain: false });
      const steps = api.simulateMany(good, { locale });
      good.forEach((input, i) => {
        const r = api.simulate(input, { locale });
        assert.ok(r.explanation.length > 0);
        assert.deepStrictEqual(many[i], { ...r, explanation: [] });
        assert.deepStrictEqual(api.simulate(input, { locale, explain: false }), many[i]);
        assert.deepStrictEqual(steps[i], r);
      });
    }
  });

  test(`${name}: bad batches and options throw what the serde export throws`, () => {
    const cases = [
      [{ rate: 4000 }, undefined],
      ['plans', undefined],
      [null, undefined],
      [[GOOD[0], 'not a plan'], undefined],
      [[GOOD[0], null], { locale: 'en' }],
      [[GOOD[0], [1, 2]], undefined],
      [[GOOD[0], GOOD[1], { rate: 4000, hours: 0, schemes: ['national'] }], { locale: 'en' }],
      [GOOD, { explain: 'no' }],
      [GOOD, { locale: 'fr' }],
      [GOOD, 'en'],
      [[], { locale: 5 }],
      [new Set(GOOD), undefined],
      [{ length: 2, 0: GOOD[0], 1: GOOD[1] }, undefined],
    ];
    for (const [batch, options] of cases) {
      assert.deepStrictEqual(outcome(() => api.simulateMany(batch, options)), outcome(() => ref.simulateMany(batch, options)), String(batch));
    }
  });
}

// Plans the wire leaves to the object readers (or, for the small entry, reads as they read
// them): each entry still gives the reference's result or error.
test('ouen/cost reads a function, a bigint or a symbol as its wasm did: not a number, naming the field', () => {
  for (const v of SERDE_ODD) {
    for (const field of ['rate', 'hours', 'smePriorHonorarium', 'naganoPriorHours']) {
      assert.throws(() => cost.simulate({ ...GOOD[0], [field]: v }), (e) => e.name === 'OuenInputError' && e.field === field && e.errors.length === 1);
    }
    assert.throws(() => cost.simulate({ ...GOOD[0], schemes: v }), (e) => e.field === 'schemes');
    assert.throws(() => cost.simulateMany([GOOD[0], { ...GOOD[0], asOf: v }]), (e) => e.field === 'asOf' && e.index === 1);
  }
});

test('plans the wire does not encode: same result or error as before', () => {
  const base = GOOD[0];
  const throwing = Object.defineProperty({ ...base }, 'rate', { enumerable: true, get() { throw new Error('getter'); } });
  const getter = Object.defineProperty({ ...base }, 'hours', { enumerable: true, get: () => 12 });
  const cyclic = { ...base };
  cyclic.rate = cyclic;
  const deep = { ...base, schemes: [[[[[[[[[[[[[[[[[[['national']]]]]]]]]]]]]]]]]]] };
  const proxy = new Proxy({ ...base }, { get(t, k) { if (k === 'hours') throw new Error('trap'); return t[k]; } });
  // The small entry reads a field with `Reflect.get` and never copies: a getter or proxy that
  // throws is an absent field there, a cycle or deep nesting a value of the wrong kind: it
  // reads these plans as it reads the plain plan given (or as the check says).
  const missing = (field) => ({ ...base, [field]: undefined });
  const wrong = (field) => ({ ...base, [field]: {} });
  const exotic = [
    [{ ...base, asOf: '2021-02-10\0' }],
    [{ ...base, rate: '6000\0' }],
    [{ ...base, schemes: ['national\0'] }],
    [throwing, missing('rate')],
    [getter],
    [cyclic, wrong('rate')],
    [deep, (r) => r.err?.field === 'schemes'],
    [{ ...base, schemes: new Array(3) }, { ...base, schemes: [{}, {}, {}] }], // serde's copy has no holes: []
    [{ ...base, schemes: Object.assign(['national'], { extra: 1 }) }],
    [Object.assign(Object.create(null), base)],
    [{ ...base, rate: { valueOf: () => 6000 } }, wrong('rate')], // serde refuses the function inside
    [{ ...base, hours: new Number(12) }],
    [{ ...base, rate: 10n }, wrong('rate')],
    [{ ...base, rate: Symbol('s') }, wrong('rate')],
    [proxy, missing('hours')],
  ];
  for (const [input, costReads] of exotic) {
    for (const options of [undefined, { locale: 'en', explain: false }]) {
      const want = outcome(() => ref.simulate(input, options));
      assert.deepStrictEqual(outcome(() => full.simulate(input, options)), want);
      assert.deepStrictEqual(outcome(() => full.simulateMany([GOOD[1], input], options)), outcome(() => ref.simulateMany([GOOD[1], input], options)));
      const got = outcome(() => cost.simulate(input, options));
      if (typeof costReads === 'function') assert.ok(costReads(got), show(got));
      else if (costReads) assert.deepStrictEqual(got, outcome(() => ref.simulate(costReads, options)));
      else assert.deepStrictEqual(got, want);
    }
  }
});
