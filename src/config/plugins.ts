import { quoteName } from "../text/quote.js";
import { createHash } from "node:crypto";
import { readFile, realpath } from "node:fs/promises";
import { extname, isAbsolute, relative, resolve, sep } from "node:path";
import { z } from "zod";
import type { PluginRef } from "../engine/rubric.js";
import { WORD_ID, type Rule } from "../rules/define-rule.js";
import { BUILT_IN_RULES } from "../rules/index.js";
import { importRuleModule, rulesOfModule } from "../rules/modules.js";
import { describeIssues } from "./issues.js";
import type { KnownRule } from "./schema.js";
import { formatPath } from "../text/suggest.js";

const RATINGS = ["good", "adequate", "inadequate", "n/a"] as const;
const isSchema = (value: unknown) => typeof (value as { safeParse?: unknown })?.safeParse === "function";

/** A worked example for `audit rules <id>`, as a plugin rule or a rule written in the config gives it. */
export const exampleSchema = z.object({ rating: z.enum(RATINGS), summary: z.string(), record: z.record(z.string(), z.string()) });

/** A rule id a plugin or the config may add. */
export const ruleIdSchema = z.string().regex(WORD_ID, "expected a rule id in lower-case-words-with-hyphens");

const ruleShape = z.object({
  id: ruleIdSchema,
  description: z.string().min(1, "expected a one-line description"),
  fields: z.array(z.string(), "expected an array of the field names the rule reads"),
  options: z.custom(isSchema, "expected a zod schema (with a default for every option) or nothing").optional(),
  evaluate: z.custom<Rule["evaluate"]>((value) => typeof value === "function", "expected a function (case, options) => { rating, findings }"),
  codes: z.array(z.string().regex(WORD_ID, "expected a finding code in lower-case-words-with-hyphens"), "expected an array of the finding codes the rule can give").optional(),
  examples: z.array(exampleSchema).optional(),
});

const NO_OPTIONS = z.object({}).strict();

export interface LoadedPlugins {
  rules: KnownRule[];
  refs: PluginRef[];
  problems: string[];
}

function loadFailure(path: string, error: unknown): string {
  const code = (error as { code?: string })?.code;
  if (code === "ERR_UNKNOWN_FILE_EXTENSION" && /\.[cm]?ts$/.test(path)) {
    return `cannot load TypeScript directly; compile ${quoteName(path)} to .js or .mjs and name that`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${quoteName(path)} failed to load: ${message.split("\n")[0]}`;
}

/** Whether the config may run code from anywhere (`--allow-plugins`), or only from its own folder. */
export interface CodePermission {
  allowPlugins: boolean;
}

export const ALLOW_PLUGINS_HINT = "audit runs code from outside the config's folder only with --allow-plugins";

const within = (folder: string, file: string) => {
  const path = relative(folder, file);
  return path !== "" && path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path);
};

/**
 * Where each plugin is, its links followed, or why it may not be run: an absolute path, a path that
 * climbs out of the config's folder, or a link inside it that leads out. A file that is not there is
 * left to be reported when it is read.
 */
async function placePlugins(paths: readonly string[], baseDir: string, permission: CodePermission) {
  const folder = await realpath(baseDir).catch(() => resolve(baseDir));
  const placed: { path: string; file: string; refusal?: string }[] = [];
  for (const path of paths) {
    const file = resolve(baseDir, path);
    const real = await realpath(file).catch(() => file);
    let refusal: string | undefined;
    if (!permission.allowPlugins) {
      if (isAbsolute(path)) refusal = `${quoteName(path)} is an absolute path; ${ALLOW_PLUGINS_HINT}`;
      else if (!within(resolve(baseDir), file)) refusal = `${quoteName(path)} is outside the config's folder; ${ALLOW_PLUGINS_HINT}`;
      else if (!within(folder, real)) refusal = `${quoteName(path)} is a link that leads out of the config's folder (to ${real}); ${ALLOW_PLUGINS_HINT}`;
    }
    placed.push({ path, file: real, refusal });
  }
  return placed;
}

/**
 * Imports each plugin named by a config, resolved against the config's folder, and checks every rule it
 * exports. Every path is checked against `permission` first: if any may not be run, none is loaded.
 */
export async function loadPlugins(paths: readonly string[], baseDir: string, permission: CodePermission): Promise<LoadedPlugins> {
  const owners = new Map<string, string>(BUILT_IN_RULES.map((rule) => [rule.id, "a built-in rule"]));
  const loaded: LoadedPlugins = { rules: [], refs: [], problems: [] };
  const placed = await placePlugins(paths, baseDir, permission);
  const at = (index: number) => formatPath(["plugins", index]);
  for (const [index, { refusal }] of placed.entries()) if (refusal) loaded.problems.push(`${at(index)}: ${refusal}`);
  if (loaded.problems.length) return loaded;
  for (const [index, { path, file }] of placed.entries()) {
    const where = at(index);
    const problem = (message: string) => void loaded.problems.push(`${where}: ${message}`);
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      problem(`no such file ${quoteName(path)} (looked for ${file})`);
      continue;
    }
    if (![".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"].includes(extname(file))) {
      problem(`expected a JavaScript module (.mjs or .js), got ${quoteName(path)}`);
      continue;
    }
    let module: Record<string, unknown>;
    try {
      module = await importRuleModule(file);
    } catch (error) {
      problem(loadFailure(path, error));
      continue;
    }
    const candidates = rulesOfModule(module);
    if (candidates.length === 0) problem(`${quoteName(path)} exports no rule; export default a rule or an array of rules`);
    const ids: string[] = [];
    for (const [i, candidate] of candidates.entries()) {
      const parsed = ruleShape.safeParse(candidate, { reportInput: true });
      const id = (candidate as { id?: unknown })?.id;
      const label = typeof id === "string" ? `rule "${id}"` : `rule ${i + 1}`;
      if (!parsed.success) {
        for (const line of describeIssues(parsed.error.issues, ruleShape)) problem(`${label}: ${line}`);
        continue;
      }
      const rule = candidate as Rule<unknown>;
      const owner = owners.get(rule.id);
      if (owner) {
        problem(`${label}: the id is taken by ${owner}; choose another`);
        continue;
      }
      owners.set(rule.id, `${where} (${path})`);
      ids.push(rule.id);
      loaded.rules.push({ rule: parsed.data.options ? rule : { ...rule, options: NO_OPTIONS }, source: path, file });
    }
    loaded.refs.push({ path, ids, sha256: createHash("sha256").update(content).digest("hex") });
  }
  return loaded;
}
