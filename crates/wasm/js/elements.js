// Drop-in custom elements for partner sites: `import 'ouen/elements'` registers them.
//
// Each element renders into an open shadow root (the partner's CSS cannot break it), styles
// itself with a constructable stylesheet (allowed under a strict CSP: no inline <style>),
// is configured by attributes, themed by CSS custom properties, and emits `ouen-change`
// (bubbling, composed) with the latest result as `detail`. Several elements on one page are
// independent. Nothing is sent anywhere: every computation runs in the page's own wasm.
//
// Each element loads only what it uses. `<ouen-simulator>` runs on the small wasm of
// `ouen/cost` (imported here; its wasm is fetched when the first simulator connects).
// `<ouen-eligibility>` and `<ouen-checklist>` are registered here but their views
// (`elements/*.js`) and the full wasm are fetched by a dynamic import when the first of them
// connects, so a page with only simulators never fetches the full wasm or its glue.
//
// Theme properties (set them on the element or any ancestor):
//   --ouen-accent (#1f5f8b), --ouen-accent-text (#fff), --ouen-text (#1a1a1a),
//   --ouen-muted (#4a4a4a), --ouen-surface (#fff), --ouen-border (#c9d3dc),
//   --ouen-error (#b00020), --ouen-radius (10px), --ouen-font (system Japanese fonts).

import initCost, { simulate } from './cost/web.js';
import { OuenElement, TEXT, el, lazyView } from './elements/base.js';

export { ensureReady } from './elements/base.js';

const SIM = {
  ja: {
    rate: '時間単価（円/時）', hours: '支援時間', mode: '利用する制度',
    national: '国の制度のみ', combined: '国＋長野県', nagano: '長野県のみ',
    selfPay: '自己負担', total: '費用の総額', subNational: '国の謝金', subNagano: '長野県の補助',
  },
  en: {
    rate: 'Hourly rate (yen/h)', hours: 'Support hours', mode: 'Schemes',
    national: 'National only', combined: 'National + Nagano', nagano: 'Nagano only',
    selfPay: 'You pay', total: 'Total fee', subNational: 'National honorarium', subNagano: 'Nagano subsidy',
  },
};

const MODES = { national: ['national'], combined: ['national', 'nagano'], nagano: ['nagano'] };

let cost;

/**
 * `<ouen-simulator lang="ja" mode="combined" rate="6000" hours="12">`: the cost split.
 * Attributes: `lang` (ja | en), `mode` (national | combined | nagano) or `schemes`
 * ("national nagano"), `rate`, `hours` (preset values the user can change).
 * Event `ouen-change`: `detail` is the `simulate` result, or `{ error: { field, message } }`.
 * Runs on the small `ouen/cost` wasm: its `simulate` returns exactly what the full one does.
 */
export class OuenSimulator extends OuenElement {
  static observedAttributes = ['lang', 'mode', 'schemes', 'rate', 'hours'];

  static load() {
    cost ??= initCost();
    return cost;
  }

  mode() {
    const m = this.getAttribute('mode');
    if (m && MODES[m]) return m;
    const s = (this.getAttribute('schemes') || '').split(/[\s,]+/).filter(Boolean);
    if (s.includes('national') && s.includes('nagano')) return 'combined';
    if (s.includes('nagano')) return 'nagano';
    if (s.includes('national')) return 'national';
    return 'combined';
  }

  render() {
    const t = SIM[this.locale];
    const id = (n) => this.idPrefix + n;
    const field = (name, label, value) => {
      const input = el('input', { id: id(name), name, inputmode: 'decimal', autocomplete: 'off', value });
      input.addEventListener('input', () => this.update());
      return el('div', {}, el('label', { for: id(name) }, label), input, el('p', { class: 'error', id: id(`${name}-error`), hidden: true }));
    };
    const select = el('select', { id: id('mode'), name: 'mode' });
    for (const m of Object.keys(MODES)) select.append(el('option', { value: m, selected: m === this.mode() }, t[m]));
    select.addEventListener('change', () => this.update());
    this.shadowRoot.replaceChildren(
      el('div', { class: 'card', part: 'card' },
        el('div', { class: 'grid' },
          field('rate', t.rate, this.getAttribute('rate') ?? '6000'),
          field('hours', t.hours, this.getAttribute('hours') ?? '12'),
          el('div', {}, el('label', { for: id('mode') }, t.mode), select)),
        el('div', { id: id('result'), 'aria-live': 'polite' }),
        el('p', { class: 'note' }, TEXT[this.locale].privacy)),
    );
    this.update();
  }

