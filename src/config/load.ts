import { readFile } from "node:fs/promises";
import { dirname, extname, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { referenceRubric, type Rubric } from "../engine/rubric.js";
import type { ColumnMapping } from "../input/mapping.js";
import { BUILT_IN_RULES } from "../rules/index.js";
import { ConfigError } from "../errors.js";
import { declaredRules } from "./declarative.js";
import { describeProblems, problemLine, prototypeKeys, type Problem } from "./issues.js";
import { jsonErrorOffset, lineAndColumn } from "./json-error.js";
import { loadPlugins, type CodePermission } from "./plugins.js";
import { builtInSource, configSchema, engineStrategy, type KnownRule, type ParsedConfig } from "./schema.js";
import { quoteValue } from "../text/quote.js";
import { isJavaScript, locateConfig, type LoadConfigOptions } from "./find.js";

/** Where in the config file a path into it was written: its line, when the format keeps one (YAML). */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

interface ConfigText {
  raw: unknown;
  lineOf?: LineOf;
}

export interface LoadedConfig {
  rubric: Rubric;
  mapping: ColumnMapping;
  /** The config file as the user would name it, when one was used. */
  path?: string;
  /** Every rule the config could name, switched on or off, with its options. */
  rules: (KnownRule & ParsedConfig["rules"][string])[];
  parsed: ParsedConfig;
}

async function readConfigFile(file: string, name: string): Promise<ConfigText> {
  const extension = extname(file);
  if (extension === ".json") {
    const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
    try {
      return { raw: JSON.parse(text) as unknown };
    } catch (error) {
      // Node's message may quote the file; say only what went wrong, and where.
      const message = (error as Error).message.replace(/,? *(".*" is not valid JSON|in JSON at position \d+)[\s\S]*$/, "");
      throw new ConfigError([`${name}:${lineAndColumn(text, jsonErrorOffset(text))}: not valid JSON: ${message}`]);
    }
  }
  if (extension === ".yaml" || extension === ".yml") {
    const { readYaml } = await import("./yaml.js");
    const read = readYaml((await readFile(file, "utf8")).replace(/^\uFEFF/, ""));
    if (!read.ok) throw new ConfigError([`${name}:${read.line}:${read.column}: not valid YAML: ${read.message}`]);
    return { raw: read.config.value, lineOf: read.config.lineOf };
  }
  if (!isJavaScript(file)) throw new ConfigError([`${name}: expected a .json, .yaml, .mjs or .js config file`]);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError([`${name}: failed to load: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`]);
  }
  if (module.default === undefined) throw new ConfigError([`${name}: has no default export; export default the config object`]);
  return { raw: module.default };
}

/** Just the plugin list, read first: the full schema depends on the rules the plugins add. */
const pluginsOnly = z.object({
  plugins: z.array(z.string("expected the path of a rule module"), "expected an array of paths").default([]),
});

/** How the config says an export is read. */
function exportMapping(parsed: ParsedConfig): ColumnMapping {
  return {
    columns: parsed.columns,
    values: parsed.values,
    listSeparators: parsed.list_separators,
    dateFormats: parsed.date_formats,
    twoDigitYearPivot: parsed.two_digit_year_pivot,
  };
}

/** Parses a config (already read) against the built-in rules, its plugins' rules and the rules it writes itself. */
export async function parseConfig(
  raw: unknown,
  baseDir: string,
  name: string,
  lineOf?: LineOf,
  permission: CodePermission = { allowPlugins: false },
): Promise<Omit<LoadedConfig, "path">> {
  const line = (problem: string | Problem) => {
    if (typeof problem === "string") return `${name}: ${problem}`;
    const at = lineOf?.(problem.path);
    return `${name}${at === undefined ? "" : `:${at}`}: ${problemLine(problem)}`;
  };
  const fail = (problems: readonly (string | Problem)[]) => new ConfigError(problems.map(line));
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw fail([`expected a config object, got ${quoteValue(raw)}`]);
  const lost = prototypeKeys(raw);
  if (lost.length) throw fail(lost);
  const listed = pluginsOnly.safeParse(raw, { reportInput: true });
  if (!listed.success) throw fail(describeProblems(listed.error.issues, pluginsOnly));
  const plugins = await loadPlugins(listed.data.plugins, baseDir, permission);
  if (plugins.problems.length) throw fail(plugins.problems);

  const taken = [...BUILT_IN_RULES.map(builtInSource), ...plugins.rules];
  const declared = await declaredRules(raw as Record<string, unknown>, new Set(taken.map(({ rule }) => rule.id)));
  const known = [...taken, ...declared.rules];
  const schema = configSchema(known);
  const result = schema.safeParse(raw, { reportInput: true });
  const problems = [...declared.problems, ...(result.success ? [] : describeProblems(result.error.issues, schema, raw))];
  if (problems.length || !result.success) throw fail(problems);
  const parsed = result.data;
  const rules = known.map((entry) => ({ ...entry, ...parsed.rules[entry.rule.id]! }));
  const rubric: Rubric = {
    strategy: engineStrategy(parsed.strategy),
    rules: rules.flatMap((entry) =>
      entry.enabled
        ? [
            {
              rule: entry.rule,
              options: entry.options,
              critical: parsed.strategy.critical.includes(entry.rule.id),
              source: entry.source,
              ...(entry.file ? { file: entry.file } : {}),
            },
          ]
        : [],
    ),
    plugins: plugins.refs,
    ...(parsed.grades ? { grades: parsed.grades } : {}),
  };
  return { rubric, mapping: exportMapping(parsed), rules, parsed };
}

/** The reference rubric, as if from an empty config. */
export function defaultConfig(): Omit<LoadedConfig, "path"> {
  const rubric = referenceRubric();
  const rules = BUILT_IN_RULES.map((rule, i) => ({ ...builtInSource(rule), enabled: true as const, options: rubric.rules[i]!.options }));
  const parsed: ParsedConfig = {
    rules: Object.fromEntries(rules.map(({ rule, options }) => [rule.id, { enabled: true, options }])),
    strategy: { name: "worst", critical: [] },
    plugins: [],
    columns: {},
    values: {},
    list_separators: {},
    date_formats: [],
    report: {},
  };
  return { rubric, mapping: {}, rules, parsed };
}

/**
 * Finds, reads and validates the rubric config, once, before any record is read.
 * Throws ConfigError (exit 2) with one line per problem.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = locateConfig(options);
  if (file === undefined) return defaultConfig();
  const name = options.configPath ?? relative(options.cwd, file);
  const allowPlugins = options.allowPlugins === true;
  // A JavaScript config cannot be read without running it: one found, not named, runs only when allowed.
  if (options.configPath === undefined && isJavaScript(file) && !allowPlugins) {
    throw new ConfigError([`${name}: a JavaScript config is code; audit runs one it finds only when named (--config ${name}) or with --allow-plugins`]);
  }
  const { raw, lineOf } = await readConfigFile(file, name);
  return { ...(await parseConfig(raw, dirname(file), name, lineOf, { allowPlugins })), path: name };
}
