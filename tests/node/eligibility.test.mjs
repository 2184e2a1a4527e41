// checkEligibility and navigator through the npm package: the same verdicts, reasons and
// skipped questions as the Rust core, errors that name the field, ended supports marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const npmDir = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const pkg = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
const ouen = await import(pathToFileURL(join(npmDir, pkg.exports['.'].node)).href);

const naganoMaker = {
  location: 'nagano', orgType: 'company', industry: 'manufacturing', employees: 50,
  exclusions: {
    singleLargeShare: false, totalLargeShare: false, largeOfficerShare: false,
    ownedByDeemedLarge: false, officersAllFromDeemedLarge: false, avgTaxableIncome: false,
  },
  expertKind: 'freelancer', support: 'telework', asOf: '2021-01-15',
};

const status = (r) => r.schemes.map((s) => `${s.scheme}:${s.status}`).join(' ');

const table = [
  ['nothing yet', {}, 'national:needsChecking nagano:needsChecking', 'location'],
  ['Nagano manufacturer', naganoMaker, 'national:eligible nagano:eligible', null],
  ['outside Nagano', { ...naganoMaker, location: 'other' }, 'national:eligible nagano:notEligible', null],
  ['301 employees, no capital yet', { ...naganoMaker, employees: 301 }, 'national:needsChecking nagano:needsChecking', 'capital'],
  ['too big', { ...naganoMaker, employees: 301, capital: '4億円' }, 'national:notEligible nagano:notEligible', null],
  ['deemed large', { ...naganoMaker, exclusions: { singleLargeShare: true } }, 'national:notEligible nagano:notEligible', null],
  ['production', { ...naganoMaker, support: 'production' }, 'national:notEligible nagano:notEligible', null],
  ['ended', { ...naganoMaker, asOf: '2023-04-01' }, 'national:notEligible nagano:notEligible', null],
];

for (const [name, input, expect, next] of table) {
  test(`checkEligibility: ${name}`, () => {
    const r = ouen.checkEligibility(input);
    assert.equal(status(r), expect);
    assert.equal(r.nextQuestion, next);
    assert.equal(r.complete, next === null);
    for (const s of r.schemes) {
      assert.ok(s.reasons.every((x) => x.rules.length > 0 && x.sources.length > 0), name);
      if (s.status === 'notEligible') assert.ok(s.certain);
    }
    assert.match(r.ruleset.hash, /^[0-9a-f]{8}$/);
  });
}

test('the smallest change that would qualify, in kind words', () => {
  const r = ouen.checkEligibility({ ...naganoMaker, employees: 301, capital: 400000000 });
  const n = r.schemes[0];
  assert.match(n.headline, /^このままでは対象外です。従業員が300人以下か、資本金が3億円以下なら対象になります（SME-1 ①）。/);
  assert.ok(n.toQualify.includes('従業員が300人以下なら対象になります（SME-1 ①）。'));
  const skipped = r.questions.filter((q) => q.status === 'skipped').map((q) => q.id);
  assert.deepEqual(skipped.slice(0, 6), ['singleLargeShare', 'totalLargeShare', 'largeOfficerShare', 'ownedByDeemedLarge', 'officersAllFromDeemedLarge', 'avgTaxableIncome']);
});

test('skipped questions: capital once employees qualify, deemed-large for a sole proprietor', () => {
  const company = ouen.checkEligibility({ location: 'nagano', orgType: 'company', industry: 'retail', employees: 50 });
  assert.equal(company.questions.find((q) => q.id === 'capital').status, 'skipped');
  assert.equal(company.nextQuestion, 'singleLargeShare');
  const sole = ouen.checkEligibility({ location: 'nagano', orgType: 'soleProprietor', industry: 'retail', employees: 2 });
  for (const q of sole.questions.filter((q) => q.field.startsWith('exclusions.'))) {
    assert.equal(q.status, 'skipped', q.id);
    assert.ok(q.note.length > 0);
  }
  assert.equal(sole.nextQuestion, 'expertKind');
});

test('deemed large: the reason cites SME-6 in plain words', () => {
  const r = ouen.checkEligibility({ ...naganoMaker, exclusions: { singleLargeShare: true } });
  const reason = r.schemes[0].reasons.find((x) => x.rules.includes('SME-6'));
  assert.match(reason.text, /半分以上/);
  assert.deepEqual(r.sme.deemedLarge, [1]);
});

