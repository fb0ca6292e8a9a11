import { describe, expect, test } from "vitest";
import { analyse } from "../../src/engine/analysis.js";
import type { CaseResult } from "../../src/engine/score.js";
import { APART_LIMIT, SummaryBuilder, type Summary } from "../../src/engine/summary.js";
import type { Grade } from "../../src/input/fields.js";

/** `count` cases in `group` the inspector graded `inspector` and the tool `tool`. */
function cases(group: string, inspector: Grade, tool: Grade, count: number, from = 0): CaseResult[] {
  return Array.from({ length: count }, (_, i) => ({
    case_id: `${group}-${inspector}-${tool}-${from + i}`,
    group,
    grade: tool,
    reported_on: "2015-07-01",
    rules: [],
    inspector_grade: inspector,
  }));
}

// Force A, inspector (rows) by tool (columns):
//              good adequate inadequate | row
//   good         5      2        1      |  8
//   adequate     1      4        1      |  6
//   inadequate   0      1        5      |  6
//   column       6      7        7      | 20
// Agreement: (5 + 4 + 5)/20 = 0.70.
// Unweighted: pₑ = (8·6 + 6·7 + 6·7)/20² = 132/400 = 0.33; κ = (0.70 - 0.33)/(1 - 0.33) = 0.37/0.67 = 0.552239.
// Linear weights 1, ½, 0. One step apart: 2 + 1 + 1 + 1 = 5 cases; pₒ = (14 + ½·5)/20 = 0.825.
//   Chance one step apart: 8·7 + 6·6 + 6·7 + 6·7 = 176; pₑ = (132 + ½·176)/400 = 0.55;
//   κw = (0.825 - 0.55)/(1 - 0.55) = 0.275/0.45 = 0.611111.
// Force B agrees on every case: 3 good/good, 3 inadequate/inadequate: κ = κw = 1.
// Overall, A + B: [[8,2,1],[1,4,1],[0,1,8]], n = 26, agreed 20; rows 11, 6, 9; columns 9, 7, 10;
//   chance = 11·9 + 6·7 + 9·10 = 231; κ = (26·20 - 231)/(26² - 231) = 289/445 = 0.649438.
const A: [Grade, Grade, number][] = [
  ["good", "good", 5], ["good", "adequate", 2], ["good", "inadequate", 1],
  ["adequate", "good", 1], ["adequate", "adequate", 4], ["adequate", "inadequate", 1],
  ["adequate", "adequate", 0], ["inadequate", "adequate", 1], ["inadequate", "inadequate", 5],
];
const B: [Grade, Grade, number][] = [["good", "good", 3], ["inadequate", "inadequate", 3]];

function summaryOf(tables: Record<string, [Grade, Grade, number][]>, extra: CaseResult[] = []) {
  const builder = new SummaryBuilder();
  for (const [group, cells] of Object.entries(tables)) {
    for (const [inspector, tool, count] of cells) for (const result of cases(group, inspector, tool, count)) builder.addCase(result);
  }
  for (const result of extra) builder.addCase(result);
  return builder.build();
}

