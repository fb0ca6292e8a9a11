import { CHART_STYLE } from "./_html-chart.js";

/** The report's colours, light and dark: every text colour reads at 4.5:1 or better on `bg` and `head` (checked in the tests). */
export const PALETTES = {
  light: { text: "#1a1a1a", muted: "#4a4a4a", bg: "#ffffff", head: "#eeeeee", rule: "#8c8c8c", grid: "#b0b0b0", link: "#0b4f9c", focus: "#0b4f9c", goodInk: "#1e6b34", inadequateInk: "#a4161a" },
  dark: { text: "#ececec", muted: "#bdbdbd", bg: "#141414", head: "#2a2a2a", rule: "#767676", grid: "#555555", link: "#9ccaff", focus: "#9ccaff", goodInk: "#7fd197", inadequateInk: "#ff9a9a" },
} as const;

type Palette = Record<keyof (typeof PALETTES)["light"], string>;

const variables = (palette: Palette) =>
  Object.entries(palette)
    .map(([name, value]) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`)
    .join(" ");

/** The HTML report's whole stylesheet: system fonts, the light or dark palette as the reader's system asks, print rules for A4, forced colours. */
export const HTML_STYLE = `
:root { ${variables(PALETTES.light)} color-scheme: light dark; color: var(--text); background: var(--bg); font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.45; }
@media (prefers-color-scheme: dark) { :root { ${variables(PALETTES.dark)} } }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; overflow-wrap: break-word; }
h1 { font-size: 1.8rem; margin: 0.2rem 0 0.4rem; line-height: 1.2; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 0.75rem; border-bottom: 2px solid var(--text); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; overflow-wrap: anywhere; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
header .publisher { margin: 0; color: var(--muted); font-weight: 600; letter-spacing: 0.02em; overflow-wrap: anywhere; }
header .period { margin: 0 0 0.5rem; font-size: 1.15rem; overflow-wrap: anywhere; }
.lead { font-size: 1.1rem; margin: 0.25rem 0 0.75rem; }
dl.provenance { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.15rem 1rem; margin: 0.5rem 0; font-size: 0.92rem; }
dl.provenance div { display: contents; }
dl.provenance dt { color: var(--muted); }
dl.provenance dd { margin: 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
code.hash { overflow-wrap: anywhere; word-break: break-all; font-size: 0.85em; }
nav ol.contents { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; margin: 1rem 0 0; list-style: none; }
.muted { color: var(--muted); }
.note { color: var(--muted); font-size: 0.92rem; }
figure { margin: 1rem 0; }
figcaption { font-size: 0.92rem; color: var(--muted); }
.table-scroll { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: 0.75rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; caption-side: top; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.5rem; vertical-align: top; }
thead th { background: var(--head); text-align: left; }
tbody th, tfoot th { text-align: left; font-weight: 600; min-width: 6rem; max-width: 16rem; overflow-wrap: anywhere; }
table.numbers td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.grades td:last-child { text-align: left; white-space: normal; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--text); }
table.problems td, table.options td { overflow-wrap: anywhere; }
dl.figures { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.25rem 1rem; }
dl.figures dt { font-weight: 600; }
dl.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
ul.cases { columns: 3 14rem; padding-left: 1.2rem; overflow-wrap: anywhere; }
details { margin: 0.75rem 0; }
summary { cursor: pointer; font-weight: 600; }
.rule { margin: 1.25rem 0; }
.rule h3 { margin-bottom: 0.2rem; }
.rule p { margin: 0.2rem 0; }
${CHART_STYLE}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root { ${variables(PALETTES.light)} font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .table-scroll { overflow: visible; }
  h2, h3, caption { break-after: avoid; }
  tr, .chart-row, .rule > p, dl.provenance, figure, .panel { break-inside: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  a { color: inherit; text-decoration: none; }
}
`;
