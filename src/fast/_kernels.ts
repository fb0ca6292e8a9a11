import { workingDaysBetween } from "../calendar/working-days.js";
import { gradeCase, type RatedRule } from "../engine/grade.js";
import type { Rubric } from "../engine/rubric.js";
import { BUILT_IN, ruleWeight } from "../engine/strategy.js";
import { AGENCIES, ASSESSMENT_QUALITIES, CHILD_ROLES, CONCERNS, FIELDS, GRADES, RISK_LEVELS, type Grade } from "../input/fields.js";
import type { Rating, RuleLogic } from "../rules/define-rule.js";
import { rateDelay } from "../rules/_delay.js";

/**
 * A built-in rule's rating alone, read from a record's compact values (see _cells.ts: NaN is
 * not recorded, enums are indexes, lists bit masks). Each mirrors its rule in src/rules/ and
 * is checked against it by test/fast/kernels.test.ts. A rubric with a rule that has none (a
 * plugin's) is not sent to workers: the file is read the reference way (rubricToWire).
 */
type Kernel = (v: Float64Array) => Rating;
type Limits = { good: number; adequate: number };

const at = (name: string) => FIELDS.findIndex((f) => f.name === name);
const mask = (values: readonly string[], words: readonly string[]) => words.reduce((m, w) => m | (1 << values.indexOf(w)), 0);
const recorded = (value: number) => value === value;

const REPORTED = at("reported_on");
const CHILD_AGE = at("child_age");
const CONCERN = at("concern");
const ROLE = at("child_role");
const VIEWS = at("child_views_recorded");
const DISBELIEVED = at("child_disbelieved");
const ARRESTED = at("child_arrested");
const MINOR = at("arrest_minor");
const SUSPECT_AGE = at("suspect_age");
const ASSESSED = at("risk_assessed_on");
const QUALITY = at("risk_assessment_quality");
const RISK = at("risk_level");
const REFERRED = at("social_care_referred_on");
const STRATEGY = at("strategy_discussion_on");
const AGENCIES_AT = at("agencies_consulted");
const INTERVIEWED = at("interviewed_on");
const SUSPECT_ARRESTED = at("suspect_arrested_on");

const SEXUAL = mask(CONCERNS, ["sexual_abuse", "cse", "online_abuse"]);
const SIGNIFICANT_HARM = mask(CONCERNS, ["sexual_abuse", "physical_abuse", "cse"]);
const role = (word: string) => CHILD_ROLES.indexOf(word as never);
const [VICTIM, SUSPECT, BOTH, UNKNOWN] = [role("victim"), role("suspect"), role("victim_and_suspect"), role("unknown")];
const SOCIAL_CARE = mask(AGENCIES, ["social_care"]);
const HEALTH = mask(AGENCIES, ["health"]);
const HIGH = RISK_LEVELS.indexOf("high");
const [ADEQUATE_QUALITY, POOR_QUALITY] = ["adequate", "poor"].map((q) => ASSESSMENT_QUALITIES.indexOf(q as never));
const RATINGS: Rating[] = ["n/a", "good", "adequate", "inadequate"];
const ORDER: Record<Rating, number> = { "n/a": 0, good: 1, adequate: 2, inadequate: 3 };

function riskAssessment(limits: Limits): Kernel {
  return (v) => {
    const assessed = v[ASSESSED]!;
    const quality = v[QUALITY]!;
    const days = recorded(assessed) ? workingDaysBetween(v[REPORTED]!, assessed) : 0;
    const delay = rateDelay(days, limits);
    if (!recorded(assessed) || quality === POOR_QUALITY || delay === "inadequate") return "inadequate";
    return delay === "adequate" || quality === ADEQUATE_QUALITY || !recorded(quality) ? "adequate" : "good";
  };
}

function timeliness(o: { referral: Limits; strategy_discussion: Limits; interview: Limits; suspect_arrest: Limits }): Kernel {
  const rate = (from: number, to: number, limits: Limits) => (recorded(to) ? ORDER[rateDelay(workingDaysBetween(from, to), limits)] : 0);
  return (v) => {
    const reported = v[REPORTED]!;
    const referred = v[REFERRED]!;
    const worst = Math.max(
      rate(reported, referred, o.referral),
      rate(recorded(referred) ? referred : reported, v[STRATEGY]!, o.strategy_discussion),
      rate(reported, v[INTERVIEWED]!, o.interview),
      rate(reported, v[SUSPECT_ARRESTED]!, o.suspect_arrest),
    );
    return RATINGS[worst]!;
  };
}

