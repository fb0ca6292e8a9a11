import { Option } from "commander";
import { dayNumber } from "../../calendar/working-days.js";
import { locate, readCases, type InvalidRecord } from "../../input/read.js";
import type { FieldProblem } from "../../input/check.js";
import { suspiciousValues } from "../../input/suspicious.js";
import { EXIT } from "../../errors.js";
import { terminalText } from "../../text/terminal.js";
import { addRedactOptions, redactOption, type RedactFlags } from "../redact.js";
import { whereIn } from "../where.js";
import { firstFew } from "../first-few.js";
import { addInputOptions, resolveInput, type InputFlags } from "../record-input.js";
import type { RegisterCommand } from "./types.js";
import { describeProblem } from "../../input/describe.js";

interface Finding extends FieldProblem {
  line?: number;
  index?: number;
  sheet?: string;
  row?: number;
  case_id?: string;
}

export const registerValidate: RegisterCommand = (program, { ctx, setExit }) => {
  const command = program
    .command("validate")
    .description("check a data file without grading it: invalid records, unknown columns, duplicate ids, suspicious values")
    .argument("<file>", "a .csv, .tsv, .json, .ndjson, .jsonl or .xlsx file, or - for stdin")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"));
  addInputOptions(addRedactOptions(command)).action(async (file: string, options: InputFlags & RedactFlags & { format: "text" | "json" }) => {
    const redact = redactOption(options, ctx.env);
    const hashed = <T extends { case_id?: string }>(item: T): T => (redact && item.case_id !== undefined ? { ...item, case_id: redact(item.case_id) } : item);
    const { read } = await resolveInput(options, ctx);
    const now = new Date();
    const today = dayNumber(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
    const columns: string[] = [];
    const errors: InvalidRecord[] = [];
    const warnings: Finding[] = [];
    let records = 0;
    let name = file === "-" ? "stdin" : file;
    const items = readCases(file, {
      ...read,
      warn: (message) => columns.push(message),
      onOpen: (source) => (name = source.name),
    });
    for await (const item of items) {
      records++;
      if (item.kind === "invalid") errors.push(hashed(item.invalid));
      else {
        const base = hashed({ ...locate(item.location), case_id: item.record.case_id });
        for (const problem of suspiciousValues(item.record, today)) warnings.push({ ...base, ...problem });
      }
    }
    if (options.format === "json") {
      const report = { file: name, records, valid: records - errors.length, invalid: errors, warnings, columns };
      ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      // The first few of each kind, then how many more: -f json lists every one.
      const lines: string[] = [];
      const listed = (kind: string, all: readonly string[]) => {
        const list = firstFew((line) => lines.push(line));
        for (const line of all) list.add(line);
        if (list.more()) lines.push(`... and ${list.more()} more ${kind} (-f json lists every one)`);
      };
      listed("column warnings", columns.map((message) => `warning: ${message}`));
      listed("invalid records", errors.map((e) => `${whereIn(name, e)}: error: ${describeProblem(e)}`));
      listed("warnings", warnings.map((w) => `${whereIn(name, w)}: warning: ${describeProblem(w)}`));
      lines.push(`${name}: ${records} records: ${records - errors.length} valid, ${errors.length} invalid; ${warnings.length + columns.length} warnings`);
      ctx.stdout.write(`${lines.map(terminalText).join("\n")}\n`);
    }
    setExit(errors.length ? EXIT.failed : EXIT.ok);
  });
};
