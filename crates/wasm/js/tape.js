// `simulate` and `simulateMany` of both entries (`ouen` and `ouen/cost`), over the wire of
// `crates/wasm-cost/src/tape.rs`: the plans go to the wasm as one list of numbers and one
// string (every text), and the results come back the same way and are assembled here,
// instead of one JS call per field read or written. The wasm reads the very values it read
// from the objects, so validation, errors (`field`, `errors`, `index`) and results are the
// same (`tests/node/wire.test.mjs`).
//
// The small entry reads every input here (its options and `classifySme`'s organisation too),
// as its wasm read objects before (`Reflect.get` per field, a getter that throws reads as
// absent, lists through their iterator as `Array.from`).
// The full entry's serde readers copy a plan's own properties first (and refuse cycles and
// getters that throw, naming the property): what they might read otherwise goes to them
// unchanged (a plan that is no plain object, a getter or proxy that throws, any field that is
// not a number, a text, a boolean, null, undefined or a flat list of those).

const FIELDS = ['rate', 'hours', 'schemes', 'smePriorHonorarium', 'expertPriorHonorarium', 'naganoPriorHours', 'asOf'];

/** Appends one field value or list item; `false` when it cannot be encoded exactly. */
function value(v, top, nums, texts, strict) {
  switch (typeof v) {
    case 'number':
      // serde reads -0 as the integer 0; Reflect keeps it.
      nums.push(1, strict && v === 0 ? 0 : v);
      return true;
    case 'string':
      nums.push(2, v.length);
      texts.push(v);
      return true;
    case 'boolean':
      nums.push(v ? 4 : 3);
      return true;
    case 'undefined':
      if (top) return nums.push(0) > 0;
      break;
    case 'object':
      if (v === null) {
        if (top) return nums.push(0) > 0;
        break;
      }
      if (Array.isArray(v)) {
        if (strict && !top) return false;
        nums.push(6, 0);
        const at = nums.length - 1;
        let n = 0;
        if (strict) {
          if (v.length > 1000) return false;
          for (let i = 0; i < v.length; i++, n++) if (!value(v[i], false, nums, texts, true)) return false;
        } else {
          // As `Array.from` (the small wasm's reader): the iterator, every item.
          for (const x of v) {
            if (!value(x, false, nums, texts, false)) return false;
            n++;
          }
        }
        nums[at] = n;
        return true;
      }
  }
  if (strict) return false;
  nums.push(5); // anything else: an object, a function, a symbol, a bigint
  return true;
}

/** `obj[key]`, or undefined when a getter or proxy throws (as `Reflect.get` in the small wasm). */
function get(obj, key) {
  try {
    return obj[key];
  } catch {
    return undefined;
  }
}

const isObject = (v) => typeof v === 'object' && v !== null;

/** The small entry's options: `locale` and, with `explain`, `explain` (see `lib.rs`). */
function opts(options, explain, nums, texts) {
  if (options == null) return nums.push(0);
  if (!isObject(options)) return nums.push(2);
  nums.push(1);
  const locale = get(options, 'locale');
  if (locale == null) nums.push(0);
  else if (typeof locale === 'string') value(locale, true, nums, texts, false);
  else nums.push(5);
  if (explain) {
    const e = get(options, 'explain');
    nums.push(e == null ? 0 : typeof e === 'boolean' ? (e ? 4 : 3) : 5);
  }
}

/** Appends `classifySme`'s organisation (see `lib.rs`). */
function organisation(input, nums, texts) {
  if (!isObject(input) || Array.isArray(input)) return nums.push(0);
  nums.push(1);
  const ex = get(input, 'exclusions');
  if (ex == null) nums.push(0);
  else if (!isObject(ex) || Array.isArray(ex)) nums.push(2);
  else {
    nums.push(1);
    for (const k of ['singleLargeShare', 'totalLargeShare', 'largeOfficerShare', 'ownedByDeemedLarge', 'officersAllFromDeemedLarge', 'avgTaxableIncome']) value(get(ex, k), true, nums, texts, false);
  }
  for (const k of ['orgType', 'industry', 'capital', 'employees']) value(get(input, k), true, nums, texts, false);
}

/** Appends one plan; `false` when the full entry's serde readers must take it. */
function plan(input, nums, texts, strict) {
  if (!isObject(input) || Array.isArray(input)) {
    if (strict) return false;
    return nums.push(0) > 0; // the wasm throws the `input` error
  }
  if (strict) {
    const proto = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) return false;
  }
  nums.push(1);
  for (let f = 0; f < FIELDS.length; f++) {
    if (!value(strict ? input[FIELDS[f]] : get(input, FIELDS[f]), true, nums, texts, strict)) return false;
  }
  return true;
}

