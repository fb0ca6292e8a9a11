import type { CaseView } from "./case-view.js";
import type { Finding, Rating } from "./define-rule.js";

/** A rating as a number, worst last: the worst of a rule's checks rates the rule. */
export const N_A = 0;
export const GOOD = 1;
export const ADEQUATE = 2;
export const INADEQUATE = 3;
export type Level = typeof N_A | typeof GOOD | typeof ADEQUATE | typeof INADEQUATE;
/** Each level's rating: RATINGS[level]. */
export const RATINGS: readonly Rating[] = ["n/a", "good", "adequate", "inadequate"];

/**
 * One thing a rule looks for. `level` rates the case by it alone, from the compact values
 * (N_A when it has nothing to judge); `finding` says what it saw, and is asked only of a check
 * rated ADEQUATE or INADEQUATE.
 */
export interface Check {
  level(view: CaseView): Level;
  finding(view: CaseView, level: Level): Finding;
  /** Set by `inadequateIf` and `adequateIf`: the check rates `flags` when this holds, good otherwise. */
  when?: (view: CaseView) => boolean;
  flags?: typeof ADEQUATE | typeof INADEQUATE;
}

/** A built-in rule's checks, made for its options (once per rubric). */
export interface Checks {
  /** False for a case the rule does not apply to: it is rated n/a, whatever the checks say. */
  applies?: (view: CaseView) => boolean;
  checks: readonly Check[];
  /**
   * The findings of every check not rated good, not only of those at the rule's rating: timeliness
   * lists each milestone that was slow or late. Otherwise a rule rated inadequate lists only what
   * made it so.
   */
  everyLevel?: boolean;
}

/** What the engine runs of a built-in rule, made for its options: its rating alone, and findings when it is not good. */
export interface PreparedRule {
  /** The rule's rating of the case, as a Level. */
  level(view: CaseView): Level;
  /** The findings of a case rated adequate or inadequate: at least one. */
  explain(view: CaseView): Finding[];
}

type Message = (view: CaseView) => string;

function flag(level: typeof ADEQUATE | typeof INADEQUATE, code: string, fields: readonly string[], when: (view: CaseView) => boolean, message: Message): Check {
  return {
    level: (view) => (when(view) ? level : GOOD),
    finding: (view) => ({ code, message: message(view), fields: fields as string[] }),
    when,
    flags: level,
  };
}

/** A check that rates the case inadequate when `when` holds, good otherwise. */
export const inadequateIf = (code: string, fields: readonly string[], when: (view: CaseView) => boolean, message: Message): Check =>
  flag(INADEQUATE, code, fields, when, message);

/** A check that rates the case adequate when `when` holds, good otherwise. */
export const adequateIf = (code: string, fields: readonly string[], when: (view: CaseView) => boolean, message: Message): Check =>
  flag(ADEQUATE, code, fields, when, message);

/**
 * The rule's rating is the worst of its checks' (n/a if it does not apply, or if no check had
 * anything to judge); its findings those of the checks rated so, or (everyLevel) of every check
 * not rated good. So a rule rated good or n/a has no findings, and one rated worse has at least one.
 */
export function prepareChecks({ applies, checks, everyLevel = false }: Checks): PreparedRule {
  const levels = new Uint8Array(checks.length);
  return {
    level: compileLevel(applies, checks),
    explain(view) {
      // Plain loops, one array: map, spread and flatMap were a third of a JSON report's cost of a case.
      let rating: Level = N_A;
      for (let i = 0; i < checks.length; i++) {
        const level = checks[i]!.level(view);
        levels[i] = level;
        if (level > rating) rating = level;
      }
      const findings: Finding[] = [];
      for (let i = 0; i < checks.length; i++) {
        const level = levels[i] as Level;
        if (level >= ADEQUATE && (everyLevel || level === rating)) findings.push(checks[i]!.finding(view, level));
      }
      return findings;
    },
  };
}

/**
 * The rule's rating as one function made for this rule alone, with a call site per check: each
 * site sees one function, which V8 inlines, reads of the view and all. A loop over the checks
 * (one site for every rule's checks) made grading 3 times slower than this. It stops at the first
 * check rated inadequate, and skips an adequate flag once the rating is adequate. The text made
 * is fixed: only the checks' positions and kinds vary.
 */
function compileLevel(applies: Checks["applies"], checks: readonly Check[]): (view: CaseView) => Level {
  const steps = checks.map(({ flags }, i) => {
    if (flags === INADEQUATE) return `if (c${i}(view)) return ${INADEQUATE};`;
    if (flags === ADEQUATE) return `if (w < ${ADEQUATE} && c${i}(view)) w = ${ADEQUATE};`;
    return `l = c${i}(view); if (l === ${INADEQUATE}) return l; if (l > w) w = l;`;
  });
  // A flag that does not hold rates the case good.
  const start = checks.some((check) => check.flags !== undefined) ? GOOD : N_A;
  const names = checks.map((_, i) => `c${i}`);
  const body = `${applies ? `if (!applies(view)) return ${N_A};` : ""} let w = ${start}, l; ${steps.join(" ")} return w;`;
  const make = new Function("applies", ...names, `"use strict"; return function level(view) { ${body} };`);
  return make(applies, ...checks.map((check) => check.when ?? check.level)) as (view: CaseView) => Level;
}

/**
 * `(view, levels) => { levels[at0] = level0(view); ... }`: every rule's level into its place, each
 * rule called from a call site of its own, as compileLevel calls checks, for the same reason.
 */
export function compileLevels(rules: readonly { at: number; level: (view: CaseView) => Level }[]): (view: CaseView, levels: Uint8Array) => void {
  const names = rules.map((_, i) => `r${i}`);
  const steps = rules.map(({ at }, i) => `levels[${at}] = r${i}(view);`);
  const make = new Function(...names, `"use strict"; return function rate(view, levels) { ${steps.join(" ")} };`);
  return make(...rules.map((rule) => rule.level)) as (view: CaseView, levels: Uint8Array) => void;
}
