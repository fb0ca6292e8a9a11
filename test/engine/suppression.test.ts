import { describe, expect, test } from "vitest";
import { GRADED, INVALID, RATINGS, rating } from "../../src/engine/_cases.js";
import { ReportFigures } from "../../src/engine/_report-figures.js";
import { analyse, type Analysis } from "../../src/engine/analysis.js";
import type { Summary } from "../../src/engine/summary.js";
import { hideByAlternatives } from "../../src/stats/suppress.js";
import { casesModel, countsModel, pinnedFigures, publishedFigures, ranges, type Model, type Told } from "../helpers/attacker.js";
import { runs } from "../helpers/runs.js";
import { seeded } from "../helpers/seeded.mjs";
import { auditFile, HMIC } from "../report/audit-run.js";
import { dataset, smallDataset } from "./_datasets.js";

const suppressed = (summary: Summary, k: number, strategy: "worst" | "points" = "worst"): Analysis =>
  analyse(summary, { suppressBelow: k, strategy });

const kOf = (seed: number) => 2 + (seed % 5);

/** The attacker solves an integer program per hidden count: seconds on a quiet machine, more on a busy one. */
const SLOW = 180_000;

describe("the attacker's models", () => {
  // The counts model (grade and rating counts, with what `worst` implies between them) is what the tests
  // below use for a real report's size; it must allow exactly what some set of cases allows.
  test("the counts model gives every hidden count the same range as the model of every set of cases", () => {
    for (let seed = 0; seed < runs(15); seed++) {
      const { summary, cases } = smallDataset(seed);
      const random = seeded(seed);
      // Hide figures at random, not as suppression would, to compare the models on any pattern.
      const published = new Map([...publishedFigures(analyse(summary, {}))].map(([name, value]) => [name, random() < 0.45 ? null : value]));
      const names = [...published].filter(([name, value]) => value === null && !name.startsWith("agree")).map(([name]) => name);
      const rules = summary.rules.overall.length;
      expect(ranges(countsModel(summary), published, names), `seed ${seed}`).toEqual(ranges(casesModel(summary, rules, cases), published, names));
    }
  }, SLOW);
});

describe("suppression: no hidden count can be worked out", () => {
  test("every count from 1 to k-1 is hidden, in every table", () => {
    for (let seed = 0; seed < runs(100); seed++) {
      const k = kOf(seed);
      const small = [...publishedFigures(suppressed(smallDataset(seed).summary, k))].filter(([, value]) => value !== null && value >= 1 && value < k);
      expect(small, `seed ${seed}`).toEqual([]);
    }
  }, SLOW);

  test("under `worst`, by an attacker who knows every set of cases the rubric allows", () => {
    for (let seed = 0; seed < runs(150); seed++) {
      const { summary, cases } = smallDataset(seed);
      const analysis = suppressed(summary, kOf(seed));
      const pinned = pinnedFigures(casesModel(summary, summary.rules.overall.length, cases), publishedFigures(analysis));
      expect(pinned, `seed ${seed}, k ${kOf(seed)}`).toEqual([]);
    }
  }, SLOW);

  test("under `points` the breakdown is withheld, and the rest holds against any grading", () => {
    for (let seed = 0; seed < runs(40); seed++) {
      const { summary } = smallDataset(seed);
      const analysis = suppressed(summary, kOf(seed), "points");
      const published = publishedFigures(analysis);
      expect([...published].filter(([name, value]) => /\.r\d+\./.test(name) && value !== null), `seed ${seed}`).toEqual([]);
      const byGrade = summary.groups.map((group) => new Map(["0", "1", "2"].map((grade, j) => [grade, [group.good, group.adequate, group.inadequate][j]!])));
      expect(pinnedFigures(casesModel(summary, 0, byGrade), published), `seed ${seed}`).toEqual([]);
    }
  }, SLOW);

  test("the attacker catches suppression that ignores what `worst` implies between grades and ratings", () => {
    // The same method, told that any grade goes with any ratings: some hidden count is then pinned.
    const leaks = Array.from({ length: 40 }, (_, seed) => seed).filter((seed) => {
      const { summary, cases } = smallDataset(seed);
      const rules = summary.rules.overall.length;
      const figures = new ReportFigures(summary, summary.groups.length, rules, false);
      const hidden = hideByAlternatives(figures, kOf(seed));
      const published = publishedFigures(analyse(summary, {}));
      const name = (g: number) => (g === summary.groups.length ? "all" : `G${g}`);
      for (let figure = 0; figure < figures.size; figure++) {
        if (!hidden[figure]) continue;
        if (figure >= figures.agreement) {
          const at = figure - figures.agreement;
          published.set(figure === figures.compared ? "agree.n" : `agree.${Math.floor(at / 3)}.${at % 3}`, null);
          continue;
        }
        const g = Math.floor(figure / figures.block);
        const offset = figure % figures.block;
        const field = offset < GRADED ? ["good", "adequate", "inadequate"][offset] : offset === GRADED ? "graded" : offset === INVALID ? "invalid" : undefined;
        if (field) published.set(`${name(g)}.${field}`, null);
        for (let r = 0; r < rules; r++) {
          RATINGS.forEach((which, c) => {
            if (rating(r, c) !== offset) return;
            published.set(`${name(g)}.r${r}.${which}`, null);
            if (which === "inadequate") published.set(`${name(g)}.r${r}.decisive`, null);
          });
        }
      }
      return pinnedFigures(casesModel(summary, rules, cases), published).length > 0;
    });
    expect(leaks.length).toBeGreaterThan(0);
  }, SLOW);
});

/** What the old `primary` label said of each hidden count from 1 to k-1: that it lies between 1 and k-1. */
function labels(model: Model, published: ReadonlyMap<string, number | null>, k: number): Told[] {
  return model.figures.filter((f) => published.get(f.name) === null && f.truth >= 1 && f.truth < k).map((f) => ({ name: f.name, low: 1, high: k - 1 }));
}

describe("suppression: the issue's own attacks", () => {
  test("the 2015 fixture at k = 5 and k = 10: no label, and no hidden count pinned however the tables are combined", async () => {
    const { summary } = await auditFile(HMIC);
    for (const k of [5, 10]) {
      const analysis = suppressed(summary, k);
      expect(analysis.summary.suppression!.hidden.length).toBeGreaterThan(0);
      for (const entry of analysis.summary.suppression!.hidden) expect(Object.keys(entry).sort()).toEqual(entry.rule ? ["field", "group", "rule", "section"] : ["field", "group", "section"]);
      expect(pinnedFigures(countsModel(summary), publishedFigures(analysis))).toEqual([]);
    }
  }, SLOW);

  test("2,000 cases in ten groups of 1 to 406: no hidden count is pinned, though the old labels pinned the lone case", () => {
    const sizes = [1, 6, 25, 80, 150, 232, 300, 400, 400, 406];
    const { summary } = dataset({ seed: 2000, sizes, rules: 5, invalid: sizes.map(() => 0) });
    const analysis = suppressed(summary, 5);
    const model = countsModel(summary);
    const published = publishedFigures(analysis);
    expect(pinnedFigures(model, published)).toEqual([]);
    // Told what the `primary` label said (each hidden count from 1 to 4 is between 1 and 4), the attacker
    // has the group of one case exactly: the labels are why nothing may say why a count is hidden.
    expect(published.get("G0.graded")).toBeNull();
    expect(ranges(model, published, ["G0.graded"], labels(model, published, 5))).toEqual([[1, 1]]);
  }, SLOW);
});
