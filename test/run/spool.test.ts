import * as fs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, test, vi } from "vitest";
import { spoolStdin } from "../../src/run/_spool.js";

// Writes fail once `failAfter` have been made, as they would on a full disk.
let writes = 0;
let failAfter = Infinity;
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (++writes > failAfter) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return real.writeSync(...args);
    },
  };
});

const chunks = Array.from({ length: 12 }, (_, i) => Buffer.from(`${i},`.repeat(1000 + i)));
const whole = Buffer.concat(chunks);

async function drain(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe("stdin copied to a temporary file", () => {
  const tmp = process.env.TMPDIR;
  afterEach(() => {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
    writes = 0;
    failAfter = Infinity;
  });

  test("the copy holds every byte, is counted as it grows, and is gone once removed", async () => {
    process.env.TMPDIR = mkdtempSync(join(tmpdir(), "spool-"));
    const seen: number[] = [];
    const spooled = await spoolStdin(Readable.from(chunks), 1 << 20, (bytes) => seen.push(bytes));
    if (!("path" in spooled)) throw new Error("no copy was made");
    expect(spooled.size).toBe(whole.length);
    expect(readFileSync(spooled.path).equals(whole)).toBe(true);
    expect(seen.at(-1)).toBe(whole.length);
    spooled.remove();
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
  });

  test("a disk that fills up midway: what was copied, then the rest of stdin, in order, for the reference reader", async () => {
    process.env.TMPDIR = mkdtempSync(join(tmpdir(), "spool-"));
    failAfter = 5;
    const spooled = await spoolStdin(Readable.from(chunks), 1 << 20, () => {});
    if (!("replay" in spooled)) throw new Error("the copy should have failed");
    expect((await drain(spooled.replay)).equals(whole)).toBe(true);
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
  });

  test("no temporary directory: stdin as it comes", async () => {
    process.env.TMPDIR = join(tmpdir(), "no-such-directory", "below");
    const spooled = await spoolStdin(Readable.from(chunks), 1 << 20, () => {});
    if (!("replay" in spooled)) throw new Error("no copy can be made");
    expect((await drain(spooled.replay)).equals(whole)).toBe(true);
  });

  test("a line longer than any record may be: copying stops there, and the reference reader gets it all, to stop where it should", async () => {
    process.env.TMPDIR = mkdtempSync(join(tmpdir(), "spool-"));
    const lines = [Buffer.from("case_id,force,reported_on\nA,B,2015-01-01\n"), ...Array.from({ length: 8 }, () => Buffer.alloc(1000, "a"))];
    let read = 0;
    const stdin = Readable.from((function* () {
      for (const line of lines) {
        read++;
        yield line;
      }
    })());
    const spooled = await spoolStdin(stdin, 2500, () => {});
    if (!("replay" in spooled)) throw new Error("copying should have stopped");
    // The third 1000-byte block without a line feed passes 2500: the rest is not read yet.
    expect(read).toBe(4);
    expect((await drain(spooled.replay)).equals(Buffer.concat(lines))).toBe(true);
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
  });

  test("stdin that fails partway: what came, then its error, for the reference reader to report as it would", async () => {
    process.env.TMPDIR = mkdtempSync(join(tmpdir(), "spool-"));
    const failing = new Readable({ read() {} });
    failing.push(chunks[0]);
    failing.push(chunks[1]);
    // Fails once both chunks are copied (not after a time, which a loaded machine may not keep to).
    const both = chunks[0]!.length + chunks[1]!.length;
    const failOnceCopied = (bytes: number) => {
      if (bytes === both) failing.destroy(Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" }));
    };
    const spooled = await spoolStdin(failing, 1 << 20, failOnceCopied);
    if (!("replay" in spooled)) throw new Error("a failed stdin is not a whole copy");
    const got: Buffer[] = [];
    await expect(
      (async () => {
        for await (const part of spooled.replay) got.push(part as Buffer);
      })(),
    ).rejects.toThrow(/EIO/);
    expect(Buffer.concat(got).equals(Buffer.concat([chunks[0]!, chunks[1]!]))).toBe(true);
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
  });
});
