// Drop-in custom elements for partner sites: `import 'ouen/elements'` registers them.
//
// Each element renders into an open shadow root (the partner's CSS cannot break it), styles
// itself with a constructable stylesheet (allowed under a strict CSP: no inline <style>),
// is configured by attributes, themed by CSS custom properties, and emits `ouen-change`
// (bubbling, composed) with the latest result as `detail`. Several elements on one page are
// independent. Nothing is sent anywhere: every computation runs in the page's own wasm.
//
// Theme properties (set them on the element or any ancestor):
//   --ouen-accent (#1f5f8b), --ouen-accent-text (#fff), --ouen-text (#1a1a1a),
//   --ouen-muted (#4a4a4a), --ouen-surface (#fff), --ouen-border (#c9d3dc),
//   --ouen-error (#b00020), --ouen-radius (10px), --ouen-font (system Japanese fonts).

import init, * as ouen from './web.js';

let ready;
/** Instantiates the wasm once for every element on the page. */
export function ensureReady() {
  ready ??= init();
  return ready;
}

const CSS = `
:host { display: block; font-family: var(--ouen-font, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif); color: var(--ouen-text, #1a1a1a); font-size: 16px; line-height: 1.6; }
:host([hidden]) { display: none; }
/* Set, not inherited: a page style on the host element must not leak into the card. */
.card { color: var(--ouen-text, #1a1a1a); font-size: 16px; line-height: 1.6; font-family: var(--ouen-font, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif); text-align: left; background: var(--ouen-surface, #fff); border: 1px solid var(--ouen-border, #c9d3dc); border-radius: var(--ouen-radius, 10px); padding: 1rem; }
.grid { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); }
label { display: block; font-weight: 700; }
input, select { box-sizing: border-box; width: 100%; min-height: 44px; font: inherit; padding: 0.4rem 0.6rem; border: 1px solid var(--ouen-border, #c9d3dc); border-radius: 6px; background: #fff; color: inherit; }
input:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid var(--ouen-accent, #1f5f8b); outline-offset: 2px; }
input[aria-invalid="true"] { border-color: var(--ouen-error, #b00020); }
.error { color: var(--ouen-error, #b00020); font-size: 0.9rem; margin: 0.25rem 0 0; }
.answer { margin: 1rem 0 0.5rem; font-size: 1.125rem; }
.answer strong { font-size: 2rem; color: var(--ouen-accent, #1f5f8b); font-variant-numeric: tabular-nums; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
td, th { padding: 0.3rem 0; border-bottom: 1px solid var(--ouen-border, #c9d3dc); text-align: left; font-weight: normal; }
td { text-align: right; }
.note { color: var(--ouen-muted, #4a4a4a); font-size: 0.875rem; margin: 0.5rem 0 0; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; color: var(--ouen-accent, #1f5f8b); }
.item { margin: 0 0 0.75rem; }
.verdict .answer strong { font-size: 1.25rem; }
.verdict { border-top: 1px solid var(--ouen-border, #c9d3dc); margin-top: 0.75rem; }
.warn { margin: 0.5rem 0 0; padding: 0.5rem; border-left: 4px solid #9a6700; background: #fff8e5; font-size: 0.9rem; }
`;

let sheet;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return [sheet];
}

const TEXT = {
  ja: {
    rate: '時間単価（円/時）', hours: '支援時間', mode: '利用する制度',
    national: '国の制度のみ', combined: '国＋長野県', nagano: '長野県のみ',
    selfPay: '自己負担', total: '費用の総額', subNational: '国の謝金', subNagano: '長野県の補助',
    stamp: 'ルール版', privacy: '計算はこの端末の中だけで行われます。', loading: '読み込み中…',
  },
  en: {
    rate: 'Hourly rate (yen/h)', hours: 'Support hours', mode: 'Schemes',
    national: 'National only', combined: 'National + Nagano', nagano: 'Nagano only',
    selfPay: 'You pay', total: 'Total fee', subNational: 'National honorarium', subNagano: 'Nagano subsidy',
    stamp: 'Ruleset', privacy: 'Computed on this device only.', loading: 'Loading…',
  },
};

