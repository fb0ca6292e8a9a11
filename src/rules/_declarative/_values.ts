import { isoDate } from "../../calendar/working-days.js";

/** A contract date in an expression: a calendar day, compared and counted by day. */
export class CelDate {
  constructor(readonly day: number) {}
}

/** Thrown when an expression reads a field that is not recorded; CEL's `&&` and `||` absorb it where the other side decides. */
export class NotRecorded extends Error {
  private constructor(readonly field: string) {
    super(`${field} not recorded`);
  }

  private static readonly made = new Map<string, NotRecorded>();

  /** One error per field, made once: a million cases may read fields that are not recorded, and making an error takes a stack trace. */
  static of(field: string): NotRecorded {
    let error = NotRecorded.made.get(field);
    if (!error) NotRecorded.made.set(field, (error = new NotRecorded(field)));
    return error;
  }
}

// CEL integers are BigInts; the contract's whole numbers are small, so the common ones are made once.
const SMALL = Array.from({ length: 256 }, (_, i) => BigInt(i));
export const celInt = (value: number): bigint => (value >= 0 && value < SMALL.length ? SMALL[value]! : BigInt(value));

/** A value written into a message: whole numbers as digits, yes/no, dates as YYYY-MM-DD, lists joined with ", ". */
export function messageText(value: unknown): string {
  if (typeof value === "bigint" || typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  if (value instanceof CelDate) return isoDate(value.day);
  if (Array.isArray(value)) return value.map(messageText).join(", ");
  if (value === null || value === undefined) return "nothing";
  return String(value);
}
