import { describe, expect, test } from "vitest";
import { analyse } from "../../src/engine/analysis.js";
import { SummaryBuilder, type Summary } from "../../src/engine/summary.js";
import { GRADES } from "../../src/input/fields.js";
import { agreementSchema, breakdownSchema, summarySchema } from "../../src/report/_analysis-schema.js";
import { holmAdjust, twoProportionZTest } from "../../src/stats/compare.js";
import { wilsonInterval } from "../../src/stats/wilson.js";
import { adequateRow, auditFile, auditRows, goodRow, HMIC, poorRow } from "../report/audit-run.js";

const HMIC_RUN = await auditFile(HMIC);

describe("analyse: intervals and flags", () => {
  const { summary } = analyse(HMIC_RUN.summary);

  test("every share, per group and overall, has its 95% Wilson interval", () => {
    for (const row of [...summary.groups, summary.overall]) {
      for (const grade of GRADES) {
        expect(row.shares[grade]).toBe(row[grade]! / row.graded!);
        expect(row.intervals[grade]).toEqual(wilsonInterval(row[grade]!, row.graded!));
      }
    }
    expect(summary.overall.intervals.inadequate!.low).toBeCloseTo(0.3432, 4);
    expect(summary.overall.intervals.inadequate!.high).toBeCloseTo(0.4223, 4);
  });

  test("on the 2015 fixture, Norfolk alone stands out: fewer inadequate cases than the rest", () => {
    expect(summary.groups.filter((g) => g.flag).map((g) => [g.name, g.flag])).toEqual([["Norfolk", "lower"]]);
    const norfolk = summary.groups.find((g) => g.name === "Norfolk")!;
    // 14 of 72 against 206 of 504, pooled 220/576: SE = √(0.381944·0.618056·(1/72 + 1/504)) = 0.061213;
    // z = (0.194444 - 0.408730)/0.061213 = -3.5007.
    expect(norfolk.comparison!.z).toBeCloseTo(-3.5007, 3);
    expect(norfolk.comparison!.pAdjusted).toBeLessThan(0.05);
    expect(summary.test).toMatchObject({ measure: "inadequate", alpha: 0.05, tested: 8 });
  });

  test("a group too small for the test is shown unflagged and untested", async () => {
    const run = await auditRows([poorRow("A-1", "Avon"), ...Array.from({ length: 30 }, (_, i) => goodRow(`B-${i}`, "Berks"))]);
    const [avon] = analyse(run.summary).summary.groups;
    expect(avon).toMatchObject({ name: "Avon", inadequate: 1, flag: null, comparison: null });
  });

  test("the sections fit the published schema exactly", () => {
    const analysis = analyse(HMIC_RUN.summary, { suppressBelow: 10, strategy: "worst" });
    expect(summarySchema.strict().parse(analysis.summary)).toEqual(analysis.summary);
    expect(breakdownSchema.parse(analysis.breakdown)).toEqual(analysis.breakdown);
    expect(agreementSchema.parse(analysis.agreement)).toEqual(analysis.agreement);
  });
});

describe("analyse: the rule breakdown", () => {
  test("counts each rule's ratings per group, and the inadequate cases each rule rated inadequate", async () => {
    // A-1 poor quality (risk-assessment inadequate), A-2 views not recorded (voice-of-child adequate), A-3 good.
    const run = await auditRows([poorRow("A-1", "Avon"), adequateRow("A-2", "Avon"), goodRow("A-3", "Avon")]);
    const { breakdown } = analyse(run.summary);
    const [avon] = breakdown.groups;
    const rule = (id: string) => avon!.rules.find((r) => r.id === id);
    expect(rule("risk-assessment")).toEqual({
      id: "risk-assessment", good: 2, adequate: 0, inadequate: 1, notApplicable: 0, decisive: 1, decisiveShare: 1,
    });
    expect(rule("voice-of-child")).toMatchObject({ good: 2, adequate: 1, inadequate: 0, decisive: 0, decisiveShare: 0 });
    expect(avon!.drivers).toEqual(["risk-assessment"]);
    expect(breakdown.overall).toEqual({ rules: avon!.rules, drivers: avon!.drivers });
  });

  test("drivers are ordered by how many inadequate cases each rule rated inadequate", () => {
    const { breakdown } = analyse(HMIC_RUN.summary);
    expect(breakdown.overall.drivers).toEqual(["timeliness", "risk-assessment", "multi-agency", "child-first"]);
    const decisive = breakdown.overall.drivers.map((id) => breakdown.overall.rules.find((r) => r.id === id)!.decisive!);
    expect(decisive).toEqual([...decisive].sort((a, b) => b - a));
  });
});

/** Adds per-force summaries, as `audit merge` does. */
function merged(parts: Summary[], ruleIds: string[]): Summary {
  const builder = new SummaryBuilder(ruleIds);
  for (const part of parts) builder.addSummary(part);
  return builder.build();
}

describe("the summary adds up", () => {
  test("the sum of per-force summaries analyses exactly as the whole run", async () => {
    const ruleIds = HMIC_RUN.summary.rules.overall.map((r) => r.id);
    const byForce = new Map<string, SummaryBuilder>();
    for (const result of HMIC_RUN.cases) {
      if (!byForce.has(result.group)) byForce.set(result.group, new SummaryBuilder(ruleIds));
      byForce.get(result.group)!.addCase(result);
    }
    const parts = [...byForce.values()].reverse().map((builder) => builder.build());
    expect(merged(parts, ruleIds)).toEqual(HMIC_RUN.summary);
    for (const options of [{}, { suppressBelow: 10, strategy: "worst" as const }]) {
      expect(analyse(merged(parts, ruleIds), options)).toEqual(analyse(HMIC_RUN.summary, options));
    }
  });
});

