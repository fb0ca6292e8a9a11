import type { Finding } from "../rules/define-rule.js";
import type { CaseResult, RuleOutcome } from "./score.js";

/** Characters JSON.stringify escapes: quote, backslash, controls, and surrogates (a lone one is escaped). */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function str(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Strings that recur (rule ids, ratings, codes, field names, groups), quoted once each. */
const QUOTED = new Map<string, string>();
const MAX_QUOTED = 4096;

function known(text: string): string {
  let quoted = QUOTED.get(text);
  if (quoted === undefined) {
    quoted = JSON.stringify(text);
    if (QUOTED.size < MAX_QUOTED) QUOTED.set(text, quoted);
  }
  return quoted;
}

/** A rule's outcome with no findings, by rule id and rating: most outcomes are one of these. */
const EMPTY = new Map<string, Map<string, string>>();

function emptyOutcome(id: string, rating: string): string {
  let byRating = EMPTY.get(id);
  if (byRating === undefined) EMPTY.set(id, (byRating = new Map()));
  let json = byRating.get(rating);
  if (json === undefined) byRating.set(rating, (json = `{"id":${known(id)},"rating":${known(rating)},"findings":[]}`));
  return json;
}

function findingJson({ code, message, fields }: Finding): string {
  let list = "";
  for (let i = 0; i < fields.length; i++) list += i === 0 ? known(fields[i]!) : `,${known(fields[i]!)}`;
  return `{"code":${known(code)},"message":${str(message)},"fields":[${list}]}`;
}

function outcomeJson({ id, rating, findings }: RuleOutcome): string {
  if (findings.length === 0) return emptyOutcome(id, rating);
  let list = "";
  for (let i = 0; i < findings.length; i++) list += i === 0 ? findingJson(findings[i]!) : `,${findingJson(findings[i]!)}`;
  return `{"id":${known(id)},"rating":${known(rating)},"findings":[${list}]}`;
}

/**
 * `JSON.stringify(result)` for a case as `scoreCase` builds it (those keys, in that order), two to
 * three times faster: a large run's JSON report is mostly this text. test/engine/case-json.test.ts
 * holds it equal to JSON.stringify on random results.
 */
export function caseJson(result: CaseResult): string {
  const { rules } = result;
  let list = "";
  for (let i = 0; i < rules.length; i++) list += i === 0 ? outcomeJson(rules[i]!) : `,${outcomeJson(rules[i]!)}`;
  const inspector = result.inspector_grade === undefined ? "" : `,"inspector_grade":${known(result.inspector_grade)}`;
  return `{"case_id":${str(result.case_id)},"group":${known(result.group)},"grade":${known(result.grade)},"reported_on":${str(result.reported_on)},"rules":[${list}]${inspector}}`;
}