const MODES = { national: ['national'], combined: ['national', 'nagano'], nagano: ['nagano'] };

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) e.append(c);
  return e;
}

let uid = 0;

/** Shared plumbing: shadow root, locale, events. */
class OuenElement extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.adoptedStyleSheets = styles();
    this.idPrefix = `ouen${++uid}-`;
  }
  get locale() {
    return (this.getAttribute('lang') || 'ja').toLowerCase().startsWith('en') ? 'en' : 'ja';
  }
  get t() {
    return TEXT[this.locale];
  }
  emit(detail) {
    this.dispatchEvent(new CustomEvent('ouen-change', { detail, bubbles: true, composed: true }));
  }
  connectedCallback() {
    if (!this.shadowRoot.firstChild) {
      this.shadowRoot.append(el('p', { class: 'note' }, this.t.loading));
    }
    ensureReady().then(() => this.render());
  }
  attributeChangedCallback() {
    if (this.isConnected && ready) ready.then(() => this.render());
  }
}

/**
 * `<ouen-simulator lang="ja" mode="combined" rate="6000" hours="12">`: the cost split.
 * Attributes: `lang` (ja | en), `mode` (national | combined | nagano) or `schemes`
 * ("national nagano"), `rate`, `hours` (preset values the user can change).
 * Event `ouen-change`: `detail` is the `simulate` result, or `{ error: { field, message } }`.
 */
export class OuenSimulator extends OuenElement {
  static observedAttributes = ['lang', 'mode', 'schemes', 'rate', 'hours'];

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
    const t = this.t;
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
        el('p', { class: 'note' }, t.privacy)),
    );
    this.update();
  }

  update() {
    const q = (n) => this.shadowRoot.getElementById(this.idPrefix + n);
    const t = this.t;
    for (const f of ['rate', 'hours']) {
      q(f).removeAttribute('aria-invalid');
      q(f).removeAttribute('aria-describedby');
      q(`${f}-error`).hidden = true;
    }
    const out = q('result');
    let r;
    try {
      r = ouen.simulate({ rate: q('rate').value, hours: q('hours').value, schemes: MODES[q('mode').value] }, { locale: this.locale });
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
      el('p', { class: 'note' }, `${t.stamp} ${r.ruleset.version} (${r.ruleset.hash})`),
    );
    this.result = r;
    this.emit(r);
  }
}

