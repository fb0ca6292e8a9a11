// Writes the table of built-in rules in docs/rubric.md from the rule folders (src/rules/<id>/), in the
// registry's order. Run `npm run build` first: it reads the compiled rules from dist/.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const { ruleTable, TABLE_START, TABLE_END } = await import(new URL("../dist/rules/rule-table.js", import.meta.url).href);
const page = fileURLToPath(new URL("rubric.md", import.meta.url));
const text = readFileSync(page, "utf8");
const [start, end] = [text.indexOf(TABLE_START), text.indexOf(TABLE_END)];
if (start < 0 || end < start) throw new Error(`docs/rubric.md: the markers of the rule table are missing`);
writeFileSync(page, text.slice(0, start) + ruleTable() + text.slice(end + TABLE_END.length));