function childFirst(o: { adult_age: number; consent_age: number; criminal_responsibility_age: number }): Kernel {
  return (v) => {
    const childRole = v[ROLE]!;
    const sexual = (v[CONCERN]! & SEXUAL) !== 0;
    const childAge = v[CHILD_AGE]!;
    const arrested = v[ARRESTED] === 1;
    const adultSuspect = v[SUSPECT_AGE]! >= o.adult_age;
    if (
      v[DISBELIEVED] === 1 ||
      (arrested && v[MINOR] === 1) ||
      (childRole === SUSPECT && sexual) ||
      (childAge < o.consent_age && adultSuspect && sexual && childRole !== VICTIM && childRole !== BOTH) ||
      (childAge < o.criminal_responsibility_age && (childRole === SUSPECT || childRole === BOTH))
    ) {
      return "inadequate";
    }
    return childRole === BOTH || arrested || !recorded(childRole) || childRole === UNKNOWN ? "adequate" : "good";
  };
}

function multiAgency(o: { health_for: string[] }): Kernel {
  const needsHealth = mask(CONCERNS, o.health_for);
  return (v) => {
    const agencies = v[AGENCIES_AT]!;
    const concern = v[CONCERN]!;
    const socialCare = recorded(v[REFERRED]!) || (agencies & SOCIAL_CARE) !== 0;
    const harm = v[RISK] === HIGH || (concern & SIGNIFICANT_HARM) !== 0;
    if (!socialCare || (harm && !recorded(v[STRATEGY]!)) || ((concern & needsHealth) !== 0 && (agencies & HEALTH) === 0)) return "inadequate";
    return (agencies & ~SOCIAL_CARE) !== 0 ? "good" : "adequate";
  };
}

function voiceOfChild(o: { min_age: number }): Kernel {
  return (v) => (v[CHILD_AGE]! < o.min_age ? "n/a" : v[VIEWS] === 1 ? "good" : "adequate");
}

const KERNELS: Record<string, (options: never) => Kernel> = {
  "risk-assessment": riskAssessment,
  timeliness,
  "child-first": childFirst,
  "multi-agency": multiAgency,
  "voice-of-child": voiceOfChild,
};

/** A rule's rating kernel with its options, if it has one. */
export function kernelFor(id: string, options: unknown): Kernel | undefined {
  return Object.hasOwn(KERNELS, id) ? KERNELS[id]!(options as never) : undefined;
}

export interface KernelGrader {
  /** Each rule's rating for the last case graded, in rubric order. */
  rated: RatedRule[];
  grade(v: Float64Array): Grade;
}

/**
 * Grades from compact values as scoreCase grades (src/engine/score.ts): the kernels' ratings,
 * then gradeCase, remembered per combination of ratings (the rubric fixes everything else).
 * Undefined if a rule has no kernel.
 */
export function kernelGrader(rubric: Rubric<RuleLogic>): KernelGrader | undefined {
  const kernels = rubric.rules.map(({ rule, options, source }) => (source === BUILT_IN ? kernelFor(rule.id, options) : undefined));
  if (kernels.some((k) => k === undefined)) return undefined;
  const rated: RatedRule[] = rubric.rules.map(({ rule, critical }) => ({ rating: "n/a", critical, weight: ruleWeight(rubric.strategy, rule.id) }));
  const grades = rated.length <= 10 ? new Int8Array(4 ** rated.length).fill(-1) : undefined;
  return {
    rated,
    grade(v) {
      let key = 0;
      for (let i = 0; i < rated.length; i++) {
        const rating = kernels[i]!(v);
        rated[i]!.rating = rating;
        key = key * 4 + ORDER[rating];
      }
      if (!grades) return gradeCase(rated, rubric.strategy);
      if (grades[key] === -1) grades[key] = GRADES.indexOf(gradeCase(rated, rubric.strategy));
      return GRADES[grades[key]!]!;
    },
  };
}
