import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseJunitXml, type TestSuites } from "junit2json";

/** NDJSON text back to objects, one per line. */
export const ndjsonLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** CSV text back to rows keyed by the header, as a consumer would read it. */
export const csvRows = (text: string) => parseCsv(text, { columns: true }) as Record<string, string>[];

/** Splits a GFM table row on unescaped pipes and undoes the cell escapes. */
export function markdownCells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\(.)/g, "$1"));
}

/** Every table row of a Markdown text (header and alignment rows included), as cells. */
export const markdownRows = (markdown: string) =>
  markdown
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map(markdownCells);

/** JUnit XML read with junit2json, attribute values kept as written (strings). */
export async function junitSuites(xml: string): Promise<TestSuites> {
  const parsed = await parseJunitXml(xml, { attrValueProcessors: [] });
  if (!parsed || !("testsuite" in parsed) || parsed.testsuite === undefined) throw new Error("not a <testsuites> report");
  return parsed as TestSuites;
}
