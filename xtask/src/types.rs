//! TypeScript declarations of the npm package, generated from the rules core's types (ts-rs),
//! so the JS API and the Rust types cannot drift apart.

use ouen_rules::cost::{RawSimulationInput, Simulation};
use ouen_rules::eligibility::{Eligibility, RawEligibilityInput};
use ouen_rules::navigator::{Navigation, RawNavigatorInput};
use ouen_rules::params::{ProgrammeStatus, RulesetInfo};
use ouen_rules::sme;
use ouen_rules::Locale;
use std::collections::BTreeSet;
use ts_rs::{Config, TypeVisitor, TS};

const FUNCTIONS: &str = r#"
/** Options accepted by every function. Japanese is the default locale. */
export interface Options { locale?: Locale }

/** An input problem: `field` names the offending input field (e.g. "hours",
 *  "exclusions.singleLargeShare"); the message is in the requested locale. */
export interface OuenInputError extends Error {
  name: "OuenInputError";
  field: string;
  errors: { field: string; message: string }[];
  /** In `simulateMany`: the position of the input at fault. */
  index?: number;
}

/** Options of `simulate` and `simulateMany`: `explain: false` leaves out the steps of the
 *  working (`explanation` is then empty; amounts, segments and warnings are the same). */
export interface SimulateOptions extends Options { explain?: boolean }

/** Splits the cost of a plan between the national programme, Nagano and the SME.
 *  @throws {OuenInputError} on bad input. */
export function simulate(input: SimulationInput, options?: SimulateOptions): Simulation;

/** `simulate` for many inputs in one call (one crossing into the wasm): the results in
 *  order. @throws {OuenInputError} on the first bad input, with its `index`. */
export function simulateMany(inputs: SimulationInput[], options?: SimulateOptions): Simulation[];

/** Whether an organisation is an SME (SME-1..7) and a small business (SME-5).
 *  @throws {OuenInputError} on bad input. */
export function classifySme(input: SmeInput, options?: Options): SmeClassification;

/** On a date (YYYY-MM-DD): each programme and phase, open or not, and its next deadline.
 *  @throws {OuenInputError} when the date is not a real date. */
export function programmesOn(date: string, options?: Options): ProgrammeStatus[];

/** The ruleset: version, content hash, every figure and date with sources and history. */
export function rulesetInfo(): RulesetInfo;

/** The eligibility wizard's logic: per scheme (national, Nagano) eligible / notEligible /
 *  needsChecking, with reasons (rule ids, sources), what would qualify, the deadlines on the
 *  as-of date, and the next question worth asking. Partial answers are accepted.
 *  @throws {OuenInputError} when an answer is malformed (never for a missing one). */
export function checkEligibility(input: EligibilityInput, options?: Options): Eligibility;

/** The support navigator: supports fitting the chosen needs (all when none), with figures,
 *  the date they hold for, conditions and contacts; past their dates on `asOf` = ended.
 *  @throws {OuenInputError} on an unknown need or a bad date. */
export function navigator(input: NavigatorInput, options?: Options): Navigation;

/** The self-assessment checklist's items, with the choices offered to a kind of business
 *  (対象外 only where an item may not apply).
 *  @throws {OuenInputError} when businessKind is not one of the kinds. */
export function checklistItems(input?: { businessKind?: BusinessKind }, options?: Options): ItemView[];

/** Scores a completed checklist: per area and overall, the stage (① to ④), next steps.
 *  @throws {OuenInputError} naming the first unanswered or unknown item. */
export function scoreChecklist(input: ChecklistInput, options?: Options): ChecklistResult;

/** Options of generatePlan: `madeOn` (YYYY-MM-DD) is the date printed on the documents
 *  (default: today). Plan messages are in Japanese. */
export interface PlanOptions { locale?: Locale; madeOn?: string }

/** The support plan (支援計画書) and the Nagano business plan (事業計画書) for a draft.
 *  Every output carries the ruleset stamp and the date made; "json" re-imports exactly.
 *  @throws {OuenInputError} when the draft has errors (field: a path such as "sme.name",
 *  "steps.2.hours"; errors: all of them) or the format is unknown. */
export function generatePlan(input: Partial<PlanDraft>, format: "docx", options?: PlanOptions): Uint8Array;
export function generatePlan(input: Partial<PlanDraft>, format: "markdown" | "html" | "json", options?: PlanOptions): string;

