import { existsSync } from "node:fs";
import { extname, resolve } from "node:path";
import { referenceRubric, type Rubric } from "../engine/rubric.js";
import { ConfigError } from "../errors.js";
import type { ColumnMapping } from "../input/mapping.js";
import type { ReportLabels } from "../report/types.js";

/** Looked for in the working directory, in this order; more than one is an error. */
export const CONFIG_FILES = ["audit.config.json", "audit.config.yaml", "audit.config.yml", "audit.config.mjs", "audit.config.js"] as const;

export interface LoadConfigOptions {
  /** `--config FILE`, relative to `cwd`. */
  configPath?: string;
  /** False for `--no-config`: the reference rubric, whatever files there are. */
  useConfig: boolean;
  cwd: string;
  /** `--allow-plugins`: run code from outside the config's folder, and a JavaScript config found in the working directory. */
  allowPlugins?: boolean;
}

/** The config file a run uses, as an absolute path: the one named, or the one in the working directory; none for `--no-config`. */
export function locateConfig({ configPath, cwd, useConfig }: LoadConfigOptions): string | undefined {
  if (!useConfig) return undefined;
  if (configPath !== undefined) {
    const file = resolve(cwd, configPath);
    if (!existsSync(file)) throw new ConfigError([`${configPath}: no such config file`]);
    return file;
  }
  const found = CONFIG_FILES.filter((name) => existsSync(resolve(cwd, name)));
  if (found.length > 1) throw new ConfigError([`found ${found.join(" and ")}; keep one, or choose with --config`]);
  return found[0] && resolve(cwd, found[0]);
}

export const isJavaScript = (file: string) => [".mjs", ".js", ".cjs"].includes(extname(file));

/** What a command that grades records takes from the config. */
export interface RunConfig {
  rubric: Rubric;
  mapping: ColumnMapping;
  /** The report's title, period and publisher. */
  report: ReportLabels;
  /** The config file as the user would name it, when one was used. */
  path?: string;
}

/**
 * The config a run grades by. With no config file it is the reference rubric, made without
 * loading the config's reader and zod (most of a small run's start-up); a file is read and checked
 * in full by src/config/load.ts. Throws ConfigError (exit 2) with one line per problem.
 */
export async function loadRunConfig(options: LoadConfigOptions): Promise<RunConfig> {
  if (locateConfig(options) === undefined) return { rubric: referenceRubric(), mapping: {}, report: {} };
  const { loadConfig } = await import("./load.js");
  const { rubric, mapping, parsed, path } = await loadConfig(options);
  return { rubric, mapping, report: parsed.report, ...(path === undefined ? {} : { path }) };
}