const ORG = {
  ja: { company: '会社', soleProprietor: '個人事業主', medical: '医療法人', socialWelfare: '社会福祉法人', school: '学校法人', chamber: '商工会・商工会議所', smeOrganization: '中小企業団体', specialLawAssociation: '特別法の組合', foundation: '財団・社団法人', npo: 'NPO法人' },
  en: { company: 'Company', soleProprietor: 'Sole proprietor', medical: 'Medical corporation', socialWelfare: 'Social welfare corporation', school: 'School corporation', chamber: 'Chamber of commerce', smeOrganization: 'SME organisation', specialLawAssociation: 'Special-law association', foundation: 'Foundation / association', npo: 'NPO' },
};
const INDUSTRY = {
  ja: { manufacturing: '製造業', construction: '建設業', transport: '運輸業', wholesale: '卸売業', services: 'サービス業', retail: '小売業', rubber: 'ゴム製品製造業', software: 'ソフトウェア・情報処理', inn: '旅館業', entertainment: '娯楽業', other: 'その他' },
  en: { manufacturing: 'Manufacturing', construction: 'Construction', transport: 'Transport', wholesale: 'Wholesale', services: 'Services', retail: 'Retail', rubber: 'Rubber products', software: 'Software / IT services', inn: 'Inns', entertainment: 'Entertainment', other: 'Other' },
};
const ELIG = {
  ja: {
    location: '所在地', nagano: '長野県', other: 'その他の都道府県', orgType: '組織の種類', industry: '業種',
    capital: '資本金（円）', employees: '常時使用する従業員数',
    deemed: 'みなし大企業に当たりますか', deemedHelp: '大企業が株式の半分以上を持っている、役員の半分以上が大企業の人、などの場合は「はい」',
    yesNo: { '': '選んでください', no: 'いいえ', yes: 'はい' },
    expertKind: 'IT専門家', experts: { '': '選んでください', freelancer: 'フリーランス', sideJob: '副業・兼業', smeSupporter: 'SMEサポーター（認定情報処理支援機関）の所属', other: 'その他', undecided: 'まだ決まっていない' },
    support: '支援の内容', supports: { '': '選んでください', analysis: '課題の分析・助言', telework: 'テレワーク', onlineMeetings: 'オンライン会議・商談', ecSite: 'ECサイト', cashless: 'キャッシュレス決済', security: 'セキュリティ', webMarketing: 'Web・SNS活用', crm: '名刺・顧客管理', rpa: '事務の自動化（RPA）', aiInspection: 'AI検査', website: 'ホームページ改善', cloud: 'クラウド導入', otherConsulting: 'その他の助言・導入支援', production: '制作の請負（サイト制作など）' },
    status: { eligible: '対象になります', notEligible: 'このままでは対象外です', needsChecking: '確認が必要です' },
  },
  en: {
    location: 'Location', nagano: 'Nagano', other: 'Elsewhere in Japan', orgType: 'Organisation', industry: 'Industry',
    capital: 'Capital (yen)', employees: 'Regular employees',
    deemed: 'Controlled by a large enterprise?', deemedHelp: 'Yes if a large enterprise holds half the shares or more, or half the officers come from one, and so on',
    yesNo: { '': 'Choose', no: 'No', yes: 'Yes' },
    expertKind: 'IT expert', experts: { '': 'Choose', freelancer: 'Freelancer', sideJob: 'Side job', smeSupporter: 'Member of a certified SME Supporter', other: 'Other', undecided: 'Not decided yet' },
    support: 'Kind of support', supports: { '': 'Choose', analysis: 'Analysis and advice', telework: 'Telework', onlineMeetings: 'Online meetings', ecSite: 'EC site', cashless: 'Cashless payment', security: 'Security', webMarketing: 'Web and social media', crm: 'Contacts and CRM', rpa: 'Office automation (RPA)', aiInspection: 'AI inspection', website: 'Website improvement', cloud: 'Cloud services', otherConsulting: 'Other consulting', production: 'Contracted production (e.g. building a site)' },
    status: { eligible: 'Eligible', notEligible: 'Not eligible as things stand', needsChecking: 'Needs checking' },
  },
};

const DEEMED_FIELDS = ['singleLargeShare', 'totalLargeShare', 'largeOfficerShare', 'ownedByDeemedLarge', 'officersAllFromDeemedLarge', 'avgTaxableIncome'];

/**
 * `<ouen-eligibility lang="ja" location="nagano" as-of="2021-01-15">`: whether the business can
 * use the national programme and the Nagano top-up, with reasons and what would qualify.
 * Questions that can no longer change the verdict are hidden (the core decides which).
 * `as-of` defaults to today. Event `ouen-change`: `detail` is the `checkEligibility` result,
 * or `{ error }`.
 */
export class OuenEligibility extends OuenElement {
  static observedAttributes = ['lang', 'location', 'org-type', 'industry', 'capital', 'employees', 'as-of'];

