import { describe, expect, test } from "vitest";
import { parseInteger } from "../../src/input/values.js";
import { quoteName, quoteValue } from "../../src/text/quote.js";

describe("quoteValue: the one rule for quoting a value in a message or report", () => {
  test.each<[string, unknown, string]>([
    ["a short value, as JSON", "2015-13-45", '"2015-13-45"'],
    ["40 characters, whole", "x".repeat(40), `"${"x".repeat(40)}"`],
    ["41 characters without spaces, cut to 40", "x".repeat(41), `"${"x".repeat(37)}..."`],
    ["free text shifted into a typed column: not quoted at all", "The child said it happens when mum is at work, every week", "57 characters that look like free text (not shown)"],
    ["a number as itself", 12, "12"],
    ["a control character as the terminal shows it", "A\x1b[2J", String.raw`"A\x1b[2J"`],
    ["a right-to-left override escaped, not left for the terminal to act on", "Kent\u202e", String.raw`"Kent\u202e"`],
    ["an object by its kind", { a: "secret" }, "an object"],
    ["an array by its kind", ["secret"], "an array"],
  ])("%s", (_name, value, shown) => {
    expect(quoteValue(value)).toBe(shown);
  });

  test("a typed field's message quotes through it: no free text in the reason", () => {
    const parsed = parseInteger("Officer noted the child was upset and would not speak", 0, 17);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toBe("expected a whole number, got 53 characters that look like free text (not shown)");
  });
});

describe("quoteName: a name from the data, whole, quoted and escaped", () => {
  test.each<[string, string, string]>([
    ["a long title with spaces, whole (a name is not free text)", "Date of the first strategy discussion with partners", '"Date of the first strategy discussion with partners"'],
    ["a quote and a backslash escaped, so a written \\x1b is told from an ESC", 'a"b\\x1b', String.raw`"a\"b\\x1b"`],
    ["ESC, BEL, CR, U+2028 and a zero-width space as their escapes", "t\x1b\x07\r\u2028\u200b", String.raw`"t\x1b\x07\r\u2028\u200b"`],
  ])("%s", (_name, name, shown) => {
    expect(quoteName(name)).toBe(shown);
  });
});
