import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { ApartCase } from "../engine/summary.js";
import type { Report } from "../report/schema.js";
import { CliError } from "../errors.js";
import { normaliseHeader } from "../input/header.js";

const MIN_KEY_BYTES = 16;
/** What --redact writes for a case id: a hash already is one, and is left as it is (a redacted report merged or diffed again). */
const HASHED = /^hmac:[0-9a-f]{32}$/;

export type Redact = (caseId: string) => string;

/** A case id as a keyed hash: stable for one key, so redacted reports can still be merged and diffed. */
export function redactor(key: Buffer): Redact {
  return (caseId) => (HASHED.test(caseId) ? caseId : `hmac:${createHmac("sha256", key).update(caseId, "utf8").digest("hex").slice(0, 32)}`);
}

/**
 * The key from --redact-key-file, else AUDIT_REDACT_KEY, its surrounding whitespace trimmed; never a
 * default, never one a guess would find (shorter than 16 bytes, or one character over and over).
 */
export function redactionKey(keyFile: string | undefined, env: Record<string, string | undefined>): Buffer {
  let text: string;
  if (keyFile !== undefined) {
    try {
      text = readFileSync(keyFile, "utf8");
    } catch (error) {
      throw new CliError(`--redact-key-file: cannot read ${keyFile} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  } else if (env.AUDIT_REDACT_KEY?.trim()) {
    text = env.AUDIT_REDACT_KEY;
  } else {
    throw new CliError("--redact needs a key: set AUDIT_REDACT_KEY or give --redact-key-file FILE (no default key is used)");
  }
  const key = Buffer.from(text.trim(), "utf8");
  if (key.length < MIN_KEY_BYTES) {
    throw new CliError(`--redact: the key is ${key.length} bytes; use at least ${MIN_KEY_BYTES} (e.g. openssl rand -hex 32)`);
  }
  if (/^(.)\1*$/su.test(text.trim())) throw new CliError("--redact: the key is one character repeated; use a random one (e.g. openssl rand -hex 32)");
  return key;
}

export interface RedactFlags {
  redact?: boolean;
  redactKeyFile?: string;
}

/** Adds `--redact` and `--redact-key-file FILE` to a command that prints case ids. */
export function addRedactOptions(command: Command): Command {
  return command
    .option("--redact", "replace every case id in every output with a keyed hash (HMAC-SHA256)")
    .option("--redact-key-file <file>", "the --redact key (default: the AUDIT_REDACT_KEY environment variable)");
}

/**
 * The redaction the flags ask for, if any; a key file without --redact is a mistake, not a run left
 * unredacted. Grouping by case_id would print every id as a group name, so it is refused with --redact.
 */
export function redactOption(flags: RedactFlags & { groupBy?: string }, env: Record<string, string | undefined>): Redact | undefined {
  if (flags.redactKeyFile !== undefined && !flags.redact) {
    throw new CliError("--redact-key-file is given without --redact: add --redact, or nothing is redacted");
  }
  if (flags.redact && flags.groupBy !== undefined && normaliseHeader(flags.groupBy) === "case_id") {
    throw new CliError("--redact with --group-by case_id would print every case id as a group name; group by another column");
  }
  return flags.redact ? redactor(redactionKey(flags.redactKeyFile, env)) : undefined;
}

/** The agreement's lists of cases furthest apart, their ids redacted. */
export function redactApart(apart: readonly ApartCase[], redact: Redact): ApartCase[] {
  return apart.map((c) => ({ ...c, case_id: redact(c.case_id) }));
}

/** A report read by `merge` or `diff`, every case id in it redacted: cases, invalid records, the cases apart. */
export function redactReport(report: Report, redact: Redact): Report {
  const hashed = <T extends { case_id: string }>(c: T): T => ({ ...c, case_id: redact(c.case_id) });
  const { apart } = report.agreement;
  return {
    ...report,
    cases: report.cases.map(hashed),
    invalid: report.invalid.map((record) => (record.case_id === undefined ? record : { ...record, case_id: redact(record.case_id) })),
    agreement: {
      ...report.agreement,
      apart: apart && {
        ...apart,
        inspectorGoodToolInadequate: apart.inspectorGoodToolInadequate.map(hashed),
        inspectorInadequateToolGood: apart.inspectorInadequateToolGood.map(hashed),
      },
    },
  };
}
