/** Where a record is, as a user opens it: `cases.csv:12` for a line, `cases.json[3]` for a JSON index. */
export function whereIn(source: string, at: { line?: number; index?: number }): string {
  if (at.line !== undefined) return `${source}:${at.line}`;
  return at.index !== undefined ? `${source}[${at.index}]` : source;
}
