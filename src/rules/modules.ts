import { pathToFileURL } from "node:url";

// How a rule module is read, the same on the main thread (which checks it, src/config/plugins.ts)
// and in the fast path's workers (which load it again by its file): no zod here, so that a worker
// loads it only if the plugin does.

const looksLikeRule = (value: unknown) => typeof value === "object" && value !== null && "evaluate" in value;

/** The rules a module offers: its default export, else every named export that is a rule or a list of them. */
export function rulesOfModule(module: Record<string, unknown>): unknown[] {
  if (module.default !== undefined) return [module.default].flat();
  return Object.values(module).flatMap((value) => [value].flat().filter(looksLikeRule));
}

/** Imports a rule module by its absolute path. */
export async function importRuleModule(file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}
