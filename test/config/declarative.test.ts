import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { loadConfig, parseConfig } from "../../src/config/load.js";
import { resolvedConfig } from "../../src/config/print.js";
import { explainRule } from "../../src/config/rule-docs.js";
import { describeRubric, referenceRubric, rubricHash } from "../../src/engine/rubric.js";
import { scoreCase } from "../../src/engine/score.js";
import { reportSchema } from "../../src/report/schema.js";
import { makeCase } from "../helpers/make-case.js";
import { MEDICAL_ADVICE, MEDICAL_ADVICE_DEFINITION } from "../helpers/medical-advice.js";

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "audit-declarative-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function problems(promise: Promise<unknown>): Promise<readonly string[]> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

const parse = (raw: unknown) => parseConfig(raw, process.cwd(), "audit.config.json");

describe("a rule written in the config joins the rubric", () => {
  test("after the built-in rules, with source config and its definition recorded, every default filled in", async () => {
    const { rubric } = await parse({ rules: { "medical-advice": MEDICAL_ADVICE } });
    expect(rubric.rules.map((r) => r.rule.id)).toEqual([...referenceRubric().rules.map((r) => r.rule.id), "medical-advice"]);
    const recorded = describeRubric(rubric).rules.at(-1)!;
    expect(recorded).toEqual({
      id: "medical-advice",
      options: {},
      critical: false,
      source: "config",
      definition: MEDICAL_ADVICE_DEFINITION,
    });
  });

  test("grades cases in the run like any rule", async () => {
    const { rubric } = await parse({ rules: { "medical-advice": MEDICAL_ADVICE } });
    const scored = scoreCase(makeCase({ concern: ["sexual_abuse"], child_age: 8, agencies_consulted: ["social_care"] }), rubric);
    expect(scored.ok && scored.result.rules.at(-1)).toEqual({
      id: "medical-advice",
      rating: "inadequate",
      findings: [{ code: "no-doctor", message: "no doctor or health professional consulted", fields: ["agencies_consulted"] }],
    });
  });

  test('"enabled": false keeps it written and checked, but off', async () => {
    const loaded = await parse({ rules: { "medical-advice": { ...MEDICAL_ADVICE, enabled: false } } });
    expect(loaded.rubric.rules.map((r) => r.rule.id)).not.toContain("medical-advice");
    expect(await problems(parse({ rules: { "medical-advice": { ...MEDICAL_ADVICE, applies: "chld_age < 3", enabled: false } } }))).toHaveLength(1);
  });

  test("takes a weight and critical under the points strategy", async () => {
    const { rubric } = await parse({
      rules: { "medical-advice": MEDICAL_ADVICE },
      strategy: { name: "points", weights: { "medical-advice": 3 }, critical: ["medical-advice"] },
    });
    const recorded = describeRubric(rubric).rules.at(-1)!;
    expect([recorded.weight, recorded.critical]).toEqual([3, true]);
  });

  test("an expression changed changes the rubric hash", async () => {
    const one = (await parse({ rules: { "medical-advice": MEDICAL_ADVICE } })).rubric;
    const other = (await parse({ rules: { "medical-advice": { ...MEDICAL_ADVICE, applies: "'sexual_abuse' in concern && child_age < 14" } } })).rubric;
    expect(rubricHash(one)).not.toBe(rubricHash(other));
  });

  test("config --print gives a config that resolves to the same rubric", async () => {
    const loaded = await parse({ rules: { "medical-advice": MEDICAL_ADVICE, "voice-of-child": "off" }, grades: { adequate: "requires improvement" } });
    const again = await parse(JSON.parse(JSON.stringify(resolvedConfig(loaded))));
    expect(rubricHash(again.rubric)).toBe(rubricHash(loaded.rubric));
  });

  test("a rule written but switched off is printed with enabled: false", async () => {
    const loaded = await parse({ rules: { "medical-advice": { ...MEDICAL_ADVICE, enabled: false } } });
    expect((resolvedConfig(loaded).rules as Record<string, unknown>)["medical-advice"]).toMatchObject({ enabled: false, applies: MEDICAL_ADVICE.applies });
  });

  test("audit rules <id> shows its expressions", async () => {
    const text = explainRule(await parse({ rules: { "medical-advice": MEDICAL_ADVICE } }), "medical-advice") as string;
    expect(text).toContain("written in the config");
    expect(text).toContain(MEDICAL_ADVICE_DEFINITION.applies);
    expect(text).toContain(MEDICAL_ADVICE_DEFINITION.inadequate[0]!.when);
  });

  test("the report's rubric section, with the definition and the grade labels, fits the published schema", async () => {
    const { rubric } = await parse({ rules: { "medical-advice": MEDICAL_ADVICE }, grades: { adequate: "requires improvement" } });
    const description = { ...describeRubric(rubric), hash: rubricHash(rubric) };
    const parsed = reportSchema.shape.rubric.parse(description);
    expect(parsed).toEqual(description);
    expect(description.grades).toEqual({ good: "good", adequate: "requires improvement", inadequate: "inadequate" });
  });

  test("labels equal to the keys are no labels: the rubric, and its hash, are the reference's", async () => {
    const { rubric } = await parse({ grades: { adequate: "adequate" } });
    expect(rubricHash(rubric)).toBe(rubricHash(referenceRubric()));
  });
});

