import { cohensKappa, type KappaWeighting } from "../stats/kappa.js";
import type { Suppression } from "../stats/suppress.js";
import { wilsonInterval, Z_95, type Interval } from "../stats/wilson.js";
import type { Shown } from "./grade-table.js";
import { APART_LIMIT, type ApartCase, type GradeMatrix, type Summary } from "./summary.js";

export interface KappaFigure {
  kappa: number;
  /** Large-sample standard error (Fleiss, Cohen & Everitt 1969). */
  standardError: number;
  /** kappa ± 1.96 standard errors, within -1..1. */
  interval: Interval;
  /** Observed and chance-expected (weighted) agreement, 0–1. */
  observed: number;
  expected: number;
}

export interface AgreementScope {
  /** Cases that carry an inspector grade. */
  n: Shown;
  /** matrix[i][j]: inspector graded GRADES[i], the tool GRADES[j]; hidden cells null. */
  matrix: Shown[][];
  /** Cases both graded alike, and their share of n (percent agreement, 0–1) with its Wilson interval. */
  agreed: Shown;
  share: number | null;
  interval: Interval | null;
  /** Cohen's kappa, unweighted; null with no cases, when both graders put every case in one grade, or when hidden. */
  kappa: KappaFigure | null;
  /** Cohen's kappa with linear weights 1, ½, 0 for grades 0, 1 and 2 steps apart. */
  weightedKappa: KappaFigure | null;
}

/**
 * The cases furthest apart, each list by group then case id: the first `limit` of each direction in file
 * order, out of the number the matrix counts (inspector good and tool inadequate, and the reverse).
 */
export interface ApartLists {
  inspectorGoodToolInadequate: { case_id: string; group: string }[];
  inspectorInadequateToolGood: { case_id: string; group: string }[];
  limit: number;
}

export interface Agreement {
  grades: ["good", "adequate", "inadequate"];
  overall: AgreementScope;
  groups: (AgreementScope & { name: string })[];
  /** The cases furthest apart (at most `limit` of each direction); null when withheld under suppression. */
  apart: ApartLists | null;
}

function kappaFigure(matrix: GradeMatrix, weighting: KappaWeighting): KappaFigure | null {
  const result = cohensKappa(matrix, weighting);
  if (!result || result.kappa === undefined || result.standardError === undefined) return null;
  const { kappa, standardError, observed, expected } = result;
  const interval = { low: Math.max(-1, kappa - Z_95 * standardError), high: Math.min(1, kappa + Z_95 * standardError) };
  return { kappa, standardError, interval, observed, expected };
}

/** The agreement figures of one matrix; `status` hides cells, and any hidden cell hides every figure. */
export function agreementScope(matrix: GradeMatrix, status?: Suppression): AgreementScope {
  const n = matrix.flat().reduce((sum, count) => sum + count, 0);
  const agreed = matrix.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
  const cells = matrix.map((row, i) => row.map((count, j) => (status && status.cells[i]?.[j] !== "shown" ? null : count)));
  const complete = cells.flat().every((cell) => cell !== null) && (!status || status.grandTotal === "shown");
  if (!complete) {
    return { n: status?.grandTotal === "shown" ? n : null, matrix: cells, agreed: null, share: null, interval: null, kappa: null, weightedKappa: null };
  }
  return {
    n,
    matrix: cells,
    agreed,
    share: n === 0 ? null : agreed / n,
    interval: wilsonInterval(agreed, n) ?? null,
    kappa: kappaFigure(matrix, "unweighted"),
    weightedKappa: kappaFigure(matrix, "linear"),
  };
}

const withheld = (matrix: GradeMatrix): AgreementScope => ({
  n: null,
  matrix: matrix.map((row) => row.map(() => null)),
  agreed: null,
  share: null,
  interval: null,
  kappa: null,
  weightedKappa: null,
});

const byGroupThenId = (a: ApartCase, b: ApartCase) =>
  a.group.localeCompare(b.group, "en") || (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0);

function apartLists(apart: readonly ApartCase[]): ApartLists {
  const sorted = [...apart].sort(byGroupThenId);
  const pick = (inspector: ApartCase["inspector"]) =>
    sorted.filter((c) => c.inspector === inspector).map(({ case_id, group }) => ({ case_id, group }));
  return { inspectorGoodToolInadequate: pick("good"), inspectorInadequateToolGood: pick("inadequate"), limit: APART_LIMIT };
}

/**
 * Inspector against tool, overall and per group. Under suppression only the overall matrix is published,
 * suppressed as a table of its own: per-group matrices form a three-way table (group × inspector × tool)
 * that the two-way method cannot protect, and the lists of cases apart would give their cells away.
 */
export function agreementOf(summary: Summary, suppressed?: Suppression): Agreement {
  const { overall, groups, apart } = summary.agreement;
  return {
    grades: ["good", "adequate", "inadequate"],
    overall: agreementScope(overall, suppressed),
    groups: groups.map(({ name, matrix }) => ({ name, ...(suppressed ? withheld(matrix) : agreementScope(matrix)) })),
    apart: suppressed ? null : apartLists(apart),
  };
}
