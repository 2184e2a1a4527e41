// Compiled (not run) by `cargo xtask test`: the small entry `ouen/cost` has the full entry's
// types for what it exports, so switching the import line is the only change a partner makes.
import type { Simulation, SimulationInput, SmeClassification, SmeInput, Stamp, OuenInputError } from 'ouen/cost';
import { simulate, classifySme, rulesetInfo } from 'ouen/cost';
import * as full from 'ouen';

const input: SimulationInput = { rate: '６，０００', hours: 12, schemes: ['national', 'nagano'] };
const r: Simulation = simulate(input, { locale: 'en' });
const same: full.Simulation = r;
const fromFull: Simulation = full.simulate(input);
const selfPay: number = r.selfPay;
const nagano: number | undefined = r.subsidies.nagano;
const sme: SmeInput = { orgType: 'company', industry: 'retail', capital: 1, employees: 3 };
const c: SmeClassification = classifySme(sme);
const sameC: full.SmeClassification = c;
const small: boolean | null = c.smallBusiness;
const stamp: Stamp = rulesetInfo();
const hash: string = stamp.hash;
try {
  simulate({ rate: 1, hours: 0, schemes: ['national'] });
} catch (e) {
  const err = e as OuenInputError;
  console.log(err.field, err.errors[0]?.message);
}
console.log(same, fromFull, selfPay, nagano, sameC, small, hash);

// @ts-expect-error: an unknown scheme is not a Scheme
simulate({ rate: 1, hours: 1, schemes: ['tokyo'] });
// @ts-expect-error: only 'ja' and 'en'
classifySme(sme, { locale: 'fr' });
type Small = typeof import('ouen/cost');
// @ts-expect-error: the small entry has no eligibility wizard
const wizard: Small['checkEligibility'] = full.checkEligibility;
console.log(wizard);