/** Checks a plan draft without rendering: errors (which block generatePlan), warnings
 *  (printed on the documents), the total hours and the cost split. */
export function checkPlan(input: Partial<PlanDraft>): PlanCheck;
"#;

/// Collects a type's declaration and, transitively, those of the types it mentions.
struct Collect<'a> {
    cfg: &'a Config,
    seen: BTreeSet<String>,
    out: Vec<String>,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only derived types have an output path; primitives and containers do not.
        if T::output_path().is_none() {
            return;
        }
        if self.seen.insert(T::ident(self.cfg)) {
            self.out.push(format!("export {}", T::decl(self.cfg)));
            T::visit_dependencies(self);
        }
    }
}

const COST_FUNCTIONS: &str = r#"
/** Options accepted by every function. Japanese is the default locale. */
export interface Options { locale?: Locale }

/** An input problem: `field` names the offending input field (e.g. "hours",
 *  "exclusions.singleLargeShare"); the message is in the requested locale. */
export interface OuenInputError extends Error {
  name: "OuenInputError";
  field: string;
  errors: { field: string; message: string }[];
  /** In `simulateMany`: the position of the input at fault. */
  index?: number;
}

/** Options of `simulate` and `simulateMany`: `explain: false` leaves out the steps of the
 *  working (`explanation` is then empty; amounts, segments and warnings are the same). */
export interface SimulateOptions extends Options { explain?: boolean }

/** Splits the cost of a plan between the national programme, Nagano and the SME.
 *  Same result as `simulate` of the full entry (`ouen`).
 *  @throws {OuenInputError} on bad input. */
export function simulate(input: SimulationInput, options?: SimulateOptions): Simulation;

/** `simulate` for many inputs in one call (one crossing into the wasm): the results in
 *  order. @throws {OuenInputError} on the first bad input, with its `index`. */
export function simulateMany(inputs: SimulationInput[], options?: SimulateOptions): Simulation[];

/** Whether an organisation is an SME (SME-1..7) and a small business (SME-5).
 *  Same result as `classifySme` of the full entry (`ouen`).
 *  @throws {OuenInputError} on bad input. */
export function classifySme(input: SmeInput, options?: Options): SmeClassification;

/** The ruleset stamp: version and content hash (the full entry's `rulesetInfo` adds every
 *  figure and date with its sources). */
export function rulesetInfo(): Stamp;
"#;

fn collector(cfg: &Config) -> Collect<'_> {
    Collect {
        cfg,
        seen: BTreeSet::new(),
        out: Vec::new(),
    }
}

fn assemble(functions: &str, types: Vec<String>) -> String {
    let mut out = String::from(
        "// Generated by `cargo xtask dist` from the Rust types of ouen-rules. Do not edit.\n",
    );
    out.push_str(functions);
    out.push('\n');
    for t in types {
        out.push_str(&t);
        out.push_str("\n\n");
    }
    out
}

/// The `.d.ts` body of the small entry `ouen/cost` (node and browser).
pub fn cost_declarations() -> String {
    let cfg = Config::default();
    let mut c = collector(&cfg);
    c.visit::<Locale>();
    c.visit::<RawSimulationInput>();
    c.visit::<Simulation>();
    c.visit::<sme::RawSmeInput>();
    c.visit::<sme::SmeClassification>();
    c.visit::<ouen_rules::Stamp>();
    assemble(COST_FUNCTIONS, c.out)
}

/// The whole `.d.ts` body shared by the node and browser entries.
pub fn declarations() -> String {
    let cfg = Config::default();
    let mut c = collector(&cfg);
    // The API's inputs and outputs; everything they mention follows.
    c.visit::<Locale>();
    c.visit::<RawSimulationInput>();
    c.visit::<Simulation>();
    c.visit::<sme::RawSmeInput>();
    c.visit::<sme::SmeClassification>();
    c.visit::<ProgrammeStatus>();
    c.visit::<RulesetInfo>();
    c.visit::<RawEligibilityInput>();
    c.visit::<Eligibility>();
    c.visit::<RawNavigatorInput>();
    c.visit::<Navigation>();
    c.visit::<ouen_rules::checklist::ItemView>();
    c.visit::<ouen_rules::checklist::RawChecklistInput>();
    c.visit::<ouen_rules::checklist::ChecklistResult>();
    c.visit::<ouen_rules::plan::PlanDraft>();
    c.visit::<ouen_rules::plan::PlanCheck>();
    assemble(FUNCTIONS, c.out)
}