// The results being read: numbers, texts, where each reading stands, and the symbols (rule
// ids, warning codes) met so far in this call.
let N, T, ni, ti, version, hash, S;

/** A symbol: its number, and the first time, its text (`Writer::sym`). */
function sym() {
  const k = N[ni++];
  if (k === S.length) S.push(T[ti++]);
  return S[k];
}

function syms() {
  const a = [];
  for (let k = N[ni++]; k > 0; k--) a.push(sym());
  return a;
}

/** An exact boundary (`Writer::exact`): its shown number `x` when whole, a fraction, or text. */
function exact(x) {
  switch (N[ni++]) {
    case 0:
      return String(x);
    case 1:
      return `${N[ni++]}/${N[ni++]}`;
    default:
      return T[ti++];
  }
}

const pad = (n, width) => String(n).padStart(width, '0');

/** One result, in the order `Writer::simulation` writes it. */
function result() {
  const totalFee = N[ni++];
  const selfPay = N[ni++];
  const has = N[ni++];
  const subsidies = {};
  if (has & 1) subsidies.national = N[ni++];
  if (has & 2) subsidies.nagano = N[ni++];
  const schemes = [];
  for (let k = N[ni++]; k > 0; k--) schemes.push(N[ni++] ? 'nagano' : 'national');
  const segments = [];
  for (let k = N[ni++]; k > 0; k--) {
    const from = N[ni++], to = N[ni++], nationalPerHour = N[ni++], naganoPerHour = N[ni++], selfPayPerHour = N[ni++];
    const fromExact = exact(from), toExact = exact(to);
    segments.push({ from, to, fromExact, toExact, nationalPerHour, naganoPerHour, selfPayPerHour, rules: syms() });
  }
  const explanation = [];
  for (let k = N[ni++]; k > 0; k--) explanation.push({ rules: syms(), text: T[ti++] });
  const warnings = [];
  for (let k = N[ni++]; k > 0; k--) warnings.push({ code: sym(), rules: syms(), message: T[ti++] });
  const interpretations = syms();
  const year = N[ni++];
  const asOf = year ? `${pad(year, 4)}-${pad(N[ni++], 2)}-${pad(N[ni++], 2)}` : null;
  return { totalFee, subsidies, selfPay, schemes, segments, explanation, warnings, interpretations, asOf, ruleset: { version, hash } };
}

/** Appends every plan of a list, through its iterator as `Array.from` (both wasm readers). */
function plans(inputs, nums, texts, strict) {
  for (const input of inputs) if (!plan(input, nums, texts, strict)) return false;
  return true;
}

/** `f()`, or `false` if it throws. */
function attempt(f) {
  try {
    return f();
  } catch {
    return false;
  }
}

/**
 * `simulate`, `simulateMany` and `classifySme` over the wasm glue `w` (its `simulateTape`,
 * `takeTexts` and, in the small entry, `classifyTape`). `full`: the full entry, whose glue's
 * own `simulate` and `simulateMany` (serde) take what the wire does not, and which reads the
 * options itself.
 */
export function wire(w, full) {
  const read = (nums) => {
    N = nums;
    ni = 1;
    T = w.takeTexts().split('\0');
    // The ruleset every result carries, written once.
    version = T[0];
    hash = T[1];
    ti = 2;
    S = [];
    const out = [];
    for (let k = nums[0]; k > 0; k--) out.push(result());
    N = T = S = undefined;
    return out;
  };
  const call = (nums, texts, options, many) =>
    read(full ? w.simulateTape(nums, texts.join(''), options, many) : w.simulateTape(nums, texts.join(''), many));
  return {
    simulate(input, options) {
      const nums = [], texts = [];
      if (!full) {
        opts(options, true, nums, texts);
        plan(input, nums, texts, false);
      } else if (!attempt(() => plan(input, nums, texts, true))) {
        return w.simulate(input, options);
      }
      return call(nums, texts, options, 0)[0];
    },
    simulateMany(inputs, options) {
      const nums = [], texts = [];
      const list = Array.isArray(inputs);
      if (!full) {
        opts(options, true, nums, texts);
        if (list) plans(inputs, nums, texts, false);
      } else if (!list || !attempt(() => plans(inputs, nums, texts, true))) {
        return w.simulateMany(inputs, options);
      }
      // 2: no list, the wasm throws the `inputs` error (after checking the options).
      return call(nums, texts, options, list ? 1 : 2);
    },
    classifySme(input, options) {
      const nums = [], texts = [];
      opts(options, false, nums, texts);
      organisation(input, nums, texts);
      return w.classifyTape(nums, texts.join(''));
    },
  };
}