describe("analyse: suppression", () => {
  // Avon: 12 good, 3 adequate, 20 inadequate; Berks: 15, 18, 9; Cumbria: 8, 11, 14 (k = 5: only Avon's 3 is small).
  const rows = (force: string, good: number, adequate: number, inadequate: number) => [
    ...Array.from({ length: good }, (_, i) => goodRow(`${force}-G${i}`, force)),
    ...Array.from({ length: adequate }, (_, i) => adequateRow(`${force}-A${i}`, force)),
    ...Array.from({ length: inadequate }, (_, i) => poorRow(`${force}-I${i}`, force)),
  ];
  const run = auditRows([...rows("Avon", 12, 3, 20), ...rows("Berks", 15, 18, 9), ...rows("Cumbria", 8, 11, 14)]);

  test("a hidden count takes its share, interval and flag with it, and is listed", async () => {
    const { summary } = analyse((await run).summary, { suppressBelow: 5, strategy: "worst" });
    const avon = summary.groups[0]!;
    expect(avon).toMatchObject({ adequate: null, shares: { adequate: null }, intervals: { adequate: null } });
    expect(summary.suppression!.hidden).toContainEqual({ section: "summary", group: "Avon", field: "adequate" });
    for (const row of [...summary.groups, summary.overall]) {
      for (const grade of GRADES) if (row[grade] === null) expect([row.shares[grade], row.intervals[grade]]).toEqual([null, null]);
      const hidden = GRADES.filter((grade) => row[grade] === null).length + (row.graded === null ? 1 : 0);
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
    const listed = summary.suppression!.hidden.filter((e) => e.section === "summary" && e.field !== "invalid" && e.group !== null);
    const nulls = summary.groups.flatMap((g) => [...GRADES, "graded" as const].filter((f) => g[f] === null).map((f) => `${g.name}.${f}`));
    expect(listed.map((e) => `${e.group}.${e.field}`).sort()).toEqual(nulls.sort());
  });

  test("a group's graded count hidden in one table is hidden in every table that shares it", async () => {
    // Dorset has 3 graded cases: primary wherever its total appears.
    const small = await auditRows([...rows("Avon", 12, 8, 20), ...rows("Berks", 15, 18, 9), ...rows("Dorset", 1, 1, 1)]);
    const analysis = analyse(small.summary, { suppressBelow: 5, strategy: "worst" });
    const dorset = analysis.summary.groups.find((g) => g.name === "Dorset")!;
    expect(dorset.graded).toBeNull();
    const gradedHidden = analysis.summary.groups.filter((g) => g.graded === null).map((g) => g.name);
    expect(gradedHidden.length).toBeGreaterThanOrEqual(2);
    expect(analysis.summary.overall.graded).not.toBeNull();
  });

  test("only groups whose counts are shown are tested, and Holm's correction runs across them alone", () => {
    // k = 20 hides Dyfed-Powys's and Norfolk's inadequate counts (18 and 14): neither is tested, nor listed as such.
    const { summary } = analyse(HMIC_RUN.summary, { suppressBelow: 20, strategy: "worst" });
    const untested = summary.groups.filter((g) => g.comparison === null).map((g) => g.name);
    expect(untested).toEqual(["Dyfed-Powys", "Norfolk"]);
    expect(summary.groups.filter((g) => g.inadequate === null || g.graded === null).map((g) => g.name)).toEqual(untested);
    expect(summary.suppression!.hidden.filter((entry) => entry.field === "flag")).toEqual([]);
    expect(summary.test.tested).toBe(6);
    // Each p-value and its Holm adjustment, from the published counts alone: the group against the overall less the group.
    const tested = summary.groups.filter((g) => g.comparison !== null);
    const p = tested.map((g) => twoProportionZTest(g.inadequate!, g.graded!, summary.overall.inadequate! - g.inadequate!, summary.overall.graded! - g.graded!)!.p);
    expect(tested.map((g) => g.comparison!.pAdjusted)).toEqual(holmAdjust(p));
  });

  test("a hidden group's counts change no published p-value (a visible pAdjusted gave another group's p away)", () => {
    // One inadequate case of Norfolk's and one adequate case of Dyfed-Powys's swap places: every count k = 20
    // shows stays the same, so every published figure must too.
    const swapped = structuredClone(HMIC_RUN.summary);
    const [dyfed, norfolk] = ["Dyfed-Powys", "Norfolk"].map((name) => swapped.groups.find((g) => g.name === name)!);
    [dyfed!.adequate, dyfed!.inadequate, norfolk!.adequate, norfolk!.inadequate] = [dyfed!.adequate - 1, dyfed!.inadequate + 1, norfolk!.adequate + 1, norfolk!.inadequate - 1];
    const before = analyse(HMIC_RUN.summary, { suppressBelow: 20, strategy: "worst" }).summary;
    const after = analyse(swapped, { suppressBelow: 20, strategy: "worst" }).summary;
    expect(after.suppression).toEqual(before.suppression);
    expect(after.groups).toEqual(before.groups);
  });

  test("per-group agreement and the apart lists are withheld; nothing else is computed from hidden counts", async () => {
    const analysis = analyse(HMIC_RUN.summary, { suppressBelow: 10, strategy: "worst" });
    expect(analysis.agreement.apart).toBeNull();
    expect(analysis.agreement.groups.every((g) => g.n === null && g.kappa === null)).toBe(true);
    expect(analysis.agreement.overall.matrix.flat()).toContain(null);
    expect(analysis.agreement.overall).toMatchObject({ share: null, kappa: null, weightedKappa: null });
    for (const rule of analysis.breakdown.groups.flatMap((g) => g.rules)) {
      if (rule.decisive === null) expect([rule.decisiveShare, rule.inadequate]).toEqual([null, null]);
    }
  });
});
