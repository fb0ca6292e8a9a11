// csv-parse 6 alone over a case file, records as arrays, nothing done with them: the floor of the reference reader.
// Usage: node bench/csv-parse.mjs <file>
import { parse } from "csv-parse";
import { createReadStream } from "node:fs";

let records = 0;
const parser = createReadStream(process.argv[2], { highWaterMark: 256 * 1024 }).pipe(parse({ bom: true, relax_column_count: true }));
for await (const record of parser) records += record.length > 0 ? 1 : 0;
process.stdout.write(String(records));
