// generatePlan / checkPlan through the npm package in Node: every format of the example
// plan, the stamp and date made, JSON round trip, errors that block with a field path, and
// hostile strings escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const npmDir = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const pkg = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
const ouen = await import(pathToFileURL(join(npmDir, pkg.exports['.'].node)).href);

const steps = () => [
  ['現状把握・業務分析', 4], ['課題特定', 4], ['ツール選定', 4], ['導入支援', 8],
  ['運用支援', 6], ['効果測定', 4], ['改善策提案', 2],
].map(([title, hours]) => ({ title, detail: '', hours }));

const plan = () => ({
  version: 1,
  mode: 'combined',
  sme: {
    name: '株式会社信州精機', location: 'nagano', address: '長野県長野市若里1-1-1',
    industry: '製造業', capital: 10000000, employees: 25, contactName: '山田 太郎',
    phone: '026-000-0000', email: 'yamada@example.jp',
  },
  expert: { name: '佐藤 花子', kind: 'freelancer', affiliation: '', contact: '' },
  contract: 'quasiMandate',
  issue: '問い合わせの対応漏れ', background: '', goals: '対応漏れをなくす',
  measurement: '月あたりの対応件数を比べる',
  steps: steps(),
  contractDate: '2020-11-02', applicationDate: '2020-11-02',
  start: '2020-11-09', end: '2021-02-19',
  rate: 6000,
  travel: { over100km: true, note: '' },
});

test('markdown: both documents, the cost split of the core, stamp and date made', () => {
  const md = ouen.generatePlan(plan(), 'markdown', { madeOn: '2021-01-15' });
  const sim = ouen.simulate({ rate: 6000, hours: 32, schemes: ['national', 'nagano'], asOf: '2020-11-02' });
  const selfPay = sim.selfPay.toLocaleString('en-US') + '円';
  assert.ok(md.includes('# 支援計画書') && md.includes('# 事業計画書'));
  assert.ok(md.includes(selfPay), selfPay);
  const info = ouen.rulesetInfo();
  assert.ok(md.includes(info.hash));
  assert.ok(md.includes('2021年1月15日'));
  assert.ok(md.includes('026\\-227\\-5028') || md.includes('026-227-5028'), 'NGN-8 contact');
  assert.ok(md.includes('NAT\\-8') || md.includes('NAT-8'));
});

test('docx is a ZIP (Uint8Array) holding word/document.xml', () => {
  const bytes = ouen.generatePlan(plan(), 'docx', { madeOn: '2021-01-15' });
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  const text = Buffer.from(bytes).toString('utf8');
  assert.ok(text.includes('word/document.xml'));
  assert.ok(text.includes('w:pgSz w:w="11906" w:h="16838"'), 'A4');
});

test('html has no inline style or script', () => {
  const html = ouen.generatePlan(plan(), 'html', { madeOn: '2021-01-15' });
  assert.ok(html.includes('<article class="plan-doc">'));
  assert.ok(!/style=|<script/i.test(html));
});

test('json round-trips to exactly the same draft', () => {
  const json = ouen.generatePlan(plan(), 'json');
  const again = ouen.generatePlan(JSON.parse(json), 'json');
  assert.equal(again, json);
  assert.equal(JSON.parse(json).rate, '6000', 'numbers kept as typed text');
});

test('errors block generation and name the field', () => {
  const p = plan();
  p.rate = 500;
  p.steps[2].hours = 'abc';
  assert.throws(() => ouen.generatePlan(p, 'markdown'), (e) => {
    assert.equal(e.name, 'OuenInputError');
    assert.equal(e.field, 'steps.2.hours');
    assert.deepEqual(e.errors.map((x) => x.field), ['steps.2.hours', 'rate']);
    return true;
  });
  assert.throws(() => ouen.generatePlan(plan(), 'pdf'), (e) => e.field === 'format');
  assert.throws(() => ouen.generatePlan(null, 'json'), (e) => e.name === 'OuenInputError');
  assert.throws(() => ouen.generatePlan({ version: 9 }, 'json'), (e) => e.field === 'input');
  const c = ouen.checkPlan(p);
  assert.equal(c.errors.length, 2);
  assert.ok(c.warnings.some((w) => w.rules.includes('NAT-8')));
});

test('hostile strings are escaped', () => {
  const p = plan();
  p.sme.name = '<script>alert(1)</script>[x](javascript:alert(1))\u202e';
  p.issue = '</w:t></w:r><w:r><w:t>injected 😀 髙';
  const html = ouen.generatePlan(p, 'html');
  assert.ok(!html.includes('<script') && html.includes('&lt;script&gt;'));
  assert.ok(!html.includes('\u202e'));
  const md = ouen.generatePlan(p, 'markdown');
  assert.ok(!md.includes('<script') && !md.includes('[x]'));
  const docx = Buffer.from(ouen.generatePlan(p, 'docx')).toString('utf8');
  assert.ok(!docx.includes('</w:t></w:r><w:r><w:t>injected'));
  assert.ok(docx.includes('😀 髙'));
});
