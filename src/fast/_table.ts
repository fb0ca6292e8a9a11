import type { Rating } from "../rules/define-rule.js";

/**
 * One row of ChunkResult.table per record, of `stride(rules)` numbers:
 * [0] status: a grade's index in GRADES, or one of the codes below; | HAS_ID; | inspector grade (1 + its index) << 16
 * [1] line (line feeds from the chunk's first record), [2..3] id hash, [4] group, [5] group as written,
 * [6] id length, [7] JSON length, [8...] each rule's rating, 2 bits each (RATING_CODES).
 */
export const HEAD = 8;
export const INVALID_RECORD = 3;
export const PROBLEM_RECORD = 4;
export const HAS_ID = 0x100;
/** Set by the merger: a later record with an id already claimed. */
export const DUPLICATE = 0x200;
export const RATING_CODES: Rating[] = ["n/a", "good", "adequate", "inadequate"];
export const stride = (rules: number) => HEAD + Math.ceil(rules / 16);