test('the core chooses the schemes to simulate with, and says how to apply', () => {
  assert.deepEqual(ouen.checkEligibility(naganoMaker).simulateWith, ['national', 'nagano']);
  assert.deepEqual(ouen.checkEligibility({ ...naganoMaker, asOf: '2021-02-10' }).simulateWith, ['nagano']);
  assert.deepEqual(ouen.checkEligibility({ ...naganoMaker, location: 'other' }).simulateWith, ['national']);
  const r = ouen.checkEligibility(naganoMaker);
  assert.deepEqual(r.nextSteps.map((s) => s.rules[0]), ['NAT-11', 'NAT-10', 'NAT-11', 'NAT-11', 'NGN-5']);
  assert.ok(r.nextSteps.every((s) => s.text.length > 0 && s.sources.length > 0));
  const sim = ouen.simulate({ rate: 6000, hours: 12, schemes: r.simulateWith });
  assert.equal(sim.selfPay, 6000);
});

test('checkEligibility counts a deemed-large answer as classifySme does, for any kind', () => {
  const sole = { orgType: 'soleProprietor', industry: 'retail', employees: 2, exclusions: { avgTaxableIncome: 1500000001 } };
  assert.equal(ouen.classifySme(sole).sme, false);
  const r = ouen.checkEligibility({ ...naganoMaker, ...sole });
  assert.equal(r.sme.sme, false);
  assert.deepEqual(r.sme.deemedLarge, [6]);
  assert.equal(r.schemes[0].status, 'notEligible');
});

test('deadlines on the as-of date', () => {
  const r = ouen.checkEligibility(naganoMaker);
  assert.equal(r.asOf, '2021-01-15');
  assert.equal(r.schemes[0].deadlines[0].id, 'nationalP1RegistrationEnd');
  assert.ok(r.schemes[0].deadlines.every((d) => d.date >= '2021-01-15'));
  assert.equal(r.schemes[0].state, 'open');
});

test('English on request', () => {
  const r = ouen.checkEligibility({ ...naganoMaker, expertKind: 'other' }, { locale: 'en' });
  assert.match(r.schemes[0].headline, /^As things stand you do not qualify\./);
});

test('malformed answers throw OuenInputError naming the field; missing ones do not', () => {
  for (const [input, field] of [
    [{ location: 'tokyo' }, 'location'],
    [{ employees: 'many' }, 'employees'],
    [{ exclusions: { singleLargeShare: '2' } }, 'exclusions.singleLargeShare'],
    [{ asOf: '2021-02-30' }, 'asOf'],
  ]) {
    assert.throws(() => ouen.checkEligibility(input), (e) => e.name === 'OuenInputError' && e.field === field, field);
  }
  assert.throws(() => ouen.checkEligibility('nagano'), { field: 'input' });
  assert.doesNotThrow(() => ouen.checkEligibility({ employees: '' }));
});

test('navigator: needs to supports, figures with dates, ended marked not hidden', () => {
  const nav = ouen.navigator({ needs: ['itSubsidy'], asOf: '2021-01-15' });
  const ids = nav.supports.map((s) => s.id);
  for (const id of ['national', 'nagano', 'itSubsidy2020', 'lowInfectionRisk', 'jizokuka', 'monozukuri']) assert.ok(ids.includes(id), id);
  const it = nav.supports.find((s) => s.id === 'itSubsidy2020');
  assert.equal(it.ended, true);
  assert.equal(it.endDate, '2020-12-18');
  assert.equal(nav.supports.at(-1).ended, true, 'ended ones come last');
  for (const s of nav.supports) {
    assert.ok(s.source.length > 0);
    assert.ok(s.figures.every((f) => f.asOf && f.source));
  }
  assert.equal(nav.supports.find((s) => s.id === 'national').link, 'simulator');
  const all = ouen.navigator({});
  assert.ok(all.supports.length >= 20);
  assert.ok(all.needs.every((n) => n.count > 0));
  assert.throws(() => ouen.navigator({ needs: ['fax'] }), { field: 'needs' });
});
