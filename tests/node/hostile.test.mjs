// Hostile values through every JS entry point of the package (both entries): wrong types,
// NaN/Infinity, huge strings, prototype keys, cycles, getters that throw. Each call either
// returns or throws an `OuenInputError` with a `field`: never a wasm trap (RuntimeError) or
// any other error, and the instance keeps giving the golden answer afterwards. Seeded: the
// same values every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const npmDir = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const pkg = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
const ouen = await import(pathToFileURL(join(npmDir, pkg.exports['.'].node)).href);
const cost = await import(pathToFileURL(join(npmDir, pkg.exports['./cost'].node)).href);
const golden = JSON.parse(readFileSync(join(here, '../data/golden.json'), 'utf8'));

/** xorshift32, seeded. */
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

const cyclic = {};
cyclic.self = cyclic;
const throwing = Object.defineProperty({}, 'rate', { enumerable: true, get() { throw new Error('getter'); } });
const protoKeys = JSON.parse('{"__proto__": {"rate": 6000}, "constructor": {"prototype": 1}, "toString": 5}');

/** Values nobody should pass. */
const HOSTILE = [
  undefined, null, true, 0, -0, -1, NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 2 ** 53 + 1,
  10n, Symbol('s'), () => 1, '', ' ', 'x'.repeat(1 << 20), '６'.repeat(100000), '\u0000', '\ud800',
  '__proto__', 'constructor', [], [1, 2], [[[]]], {}, Object.create(null), new Date(NaN), new Map(),
  new Uint8Array(4), cyclic, throwing, protoKeys, { length: -1 }, new Proxy({}, { get() { throw new Error('proxy'); } }),
];

const FIELDS = ['rate', 'hours', 'schemes', 'asOf', 'smePriorHonorarium', 'expertPriorHonorarium', 'naganoPriorHours',
  'businessKind', 'answers', 'needs', 'employees', 'capital', 'industry', 'location', 'orgType', 'sme', 'steps', 'version',
  'locale', '__proto__', 'constructor', 'prototype'];

/** An object with a few fields set to hostile values. */
function hostileObject(next) {
  const o = {};
  const n = 1 + Math.floor(next() * 4);
  for (let i = 0; i < n; i++) {
    const key = FIELDS[Math.floor(next() * FIELDS.length)];
    Object.defineProperty(o, key, { value: HOSTILE[Math.floor(next() * HOSTILE.length)], enumerable: true, configurable: true, writable: true });
  }
  return o;
}

/** Every entry point, called with (a, b): the package's and the small `ouen/cost` one's. */
const ENTRIES = [
  ['simulate', (a, b) => ouen.simulate(a, b)],
  ['classifySme', (a, b) => ouen.classifySme(a, b)],
  ['checkEligibility', (a, b) => ouen.checkEligibility(a, b)],
  ['navigator', (a, b) => ouen.navigator(a, b)],
  ['checklistItems', (a, b) => ouen.checklistItems(a, b)],
  ['scoreChecklist', (a, b) => ouen.scoreChecklist(a, b)],
  ['generatePlan', (a, b) => ouen.generatePlan(a, b === undefined ? 'markdown' : b, { madeOn: '2021-02-01' })],
  ['checkPlan', (a) => ouen.checkPlan(a)],
  ['programmesOn', (a, b) => ouen.programmesOn(a, b)],
  ['rulesetInfo', () => ouen.rulesetInfo()],
  ['cost.simulate', (a, b) => cost.simulate(a, b)],
  ['cost.classifySme', (a, b) => cost.classifySme(a, b)],
  ['cost.rulesetInfo', () => cost.rulesetInfo()],
];

/** Calls `f`; a throw must be an OuenInputError naming a field. */
function call(name, f, a, b) {
  try {
    f(a, b);
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${name}: a wasm trap: ${e}`);
    assert.equal(e?.name, 'OuenInputError', `${name}: ${e?.name}: ${e?.message}`);
    assert.equal(typeof e.field, 'string', `${name}: no field`);
    assert.ok(e.message.length > 0);
  }
}

function stillWorks() {
  for (const c of golden.cases.slice(0, 3)) {
    assert.equal(ouen.simulate(c.input).selfPay, c.expect.selfPay);
    assert.equal(cost.simulate(c.input).selfPay, c.expect.selfPay);
  }
  assert.equal(ouen.checklistItems({ businessKind: 'retail' }).length > 0, true);
}

test('every entry point refuses each hostile value with an OuenInputError only', () => {
  for (const [name, f] of ENTRIES) {
    for (const v of HOSTILE) {
      call(name, f, v, undefined);
      call(name, f, {}, v); // as the options
      call(name, f, { [FIELDS[0]]: v, hours: v, businessKind: v, answers: v, sme: v }, undefined);
    }
  }
  stillWorks();
});

test('seeded hostile objects and options, 3,000 calls: OuenInputError or a result, never a trap', () => {
  const next = rng(20261203);
  for (let i = 0; i < 3000; i++) {
    const [name, f] = ENTRIES[Math.floor(next() * ENTRIES.length)];
    const input = next() < 0.8 ? hostileObject(next) : HOSTILE[Math.floor(next() * HOSTILE.length)];
    const options = next() < 0.7 ? undefined : next() < 0.5 ? hostileObject(next) : { locale: HOSTILE[Math.floor(next() * HOSTILE.length)] };
    call(name, f, input, options);
  }
  stillWorks();
});

test('a golden input with one field made hostile: the error names that field', () => {
  const base = golden.cases[0].input;
  for (const field of ['rate', 'hours']) {
    for (const v of [NaN, Infinity, -1, 'x'.repeat(100000), {}, [], true]) {
      for (const simulate of [ouen.simulate, cost.simulate]) {
        assert.throws(() => simulate({ ...base, [field]: v }), (e) => e.name === 'OuenInputError' && e.field === field, `${field}=${String(v).slice(0, 20)}`);
      }
    }
  }
  stillWorks();
});
