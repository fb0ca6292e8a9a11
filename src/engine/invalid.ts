import type { InvalidRecord, Location } from "../input/read.js";
import type { RuleFailure } from "./score.js";

/** A record listed as invalid, with the group it counts in. */
export interface ScoredInvalid extends InvalidRecord {
  group: string;
}

/** The rules that failed on a case, as an invalid record's errors: each against its rule's id. */
export const ruleFailureErrors = (failures: readonly RuleFailure[]) =>
  failures.map(({ id, message }) => ({ field: `rule:${id}`, reason: `rule ${id} failed: ${message}` }));

/** A case whose rules could not all be run: listed as invalid, against the first failing rule. */
export function failedCase(location: Location, case_id: string, group: string, failures: readonly RuleFailure[]): ScoredInvalid {
  const errors = ruleFailureErrors(failures);
  return { ...location, case_id, field: errors[0]!.field, reason: errors[0]!.reason, errors, group };
}
