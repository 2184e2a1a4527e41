// The npm package through a bundler, as a partner's build would use it: `npm pack` → install
// the tarball offline into a clean project → `vite build` of a page that imports `ouen`,
// `ouen/cost` and `ouen/elements` by their package names → the built site, served on
// loopback, runs in Chromium. This checks the `exports` map's conditions, that Vite finds and
// emits both wasm files from `new URL(…, import.meta.url)`, and that `import 'ouen/elements'`
// (an import for its side effect) survives tree-shaking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, resolve, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launch, artifacts } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const npm = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

const PAGE = `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><title>bundled partner page</title></head>
<body>
  <p>API: <output id="api"></output> / cost entry: <output id="cost"></output> / English error: <output id="error"></output></p>
  <ouen-simulator id="sim" lang="ja" mode="combined" rate="6000" hours="12"></ouen-simulator>
  <script type="module" src="./main.js"></script>
</body>
</html>
`;

const MAIN = `import init, { simulate } from 'ouen';
import initCost, { simulate as simulateCost } from 'ouen/cost';
import 'ouen/elements';

const input = { rate: 6000, hours: 12, schemes: ['national', 'nagano'] };
Promise.all([init(), initCost()]).then(() => {
  document.querySelector('#api').textContent = String(simulate(input).selfPay);
  document.querySelector('#cost').textContent = String(simulateCost(input).selfPay);
  try {
    simulateCost({ rate: 'abc', hours: 12 }, { locale: 'en' });
  } catch (e) {
    document.querySelector('#error').textContent = e.field + ': ' + e.message;
  }
});
`;

let server, origin, browser, built;
before(async () => {
  const packDir = mkdtempSync(join(tmpdir(), 'ouen-vite-pack-'));
  execFileSync('npm', ['pack', npm, '--pack-destination', packDir, '--silent'], { stdio: 'pipe' });
  const tgz = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')));
  const project = mkdtempSync(join(tmpdir(), 'ouen-vite-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'partner', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tgz], { cwd: project, stdio: 'pipe' });
  writeFileSync(join(project, 'index.html'), PAGE);
  writeFileSync(join(project, 'main.js'), MAIN);
  built = join(project, 'dist');
  await build({ root: project, logLevel: 'warn', configFile: false, build: { outDir: built, emptyOutDir: true } });

  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const file = join(built, path === '/' ? 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        // The one directive the package asks of a strict CSP.
        'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch({}, origin);
});
after(async () => {
  await browser?.context.close();
  server?.close();
});

test('vite build emits both wasm files unchanged', () => {
  const assets = readdirSync(join(built, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 2, `two wasm assets: ${assets.join(', ')}`);
  const bytes = wasm.map((f) => readFileSync(join(built, 'assets', f)));
  const full = readFileSync(join(npm, 'web/ouen_bg.wasm'));
  const cost = readFileSync(join(npm, 'cost/web/ouen_cost_bg.wasm'));
  assert.ok(bytes.some((b) => b.equals(full)), 'the full wasm is emitted as is');
  assert.ok(bytes.some((b) => b.equals(cost)), 'the cost wasm is emitted as is');
});

test('the bundled page runs: both entries, the custom element, an English error', async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin}/`);
  await page.locator('#api').filter({ hasText: '6000' }).waitFor();
  assert.equal(await page.locator('#cost').textContent(), '6000');
  assert.match(await page.locator('#error').textContent(), /^rate: .*[Nn]umber/);
  // The element registered by `import 'ouen/elements'` rendered its result.
  await page.locator('#sim .self-pay').filter({ hasText: '6,000円' }).waitFor();
  await page.screenshot({ path: join(artifacts, 'partner-vite.png') });
  assert.deepEqual(problems, []);
  assert.deepEqual(browser.foreign, [], 'no request leaves the origin');
  await page.close();
});