  render() {
    const t = ELIG[this.locale];
    const id = (n) => this.idPrefix + n;
    const wrap = (name, label, control, help) => el('div', { 'data-question': name }, el('label', { for: id(name) }, label), ...(help ? [el('p', { class: 'note' }, help)] : []), control, el('p', { class: 'error', id: id(`${name}-error`), hidden: true }));
    const choice = (name, label, options, value, help) => {
      const select = el('select', { id: id(name), name });
      for (const [v, text] of Object.entries(options)) select.append(el('option', { value: v, selected: v === value }, text));
      select.addEventListener('change', () => this.update());
      return wrap(name, label, select, help);
    };
    const field = (name, label, value) => {
      const input = el('input', { id: id(name), name, inputmode: 'numeric', autocomplete: 'off', value });
      input.addEventListener('input', () => this.update());
      return wrap(name, label, input);
    };
    this.shadowRoot.replaceChildren(
      el('div', { class: 'card', part: 'card' },
        el('div', { class: 'grid' },
          choice('location', t.location, { nagano: t.nagano, other: t.other }, this.getAttribute('location') ?? 'nagano'),
          choice('orgType', t.orgType, ORG[this.locale], this.getAttribute('org-type') ?? 'company'),
          choice('industry', t.industry, INDUSTRY[this.locale], this.getAttribute('industry') ?? 'manufacturing'),
          field('employees', t.employees, this.getAttribute('employees') ?? ''),
          field('capital', t.capital, this.getAttribute('capital') ?? ''),
          choice('deemed', t.deemed, t.yesNo, '', t.deemedHelp),
          choice('expertKind', t.expertKind, t.experts, ''),
          choice('support', t.support, t.supports, '')),
        el('div', { id: id('result'), 'aria-live': 'polite' }),
        el('p', { class: 'note' }, TEXT[this.locale].privacy)),
    );
    this.update();
  }