describe("a config with a rule written wrong is refused before any record is read", () => {
  test.each([
    ["an unknown field, at its column", { applies: "chld_age < 3" }, 'rules.medical-advice.applies: column 1: unknown field "chld_age"; did you mean "child_age"?'],
    ["a misspelt key", { ...MEDICAL_ADVICE, aplies: "true" }, 'rules.medical-advice.aplies: unknown setting; did you mean "applies"?'],
    ["a finding code that is not a word", { inadequate: [{ when: "true", code: "No Doctor", message: "x" }] }, 'rules.medical-advice.inadequate[0].code: expected a finding code in lower-case-words-with-hyphens, got "No Doctor"'],
    ["an on_missing that is not a rating", { ...MEDICAL_ADVICE, on_missing: "good" }, 'rules.medical-advice.on_missing: expected one of "n/a", "adequate", "inadequate", got "good"'],
  ])("%s", async (_name, rule, line) => {
    const found = await problems(parse({ rules: { "medical-advice": { description: "d", ...rule } } }));
    expect(found).toContain(`audit.config.json: ${line}`);
  });

  test("every problem at once: the rule's and the rest of the config's", async () => {
    const found = await problems(parse({ rules: { "medical-advice": { ...MEDICAL_ADVICE, applies: "x < 1" } }, strategy: "wrost" }));
    expect(found).toHaveLength(2);
  });

  test("a rule written in the config can be weighted before it compiles: its id is known", async () => {
    const found = await problems(
      parse({ rules: { "medical-advice": { ...MEDICAL_ADVICE, applies: "x < 1" } }, strategy: { name: "points", weights: { "medical-advice": 2 } } }),
    );
    expect(found).toEqual([expect.stringMatching(/^audit\.config\.json: rules\.medical-advice\.applies: column 1: unknown field "x"/)]);
  });
});

describe("YAML configs", () => {
  // The same config in YAML: the long expression folded over two lines, every other value as JSON (which YAML reads).
  const { applies, ...rest } = MEDICAL_ADVICE;
  const YAML = [
    "# long expressions read better in YAML",
    "rules:",
    "  medical-advice:",
    "    applies: >-",
    ...applies!.split(" && ").map((part, i, parts) => `      ${part}${i < parts.length - 1 ? " &&" : ""}`),
    ...Object.entries(rest).map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`),
    "grades:",
    "  adequate: requires improvement",
    "",
  ].join("\n");

  test.each(["audit.config.yaml", "audit.config.yml"])("%s in the working directory gives the same rubric as the JSON", async (name) => {
    const fromYaml = await loadConfig({ useConfig: true, cwd: workspace({ [name]: YAML }) });
    const fromJson = await parse({ rules: { "medical-advice": MEDICAL_ADVICE }, grades: { adequate: "requires improvement" } });
    expect(fromYaml.path).toBe(name);
    expect(rubricHash(fromYaml.rubric)).toBe(rubricHash(fromJson.rubric));
  });

  test.each([
    ["a syntax error, at its line and column", "rules:\n  timeliness: [1, 2\n", /^audit\.config\.yaml:3:1: not valid YAML: /],
    ["a key given twice", "rules: {}\nrules: {}\n", /^audit\.config\.yaml:2:1: not valid YAML: Map keys must be unique/],
    ["a schema problem, at the line of its key", "rules:\n  timelines: off\n", /^audit\.config\.yaml:2: rules\.timelines: unknown rule; did you mean "timeliness"\?$/],
    ["an expression problem, at the line of its key", YAML.replace("child_age < 13", "chld_age < 13").replace(">-", "|-"), /^audit\.config\.yaml:4: rules\.medical-advice\.applies: line 2, column 1: unknown field "chld_age"/],
    ["an alias bomb", `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(10).fill(`*${i === 0 ? "a" : "bcdefghi"[i - 1]}`).join(", ")}]`).join("\n")}\n`, /^audit\.config\.yaml:1:1: not valid YAML: Excessive alias count/],
  ])("%s", async (_name, text, message) => {
    const found = await problems(loadConfig({ useConfig: true, cwd: workspace({ "audit.config.yaml": text }) }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  test("YAML 1.2: on and off are words, not booleans", async () => {
    const loaded = await loadConfig({ useConfig: true, cwd: workspace({ "audit.config.yaml": "rules:\n  voice-of-child: off\n" }) });
    expect(loaded.rubric.rules.map((r) => r.rule.id)).not.toContain("voice-of-child");
  });
});
