// The view of `<ouen-checklist>` (registered by `elements.js`): loaded on demand with the
// full wasm, which `ouen` is; `render(host, ouen)` draws into the element's shadow root.
import { el } from './base.js';

const CHECK = {
  ja: { kind: '事業の種類', kinds: { manufacturing: '製造業', construction: '建設業', retail: '小売業', service: 'サービス業', other: 'その他' }, progress: (a, n) => `${a} / ${n} 問に回答`, overall: '総合', choose: '選んでください' },
  en: { kind: 'Kind of business', kinds: { manufacturing: 'Manufacturing', construction: 'Construction', retail: 'Retail', service: 'Services', other: 'Other' }, progress: (a, n) => `${a} of ${n} answered`, overall: 'Overall', choose: 'Choose' },
};

export function render(host, ouen) {
  const t = CHECK[host.locale];
  const id = (n) => host.idPrefix + n;
  const kind = host.getAttribute('business-kind') || 'other';
  let items;
  try {
    items = ouen.checklistItems({ businessKind: kind }, { locale: host.locale });
  } catch (e) {
    host.shadowRoot.replaceChildren(el('p', { class: 'error' }, e.message));
    return;
  }
  host.items = items;
  host.answers = {};
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
      if (select.value) host.answers[it.id] = select.value;
      else delete host.answers[it.id];
      update(host, ouen);
    });
    body.append(el('div', { class: 'item' }, el('label', { for: id(it.id) }, it.text), el('p', { class: 'note' }, it.doneLooksLike), select));
  }
  body.append(el('div', { id: id('result'), 'aria-live': 'polite' }));
  host.shadowRoot.replaceChildren(body);
  update(host, ouen);
}

function update(host, ouen) {
  const t = CHECK[host.locale];
  const out = host.shadowRoot.getElementById(host.idPrefix + 'result');
  const answered = Object.keys(host.answers).length;
  if (answered < host.items.length) {
    out.replaceChildren(el('p', { class: 'note progress' }, t.progress(answered, host.items.length)));
    host.result = null;
    host.emit({ answered, total: host.items.length });
    return;
  }
  const r = ouen.scoreChecklist({ businessKind: host.getAttribute('business-kind') || 'other', answers: host.answers }, { locale: host.locale });
  const table = el('table', {});
  for (const a of r.areas) table.append(el('tr', {}, el('th', { scope: 'row' }, a.label), el('td', {}, a.score.percent === null ? '—' : `${a.score.percent}%`)));
  out.replaceChildren(
    el('p', { class: 'answer' }, `${t.overall} `, el('strong', { class: 'overall' }, `${r.overall.percent}%`)),
    el('p', { class: 'stage' }, `${r.stage.mark} ${r.stage.title}`),
    el('p', { class: 'note' }, r.stage.reason),
    el('p', { class: 'note' }, r.stage.basis),
    table,
    ...r.nextSteps.map((s) => el('p', { class: 'warn' }, `${s.label}: ${s.actions[0] ?? ''}`)),
  );
  host.result = r;
  host.emit(r);
}
