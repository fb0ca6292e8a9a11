/**
 * Reads a tagged PDF as Chromium writes it (Skia: no object streams, structure elements as plain objects)
 * far enough to say on which pages each table row's content was drawn. Text cannot be mapped back to rows
 * reliably, but the structure tree can: each TR lists its cells, each cell the marked content it drew, and
 * each piece of marked content names its page. A row whose content lies on two pages was split by a page
 * break; a header row is drawn again on every page a table runs onto, so it is reported as such.
 */

type Value = number | string | { ref: number } | Value[] | Map<string, Value>;

/** The tokens of a PDF object body: delimiters, names, numbers, `R`, and strings (kept whole). */
function tokens(body: string): string[] {
  const out: string[] = [];
  const pattern = /<<|>>|\[|\]|\/[^\s/<>[\]()]+|\((?:\\.|[^\\)])*\)|[-+]?\d*\.?\d+|R\b|[a-z]+/gy;
  for (let at = 0; at < body.length; ) {
    if (/\s/.test(body[at]!)) {
      at++;
      continue;
    }
    pattern.lastIndex = at;
    const match = pattern.exec(body);
    if (!match) {
      at++;
      continue;
    }
    out.push(match[0]);
    at = pattern.lastIndex;
  }
  return out;
}

function parse(list: string[], at: { i: number }): Value {
  const token = list[at.i++]!;
  if (token === "<<") {
    const dict = new Map<string, Value>();
    while (list[at.i] !== ">>" && at.i < list.length) {
      const key = list[at.i++]!.slice(1);
      dict.set(key, parse(list, at));
    }
    at.i++;
    return dict;
  }
  if (token === "[") {
    const array: Value[] = [];
    while (list[at.i] !== "]" && at.i < list.length) array.push(parse(list, at));
    at.i++;
    return array;
  }
  if (/^[-+]?\d/.test(token)) {
    // `12 0 R` is a reference; a lone number is a number.
    if (list[at.i + 1] === "R" && /^\d+$/.test(list[at.i] ?? "")) {
      at.i += 2;
      return { ref: Number(token) };
    }
    return Number(token);
  }
  return token;
}

export interface PdfRow {
  /** Every cell is a column header (`/Scope /Column`): a table's head, drawn again on each page. */
  header: boolean;
  /** The pages (their object numbers) the row's content was drawn on. */
  pages: Set<number>;
}

/** The table rows of a tagged PDF, in document order, each with the pages its content lies on; and the page count. */
export function pdfTableRows(pdf: Buffer): { rows: PdfRow[]; pages: number } {
  const text = pdf.toString("latin1");
  const elements = new Map<number, Map<string, Value>>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*endobj/g)) {
    if (!match[2]!.includes("/StructElem")) continue;
    const value = parse(tokens(match[2]!), { i: 0 });
    if (value instanceof Map) elements.set(Number(match[1]), value);
  }
  const pagesOf = (element: Map<string, Value>, into: Set<number>) => {
    const own = element.get("Pg");
    const kids = element.get("K");
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
      if (typeof kid === "number" && own && typeof own === "object" && "ref" in own) into.add(own.ref);
      else if (kid instanceof Map) {
        const page = kid.get("Pg");
        if (page && typeof page === "object" && "ref" in page) into.add(page.ref);
      } else if (kid && typeof kid === "object" && "ref" in kid) {
        const child = elements.get(kid.ref);
        if (child) pagesOf(child, into);
      }
    }
    return into;
  };
  const isColumnHeader = (ref: Value) => {
    const cell = typeof ref === "object" && "ref" in ref ? elements.get(ref.ref) : undefined;
    return cell?.get("S") === "/TH" && JSON.stringify([...(cell.get("A") as Value[] ?? [])].map((a) => (a instanceof Map ? a.get("Scope") : null))).includes("/Column");
  };
  const rows = [...elements.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, element]) => element.get("S") === "/TR")
    .map(([, element]) => {
      const cells = element.get("K");
      const list = Array.isArray(cells) ? cells : cells === undefined ? [] : [cells];
      return { header: list.length > 0 && list.every(isColumnHeader), pages: pagesOf(element, new Set()) };
    });
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![s\w])/g)].length;
  return { rows, pages };
}
