import { describe, expect, test } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { parseConfig } from "../../src/config/load.js";
import { describeRubric } from "../../src/engine/rubric.js";
import { timeliness } from "../../src/rules/timeliness/rule.js";
import { defaultsOf } from "../helpers/rule-defaults.js";

async function problems(raw: unknown): Promise<readonly string[]> {
  try {
    await parseConfig(raw, process.cwd(), "audit.config.json");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const ALL_OFF = Object.fromEntries(["risk-assessment", "timeliness", "child-first", "multi-agency", "voice-of-child"].map((id) => [id, "off"]));

describe("a config with mistakes is refused, each named by path, value and the nearest valid word", () => {
  test.each<[string, unknown, (string | RegExp)[]]>([
    ["a misspelt rule id", { rules: { timelines: "off" } }, ['rules.timelines: unknown rule; did you mean "timeliness"?']],
    [
      "a word for a number of working days",
      { rules: { timeliness: { referral: { good: "one" } } } },
      ['rules.timeliness.referral.good: expected a whole number of working days, got "one"'],
    ],
    ["a fraction of a working day", { rules: { "risk-assessment": { good: 1.5 } } }, ["rules.risk-assessment.good: expected a whole number of working days, got 1.5"]],
    ["a misspelt option", { rules: { timeliness: { referal: {} } } }, ['rules.timeliness.referal: unknown option; did you mean "referral"?']],
    ["a misspelt nested option", { rules: { timeliness: { interview: { goood: 2 } } } }, ['rules.timeliness.interview.goood: unknown option; did you mean "good"?']],
    ["a misspelt switch", { rules: { "voice-of-child": "of" } }, ['rules.voice-of-child: expected "on", "off" or an options object, got "of"; did you mean "off"?']],
    ["true for on", { rules: { "voice-of-child": true } }, ['rules.voice-of-child: expected "on", "off" or an options object, got true']],
    ["a negative age", { rules: { "voice-of-child": { min_age: -1 } } }, ["rules.voice-of-child.min_age: expected a whole number of years, got -1"]],
    ["limits the wrong way round", { rules: { "risk-assessment": { good: 4, adequate: 3 } } }, ["rules.risk-assessment.adequate: the adequate limit must be at least the good limit"]],
    ["an unknown concern", { rules: { "multi-agency": { health_for: ["sexual_abuse", "neglct"] } } }, [/^audit\.config\.json: rules\.multi-agency\.health_for\[1\]: expected one of .*got "neglct"; did you mean "neglect"\?$/]],
    ["a misspelt strategy word", { strategy: "point" }, ['strategy: expected "worst" or "points", got "point"; did you mean "points"?']],
    ["a misspelt strategy name", { strategy: { name: "wrost" } }, ['strategy.name: expected "worst" or "points", got "wrost"; did you mean "worst"?']],
    ["a cut-off above 2", { strategy: { name: "points", good: 3 } }, ["strategy.good: expected a number of points from 0 (inadequate) to 2 (good), got 3"]],
    ["cut-offs the wrong way round", { strategy: { name: "points", good: 1, adequate: 1.5 } }, ["strategy.good: the good cut-off must be at least the adequate one"]],
    ["a misspelt strategy setting", { strategy: { name: "points", wieghts: {} } }, ['strategy.wieghts: unknown strategy setting; did you mean "weights"?']],
    ["a weight for an unknown rule", { strategy: { name: "points", weights: { timelines: 2 } } }, ['strategy.weights.timelines: unknown rule; did you mean "timeliness"?']],
    ["a negative weight", { strategy: { name: "points", weights: { timeliness: -1 } } }, ["strategy.weights.timeliness: expected a weight of 0 or more, got -1"]],
    ["a critical rule misspelt", { strategy: { name: "worst", critical: ["child-frist"] } }, [/^audit\.config\.json: strategy\.critical\[0\]: expected one of .*got "child-frist"; did you mean "child-first"\?$/]],
    ["a critical rule that is off", { rules: { timeliness: "off" }, strategy: { name: "worst", critical: ["timeliness"] } }, ['strategy.critical[0]: rule "timeliness" is off']],
    ["every rule off", { rules: ALL_OFF }, ["rules: every rule is off, so there is nothing to grade by"]],
    ["a misspelt top-level key", { rule: {} }, ['rule: unknown setting; did you mean "rules"?']],
    ["an array for a config", [], ["expected a config object, got an array"]],
    ["a string for plugins", { plugins: "./x.mjs" }, ['plugins: expected an array of paths, got "./x.mjs"']],
    ["a column mapped to a misspelt field", { columns: { "Crime Reference": "case_ud" } }, ['columns["Crime Reference"]: unknown field "case_ud"; did you mean "case_id"?']],
    ["values for a misspelt field", { values: { child_rol: { V: "victim" } } }, ['values.child_rol: unknown field; did you mean "child_role"?']],
    ["a code mapped to a misspelt word", { values: { child_role: { V: "victm" } } }, ['values.child_role.V: "victm" is not a child_role value; did you mean "victim"?']],
    ["a code mapped to an age out of range", { values: { child_age: { X: "25" } } }, ["values.child_age.X: 25 is outside 0-17"]],
    ["a required field mapped to nothing", { values: { force: { "N/K": "" } } }, ['values.force["N/K"]: force is required, so it cannot map to "" (not recorded)']],
    [
      "an item mapped to a list of words, one misspelt",
      { values: { agencies_consulted: { "Multi-agency": "social_care;helth" } } },
      ['values.agencies_consulted.Multi-agency: "helth" is not a agencies_consulted value; did you mean "health"?'],
    ],
    [
      "two spellings of one word mapped apart",
      { values: { agencies_consulted: { "Social Care": "social_care", "social-care": "other" } } },
      ['values.agencies_consulted.social-care: the same value as "Social Care" (case, spaces and hyphens aside), mapped elsewhere'],
    ],
    ["a separator for a field that is not a list", { list_separators: { child_role: "," } }, [/^audit\.config\.json: list_separators\.child_role: child_role is not a list field; list fields are concern, agencies_consulted$/]],
    ["a separator for a misspelt field", { list_separators: { agency_consulted: "," } }, ['list_separators.agency_consulted: unknown field; did you mean "agencies_consulted"?']],
    ["a word for a separator", { list_separators: { concern: " and " } }, [/^audit\.config\.json: list_separators\.concern: expected the characters that separate a list's items, .*got " and "$/]],
    ["a month-first date form", { date_formats: ["MM/DD/YYYY"] }, ['date_formats[0]: "MM/DD/YYYY" and the built-in DD/MM/YYYY would read "01/03/2001" as two different dates (one is day-first, the other month-first); keep one']],
    [
      "a day-first and a month-first form in one list",
      { date_formats: ["DD.MM.YY", "MM.DD.YY"], two_digit_year_pivot: 50 },
      ['date_formats[1]: "MM.DD.YY" and "DD.MM.YY" would read "01.03.01" as two different dates (one is day-first, the other month-first); keep one'],
    ],
    ["a form that cannot be read", { date_formats: ["DD/MM/YYYY", "DD/MMM/YYYYY"] }, [/^audit\.config\.json: date_formats\[1\]: unknown token "Y" in "DD\/MMM\/YYYYY"; forms are written in /]],
    ["a pivot past 100", { two_digit_year_pivot: 150 }, ["two_digit_year_pivot: expected a whole number from 0 to 100: two-digit years below it are 20YY, the others 19YY, got 150"]],
    ["a blank separator", { list_separators: { concern: " " } }, [/list_separators\.concern: expected the characters .*got " "$/]],
    [
      "several mistakes at once",
      { rules: { timelines: "off", "voice-of-child": { min_age: "three" } } },
      ['rules.voice-of-child.min_age: expected a whole number of years, got "three"', 'rules.timelines: unknown rule; did you mean "timeliness"?'],
    ],
  ])("%s", async (_name, raw, expected) => {
    const lines = await problems(raw);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((line, i) => (typeof line === "string" ? expect(lines[i]).toBe(`audit.config.json: ${line}`) : expect(lines[i]).toMatch(line)));
  });
});

describe("a valid config resolves to a rubric, defaults filled in", () => {
  test("an empty config is the reference rubric", async () => {
    const { rubric, mapping } = await parseConfig({}, process.cwd(), "audit.config.json");
    expect(describeRubric(rubric).rules.map((r) => r.id)).toEqual(["risk-assessment", "timeliness", "child-first", "multi-agency", "voice-of-child"]);
    expect(rubric.strategy).toEqual({ name: "worst" });
    expect(mapping).toEqual({ columns: {}, values: {}, listSeparators: {}, dateFormats: [] });
  });

  test("a partial options object keeps the other defaults", async () => {
    const { rubric } = await parseConfig({ rules: { timeliness: { referral: { good: 2 } } } }, process.cwd(), "c.json");
    const defaults = defaultsOf(timeliness);
    expect(rubric.rules.find((r) => r.rule.id === "timeliness")!.options).toEqual({ ...defaults, referral: { ...defaults.referral, good: 2 } });
  });

  test.each<[string, unknown, unknown]>([
    ["worst by default", {}, { name: "worst" }],
    ["points as a word, with the default cut-offs", { strategy: "points" }, { name: "points", good: 1.75, adequate: 1, weights: {} }],
    [
      "points with weights and cut-offs",
      { strategy: { name: "points", good: 1.5, adequate: 0.5, weights: { timeliness: 2 } } },
      { name: "points", good: 1.5, adequate: 0.5, weights: { timeliness: 2 } },
    ],
  ])("strategy: %s", async (_name, raw, strategy) => {
    expect((await parseConfig(raw, process.cwd(), "c.json")).rubric.strategy).toEqual(strategy);
  });

  test('"off" drops a rule, "critical" marks one', async () => {
    const { rubric } = await parseConfig({ rules: { "voice-of-child": "off" }, strategy: { name: "worst", critical: ["child-first"] } }, process.cwd(), "c.json");
    expect(rubric.rules.map((r) => [r.rule.id, r.critical])).toEqual([
      ["risk-assessment", false],
      ["timeliness", false],
      ["child-first", true],
      ["multi-agency", false],
    ]);
  });

  test("columns, values and list separators become the reader's mapping", async () => {
    const raw = {
      columns: { "Crime Reference": "case_id" },
      values: { child_role: { V: "victim", VS: "Victim and suspect" } },
      list_separators: { agencies_consulted: "," },
    };
    expect((await parseConfig(raw, process.cwd(), "c.json")).mapping).toEqual({
      columns: raw.columns,
      values: raw.values,
      listSeparators: raw.list_separators,
      dateFormats: [],
    });
  });
});
