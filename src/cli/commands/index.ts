import type { RegisterCommand } from "./types.js";

/**
 * Every command, by name, in the order help lists them. Each module is loaded only when its command
 * runs (or when help or a "did you mean" needs them all): most of a small run's start-up is loading
 * modules, and a command loads only what it uses.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  score: async () => (await import("./score.js")).registerScore,
  agree: async () => (await import("./agree.js")).registerAgree,
  sample: async () => (await import("./sample.js")).registerSample,
  merge: async () => (await import("./merge.js")).registerMerge,
  diff: async () => (await import("./diff.js")).registerDiff,
  rules: async () => (await import("./rules.js")).registerRules,
  config: async () => (await import("./config.js")).registerConfig,
  init: async () => (await import("./init.js")).registerInit,
  schema: async () => (await import("./schema.js")).registerSchema,
  validate: async () => (await import("./validate.js")).registerValidate,
};

/** The commands a run needs: the one it names, none for the version, or all of them (help, a misspelt command). */
export async function commandsFor(argv: readonly string[]): Promise<RegisterCommand[]> {
  const [first] = argv;
  if (first === "-V" || first === "--version") return [];
  const names = first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
  return Promise.all(names.map((name) => COMMANDS[name]!()));
}
