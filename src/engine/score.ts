import type { Case } from "../input/case.js";
import { GRADES, type Grade } from "../input/fields.js";
import { CaseView } from "../rules/case-view.js";
import { ADEQUATE, compileLevels, GOOD, INADEQUATE, N_A, RATINGS, type Level, type PreparedRule } from "../rules/checks.js";
import type { Finding, Rating, RuleLogic } from "../rules/define-rule.js";
import { gradeCase, type RatedRule } from "./grade.js";
import { checkRuleResult } from "../rules/_rule-result.js";
import type { ActiveRule, Rubric } from "./rubric.js";
import { BUILT_IN, ruleWeight } from "./strategy.js";

export interface RuleOutcome {
  id: string;
  rating: Rating;
  findings: Finding[];
}

export interface CaseResult {
  case_id: string;
  group: string;
  grade: Grade;
  reported_on: string;
  rules: RuleOutcome[];
  /** The human auditor's grade, when the record carries one: the other side of the agreement tables. */
  inspector_grade?: Grade;
}

/** A rule that threw or returned something that is not a rating and findings. */
export interface RuleFailure {
  id: string;
  message: string;
}

export type CaseScore = { ok: true; result: CaseResult } | { ok: false; case_id: string; group: string; failures: RuleFailure[] };

const MAX_MESSAGE = 200;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 3)}...` : line;
}

const NO_FINDINGS: Finding[] = [];
const LEVEL: Record<Rating, Level> = { "n/a": N_A, good: GOOD, adequate: ADEQUATE, inadequate: INADEQUATE };

/**
 * A rubric made ready to score cases, once per run, by the reference pipeline and by each of the
 * fast path's workers alike: a built-in rule rates a case by its own checks (src/rules/checks.ts)
 * from its compact values, and gives findings only when it rates it adequate or inadequate; a
 * plugin rule evaluates the whole case, and its result is checked; a rule written in the config
 * rates the whole case, with findings only when they are wanted. The grade of each combination
 * of ratings is remembered (the rubric fixes everything else).
 */
export class CaseScorer {
  /** Each built-in rule made for its options, by its place in the rubric; undefined for a plugin's. */
  private readonly prepared: (PreparedRule | undefined)[];
  private readonly plugins: number[];
  private readonly rateBuiltIn: (view: CaseView, levels: Uint8Array) => void;
  /** Each rule's rating of the case last rated, in rubric order, as a Level. */
  readonly levels: Uint8Array;
  /** Each rule's findings for the case last rated (none unless asked for). */
  readonly findings: Finding[][];
  /** The rules that failed on the case last rated. */
  failures: RuleFailure[] = [];
  private readonly rated: RatedRule[];
  private readonly grades: Int8Array | undefined;

  constructor(private readonly rubric: Rubric<RuleLogic>) {
    const { rules } = rubric;
    this.prepared = rules.map(({ rule, options, source }) => (source === BUILT_IN ? rule.prepare?.(options) : undefined));
    this.plugins = rules.flatMap((_, i) => (this.prepared[i] ? [] : [i]));
    this.rateBuiltIn = compileLevels(this.prepared.flatMap((prepared, at) => (prepared ? [{ at, level: prepared.level }] : [])));
    this.levels = new Uint8Array(rules.length);
    this.findings = rules.map(() => NO_FINDINGS);
    this.rated = rules.map(({ rule, critical }) => ({ rating: "n/a", critical, weight: ruleWeight(rubric.strategy, rule.id) }));
    this.grades = rules.length <= 10 ? new Int8Array(4 ** rules.length).fill(-1) : undefined;
  }

  /** Rates the case by every rule, with findings if `explain`; false if a rule failed (see `failures`). */
  rate(view: CaseView, explain: boolean): boolean {
    const { levels, findings } = this;
    this.rateBuiltIn(view, levels);
    let failures: RuleFailure[] | undefined;
    for (const i of this.plugins) {
      const evaluated = evaluatePlugin(this.rubric.rules[i]!, view, explain);
      if (!evaluated.ok) {
        (failures ??= []).push(evaluated.failure);
        continue;
      }
      levels[i] = LEVEL[evaluated.result.rating];
      findings[i] = evaluated.result.findings;
    }
    this.failures = failures ?? [];
    for (let i = 0; i < levels.length; i++) {
      const prepared = this.prepared[i];
      if (prepared) findings[i] = explain && levels[i]! >= ADEQUATE ? prepared.explain(view) : NO_FINDINGS;
    }
    return failures === undefined;
  }

  /** The grade of the case last rated. */
  grade(): Grade {
    const { levels, grades } = this;
    let key = 0;
    for (let i = 0; i < levels.length; i++) key = key * 4 + levels[i]!;
    if (grades && grades[key] !== -1) return GRADES[grades[key]!]!;
    for (let i = 0; i < levels.length; i++) this.rated[i]!.rating = RATINGS[levels[i]!]!;
    const grade = gradeCase(this.rated, this.rubric.strategy);
    if (grades) grades[key] = GRADES.indexOf(grade);
    return grade;
  }

  /** Each rule's outcome for the case last rated, in rubric order. */
  outcomes(): RuleOutcome[] {
    return this.rubric.rules.map(({ rule }, i) => ({ id: rule.id, rating: RATINGS[this.levels[i]!]!, findings: [...this.findings[i]!] }));
  }
}

type Evaluation = { ok: true; result: { rating: Rating; findings: Finding[] } } | { ok: false; failure: RuleFailure };

/**
 * Runs a plugin rule, or a rule written in the config, on the whole case; a rule that throws, or a
 * plugin's that returns something malformed, fails.
 */
function evaluatePlugin({ rule, options }: ActiveRule<RuleLogic>, view: CaseView, explain: boolean): Evaluation {
  let result: unknown;
  try {
    if (rule.rateCase) return { ok: true, result: rule.rateCase(view, explain) };
    result = rule.evaluate(view.record, options);
  } catch (error) {
    const message = oneLine(error instanceof Error ? error.message || error.name : String(error));
    return { ok: false, failure: { id: rule.id, message } };
  }
  const checked = checkRuleResult(result);
  return checked.ok ? { ok: true, result: checked.result } : { ok: false, failure: { id: rule.id, message: checked.message } };
}

const scorers = new WeakMap<Rubric<RuleLogic>, CaseScorer>();

/** Scores one parsed case, its rules' findings too unless `explain` is false; a rubric's scorer is made once and kept with it. */
export function scoreCase(record: Case, rubric: Rubric, group: string = record.force, explain = true): CaseScore {
  let scorer = scorers.get(rubric);
  if (!scorer) scorers.set(rubric, (scorer = new CaseScorer(rubric)));
  if (!scorer.rate(CaseView.of(record), explain)) return { ok: false, case_id: record.case_id, group, failures: scorer.failures };
  return {
    ok: true,
    result: {
      case_id: record.case_id,
      group,
      grade: scorer.grade(),
      reported_on: record.reported_on.text,
      rules: scorer.outcomes(),
      ...(record.inspector_grade === undefined ? {} : { inspector_grade: record.inspector_grade }),
    },
  };
}
