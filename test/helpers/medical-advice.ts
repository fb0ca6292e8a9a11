import { readFileSync } from "node:fs";

/**
 * The config of issue 16's medical-advice rule, written as expressions: one file, which the tests and
 * `npm run bench` read. test/config/plugins/medical-advice.mjs is the same rule in JavaScript.
 */
export const MEDICAL_ADVICE_CONFIG_FILE = new URL("./medical-advice.json", import.meta.url);

export const MEDICAL_ADVICE_CONFIG = JSON.parse(readFileSync(MEDICAL_ADVICE_CONFIG_FILE, "utf8")) as { rules: { "medical-advice": Record<string, unknown> } };

/** The rule's entry under `rules`. */
export const MEDICAL_ADVICE = MEDICAL_ADVICE_CONFIG.rules["medical-advice"];
