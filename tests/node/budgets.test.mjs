// Size budgets, from the built package's files (sizes are deterministic, so these fail the
// moment a change goes over; the measured bytes are in each failure message). Run by
// `cargo xtask test` (OUEN_NPM = dist/npm). `e2e/partner.test.mjs` checks the same budget
// against what Chromium really fetches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, brotli, staticGraph, table } from './budgets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const npm = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const read = (f) => readFileSync(join(npm, f));

const SMALL_WASM = 'cost/web/ouen_cost_bg.wasm';
const FULL = ['web.js', 'web/ouen.js', 'web/ouen_bg.wasm'];

test('the small wasm is within its budget (gzip as `cargo xtask size` measures it, and brotli)', () => {
  const bytes = read(SMALL_WASM);
  // The README's size table is written by the same build with flate2 at its best level:
  // | `ouen/cost` wasm alone (`cost/web/ouen_cost_bg.wasm`) | raw | gzip | brotli |
  const readme = read('README.md').toString();
  const row = readme.split('\n').find((l) => l.startsWith('|') && l.includes(`(\`${SMALL_WASM}\`)`));
  assert.ok(row, `the README's size table has a row for ${SMALL_WASM}`);
  const [raw, gzip] = row.split('|').slice(-4, -2).map((c) => Number(c.trim()));
  assert.equal(raw, bytes.length, `the README's row is this build's wasm: ${row}`);
  assert.ok(gzip <= BUDGETS.smallWasmGzip, `${SMALL_WASM}: ${gzip} B gzip, over the ${BUDGETS.smallWasmGzip} B budget by ${gzip - BUDGETS.smallWasmGzip} B`);
  const br = brotli(bytes);
  assert.ok(br <= BUDGETS.smallWasmBrotli, `${SMALL_WASM}: ${br} B brotli, over the ${BUDGETS.smallWasmBrotli} B budget by ${br - BUDGETS.smallWasmBrotli} B`);
});

test('a page with one <ouen-simulator> loads the small wasm only, within 60 KB brotli', () => {
  const { files, lazy } = staticGraph(npm, 'elements.js');
  for (const f of ['elements.js', 'cost/web/ouen_cost.js', SMALL_WASM]) {
    assert.ok(files.includes(f), `${f} is loaded with elements.js: ${files.join(', ')}`);
  }
  for (const f of FULL) assert.ok(!files.includes(f), `${f} is not loaded up front: ${files.join(', ')}`);
  const { total, text } = table(files.map((f) => [f, brotli(read(f))]));
  assert.ok(total <= BUDGETS.simulatorPageBrotli, `one <ouen-simulator> fetches ${total} B brotli, over the ${BUDGETS.simulatorPageBrotli} B budget:\n${text}`);
  // The other elements' views and the full wasm come only through dynamic imports.
  assert.deepEqual(lazy, ['elements/checklist.js', 'elements/eligibility.js', 'web/ouen.js']);
});

test('the other elements load their own view and the full wasm, never the other views', () => {
  for (const view of ['elements/eligibility.js', 'elements/checklist.js']) {
    const { files, lazy } = staticGraph(npm, view);
    assert.deepEqual(files, ['elements/base.js', view], `${view} imports only the shared module`);
    assert.deepEqual(lazy, ['web/ouen.js'], `${view}: the full wasm (through base.js)`);
  }
  const full = staticGraph(npm, 'web/ouen.js').files;
  assert.deepEqual(full, ['web/ouen.js', 'web/ouen_bg.wasm']);
});
