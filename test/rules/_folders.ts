import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** src/rules/: the built-in rules, a folder each. */
export const RULES_DIR = fileURLToPath(new URL("../../src/rules/", import.meta.url));

/** The rule folders, by name: each is a built-in rule's id (`_declarative` holds the rules a config writes). */
export const ruleFolders = (): string[] =>
  readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
    .map((entry) => entry.name)
    .sort();

/** A file of a rule's folder. */
export const ruleFile = (id: string, name: string): string => `${RULES_DIR}${id}/${name}`;
