// `npm pack` produces a tarball that installs into a clean folder, with no registry access,
// and works there from a plain `import 'ouen'` and from `import 'ouen/cost'`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const npmDir = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));

test('the packed tarball installs and imports in a clean folder', () => {
  const packDir = mkdtempSync(join(tmpdir(), 'ouen-pack-'));
  const out = execFileSync('npm', ['pack', npmDir, '--pack-destination', packDir, '--json'], { encoding: 'utf8' });
  const [info] = JSON.parse(out);
  const files = info.files.map((f) => f.path).sort();
  for (const f of ['package.json', 'node.js', 'web.js', 'index.d.ts', 'node/ouen.js', 'node/ouen_bg.wasm', 'web/ouen_bg.wasm', 'cost/node.js', 'cost/web.js', 'cost/index.d.ts', 'cost/web.d.ts', 'cost/node/ouen_cost.js', 'cost/node/ouen_cost_bg.wasm', 'cost/web/ouen_cost_bg.wasm', 'README.md', 'LICENSE']) {
    assert.ok(files.includes(f), `${f} is in the tarball: ${files.join(', ')}`);
  }
  const app = mkdtempSync(join(tmpdir(), 'ouen-consumer-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const tgz = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tgz], { cwd: app, stdio: 'pipe' });
  writeFileSync(join(app, 'main.js'), `
    import { simulate } from 'ouen';
    import { simulate as simulateSmall, classifySme, rulesetInfo } from 'ouen/cost';
    const input = { rate: 6000, hours: 12, schemes: ['national', 'nagano'] };
    const r = simulate(input);
    const s = simulateSmall(input);
    const c = classifySme({ orgType: 'company', industry: 'retail', capital: 1, employees: 3 });
    console.log(JSON.stringify({
      selfPay: r.selfPay, subsidies: r.subsidies,
      cost: { selfPay: s.selfPay, subsidies: s.subsidies, same: JSON.stringify(s) === JSON.stringify(r) },
      small: c.smallBusiness, hash: rulesetInfo().hash === r.ruleset.hash,
    }));
  `);
  const result = JSON.parse(execFileSync('node', ['main.js'], { cwd: app, encoding: 'utf8' }));
  assert.deepEqual(result, {
    selfPay: 6000,
    subsidies: { national: 42000, nagano: 24000 },
    cost: { selfPay: 6000, subsidies: { national: 42000, nagano: 24000 }, same: true },
    small: true,
    hash: true,
  });
});
