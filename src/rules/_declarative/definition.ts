import type { z } from "zod";
import type { Rating } from "../define-rule.js";
import type { definitionSchema } from "./schema.js";

/** What a rule written in the config rates when it cannot be judged because a field it reads is not recorded. */
export const ON_MISSING = ["n/a", "adequate", "inadequate"] as const satisfies readonly Rating[];
export type OnMissing = (typeof ON_MISSING)[number];

/** The source a rubric records for a rule written in the config (a plugin's is its path). */
export const CONFIG_SOURCE = "config";

/**
 * A rule written in the config, every default filled in: what the rubric records (and hashes),
 * and what a worker thread compiles again. Its schema is src/rules/_declarative/schema.ts.
 */
export type DeclarativeDefinition = z.output<typeof definitionSchema>;

/** One `inadequate` or `adequate` entry: when its expression holds, the rule gives this finding. */
export type DeclarativeEntry = DeclarativeDefinition["inadequate"][number];

/** The keys that make an entry of the config's `rules` a rule written in the config. */
export const DECLARATIVE_KEYS = ["applies", "inadequate", "adequate"] as const;
