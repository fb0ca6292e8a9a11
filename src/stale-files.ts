import { lstatSync, readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes from `dir` the files a run stopped by `kill -9` left behind, and nothing else: files whose
 * name matches `ours`, owned by `owner`, untouched for a day (a run still writing one touches it
 * far more often). Called as a run makes a file of its own there.
 */
export function removeStaleFiles(dir: string, ours: RegExp, owner: number | undefined, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => ours.test(name));
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const info = lstatSync(path);
      if (info.isFile() && (owner === undefined || info.uid === owner) && now - info.mtimeMs > DAY_MS) unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
