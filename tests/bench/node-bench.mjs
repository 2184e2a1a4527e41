// `cargo xtask bench`, Node section: ouen's JS API (input/output conversion included) beside
// Publicodes evaluating the same cost split, on the same inputs. Prints Markdown.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import Engine from 'publicodes';
import { rules, split } from './peer-rules.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const npm = resolve(process.env.OUEN_NPM ?? join(here, '../../dist/npm'));
const ouen = await import(pathToFileURL(join(npm, 'node.js')).href);
const golden = JSON.parse(readFileSync(join(here, '../data/golden.json'), 'utf8'));

/** Seconds per call of `fn`: calls repeated until a run takes over 100 ms. */
function once(fn) {
  let n = 100;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    const ms = performance.now() - t;
    if (ms > 100 || n > 1e7) return ms / n / 1000;
    n *= 4;
  }
}

/**
 * Seconds per call of each of `fns`, timed in turns (`ROUNDS` rounds, each timing every one
 * of them once, in the order given): `best`, each one's fastest round, and `rounds`, every
 * round's times. A machine that slows down for a while slows every call of a round alike,
 * instead of whichever was being timed then, so a ratio taken within each round (between calls
 * timed next to each other) holds from run to run better than a ratio of fastest rounds.
 */
function timeAll(fns) {
  const n = Number(process.env.OUEN_BENCH_ROUNDS ?? 11);
  for (const fn of Object.values(fns)) for (let i = 0; i < 200; i++) fn(i);
  const rounds = [];
  for (let r = 0; r < n; r++) {
    rounds.push(Object.fromEntries(Object.entries(fns).map(([k, fn]) => [k, once(fn)])));
  }
  const best = Object.fromEntries(Object.keys(fns).map((k) => [k, Math.min(...rounds.map((t) => t[k]))]));
  return { best, rounds };
}

/** The peer's time over ours, in each round: its median, lowest and highest. */
function paired(rounds, ours, per = 1) {
  const r = rounds.map((t) => t.peer / (t[ours] / per)).sort((a, b) => a - b);
  return { median: r[(r.length - 1) >> 1], low: r[0], high: r[r.length - 1] };
}
const times = (x) => `${x.median.toFixed(1)}× (rounds: ${x.low.toFixed(1)}–${x.high.toFixed(1)}×)`;
const us = (s) => `${(s * 1e6).toFixed(2)} µs`;
const cps = (s) => Math.round(1 / s).toLocaleString('en');

const inputs = golden.cases.map((c) => c.input);
const engine = new Engine(rules);

// Agreement on every golden case.
let agree = 0;
const disagree = [];
for (const c of golden.cases) {
  const a = ouen.simulate(c.input);
  const b = split(engine, c.input);
  const same = a.selfPay === b.selfPay && JSON.stringify(a.subsidies) === JSON.stringify(b.subsidies);
  if (same && a.selfPay === c.expect.selfPay) agree++;
  else disagree.push(c.name);
}

// One call for a batch of plans (the golden mix repeated to 280), timed per plan.
const batch = Array.from({ length: 20 }, () => inputs).flat();
const costEntry = await import(pathToFileURL(join(npm, 'cost/node.js')).href);
// The peer is timed between the calls it is set beside.
const { best: t, rounds } = timeAll({
  ouen: (i) => ouen.simulate(inputs[i % inputs.length]),
  quiet: (i) => ouen.simulate(inputs[i % inputs.length], { explain: false }),
  many: () => ouen.simulateMany(batch, { explain: false }),
  peer: (i) => split(engine, inputs[i % inputs.length]),
  costMany: () => costEntry.simulateMany(batch, { explain: false }),
  manySteps: () => ouen.simulateMany(batch),
  costQuiet: (i) => costEntry.simulate(inputs[i % inputs.length], { explain: false }),
  sme: () => ouen.classifySme({ orgType: 'company', industry: 'manufacturing', capital: 500000000, employees: 300 }),
  peerInit: () => new Engine(rules),
});
const pairedDefault = paired(rounds, 'ouen');
const pairedQuiet = paired(rounds, 'quiet');
// Per plan, the faster entry of the two in each round.
for (const t of rounds) t.eitherMany = Math.min(t.many, t.costMany);
const pairedMany = paired(rounds, 'eitherMany', batch.length);
const [tOuen, tQuiet, tPeer, tSme, tPeerInit, tCostQuiet] = [t.ouen, t.quiet, t.peer, t.sme, t.peerInit, t.costQuiet];
const [tMany, tManySteps, tCostMany] = [t.many, t.manySteps, t.costMany].map((x) => x / batch.length);

