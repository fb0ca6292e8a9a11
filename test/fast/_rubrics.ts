import { resolve } from "node:path";
import { parseConfig } from "../../src/config/load.js";
import type { Rubric } from "../../src/engine/rubric.js";
import { MEDICAL_ADVICE } from "../helpers/medical-advice.js";

// Rubrics with rules that are not built in, made as a config makes them, so that each rule can be
// loaded again in a worker thread: from its module's file, or from its definition.

const PLUGINS = resolve("test/fast/plugins");
const configured = async (raw: unknown): Promise<Rubric> => (await parseConfig(raw, PLUGINS, "audit.config.json", undefined, { allowPlugins: true })).rubric;

/** Two plugin rules, one of which fails on some cases and reads a carried-through column, under the points strategy. */
export const PLUGIN_RUBRIC = await configured({
  plugins: ["../../config/plugins/medical-advice.mjs", "./fussy.mjs"],
  rules: { fussy: { team: "CAIT" }, "child-first": "off" },
  strategy: { name: "points", good: 1.5, adequate: 0.75, weights: { fussy: 2 }, critical: ["medical-advice"] },
});

/** Issue 16's medical-advice rule, written in the config, beside the built-in rules. */
export const DECLARATIVE_RUBRIC = await configured({ rules: { "medical-advice": MEDICAL_ADVICE } });

/** The reference rubric and the plugins named, as a config naming them makes it. */
export const rubricWith = (...plugins: string[]) => configured({ plugins });
