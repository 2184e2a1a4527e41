// The view of `<ouen-eligibility>` (registered by `elements.js`): loaded on demand with the
// full wasm, which `ouen` is; `render(host, ouen)` draws into the element's shadow root.
import { TEXT, el } from './base.js';

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

export function render(host, ouen) {
  const t = ELIG[host.locale];
  const id = (n) => host.idPrefix + n;
  const wrap = (name, label, control, help) => el('div', { 'data-question': name }, el('label', { for: id(name) }, label), ...(help ? [el('p', { class: 'note' }, help)] : []), control, el('p', { class: 'error', id: id(`${name}-error`), hidden: true }));
  const choice = (name, label, options, value, help) => {
    const select = el('select', { id: id(name), name });
    for (const [v, text] of Object.entries(options)) select.append(el('option', { value: v, selected: v === value }, text));
    select.addEventListener('change', () => update(host, ouen));
    return wrap(name, label, select, help);
  };
  const field = (name, label, value) => {
    const input = el('input', { id: id(name), name, inputmode: 'numeric', autocomplete: 'off', value });
    input.addEventListener('input', () => update(host, ouen));
    return wrap(name, label, input);
  };
  host.shadowRoot.replaceChildren(
    el('div', { class: 'card', part: 'card' },
      el('div', { class: 'grid' },
        choice('location', t.location, { nagano: t.nagano, other: t.other }, host.getAttribute('location') ?? 'nagano'),
        choice('orgType', t.orgType, ORG[host.locale], host.getAttribute('org-type') ?? 'company'),
        choice('industry', t.industry, INDUSTRY[host.locale], host.getAttribute('industry') ?? 'manufacturing'),
        field('employees', t.employees, host.getAttribute('employees') ?? ''),
        field('capital', t.capital, host.getAttribute('capital') ?? ''),
        choice('deemed', t.deemed, t.yesNo, '', t.deemedHelp),
        choice('expertKind', t.expertKind, t.experts, ''),
        choice('support', t.support, t.supports, '')),
      el('div', { id: id('result'), 'aria-live': 'polite' }),
      el('p', { class: 'note' }, TEXT[host.locale].privacy)),
  );
  update(host, ouen);
}

function update(host, ouen) {
  const q = (n) => host.shadowRoot.getElementById(host.idPrefix + n);
  const t = ELIG[host.locale];
  for (const f of ['capital', 'employees']) {
    q(f).removeAttribute('aria-invalid');
    q(`${f}-error`).hidden = true;
  }
  const input = { location: q('location').value, orgType: q('orgType').value, industry: q('industry').value };
  for (const f of ['capital', 'employees', 'expertKind', 'support']) if (q(f).value.trim()) input[f] = q(f).value;
  if (q('deemed').value) input.exclusions = Object.fromEntries(DEEMED_FIELDS.map((f) => [f, q('deemed').value === 'yes']));
  const today = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  input.asOf = host.getAttribute('as-of') || `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  let r;
  try {
    r = ouen.checkEligibility(input, { locale: host.locale });
  } catch (e) {
    const box = q(`${e.field}-error`);
    if (box) {
      box.textContent = e.message;
      box.hidden = false;
      q(e.field).setAttribute('aria-invalid', 'true');
    }
    q('result').replaceChildren(el('p', { class: 'error' }, e.message));
    host.result = null;
    host.emit({ error: { field: e.field, message: e.message } });
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
    el('p', { class: 'note' }, `${TEXT[host.locale].stamp} ${r.ruleset.version} (${r.ruleset.hash})`),
  );
  host.result = r;
  host.emit(r);
}
