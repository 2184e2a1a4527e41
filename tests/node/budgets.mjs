// The size budgets of the npm package and how they are measured, shared by
// `node/budgets.test.mjs` (from the files) and `e2e/partner.test.mjs` (from what Chromium
// really fetches). Sizes are deterministic: brotli at quality 11, like `cargo xtask size`.
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export const BUDGETS = {
  /** The small wasm (`cost/web/ouen_cost_bg.wasm`), gzip as `cargo xtask size` measures it
   *  (flate2 at its best level; other deflate implementations differ by a few hundred bytes,
   *  so the test reads that figure from the package README's size table, written by the
   *  same build). */
  smallWasmGzip: 43 * 1024, // 40 KiB before issue #15's caveats and simulateMany (see xtask size.rs)
  /** The same wasm in brotli: a looser bound that the test measures itself. */
  smallWasmBrotli: 37 * 1024,
  /** Everything a partner page with one `<ouen-simulator>` fetches from the package. */
  simulatorPageBrotli: 60 * 1024,
};

/** Brotli bytes at quality 11 (window 22, as `cargo xtask size`). */
export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 22,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

const STATIC = /(?:^|[;\n])\s*(?:import|export)\s+(?:[\w$*{},\s]+?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const WASM = /new URL\(\s*['"]([^'"]+\.wasm)['"]\s*,\s*import\.meta\.url\s*\)/g;

/**
 * What a page loads for the module `entry` (a path inside the package at `npm`) before any
 * dynamic import: the module and its static imports, transitively, and the wasm files their
 * glue instantiates (`new URL('….wasm', import.meta.url)`). `lazy` lists the targets of the
 * dynamic imports found on the way (not followed).
 */
export function staticGraph(npm, entry) {
  const files = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    if (!file.endsWith('.js')) return;
    const text = readFileSync(join(npm, file), 'utf8');
    const at = (spec) => posix.normalize(posix.join(posix.dirname(file), spec));
    for (const [, spec] of text.matchAll(DYNAMIC)) lazy.add(at(spec));
    for (const [, spec] of text.matchAll(STATIC)) visit(at(spec));
    for (const [, spec] of text.matchAll(WASM)) visit(at(spec));
  };
  visit(entry);
  return { files: [...files].sort(), lazy: [...lazy].sort() };
}

/** `[file, brotli bytes]` rows and their total, as text for an assertion message. */
export function table(rows) {
  const total = rows.reduce((s, [, n]) => s + n, 0);
  return { total, text: rows.map(([f, n]) => `  ${f}: ${n} B`).join('\n') + `\n  total: ${total} B brotli` };
}
