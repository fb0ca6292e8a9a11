import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseReport } from "../report/read-report.js";
import type { NamedReport } from "../report/merge.js";
import type { CliContext } from "./context.js";
import { CliError } from "../errors.js";
import type { OutputSpec } from "./formats.js";
import { openDestination, type Destination } from "./output.js";
import { redactReport, type Redact } from "./redact.js";

function unreadable(path: string, error: NodeJS.ErrnoException): CliError {
  if (error.code === "ENOENT") return new CliError(`${path}: no such file`);
  if (error.code === "EISDIR") return new CliError(`${path}: is a directory, not a file`);
  if (error.code === "EACCES") return new CliError(`${path}: permission denied`);
  return new CliError(`${path}: cannot read (${error.code ?? error.message})`);
}

/** A JSON report from `audit score -f json` (or `audit merge`), read and checked against the report schema; its case ids redacted under --redact. */
export async function readReportFile(path: string, ctx: Pick<CliContext, "cwd">, redact?: Redact): Promise<NamedReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(ctx.cwd, path));
  } catch (error) {
    throw unreadable(path, error as NodeJS.ErrnoException);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const report = parseReport(bytes.toString("utf8"), path);
  return { name: path, report: redact ? redactReport(report, redact) : report, sha256 };
}

export interface OpenOutputs {
  /** Writes each text (in the order the outputs were opened) and completes every output. */
  write(texts: readonly (() => string)[]): Promise<void>;
  /** Gives every output up: no file is left behind. */
  abandon(): Promise<void>;
}

/**
 * Opens each output now (a file as a temporary file beside it), so that a target that cannot be
 * written stops the run before its work, and nothing appears until `write` completes them all.
 */
export async function openOutputs(specs: readonly OutputSpec[], ctx: CliContext): Promise<OpenOutputs> {
  const opened: Destination[] = [];
  const abandon = async () => void (await Promise.all(opened.map((destination) => destination.abandon())));
  try {
    for (const spec of specs) opened.push(await openDestination(spec.path, ctx));
  } catch (error) {
    await abandon();
    throw error;
  }
  return {
    async write(texts) {
      try {
        for (const [i, text] of texts.entries()) await opened[i]!.write(text());
        for (const destination of opened) await destination.commit();
      } catch (error) {
        await abandon();
        throw error;
      }
    },
    abandon,
  };
}

/** Writes each output's text to its file (renamed into place when complete) or to stdout. */
export async function writeOutputs(outputs: readonly { spec: OutputSpec; text: () => string }[], ctx: CliContext): Promise<void> {
  const opened = await openOutputs(outputs.map((output) => output.spec), ctx);
  await opened.write(outputs.map((output) => output.text));
}
