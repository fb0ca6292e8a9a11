import { readFileSync } from "node:fs";
import type { z } from "zod";
import type { DeclarativeDefinition } from "../../src/rules/_declarative/definition.js";
import { definitionSchema } from "../../src/rules/_declarative/schema.js";

/**
 * The config of issue 16's medical-advice rule, written as expressions: one file, which the tests and
 * `npm run bench` read. test/config/plugins/medical-advice.mjs is the same rule in JavaScript.
 */
export const MEDICAL_ADVICE_CONFIG_FILE = new URL("./medical-advice.json", import.meta.url);

type Written = z.input<typeof definitionSchema>;

export const MEDICAL_ADVICE_CONFIG = JSON.parse(readFileSync(MEDICAL_ADVICE_CONFIG_FILE, "utf8")) as { rules: { "medical-advice": Written } };

/** The rule's entry under `rules`, as the config writes it. */
export const MEDICAL_ADVICE = MEDICAL_ADVICE_CONFIG.rules["medical-advice"];

/** The same with every default filled in, as a rubric records it and the compiler takes it. */
export const MEDICAL_ADVICE_DEFINITION: DeclarativeDefinition = definitionSchema.parse(MEDICAL_ADVICE);
