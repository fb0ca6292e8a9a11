import * as fs from "node:fs";
import { expect, test, vi } from "vitest";
import { HashSpill } from "../../src/fast/_spill.js";

// The disk fills up after a few blocks: writeSync fails from then on, as it would with ENOSPC.
let writes = 0;
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (++writes > 3) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return real.writeSync(...args);
    },
  };
});

test("a disk that fills up during the first pass: what was written is read back, the rest is kept in memory", () => {
  // 3,000 ids, every tenth of them twice, spread over the parts: far more blocks of 4 than fit.
  const ids = Array.from({ length: 3000 }, (_, i) => [Math.imul(i, 0x9e3779b1), i ^ 0x5bd1e995] as const);
  const hashes = [...ids, ...ids.filter((_, i) => i % 10 === 0)];
  const spill = new HashSpill(4);
  spill.add(Int32Array.from(hashes.flat()));
  const table = spill.recurring();
  spill.close();
  expect(writes).toBeGreaterThan(3);
  expect(table.count).toBe(300);
  ids.forEach(([hi, lo], i) => {
    expect(table.claim(hi, lo, i + 2)).toBe(0);
    expect(table.claim(hi, lo, 5000)).toBe(i % 10 === 0 ? i + 2 : 0);
  });
});
