import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { InputError } from "../../src/input/errors.js";
import { readCases, type ReadItem, type ReadOptions } from "../../src/input/read.js";

/** A fresh temporary directory for one test file, removed when the file's tests end. */
export function inputDir(): (name: string, content: string | Buffer) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-input-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
}

export function lines(...rows: string[]): string {
  return rows.map((row) => `${row}\n`).join("");
}

export async function readAll(file: string, options: ReadOptions = {}): Promise<{ items: ReadItem[]; warnings: string[] }> {
  const warnings: string[] = [];
  const items: ReadItem[] = [];
  for await (const item of readCases(file, { warn: (message) => warnings.push(message), ...options })) items.push(item);
  return { items, warnings };
}

/** The InputError a read ends with, and the items yielded before it. */
export async function readFailure(file: string, options: ReadOptions = {}): Promise<{ error: InputError; items: ReadItem[] }> {
  const items: ReadItem[] = [];
  try {
    for await (const item of readCases(file, options)) items.push(item);
  } catch (error) {
    if (error instanceof InputError) return { error, items };
    throw error;
  }
  throw new Error(`expected ${file} to fail with an InputError; it yielded ${items.length} items`);
}

export type Outcome =
  | { kind: "case"; case_id: string; line?: number; index?: number }
  | { kind: "invalid"; field: string; line?: number; index?: number };

/** Each item as its kind, where it was, and its case_id or the field at fault. */
export function outcomes(items: ReadItem[]): Outcome[] {
  return items.map((item) =>
    item.kind === "case"
      ? { kind: "case", case_id: item.record.case_id, ...item.location }
      : {
          kind: "invalid",
          field: item.invalid.field,
          ...("line" in item.invalid && item.invalid.line !== undefined ? { line: item.invalid.line } : {}),
          ...("index" in item.invalid && item.invalid.index !== undefined ? { index: item.invalid.index } : {}),
        },
  );
}

export function cases(items: ReadItem[]) {
  return items.flatMap((item) => (item.kind === "case" ? [item.record] : []));
}

export function invalids(items: ReadItem[]) {
  return items.flatMap((item) => (item.kind === "invalid" ? [item.invalid] : []));
}

/** Every object key anywhere in a value. */
export function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysDeep(item, into);
  else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysDeep(inner, into);
    }
  }
  return into;
}

/** Days since 1970-01-01, computed apart from the code under test. */
export function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / 86_400_000);
}
