// The npm package through the bundlers partners use, as their builds would: `npm pack` →
// install the tarball offline into a clean project → build a page that imports `ouen`,
// `ouen/cost` and `ouen/elements` by their package names, once with Vite and once with
// webpack → each built site, served on loopback under a strict CSP, runs in Chromium. This
// checks the `exports` map's conditions, that each bundler finds and emits both wasm files
// from `new URL(…, import.meta.url)`, and that `import 'ouen/elements'` (an import for its
// side effect) survives tree-shaking. A second page imports only `ouen/elements` and shows one
// simulator: the bundlers split the elements' dynamic import into a chunk of its own, so that
// page runs without fetching the full wasm until an eligibility element is added.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as vite } from 'vite';
import webpack from 'webpack';
import { launch, serveFiles, artifacts } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const npm = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));

const page = (script) => `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><title>bundled partner page</title></head>
<body>
  <p>API: <output id="api"></output> / cost entry: <output id="cost"></output> / English error: <output id="error"></output></p>
  <ouen-simulator id="sim" lang="ja" mode="combined" rate="6000" hours="12"></ouen-simulator>
  <script type="module" src="${script}"></script>
</body>
</html>
`;

// The embed-only page: one simulator; the test adds an eligibility element later.
const embedPage = (script) => `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><title>bundled embed</title></head>
<body>
  <ouen-simulator id="sim" lang="en" mode="national" rate="4000" hours="40"></ouen-simulator>
  <script type="module" src="${script}"></script>
</body>
</html>
`;

const EMBED = `import { ensureReady } from 'ouen/elements';
window.ouenEnsureReady = ensureReady;
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

/** webpack's production build of `main.js` into `out/main.js`, with the wasm as assets. */
function buildWithWebpack(project, out) {
  return new Promise((done, fail) => {
    webpack({
      mode: 'production',
      context: project,
      entry: { main: './main.js', embed: './embed.js' },
      output: { path: out, filename: '[name].js', chunkFilename: 'chunks/[name]-[contenthash].js', assetModuleFilename: 'assets/[name]-[contenthash][ext]' },
      // The page's own code runs as a module, like the other bundler's.
      experiments: { outputModule: true },
      performance: { hints: false },
    }, (err, stats) => {
      if (err) return fail(err);
      if (stats.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      writeFileSync(join(out, 'index.html'), page('./main.js'));
      writeFileSync(join(out, 'embed.html'), embedPage('./embed.js'));
      done();
    });
  });
}

const BUNDLERS = ['vite', 'webpack'];
let server, origin, browser;
const built = {};
before(async () => {
  const packDir = mkdtempSync(join(tmpdir(), 'ouen-bundle-pack-'));
  execFileSync('npm', ['pack', npm, '--pack-destination', packDir, '--silent'], { stdio: 'pipe' });
  const tgz = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')));
  const project = mkdtempSync(join(tmpdir(), 'ouen-bundle-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'partner', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tgz], { cwd: project, stdio: 'pipe' });
  writeFileSync(join(project, 'index.html'), page('./main.js'));
  writeFileSync(join(project, 'main.js'), MAIN);
  writeFileSync(join(project, 'embed.html'), embedPage('./embed.js'));
  writeFileSync(join(project, 'embed.js'), EMBED);
  built.vite = join(project, 'dist-vite');
  await vite({
    root: project, base: './', logLevel: 'warn', configFile: false,
    build: { outDir: built.vite, emptyOutDir: true, rollupOptions: { input: { main: join(project, 'index.html'), embed: join(project, 'embed.html') } } },
  });
  built.webpack = join(project, 'dist-webpack');
  await buildWithWebpack(project, built.webpack);

  // /vite/… and /webpack/… serve the two builds.
  ({ server, origin } = await serveFiles(
    (path) => {
      const [, bundler, ...rest] = path.split('/');
      return BUNDLERS.includes(bundler) ? join(built[bundler], rest.join('/') || 'index.html') : null;
    },
    // The one directive the package asks of a strict CSP.
    { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" },
  ));
  browser = await launch({}, origin);
});
after(async () => {
  await browser?.context.close();
  server?.close();
});

/** Every file a build wrote, relative to its folder. */
function filesIn(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesIn(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

for (const bundler of BUNDLERS) {
  test(`${bundler}: the build emits both wasm files unchanged`, () => {
    const wasm = filesIn(built[bundler]).filter((f) => f.endsWith('.wasm'));
    assert.equal(wasm.length, 2, `two wasm files: ${filesIn(built[bundler]).join(', ')}`);
    const bytes = wasm.map((f) => readFileSync(join(built[bundler], f)));
    const full = readFileSync(join(npm, 'web/ouen_bg.wasm'));
    const cost = readFileSync(join(npm, 'cost/web/ouen_cost_bg.wasm'));
    assert.ok(bytes.some((b) => b.equals(full)), 'the full wasm is emitted as is');
    assert.ok(bytes.some((b) => b.equals(cost)), 'the cost wasm is emitted as is');
  });

  test(`${bundler}: the bundled page runs both entries and the custom element`, async () => {
    const tab = await browser.context.newPage();
    const problems = [];
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    tab.on('pageerror', (e) => problems.push(String(e)));
    await tab.goto(`${origin}/${bundler}/`);
    await tab.locator('#api').filter({ hasText: '6000' }).waitFor();
    assert.equal(await tab.locator('#cost').textContent(), '6000');
    assert.match(await tab.locator('#error').textContent(), /^rate: Hourly rate: .*number/);
    // The element registered by `import 'ouen/elements'` rendered its result.
    await tab.locator('#sim .self-pay').filter({ hasText: '6,000円' }).waitFor();
    await tab.screenshot({ path: join(artifacts, `partner-${bundler}.png`) });
    assert.deepEqual(problems, []);
    assert.deepEqual(browser.foreign, [], 'no request leaves the origin');
    await tab.close();
  });

  test(`${bundler}: a page with one simulator runs on the small wasm; the full one comes with the eligibility element`, async () => {
    const tab = await browser.context.newPage();
    const problems = [];
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    tab.on('pageerror', (e) => problems.push(String(e)));
    const wasm = [];
    tab.on('request', (r) => new URL(r.url()).pathname.endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
    await tab.goto(`${origin}/${bundler}/embed.html`);
    await tab.locator('#sim .self-pay').filter({ hasText: '¥20,000' }).waitFor();
    await tab.evaluate(() => window.ouenEnsureReady());
    await tab.waitForLoadState('networkidle');
    const cost = readFileSync(join(npm, 'cost/web/ouen_cost_bg.wasm'));
    const full = readFileSync(join(npm, 'web/ouen_bg.wasm'));
    const served = (path) => readFileSync(join(built[bundler], path.split('/').slice(2).join('/')));
    assert.equal(wasm.length, 1, `one wasm fetched: ${wasm.join(', ')}`);
    assert.ok(served(wasm[0]).equals(cost), `the small wasm, not the full one: ${wasm[0]}`);

    // The dynamic import was split off: adding an eligibility element fetches the full wasm.
    await tab.evaluate(() => {
      const e = document.createElement('ouen-eligibility');
      e.id = 'elig';
      e.setAttribute('as-of', '2021-01-15');
      document.body.append(e);
    });
    await tab.locator('#elig [data-scheme="national"]').waitFor();
    assert.equal(wasm.length, 2, `the full wasm fetched once more: ${wasm.join(', ')}`);
    assert.ok(served(wasm[1]).equals(full), `then the full wasm: ${wasm[1]}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(browser.foreign, [], 'no request leaves the origin');
    await tab.close();
  });
}
