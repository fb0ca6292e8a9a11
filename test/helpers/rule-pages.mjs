// What a built-in rule's page (src/rules/<id>/README.md) documents: each finding code it can give, with the
// rating it gives, as the page's table of codes lists them. test/rules/registry.test.ts checks the pages
// against the rules with it; fixtures/make-fixtures.mjs reads the codes' ratings from it.
import { readFileSync } from "node:fs";

const CODE_ROW = /^\| `([a-z0-9-]+)` \| (adequate|inadequate) \|/gm;

/** The page of the rule with this id. */
export const rulePage = (id) => readFileSync(new URL(`../../src/rules/${id}/README.md`, import.meta.url), "utf8");

/** The codes a rule's page documents, in its order, each with its rating. */
export const documentedCodes = (id) => [...rulePage(id).matchAll(CODE_ROW)].map(([, code, level]) => ({ code, level }));
