/** A field as a user finds it in the export: `"Date Reported" (reported_on)`, or the field alone where its column has its name. */
export function fieldLabel(problem: { field: string; column?: string }): string {
  return problem.column === undefined ? problem.field : `${JSON.stringify(problem.column)} (${problem.field})`;
}

/** A problem with a record, as every listing says it: `"Date Reported" (reported_on): required value is missing`. */
export function describeProblem(problem: { field: string; column?: string; reason: string }): string {
  return `${fieldLabel(problem)}: ${problem.reason}`;
}