const sizeOf = (files) => {
  const buf = Buffer.concat(files.map((f) => readFileSync(f)));
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
// tape.js: the JS side of simulate's wire (absent from packages built before it).
const ouenBytes = sizeOf([join(npm, 'web.js'), ...[join(npm, 'tape.js')].filter(existsSync), join(npm, 'web/ouen.js'), join(npm, 'web/ouen_bg.wasm')]);
const peerBytes = sizeOf([join(here, 'node_modules/publicodes/dist/index.js'), join(here, 'peer-rules.mjs')]);

console.log(`## Through the JS API in Node, beside a peer engine

Peer: Publicodes ${JSON.parse(readFileSync(join(here, 'node_modules/publicodes/package.json'), 'utf8')).version} (French in-browser rules engine), with the same national + Nagano split written in its language (tests/bench/peer-rules.mjs). Both agree with the leaflets on ${agree} of ${golden.cases.length} golden cases${disagree.length ? ` (differ: ${disagree.join(', ')})` : ''}.

Each call is timed in ${rounds.length} rounds, every call once per round; the table keeps its fastest round.

| call (Node ${process.version}) | per call | calls/s |
|---|---|---|
| ouen simulate (JS object in → JS object out, golden mix) | ${us(tOuen)} | ${cps(tOuen)} |
| ouen simulate, \`{ explain: false }\` | ${us(tQuiet)} | ${cps(tQuiet)} |
| ouen simulateMany (${batch.length} plans per call), per plan | ${us(tManySteps)} | ${cps(tManySteps)} |
| ouen simulateMany, \`{ explain: false }\`, per plan | ${us(tMany)} | ${cps(tMany)} |
| ouen/cost simulate, \`{ explain: false }\` | ${us(tCostQuiet)} | ${cps(tCostQuiet)} |
| ouen/cost simulateMany, \`{ explain: false }\`, per plan | ${us(tCostMany)} | ${cps(tCostMany)} |
| Publicodes setSituation + evaluate (same inputs) | ${us(tPeer)} | ${cps(tPeer)} |
| ouen classifySme | ${us(tSme)} | ${cps(tSme)} |
| Publicodes: new Engine(rules) (parse once per page) | ${us(tPeerInit)} | ${cps(tPeerInit)} |

ouen makes the peer's calls per second times, on this rule (the median of the rounds' ratios, each between calls timed next to each other; the spread of the rounds beside it):

| call | × the peer | target |
|---|---|---|
| simulate, default output | ${times(pairedDefault)} | ≥ 30× |
| simulate, \`{ explain: false }\` | ${times(pairedQuiet)} | |
| simulateMany, \`{ explain: false }\`, per plan | ${times(pairedMany)} | ≥ 300× |

Of the fastest rounds above: ${(tPeer / tOuen).toFixed(1)}×, ${(tPeer / tQuiet).toFixed(1)}× and ${(tPeer / Math.min(tMany, tCostMany)).toFixed(1)}×.

| shipped to a browser | raw | gzip | brotli |
|---|---|---|---|
| ouen (web.js + tape.js + glue + rules wasm; all rules, two languages) | ${ouenBytes.raw} | ${ouenBytes.gzip} | ${ouenBytes.brotli} |
| Publicodes engine + this rule | ${peerBytes.raw} | ${peerBytes.gzip} | ${peerBytes.brotli} |
`);
