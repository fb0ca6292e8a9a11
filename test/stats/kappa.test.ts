import { describe, expect, test } from "vitest";
import type { Grade } from "../../src/input/fields.js";
import { cohensKappa, confusionMatrix, percentAgreement, type ConfusionMatrix } from "../../src/stats/kappa.js";

// Rows: inspector good / adequate / inadequate; columns: the tool, same order.
//            good adequate inadequate | row
//   good       15     4        1      |  20
//   adequate    3    12        3      |  18
//   inadequate  0     2       10      |  12
//   column     18    18       14      |  50
// Unweighted: pₒ = (15 + 12 + 10)/50 = 0.74; pₑ = (20·18 + 18·18 + 12·14)/50² = 852/2500 = 0.3408;
//   κ = (0.74 - 0.3408)/(1 - 0.3408) = 0.3992/0.6592 = 0.605583.
// Linear weights 1, ½, 0: pₒ = (37 + ½·(4 + 3 + 3 + 2))/50 = 43/50 = 0.86;
//   pₑ = (852 + ½·(20·18 + 18·18 + 18·14 + 12·18))/2500 = (852 + ½·1152)/2500 = 1428/2500 = 0.5712;
//   κw = (0.86 - 0.5712)/(1 - 0.5712) = 0.2888/0.4288 = 0.673507.
// Standard errors cross-checked with statsmodels.stats.inter_rater.cohens_kappa (std_kappa).
const WORKED: ConfusionMatrix = [
  [15, 4, 1],
  [3, 12, 3],
  [0, 2, 10],
];

describe("confusionMatrix", () => {
  test("counts inspector grades by row and tool grades by column, good < adequate < inadequate", () => {
    const pair = (inspector: Grade, tool: Grade) => ({ inspector, tool });
    const pairs = [
      pair("good", "good"),
      pair("good", "adequate"),
      pair("inadequate", "adequate"),
      pair("good", "good"),
    ];
    expect(confusionMatrix(pairs)).toEqual([
      [2, 1, 0],
      [0, 0, 0],
      [0, 1, 0],
    ]);
  });

  test("no pairs give a matrix of zeros", () => {
    expect(confusionMatrix([])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  test("rejects a word that is not a grade", () => {
    expect(() => confusionMatrix([{ inspector: "good", tool: "poor" as Grade }])).toThrow(RangeError);
  });
});

describe("percentAgreement", () => {
  test.each([
    ["the worked table: 37 of 50", WORKED, 74],
    ["none of 20", [[0, 0, 10], [0, 0, 0], [10, 0, 0]], 0],
    ["an empty matrix", [[0, 0, 0], [0, 0, 0], [0, 0, 0]], undefined],
  ])("%s", (_name, matrix, expected) => {
    expect(percentAgreement(matrix)).toBe(expected);
  });
});

describe("cohensKappa", () => {
  test.each([
    ["the worked table, unweighted", WORKED, "unweighted", 0.74, 0.3408, 0.605583, 0.094345],
    ["the worked table, linear", WORKED, "linear", 0.86, 0.5712, 0.673507, 0.083698],
    // Diagonal: pₒ = 1, pₑ = (10² + 20² + 20²)/50² = 0.36, κ = 1, and nothing is uncertain.
    ["perfect agreement", [[10, 0, 0], [0, 20, 0], [0, 0, 20]], "unweighted", 1, 0.36, 1, 0],
    // Linear: pₑ = (900 + ½·(200 + 200 + 400 + 400))/2500 = 1500/2500 = 0.6.
    ["perfect agreement, linear", [[10, 0, 0], [0, 20, 0], [0, 0, 20]], "linear", 1, 0.6, 1, 0],
    // Every cell is rowᵢ·columnⱼ/n, so pₒ = pₑ = 0.36 and κ = 0.
    ["chance level", [[2, 4, 4], [4, 8, 8], [4, 8, 8]], "unweighted", 0.36, 0.36, 0, 0.103078],
    // pₒ = pₑ = 0.6 with the weights too.
    ["chance level, linear", [[2, 4, 4], [4, 8, 8], [4, 8, 8]], "linear", 0.6, 0.6, 0, 0.109545],
    // pₒ = 0; pₑ = (10·10 + 10·10)/20² = 0.5; κ = (0 - 0.5)/(1 - 0.5) = -1.
    ["systematic disagreement", [[0, 0, 10], [0, 0, 0], [10, 0, 0]], "unweighted", 0, 0.5, -1, 0],
    // Inspector all good, tool all adequate: pₑ = 7·0/49 = 0, so κ = (0 - 0)/1 = 0 rather than undefined.
    ["one category each, different", [[0, 7, 0], [0, 0, 0], [0, 0, 0]], "unweighted", 0, 0, 0, 0],
    // With weights both agreements are ½: κw = (½ - ½)/(1 - ½) = 0.
    ["one category each, different, linear", [[0, 7, 0], [0, 0, 0], [0, 0, 0]], "linear", 0.5, 0.5, 0, 0],
  ] as const)("%s", (_name, matrix, weighting, observed, expected, kappa, standardError) => {
    const result = cohensKappa(matrix, weighting);
    expect(result?.observed).toBeCloseTo(observed, 12);
    expect(result?.expected).toBeCloseTo(expected, 12);
    expect(result?.kappa).toBeCloseTo(kappa, 6);
    expect(result?.standardError).toBeCloseTo(standardError, 6);
  });

  test.each(["unweighted", "linear"] as const)(
    "all cases in one and the same category: expected agreement is 1, so kappa (0/0) is undefined, %s",
    (weighting) => {
      const result = cohensKappa([[0, 0, 0], [0, 7, 0], [0, 0, 0]], weighting);
      expect(result).toEqual({ n: 7, observed: 1, expected: 1, kappa: undefined, standardError: undefined });
    },
  );

  test("an empty matrix has no kappa", () => {
    expect(cohensKappa([[0, 0, 0], [0, 0, 0], [0, 0, 0]])).toBeUndefined();
  });

  test("unweighted and linear agree on two categories, where the weights are the same", () => {
    const matrix = [
      [20, 5],
      [10, 15],
    ];
    // pₒ = 35/50 = 0.7; pₑ = (25·30 + 25·20)/2500 = 0.5; κ = 0.2/0.5 = 0.4.
    expect(cohensKappa(matrix)?.kappa).toBeCloseTo(0.4, 12);
    expect(cohensKappa(matrix, "linear")?.kappa).toBeCloseTo(0.4, 12);
  });

  test.each([
    ["a ragged matrix", [[1, 2], [3]]],
    ["a 1×1 matrix", [[4]]],
    ["a negative count", [[1, -1], [0, 2]]],
  ])("rejects %s", (_name, matrix) => {
    expect(() => cohensKappa(matrix)).toThrow(RangeError);
    expect(() => percentAgreement(matrix)).toThrow(RangeError);
  });
});