  update() {
    const q = (n) => this.shadowRoot.getElementById(this.idPrefix + n);
    const t = SIM[this.locale];
    for (const f of ['rate', 'hours']) {
      q(f).removeAttribute('aria-invalid');
      q(f).removeAttribute('aria-describedby');
      q(`${f}-error`).hidden = true;
    }
    const out = q('result');
    let r;
    try {
      r = simulate({ rate: q('rate').value, hours: q('hours').value, schemes: MODES[q('mode').value] }, { locale: this.locale });
    } catch (e) {
      for (const { field, message } of e.errors ?? [{ field: e.field, message: e.message }]) {
        const box = q(`${field}-error`);
        if (box) {
          box.textContent = message;
          box.hidden = false;
          q(field).setAttribute('aria-invalid', 'true');
          q(field).setAttribute('aria-describedby', box.id);
        }
      }
      out.replaceChildren();
      this.result = null;
      this.emit({ error: { field: e.field, message: e.message } });
      return;
    }
    const yen = (n) => (this.locale === 'ja' ? `${n.toLocaleString('ja-JP')}円` : `¥${n.toLocaleString('en-US')}`);
    const rows = [[t.total, r.totalFee]];
    if (r.subsidies.national !== undefined) rows.push([t.subNational, -r.subsidies.national]);
    if (r.subsidies.nagano !== undefined) rows.push([t.subNagano, -r.subsidies.nagano]);
    const table = el('table', {});
    for (const [k, v] of rows) table.append(el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, yen(v))));
    out.replaceChildren(
      el('p', { class: 'answer', part: 'answer' }, `${t.selfPay} `, el('strong', { class: 'self-pay' }, yen(r.selfPay))),
      table,
      ...r.warnings.map((w) => el('p', { class: 'warn' }, w.message)),
      el('p', { class: 'note' }, `${TEXT[this.locale].stamp} ${r.ruleset.version} (${r.ruleset.hash})`),
    );
    this.result = r;
    this.emit(r);
  }
}

/**
 * `<ouen-eligibility lang="ja" location="nagano" as-of="2021-01-15">`: whether the business can
 * use the national programme and the Nagano top-up, with reasons and what would qualify.
 * Questions that can no longer change the verdict are hidden (the core decides which).
 * `as-of` defaults to today. Event `ouen-change`: `detail` is the `checkEligibility` result,
 * or `{ error }`. The view (`elements/eligibility.js`) and the full wasm load on first use.
 */
export class OuenEligibility extends OuenElement {
  static observedAttributes = ['lang', 'location', 'org-type', 'industry', 'capital', 'employees', 'as-of'];
  static load = lazyView(() => import('./elements/eligibility.js'));
}

/**
 * `<ouen-checklist lang="ja" business-kind="retail">`: the self-assessment checklist; once every
 * item is answered, the score per area, the stage (① to ④) and next steps.
 * Event `ouen-change`: `detail` is the `scoreChecklist` result, or `{ answered, total }`.
 * The view (`elements/checklist.js`) and the full wasm load on first use.
 */
export class OuenChecklist extends OuenElement {
  static observedAttributes = ['lang', 'business-kind'];
  static load = lazyView(() => import('./elements/checklist.js'));
}

for (const [name, cls] of [['ouen-simulator', OuenSimulator], ['ouen-eligibility', OuenEligibility], ['ouen-checklist', OuenChecklist]]) {
  if (!customElements.get(name)) customElements.define(name, cls);
}
