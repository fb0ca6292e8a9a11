import { describe, expect, test } from "vitest";
import { caseShape } from "../../src/fast/_steps.js";
import { FIELDS } from "../../src/input/fields.js";

describe("the shape every fast-path case takes", () => {
  test("names every contract field but notes, and extra", () => {
    const names = Object.keys(caseShape(() => undefined));
    expect(names).toEqual([...FIELDS.filter((spec) => !spec.private).map((spec) => spec.name), "extra"]);
  });
});
