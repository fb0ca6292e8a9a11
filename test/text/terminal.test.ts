import { describe, expect, test } from "vitest";
import { alignedTable } from "../../src/report/table.js";
import { terminalLines, terminalText } from "../../src/text/terminal.js";
import { terminalPad, terminalWidth } from "../../src/text/terminal-width.js";

describe("terminalText: what would act on a terminal or hide text is shown escaped", () => {
  test.each<[string, string, string]>([
    ["ESC", "a\x1b[2Jb", "a\\x1b[2Jb"],
    ["BEL", "\x07", "\\x07"],
    ["CR, LF and tab by name", "a\rb\nc\td", "a\\rb\\nc\\td"],
    ["DEL", "\x7f", "\\x7f"],
    ["a C1 CSI (some terminals take it as ESC [)", "\x9b31m", "\\x9b31m"],
    ["the bidi overrides and isolates", "\u202e\u202d\u2066\u2069\u200f", "\\u202e\\u202d\\u2066\\u2069\\u200f"],
    ["zero-width space, joiner and the byte order mark", "a\u200bb\u200dc\ufeff", "a\\u200bb\\u200dc\\ufeff"],
    ["line and paragraph separators", "\u2028\u2029", "\\u2028\\u2029"],
    ["an invisible tag character", "x\u{e0041}", "x\\u{e0041}"],
    ["a lone surrogate", "x\ud800y", "x\\ud800y"],
    ["a Hangul filler, a letter that draws nothing", "\u3164", "\\u3164"],
  ])("%s", (_name, raw, shown) => {
    expect(terminalText(raw)).toBe(shown);
  });

  test.each([
    ["letters of any script", "Gwent Heddlu ÖSTERGÖTLAND 東京 Ελλάδα"],
    ["an emoji", "👍"],
    ["a combining accent", "e\u0301"],
    ["text already escaped, unchanged by a second call", "\\x1b]0;\\u202e"],
  ])("%s is left as it is", (_name, text) => {
    expect(terminalText(text)).toBe(text);
  });

  test("terminalLines keeps the line breaks of a block and escapes the rest", () => {
    expect(terminalLines("one\x1b\ntwo\r\n")).toBe("one\\x1b\ntwo\\r\n");
  });

  test.each([
    ["ASCII", "abc", 3],
    ["an escape counts as the text it is shown as", "\x1b", 4],
    ["wide characters count two", "東京", 4],
    ["a combining mark counts none", "e\u0301", 1],
  ])("terminalWidth: %s", (_name, text, width) => {
    expect(terminalWidth(text)).toBe(width);
  });

  test("terminalPad pads by the columns shown, either side", () => {
    expect(terminalPad("東", 4, "end")).toBe("東  ");
    expect(terminalPad("\x07", 6, "start")).toBe("  \\x07");
  });

  test("alignedTable lines up wide and escaped group names", () => {
    const table = alignedTable([["Force", "Graded"], ["東京", "1"], ["a\u202eb", "22"], ["Overall", "23"]]);
    const widths = table.trimEnd().split("\n").map(terminalWidth);
    expect(new Set(widths)).toEqual(new Set([widths[0]]));
    expect(table).toContain("a\\u202eb");
  });
});
