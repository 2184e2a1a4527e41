// What every ouen custom element shares: the stylesheet, a DOM helper, the common texts, the
// base class (shadow root, locale, events, loading what the element uses) and the lazily
// loaded full wasm. Imported by `elements.js` and by the views it loads on demand.

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

/** The texts every element shows. */
export const TEXT = {
  ja: { stamp: 'ルール版', privacy: '計算はこの端末の中だけで行われます。', loading: '読み込み中…' },
  en: { stamp: 'Ruleset', privacy: 'Computed on this device only.', loading: 'Loading…' },
};

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) e.append(c);
  return e;
}

let full;
/** The full wasm (`web/ouen.js` + `web/ouen_bg.wasm`), fetched and instantiated once, on the
 *  first call: only `<ouen-eligibility>` and `<ouen-checklist>` ask for it. */
export function loadFull() {
  full ??= import('../web/ouen.js').then(async (ouen) => {
    await ouen.default();
    return ouen;
  });
  return full;
}

/** What elements connected so far are loading and rendering (see `ensureReady`). */
const pending = new Set();

/** Resolves once every ouen element connected so far has loaded what it uses and rendered;
 *  rejects if a load failed. Loads nothing itself. */
export function ensureReady() {
  return Promise.all(pending);
}

let uid = 0;

/** Shared plumbing: shadow root, locale, events, and on connection the element's own load
 *  (`static load()`: a promise, made once per element kind) before the first render. */
export class OuenElement extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.adoptedStyleSheets = styles();
    this.idPrefix = `ouen${++uid}-`;
    this.result = null;
  }
  get locale() {
    return (this.getAttribute('lang') || 'ja').toLowerCase().startsWith('en') ? 'en' : 'ja';
  }
  emit(detail) {
    this.dispatchEvent(new CustomEvent('ouen-change', { detail, bubbles: true, composed: true }));
  }
  connectedCallback() {
    if (!this.shadowRoot.firstChild) {
      this.shadowRoot.append(el('p', { class: 'note' }, TEXT[this.locale].loading));
    }
    const ready = this.constructor.load().then((view) => {
      this.view = view;
      this.render();
    });
    this.ready = ready;
    pending.add(ready);
    ready.then(
      () => pending.delete(ready),
      (e) => this.shadowRoot.replaceChildren(el('p', { class: 'error' }, String(e?.message ?? e))),
    );
  }
  attributeChangedCallback() {
    if (this.isConnected && this.ready) this.ready.then(() => this.render(), () => {});
  }
  /** Lazily loaded elements render through their view: `view.render(host)`. */
  render() {
    this.view.render(this);
  }
}

/** `static load` of an element whose view and wasm are loaded on first use: the view module
 *  (from `importView`) and the full wasm are fetched in parallel, once. */
export function lazyView(importView) {
  let p;
  return () => {
    p ??= Promise.all([importView(), loadFull()]).then(([view, ouen]) => ({ render: (host) => view.render(host, ouen) }));
    return p;
  };
}
