/*
 * The drill-down's script, run by the browser: the function below is written into the page as its
 * source text (so it may use nothing outside itself), allowed by the page's Content-Security-Policy
 * through the hash of that text. It builds rows with text nodes only: no markup is ever parsed.
 * The browser's globals are declared here, in this module only, for the type checker.
 */
interface Control {
  value: string;
  textContent: string | null;
  hidden: boolean;
  disabled: boolean;
  colSpan: number;
  id: string;
  scope: string;
  type: string;
  className: string;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  append(...children: (Control | string)[]): void;
  replaceChildren(...children: Control[]): void;
  addEventListener(type: string, listener: () => void): void;
}
declare const document: { getElementById(id: string): Control | null; createElement(tag: string): Control };

/** What the page carries of each case, compactly: indexes into the lists, one letter per rule's rating. */
export interface CaseData {
  /** Rule ids, in the rubric's order. */
  rules: string[];
  /** The words for each rating letter: g, a, i and n (n/a). */
  ratings: Record<string, string>;
  /** The words for the grades, good first. */
  grades: string[];
  /** Group names. */
  groups: string[];
  /** Distinct findings, as "code: message". */
  findings: string[];
  /** id, group (index), grade (index), inspector's grade (index, -1 when none), a letter per rule, then pairs of rule and finding indexes. */
  cases: [string, number, number, number, string, number[]][];
  /** Cases shown per page. */
  pageSize: number;
}

export function drillDown(): void {
  const $ = (id: string) => document.getElementById(id)!;
  const data = JSON.parse($("case-data").textContent ?? "") as CaseData;
  const ids = data.cases.map((row) => row[0].toLowerCase());
  const controls = { search: $("case-search"), group: $("case-group"), grade: $("case-grade"), rule: $("case-rule"), rating: $("case-rating") };
  const rows = $("case-rows");
  const status = $("case-status");
  const pageText = $("case-page");
  const previous = $("case-previous");
  const next = $("case-next");
  const number = (n: number) => n.toLocaleString("en-GB");
  let matching: number[] = [];
  let page = 0;

  const make = (tag: string, text?: string, className?: string): Control => {
    const element = document.createElement(tag);
    if (text !== undefined) element.textContent = text;
    if (className) element.className = className;
    return element;
  };

  const filter = () => {
    const query = controls.search.value.trim().toLowerCase();
    const group = controls.group.value === "" ? -1 : Number(controls.group.value);
    const grade = controls.grade.value === "" ? -1 : Number(controls.grade.value);
    const rule = controls.rule.value === "" ? -1 : Number(controls.rule.value);
    const rating = controls.rating.value;
    matching = [];
    for (let i = 0; i < data.cases.length; i++) {
      const row = data.cases[i]!;
      if (group !== -1 && row[1] !== group) continue;
      if (grade !== -1 && row[2] !== grade) continue;
      if (rating !== "" && (rule === -1 ? !row[4].includes(rating) : row[4][rule] !== rating)) continue;
      if (query !== "" && !ids[i]!.includes(query)) continue;
      matching.push(i);
    }
    page = 0;
  };

  const detail = (row: CaseData["cases"][number], id: string): Control => {
    const table = make("table", undefined, "case-rules");
    table.append(make("caption", `Case ${row[0]}: each rule's rating and findings`));
    const head = make("tr");
    for (const title of ["Rule", "Rating", "Findings"]) {
      const th = make("th", title);
      th.scope = "col";
      head.append(th);
    }
    const thead = make("thead");
    thead.append(head);
    const body = make("tbody");
    data.rules.forEach((rule, r) => {
      const tr = make("tr");
      const th = make("th", rule);
      th.scope = "row";
      const items: Control[] = [];
      for (let f = 0; f < row[5].length; f += 2) if (row[5][f] === r) items.push(make("li", data.findings[row[5][f + 1]!]));
      const cell = make("td");
      if (items.length) {
        const list = make("ul");
        list.append(...items);
        cell.append(list);
      }
      tr.append(th, make("td", data.ratings[row[4][r]!] ?? ""), cell);
      body.append(tr);
    });
    table.append(thead, body);
    const td = make("td");
    td.colSpan = 5;
    td.append(table);
    const tr = make("tr", undefined, "case-detail");
    tr.id = id;
    tr.hidden = true;
    tr.append(td);
    return tr;
  };

  const render = () => {
    const pages = Math.max(1, Math.ceil(matching.length / data.pageSize));
    const first = page * data.pageSize;
    const shown = matching.slice(first, first + data.pageSize);
    const built: Control[] = [];
    for (const index of shown) {
      const row = data.cases[index]!;
      const id = `case-detail-${index}`;
      const button = make("button", row[0]);
      button.type = "button";
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-controls", id);
      const th = make("th");
      th.scope = "row";
      th.append(button);
      const tr = make("tr");
      tr.append(th, make("td", data.groups[row[1]]), make("td", data.grades[row[2]]), make("td", row[3] === -1 ? "none" : data.grades[row[3]]), make("td", String(row[5].length / 2)));
      built.push(tr);
      const more = detail(row, id);
      button.addEventListener("click", () => {
        const open = button.getAttribute("aria-expanded") === "true";
        button.setAttribute("aria-expanded", String(!open));
        more.hidden = open;
      });
      built.push(more);
    }
    rows.replaceChildren(...built);
    status.textContent = matching.length
      ? `Showing cases ${number(first + 1)}–${number(first + shown.length)} of ${number(matching.length)} that match (${number(data.cases.length)} in all).`
      : `No case matches (${number(data.cases.length)} in all).`;
    pageText.textContent = `Page ${number(page + 1)} of ${number(pages)}`;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
  };

  const update = () => {
    filter();
    render();
  };
  controls.search.addEventListener("input", update);
  for (const control of [controls.group, controls.grade, controls.rule, controls.rating]) control.addEventListener("change", update);
  previous.addEventListener("click", () => {
    page = Math.max(0, page - 1);
    render();
  });
  next.addEventListener("click", () => {
    page += 1;
    render();
  });
  $("case-filters").hidden = false;
  update();
}
