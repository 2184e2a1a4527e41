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

// Eligibility wizard and support navigator.
import type { Eligibility, EligibilityInput, EligibilityStatus, Navigation, QuestionId } from 'ouen';
import { checkEligibility, navigator } from 'ouen';

const answers: EligibilityInput = {
  location: 'nagano', orgType: 'company', industry: 'manufacturing', employees: '50人',
  exclusions: { singleLargeShare: false, totalLargeShare: '2/3' },
  expertKind: 'freelancer', support: 'telework', asOf: '2021-01-15',
};
const e: Eligibility = checkEligibility(answers, { locale: 'en' });
const st: EligibilityStatus | undefined = e.schemes[0]?.status;
const next: QuestionId | null = e.nextQuestion;
const fix: string | undefined = e.schemes[0]?.toQualify[0];
const nav: Navigation = navigator({ needs: ['edi', 'telework'], asOf: '2021-05-01' });
const ended: boolean | undefined = nav.supports[0]?.ended;
console.log(st, next, fix, ended, checkEligibility({}).complete);

// @ts-expect-error: 'tokyo' is not a Location
checkEligibility({ location: 'tokyo' });
// @ts-expect-error: unknown need
navigator({ needs: ['fax'] });

// Plan generator.
import type { PlanDraft, PlanCheck } from 'ouen';
import { generatePlan, checkPlan } from 'ouen';

const draft: Partial<PlanDraft> = {
  version: 1, mode: 'combined', rate: 6000, contractDate: '2020-11-02',
  steps: [{ title: '導入支援', detail: '', hours: 8 }],
  travel: { over100km: false, note: '' },
};
const md: string = generatePlan(draft, 'markdown', { madeOn: '2021-01-15' });
const bytes: Uint8Array = generatePlan(draft, 'docx');
const checked: PlanCheck = checkPlan(draft);
const firstError: string | undefined = checked.errors[0]?.field;
console.log(md.length, bytes.length, firstError, checked.totalHours);

// @ts-expect-error: docx gives bytes, not a string
const notText: string = generatePlan(draft, 'docx');
// @ts-expect-error: unknown format
generatePlan(draft, 'pdf');
