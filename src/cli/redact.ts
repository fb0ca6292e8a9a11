import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { CliError } from "../errors.js";

const MIN_KEY_BYTES = 16;

/** A case id as a keyed hash: stable for one key, so redacted reports can still be merged and diffed. */
export function redactor(key: Buffer): (caseId: string) => string {
  return (caseId) => `hmac:${createHmac("sha256", key).update(caseId, "utf8").digest("hex").slice(0, 32)}`;
}

/** The key from --redact-key-file, else AUDIT_REDACT_KEY; never a default. */
export function redactionKey(keyFile: string | undefined, env: Record<string, string | undefined>): Buffer {
  let key: Buffer;
  if (keyFile !== undefined) {
    try {
      key = Buffer.from(readFileSync(keyFile, "utf8").trim(), "utf8");
    } catch (error) {
      throw new CliError(`--redact-key-file: cannot read ${keyFile} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  } else if (env.AUDIT_REDACT_KEY) {
    key = Buffer.from(env.AUDIT_REDACT_KEY, "utf8");
  } else {
    throw new CliError("--redact needs a key: set AUDIT_REDACT_KEY or give --redact-key-file FILE (no default key is used)");
  }
  if (key.length < MIN_KEY_BYTES) {
    throw new CliError(`--redact: the key is ${key.length} bytes; use at least ${MIN_KEY_BYTES} (e.g. openssl rand -hex 32)`);
  }
  return key;
}
