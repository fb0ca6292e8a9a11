import { CR, LF, QUOTE } from "./_tokenizer.js";

/**
 * The first record boundary at or after `from`, judged from the bytes alone (`bytes[0]` is at
 * `from - 1`); -1 if there is none in them. In a well-formed file a run of quotes followed by
 * an ordinary byte tells whether a quoted cell is open there: an even run is doubled quotes
 * inside one, an odd run opens one. Counting the quotes before that run gives the state at
 * `from`; with no such run it is taken as closed. A wrong guess is caught when chunks are
 * joined (a chunk must start where the one before it ended), and the chunk is read again.
 */
export function guessBoundary(bytes: Uint8Array, from: number, delimiter: number): number {
  let inside = false;
  for (let q = bytes.indexOf(QUOTE); q !== -1; q = bytes.indexOf(QUOTE, q)) {
    const run = q;
    while (bytes[q] === QUOTE) q++;
    if (q >= bytes.length) break;
    const after = bytes[q]!;
    if (after === delimiter || after === LF || after === CR) continue;
    inside = (q - run) % 2 === 0;
    for (let i = bytes.indexOf(QUOTE); i < run; i = bytes.indexOf(QUOTE, i + 1)) inside = !inside;
    break;
  }
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) inside = !inside;
    else if (c === LF && !inside) return from + i;
  }
  return -1;
}
