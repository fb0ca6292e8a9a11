import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { inputDigest } from "../../src/cli/input-digest.js";

const BYTES = Buffer.from("case_id,force\nA-1,Avon\n".repeat(5000));
const SHA256 = createHash("sha256").update(BYTES).digest("hex");
const file = () => {
  const path = join(mkdtempSync(join(tmpdir(), "audit-digest-")), "cases.csv");
  writeFileSync(path, BYTES);
  return path;
};

describe("the input's SHA-256", () => {
  test("of stdin: the bytes the run reads, as it reads them", async () => {
    const digest = inputDigest("-", Readable.from([BYTES.subarray(0, 1000), BYTES.subarray(1000)]));
    let read = 0;
    for await (const chunk of digest.stdin) read += (chunk as Buffer).length;
    expect(read).toBe(BYTES.length);
    expect(await digest.finish(undefined)).toBe(SHA256);
  });

  test("of a named file, read alongside the run", async () => {
    expect(await inputDigest(file(), Readable.from([])).finish(BYTES.length)).toBe(SHA256);
  });

  test("a file whose size changed between the two reads stops the run", async () => {
    await expect(inputDigest(file(), Readable.from([])).finish(BYTES.length - 1)).rejects.toThrow("the file changed while it was being read");
  });

  test("a pipe given by name is read once, by the run: no hash", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "audit-digest-")), "fifo");
    execFileSync("mkfifo", [path]);
    expect(await inputDigest(path, Readable.from([])).finish(undefined)).toBeUndefined();
  });
});
