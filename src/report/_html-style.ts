/** The HTML report's whole stylesheet: system fonts, dark text on white (contrast above 7:1), print rules. */
export const HTML_STYLE = `
:root { color: #1a1a1a; background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.45; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 0.75rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; }
.lead { font-size: 1.1rem; margin: 0.25rem 0; }
.muted { color: #4a4a4a; }
.note { color: #333333; font-size: 0.92rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
figure { margin: 1rem 0; }
figcaption { font-size: 0.92rem; color: #333333; }
svg.chart { max-width: 100%; height: auto; font-size: 13px; }
svg.chart text { fill: #1a1a1a; }
svg.chart .segment-label { font-weight: 600; }
svg.chart .bar-label { font-weight: 600; }
svg.chart .bar-row.overall .bar-label { font-weight: 700; }
svg.chart .bar { stroke: #1a1a1a; stroke-width: 0.75; }
svg.chart .legend-swatch { stroke: #1a1a1a; stroke-width: 0.75; }
svg.chart .whisker, svg.chart .whisker-cap { stroke: #1a1a1a; stroke-width: 1.5; }
svg.chart .grid { stroke: #b0b0b0; stroke-width: 1; stroke-dasharray: 2 3; }
svg.chart .separator { stroke: #1a1a1a; stroke-width: 1; }
svg.chart .tick { fill: #333333; font-size: 12px; }
table { border-collapse: collapse; margin: 0.75rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; caption-side: top; }
th, td { border: 1px solid #8c8c8c; padding: 0.3rem 0.5rem; vertical-align: top; }
thead th { background: #eeeeee; text-align: left; }
table.numbers td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody th, tfoot th { text-align: left; font-weight: 600; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #1a1a1a; }
table.rubric td { white-space: normal; }
tbody th, tfoot th { white-space: nowrap; }
table.rubric td:nth-child(3) { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem; overflow-wrap: anywhere; }
dl.figures { display: grid; grid-template-columns: max-content auto; gap: 0.25rem 1rem; }
dl.figures dt { font-weight: 600; }
dl.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
ul.cases { columns: 3 14rem; padding-left: 1.2rem; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; }
  figure, table, .scope, dl { break-inside: avoid; }
  section { break-before: auto; }
}
`;
