// Compiled (not run) by `cargo xtask test`: the generated declarations must describe the API
// a partner writes against, and reject misuse.
import type { Simulation, SimulationInput, SmeClassification, ProgrammeStatus, RulesetInfo } from 'ouen';
import { simulate, classifySme, programmesOn, rulesetInfo } from 'ouen';

const input: SimulationInput = { rate: 6000, hours: '12', schemes: ['national', 'nagano'] };
const r: Simulation = simulate(input, { locale: 'ja' });
const total: number = r.totalFee;
const national: number | undefined = r.subsidies.national;
const firstRule: string | undefined = r.explanation[0]?.rules[0];
const perHour: number | undefined = r.segments[0]?.selfPayPerHour;
const c: SmeClassification = classifySme({ orgType: 'company', industry: 'retail', capital: 1, employees: 3 });
const small: boolean | null = c.smallBusiness;
const p: ProgrammeStatus[] = programmesOn('2021-05-01');
const info: RulesetInfo = rulesetInfo();
console.log(total, national, firstRule, perHour, small, p.length, info.hash);

// @ts-expect-error: an unknown scheme is not a Scheme
simulate({ rate: 1, hours: 1, schemes: ['tokyo'] });
// @ts-expect-error: rate is required
simulate({ hours: 1, schemes: ['national'] });
// @ts-expect-error: only 'ja' and 'en'
simulate(input, { locale: 'fr' });
