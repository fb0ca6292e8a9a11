import { percentage, type GradeCounts, type Summary } from "./summary.js";

/** A limit given as a count (`12`) or a share of graded cases (`40%`). */
export type Limit = { count: number } | { percent: number };

export interface Gates {
  /** Any case at this grade or worse fails the run. */
  failOn?: "inadequate" | "adequate";
  maxInadequate?: Limit;
  minGood?: Limit;
  /** Check the share limits on every group as well as the overall row. */
  perGroup?: boolean;
  /** Under small-number suppression a failed gate says which limit was crossed, not the figure. */
  withholdFigures?: boolean;
  maxInvalid: number;
}

export interface GateFailure {
  gate: string;
  /** The group, or "Overall". */
  where: string;
  message: string;
}

export function parseLimit(text: string): Limit | undefined {
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  if (match[2]) return value <= 100 ? { percent: value } : undefined;
  return Number.isInteger(value) ? { count: value } : undefined;
}

/** A count, or a share of graded cases in %, with how the message shows it and the limit. */
function measure(count: number, graded: number, limit: Limit) {
  if ("count" in limit) return { value: count, limit: limit.count, text: String(count), limitText: String(limit.count) };
  const text = `${(percentage(count, graded) ?? 0).toFixed(1)}%`;
  return { value: (count / Math.max(graded, 1)) * 100, limit: limit.percent, text, limitText: `${limit.percent}%` };
}

function checkRow(where: string, counts: GradeCounts, gates: Gates, failures: GateFailure[]): void {
  const shown = (text: string) => (gates.withholdFigures ? "(figure withheld under --suppress-below)" : text);
  if (gates.maxInadequate) {
    const seen = measure(counts.inadequate, counts.graded, gates.maxInadequate);
    if (seen.value > seen.limit) {
      failures.push({ gate: "max-inadequate", where, message: `${where}: inadequate ${shown(seen.text)} > ${seen.limitText}` });
    }
  }
  if (gates.minGood) {
    const seen = measure(counts.good, counts.graded, gates.minGood);
    if (seen.value < seen.limit) failures.push({ gate: "min-good", where, message: `${where}: good ${shown(seen.text)} < ${seen.limitText}` });
  }
}

/** Every gate the run fails, in a stable order; empty when it passes. */
export function checkGates(summary: Summary, gates: Gates): GateFailure[] {
  const failures: GateFailure[] = [];
  const { overall } = summary;
  if (gates.failOn) {
    const failing = gates.failOn === "adequate" ? overall.adequate + overall.inadequate : overall.inadequate;
    if (failing > 0) {
      const worse = gates.failOn === "adequate" ? "adequate or inadequate" : "inadequate";
      failures.push({ gate: "fail-on", where: "Overall", message: `Overall: ${gates.withholdFigures ? "at least one case" : `${failing} ${failing === 1 ? "case" : "cases"}`} ${worse} (--fail-on ${gates.failOn})` });
    }
  }
  if (gates.perGroup) for (const group of summary.groups) checkRow(group.name, group, gates, failures);
  checkRow("Overall", overall, gates, failures);
  if (overall.invalid > gates.maxInvalid) {
    failures.push({ gate: "max-invalid", where: "Overall", message: `Overall: invalid ${overall.invalid} > ${gates.maxInvalid}` });
  }
  return failures;
}
