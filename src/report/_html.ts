const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** C0 control characters other than tab and line breaks: HTML does not allow them. */
const CONTROL = /[^\t\n\r\x20-\uFFFF]/g;

/** Text for HTML content or a quoted attribute; control characters other than tab and line breaks are dropped. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Text from the data (a group name, a case id, a rule's words) set inside running text: escaped, and
 * isolated so that a right-to-left override in it cannot reorder the words around it.
 */
export const isolate = (text: string): string => `<bdi>${escapeHtml(text)}</bdi>`;

/** Characters that would end a `<script>` element or a JavaScript string early, as JSON escapes. */
const SCRIPT_UNSAFE: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** A value as JSON that is safe as the text of a `<script type="application/json">`: no `</script>`, no `<!--`, no line separators. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c]!);

export interface HtmlRow {
  /** The row header: a `<th scope="row">`. */
  header: string;
  /** Cell texts; a line break starts a new line within the cell. */
  cells: string[];
  className?: string;
}

export interface HtmlTable {
  caption: string;
  /** Column headers, the row-header column's first. */
  columns: string[];
  rows: HtmlRow[];
  /** Rows set apart at the foot, such as the overall row. */
  foot?: HtmlRow[];
  className?: string;
}

const rowHtml = ({ header, cells, className }: HtmlRow) =>
  `<tr${className ? ` class="${className}"` : ""}><th scope="row">${escapeHtml(header)}</th>` +
  cells.map((cell) => `<td>${escapeHtml(cell).replace(/\n/g, "<br>")}</td>`).join("") +
  "</tr>";

/**
 * A data table: a caption, column headers with scope, a header cell per row, every text escaped; in a
 * region that scrolls sideways on its own (and can be focused to scroll by keyboard) when the page is narrow.
 */
export function htmlTable(table: HtmlTable): string {
  const head = table.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join("");
  return [
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(table.caption)}">`,
    `<table${table.className ? ` class="${table.className}"` : ""}>`,
    `<caption>${escapeHtml(table.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${table.rows.map(rowHtml).join("\n")}</tbody>`,
    table.foot?.length ? `<tfoot>${table.foot.map(rowHtml).join("\n")}</tfoot>` : "",
    "</table>",
    "</div>",
  ].join("\n");
}

/** An element with escaped text content. */
export const element = (tag: string, text: string, attributes = ""): string => `<${tag}${attributes}>${escapeHtml(text)}</${tag}>`;

/** A section of the report: an `h2` that names it, and its parts. */
export const section = (id: string, title: string, parts: readonly string[]): string =>
  [`<section id="${id}" aria-labelledby="${id}-title">`, element("h2", title, ` id="${id}-title"`), ...parts, "</section>"].join("\n");

/** Content shown on request: a `<details>` with its summary (already HTML). */
export const collapsed = (summary: string, body: string, className = ""): string =>
  `<details${className ? ` class="${className}"` : ""}><summary>${summary}</summary>\n${body}\n</details>`;
