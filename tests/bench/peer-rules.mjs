// The national + Nagano cost split (RULES.md §1–3) written in Publicodes, the French
// in-browser rules engine, as a peer to compare ouen against: same rule, same inputs.
// Boundaries are computed in floating point (Publicodes numbers are JS doubles); totals are
// floored by the caller, as ouen floors each subsidy (AR-2).
export const rules = {
  taux: { valeur: 0, titre: 'hourly rate (yen/h)' },
  heures: { valeur: 0 },
  national: { valeur: 'oui' },
  nagano: { valeur: 'non' },
  'déjà reçu entreprise': { valeur: 0 },
  'déjà reçu expert': { valeur: 0 },
  'heures nagano déjà': { valeur: 0 },

  marge: { valeur: 'taux - 500', plancher: 0 },
  'national par heure': {
    variations: [{ si: 'national', alors: { valeur: 'marge', plafond: 3500 } }, { sinon: 0 }],
  },
  'reste plafond': {
    'le minimum de': ['300000 - déjà reçu entreprise', '1500000 - déjà reçu expert'],
    plancher: 0,
  },
  'heures nationales': {
    variations: [
      { si: 'national par heure = 0', alors: 0 },
      { sinon: { 'le minimum de': ['heures', 'reste plafond / national par heure'] } },
    ],
  },
  'total national': { valeur: 'national par heure * heures nationales' },

  'nagano avec national': {
    variations: [{ si: 'nagano', alors: { valeur: 'marge - national par heure', plancher: 0, plafond: 4250 } }, { sinon: 0 }],
  },
  'nagano seul': {
    variations: [{ si: 'nagano', alors: { valeur: 'marge', plafond: 4250 } }, { sinon: 0 }],
  },
  'heures nagano': {
    variations: [
      { si: 'nagano', alors: { 'le minimum de': ['heures', '24 - heures nagano déjà'], plancher: 0 } },
      { sinon: 0 },
    ],
  },
  'heures nagano avec national': { 'le minimum de': ['heures nagano', 'heures nationales'] },
  'heures nagano seul': { valeur: 'heures nagano - heures nationales', plancher: 0 },
  'total nagano': {
    valeur: 'nagano avec national * heures nagano avec national + nagano seul * heures nagano seul',
  },
  'total': { valeur: 'taux * heures' },
};

/** ouen's input shape → a Publicodes situation. */
export function situation(input) {
  const s = input.schemes ?? [];
  return {
    taux: input.rate,
    heures: input.hours,
    national: s.includes('national') ? 'oui' : 'non',
    nagano: s.includes('nagano') ? 'oui' : 'non',
    'déjà reçu entreprise': input.smePriorHonorarium ?? 0,
    'déjà reçu expert': input.expertPriorHonorarium ?? 0,
    'heures nagano déjà': input.naganoPriorHours ?? 0,
  };
}

/** Evaluates one plan; returns ouen's output shape (integer yen). */
export function split(engine, input) {
  engine.setSituation(situation(input));
  const v = (name) => engine.evaluate(name).nodeValue;
  const s = input.schemes ?? [];
  const national = Math.floor(v('total national') + 1e-9);
  const nagano = Math.floor(v('total nagano') + 1e-9);
  const totalFee = Math.round(v('total'));
  const subsidies = {};
  if (s.includes('national')) subsidies.national = national;
  if (s.includes('nagano')) subsidies.nagano = nagano;
  return { totalFee, subsidies, selfPay: totalFee - national - nagano };
}