describe("agreement with the inspectors, against figures worked by hand", () => {
  const { agreement } = analyse(summaryOf({ A, B }));
  const [a, b] = agreement.groups;

  test("the confusion matrices, per group and overall", () => {
    expect(a!.matrix).toEqual([[5, 2, 1], [1, 4, 1], [0, 1, 5]]);
    expect(b!.matrix).toEqual([[3, 0, 0], [0, 0, 0], [0, 0, 3]]);
    expect(agreement.overall.matrix).toEqual([[8, 2, 1], [1, 4, 1], [0, 1, 8]]);
    expect([a!.n, b!.n, agreement.overall.n]).toEqual([20, 6, 26]);
  });

  test("percent agreement", () => {
    expect([a!.agreed, a!.share]).toEqual([14, 0.7]);
    expect(agreement.overall.share).toBeCloseTo(20 / 26, 12);
  });

  test("Cohen's kappa, unweighted and with linear weights", () => {
    expect(a!.kappa!.kappa).toBeCloseTo(0.552239, 6);
    expect(a!.kappa!.expected).toBeCloseTo(0.33, 12);
    expect(a!.weightedKappa!.kappa).toBeCloseTo(0.611111, 6);
    expect(a!.weightedKappa!.observed).toBeCloseTo(0.825, 12);
    expect(a!.weightedKappa!.expected).toBeCloseTo(0.55, 12);
    expect([b!.kappa!.kappa, b!.weightedKappa!.kappa]).toEqual([1, 1]);
    expect(agreement.overall.kappa!.kappa).toBeCloseTo(289 / 445, 12);
  });

  test("kappa intervals are ±1.96 standard errors", () => {
    const { kappa, standardError, interval } = a!.kappa!;
    expect(interval.low).toBeCloseTo(kappa - 1.959964 * standardError, 12);
    expect(interval.high).toBeCloseTo(kappa + 1.959964 * standardError, 12);
  });

  test("the cases furthest apart: inspector good and tool inadequate, and the reverse", () => {
    const reverse = cases("B", "inadequate", "good", 1, 9);
    const withReverse = analyse(summaryOf({ A, B }, reverse)).agreement;
    expect(withReverse.apart).toEqual({
      inspectorGoodToolInadequate: [{ case_id: "A-good-inadequate-0", group: "A" }],
      inspectorInadequateToolGood: [{ case_id: "B-inadequate-good-9", group: "B" }],
      limit: APART_LIMIT,
    });
  });

  test("cases without an inspector grade are left out; with none there is no kappa", () => {
    const builder = new SummaryBuilder();
    for (const result of cases("C", "good", "good", 4)) builder.addCase({ ...result, inspector_grade: undefined });
    const { overall } = analyse(builder.build()).agreement;
    expect(overall).toMatchObject({ n: 0, agreed: 0, share: null, kappa: null, weightedKappa: null });
  });
});

describe("the lists of cases apart keep the first 1,000 of each direction", () => {
  // In file order: 1,500 good/inadequate in Z, then 1,200 in A; the reverse 10 in M, then 1,100 in B.
  const goodInadequate = [...cases("Z", "good", "inadequate", 1500), ...cases("A", "good", "inadequate", 1200)];
  const inadequateGood = [...cases("M", "inadequate", "good", 10), ...cases("B", "inadequate", "good", 1100)];
  const all = [...goodInadequate.slice(0, 700), ...inadequateGood, ...goodInadequate.slice(700)];
  const ids = (list: { case_id: string }[]) => list.map((c) => c.case_id).sort();
  const firstIds = (list: CaseResult[]) => ids(list.slice(0, APART_LIMIT));

  function build(results: readonly CaseResult[]): Summary {
    const builder = new SummaryBuilder();
    for (const result of results) builder.addCase(result);
    return builder.build();
  }

  test("in file order; the matrix still counts every case, and the report says the limit", () => {
    const summary = build(all);
    const { apart, overall } = analyse(summary).agreement;
    expect(APART_LIMIT).toBe(1000);
    expect(apart!.limit).toBe(1000);
    expect(ids(apart!.inspectorGoodToolInadequate)).toEqual(firstIds(goodInadequate));
    expect(ids(apart!.inspectorInadequateToolGood)).toEqual(firstIds(inadequateGood));
    expect(overall.matrix[0]![2]).toBe(2700);
    expect(overall.matrix[2]![0]).toBe(1110);
    // Chosen in file order (M's 10 came first), listed by group then id (B's first).
    expect(apart!.inspectorInadequateToolGood[0]!.group).toBe("B");
    expect(apart!.inspectorInadequateToolGood.filter((c) => c.group === "M")).toHaveLength(10);
  });

  test("summaries added in order keep the first 1,000 of their combined order, wherever they are cut", () => {
    const whole = build(all).agreement.apart;
    for (const cut of [0, 1, 500, 999, 1000, 1001, 1710, 2000, all.length]) {
      const merged = new SummaryBuilder();
      merged.addSummary(build(all.slice(0, cut)));
      merged.addSummary(build(all.slice(cut)));
      expect({ cut, apart: merged.build().agreement.apart }).toEqual({ cut, apart: whole });
    }
  });

  test("a summary told what came before keeps only the rest, and adds up to the same", () => {
    const first = build(all.slice(0, 1200));
    const kept = { good: 0, inadequate: 0 };
    for (const { inspector } of first.agreement.apart) kept[inspector]++;
    const rest = new SummaryBuilder([], kept);
    for (const result of all.slice(1200)) rest.addCase(result);
    const restApart = rest.build().agreement.apart;
    expect(restApart.filter((c) => c.inspector === "good")).toHaveLength(APART_LIMIT - kept.good);
    const merged = new SummaryBuilder();
    merged.addSummary(first);
    merged.addSummary(rest.build());
    expect(merged.build()).toEqual(build(all));
  });
});