  update() {
    const q = (n) => this.shadowRoot.getElementById(this.idPrefix + n);
    const t = ELIG[this.locale];
    for (const f of ['capital', 'employees']) {
      q(f).removeAttribute('aria-invalid');
      q(`${f}-error`).hidden = true;
    }
    const input = { location: q('location').value, orgType: q('orgType').value, industry: q('industry').value };
    for (const f of ['capital', 'employees', 'expertKind', 'support']) if (q(f).value.trim()) input[f] = q(f).value;
    if (q('deemed').value) input.exclusions = Object.fromEntries(DEEMED_FIELDS.map((f) => [f, q('deemed').value === 'yes']));
    const today = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    input.asOf = this.getAttribute('as-of') || `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    let r;
    try {
      r = ouen.checkEligibility(input, { locale: this.locale });
    } catch (e) {
      const box = q(`${e.field}-error`);
      if (box) {
        box.textContent = e.message;
        box.hidden = false;
        q(e.field).setAttribute('aria-invalid', 'true');
      }
      q('result').replaceChildren(el('p', { class: 'error' }, e.message));
      this.result = null;
      this.emit({ error: { field: e.field, message: e.message } });
      return;
    }
    // Ask only what matters: hide the questions the core says cannot change the verdict.
    const skipped = new Set(r.questions.filter((x) => x.status === 'skipped').map((x) => x.id));
    const deemedSkipped = DEEMED_FIELDS.every((f) => skipped.has(f));
    for (const [name, hidden] of [['capital', skipped.has('capital')], ['deemed', deemedSkipped], ['expertKind', skipped.has('expertKind')], ['support', skipped.has('support')]]) {
      q(name).closest('[data-question]').hidden = hidden;
    }
    q('result').replaceChildren(
      ...r.schemes.map((v) => el('section', { class: 'verdict', 'data-scheme': v.scheme, 'data-status': v.status },
        el('p', { class: 'answer' }, `${v.name}: `, el('strong', {}, t.status[v.status])),
        el('p', {}, v.headline),
        ...v.toQualify.map((x) => el('p', { class: 'warn' }, x)))),
      el('p', { class: 'note' }, `${TEXT[this.locale].stamp} ${r.ruleset.version} (${r.ruleset.hash})`),
    );
    this.result = r;
    this.emit(r);
  }
}

const CHECK = {
  ja: { kind: '事業の種類', kinds: { manufacturing: '製造業', construction: '建設業', retail: '小売業', service: 'サービス業', other: 'その他' }, progress: (a, n) => `${a} / ${n} 問に回答`, overall: '総合', choose: '選んでください' },
  en: { kind: 'Kind of business', kinds: { manufacturing: 'Manufacturing', construction: 'Construction', retail: 'Retail', service: 'Services', other: 'Other' }, progress: (a, n) => `${a} of ${n} answered`, overall: 'Overall', choose: 'Choose' },
};

/**
 * `<ouen-checklist lang="ja" business-kind="retail">`: the self-assessment checklist; once every
 * item is answered, the score per area, the stage (① to ④) and next steps.
 * Event `ouen-change`: `detail` is the `scoreChecklist` result, or `{ answered, total }`.
 */
export class OuenChecklist extends OuenElement {
  static observedAttributes = ['lang', 'business-kind'];

  render() {
    const t = CHECK[this.locale];
    const id = (n) => this.idPrefix + n;
    const kind = this.getAttribute('business-kind') || 'other';
    let items;
    try {
      items = ouen.checklistItems({ businessKind: kind }, { locale: this.locale });
    } catch (e) {
      this.shadowRoot.replaceChildren(el('p', { class: 'error' }, e.message));
      return;
    }
    this.items = items;
    this.answers = {};
    const body = el('div', { class: 'card', part: 'card' }, el('p', { class: 'note' }, `${t.kind}: ${t.kinds[kind] ?? kind}`));
    let area = null;
    for (const it of items) {
      if (it.area !== area) {
        area = it.area;
        body.append(el('h3', {}, it.areaLabel));
      }
      const select = el('select', { id: id(it.id), name: it.id });
      select.append(el('option', { value: '' }, t.choose));
      for (const c of it.choices) select.append(el('option', { value: c.answer }, c.label));
      select.addEventListener('change', () => {
        if (select.value) this.answers[it.id] = select.value;
        else delete this.answers[it.id];
        this.update();
      });
      body.append(el('div', { class: 'item' }, el('label', { for: id(it.id) }, it.text), el('p', { class: 'note' }, it.doneLooksLike), select));
    }
    body.append(el('div', { id: id('result'), 'aria-live': 'polite' }));
    this.shadowRoot.replaceChildren(body);
    this.update();
  }

  update() {
    const t = CHECK[this.locale];
    const out = this.shadowRoot.getElementById(this.idPrefix + 'result');
    const answered = Object.keys(this.answers).length;
    if (answered < this.items.length) {
      out.replaceChildren(el('p', { class: 'note progress' }, t.progress(answered, this.items.length)));
      this.result = null;
      this.emit({ answered, total: this.items.length });
      return;
    }
    const r = ouen.scoreChecklist({ businessKind: this.getAttribute('business-kind') || 'other', answers: this.answers }, { locale: this.locale });
    const table = el('table', {});
    for (const a of r.areas) table.append(el('tr', {}, el('th', { scope: 'row' }, a.label), el('td', {}, a.score.percent === null ? '—' : `${a.score.percent}%`)));
    out.replaceChildren(
      el('p', { class: 'answer' }, `${t.overall} `, el('strong', { class: 'overall' }, `${r.overall.percent}%`)),
      el('p', { class: 'stage' }, `${r.stage.mark} ${r.stage.title}`),
      el('p', { class: 'note' }, r.stage.reason),
      table,
      ...r.nextSteps.map((s) => el('p', { class: 'warn' }, `${s.label}: ${s.actions[0] ?? ''}`)),
    );
    this.result = r;
    this.emit(r);
  }
}

for (const [name, cls] of [['ouen-simulator', OuenSimulator], ['ouen-eligibility', OuenEligibility], ['ouen-checklist', OuenChecklist]]) {
  if (!customElements.get(name)) customElements.define(name, cls);
}
