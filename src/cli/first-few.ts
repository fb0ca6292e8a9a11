import { WARNINGS_SHOWN } from "../input/limits.js";

/**
 * Lines of one kind said on stderr: the first few in full, the rest only counted, so that a file
 * with a warning on every record is not a million lines. `more` says how many were not shown.
 */
export function firstFew(say: (line: string) => void, shown = WARNINGS_SHOWN): { add(line: string): void; more(): number } {
  let count = 0;
  return {
    add(line) {
      if (count++ < shown) say(line);
    },
    more: () => Math.max(0, count - shown),
  };
}
