import { describe, expect, test } from "vitest";
import { caseShape } from "../../src/fast/_steps.js";
import { FIELDS } from "../../src/input/fields.js";

describe("the shape every fast-path case takes", () => {
  test("names every contract field but notes, each from its own index in FIELDS, and extra", () => {
    const shaped = caseShape((f) => FIELDS[f]!.name) as unknown as Record<string, unknown>;
    const names = FIELDS.filter((spec) => !spec.private).map((spec) => spec.name);
    expect(Object.keys(shaped)).toEqual([...names, "extra"]);
    for (const name of names) expect(shaped[name]).toBe(name);
  });
});
