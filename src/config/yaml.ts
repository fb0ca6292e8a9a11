import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";

/** A YAML config read into plain data, and where in the file each part of it was written. */
export interface YamlConfig {
  value: unknown;
  /** The 1-based line of the key or item at `path`, or of the nearest part of it that is written. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export type YamlRead = { ok: true; config: YamlConfig } | { ok: false; line: number; column: number; message: string };

/** Aliases a config may use before it is taken for an alias bomb (a few lines that expand to gigabytes). */
const MAX_ALIASES = 100;

/** Reads a YAML 1.2 config: JSON's types only (no custom tags), keys unique. */
export function readYaml(text: string): YamlRead {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: "1.2", schema: "core" });
  const fail = (offset: number, message: string): YamlRead => {
    const { line, col } = lines.linePos(offset);
    return { ok: false, line, column: col, message: message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") };
  };
  const [error] = doc.errors;
  if (error) return fail(error.pos[0], error.message);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (thrown) {
    return fail(0, thrown instanceof Error ? thrown.message : String(thrown));
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    let node: Node | null | undefined = doc.contents;
    let at = node?.range?.[0];
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) break;
        at = (pair.key as Node).range?.[0] ?? at;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof key === "number") {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        at = item.range?.[0] ?? at;
        node = item;
      } else break;
    }
    return at === undefined ? undefined : lines.linePos(at).line;
  };
  return { ok: true, config: { value, lineOf } };
}
