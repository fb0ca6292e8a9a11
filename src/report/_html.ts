const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** C0 control characters other than tab and line breaks: HTML does not allow them. */
const CONTROL = /[^\t\n\r\x20-\uFFFF]/g;

/** Text for HTML content or a quoted attribute; control characters other than tab and line breaks are dropped. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

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

/** A data table: a caption, column headers with scope, a header cell per row. Every text is escaped. */
export function htmlTable(table: HtmlTable): string {
  const head = table.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join("");
  return [
    `<table${table.className ? ` class="${table.className}"` : ""}>`,
    `<caption>${escapeHtml(table.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${table.rows.map(rowHtml).join("\n")}</tbody>`,
    table.foot?.length ? `<tfoot>${table.foot.map(rowHtml).join("\n")}</tfoot>` : "",
    "</table>",
  ].join("\n");
}

/** An element with escaped text content. */
export const element = (tag: string, text: string, attributes = ""): string => `<${tag}${attributes}>${escapeHtml(text)}</${tag}>`;
