/**
 * The page's style sheet, inline: system fonts (no web font to fetch), a readable width, the
 * charts' colours by class, the heat-map shades of the ABC-XYZ grid, and print rules (A4 width, no
 * sort cues, sections kept whole where they fit, colours printed as shown).
 */
export const PAGE_STYLE = `
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #d5dbe3; --paper: #fff; --accent: #2f5f9e;
  --below: #d9822b; --within: #3c9a5f; --above: #2f5f9e; --total: #1f2933; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1040px; padding: 24px 28px 48px; color: var(--ink); background: var(--paper);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC",
  "Microsoft YaHei", sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 6px; padding-top: 8px; border-top: 2px solid var(--line); }
.subtitle, .meta, .intro, .note, .more, figcaption { color: var(--muted); }
.meta { margin: 2px 0 0; font-size: 13px; }
section { margin: 28px 0 0; }
.intro { margin: 0 0 10px; max-width: 820px; }
.note { background: #f4f6f9; border-left: 3px solid var(--line); padding: 8px 12px; margin: 8px 0; }
.more { margin: 6px 0 0; font-size: 13px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin-top: 18px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px; break-inside: avoid; }
.card h3 { font-size: 13px; font-weight: 600; color: var(--muted); margin: 0 0 4px; text-transform: none; }
.card .figure { font-size: 21px; font-weight: 650; line-height: 1.25; overflow-wrap: anywhere; }
.card p { margin: 4px 0 0; font-size: 13px; color: var(--muted); }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; font-weight: 600; color: #fff; }
.badge.below { background: var(--below); } .badge.within { background: var(--within); }
.badge.above { background: var(--above); }
figure { margin: 0; }
svg.chart { display: block; width: 100%; max-width: 900px; height: auto; font-size: 12px; }
svg.chart text { fill: var(--ink); }
svg.chart text.inside { fill: #fff; }
svg.chart .tick, svg.chart .axis-title, svg.chart .legend { fill: var(--muted); }
svg.chart .grid { stroke: #edf0f4; } svg.chart .axis { stroke: #9aa5b1; }
svg.chart .bar.plain, svg.chart .column.value { fill: #6f8fbf; }
svg.chart .bar.below { fill: var(--below); } svg.chart .bar.within { fill: var(--within); }
svg.chart .bar.above { fill: var(--above); } svg.chart .bar.total { fill: var(--total); }
svg.chart .column.cogs { fill: #e0a458; }
svg.chart .band { fill: var(--within); fill-opacity: 0.14; stroke: var(--within); stroke-opacity: 0.5; stroke-dasharray: 4 3; }
svg.chart .band-label { fill: var(--within); font-size: 11px; }
svg.chart .curve { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; }
svg.chart .diagonal { stroke: #9aa5b1; stroke-dasharray: 2 4; }
svg.chart .cutoff { stroke: var(--below); stroke-dasharray: 6 4; }
svg.chart .cutoff-label { fill: var(--below); font-size: 11px; }
svg.chart .class-line { stroke: var(--accent); stroke-dasharray: 3 3; }
svg.chart .class-dot { fill: var(--accent); }
svg.chart .class-label { font-size: 12px; font-weight: 600; }
.classes { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 8px 0 0; padding: 0; list-style: none; font-size: 13px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 6px 0 0; font-size: 13px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-weight: 600; vertical-align: bottom; }
td.text { min-width: 6.5em; overflow-wrap: anywhere; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
td.number, td.date { white-space: nowrap; }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th::after { content: " \\2195"; color: #b4bcc7; font-size: 11px; }
table.sortable th[aria-sort="ascending"]::after { content: " \\25B2"; color: var(--accent); }
table.sortable th[aria-sort="descending"]::after { content: " \\25BC"; color: var(--accent); }
td.slow { color: var(--below); } td.dead, td.never-moved { color: #b23b3b; font-weight: 600; }
td.slow, td.dead, td.never-moved { white-space: nowrap; }
table.grid-table td, table.grid-table th { text-align: center; vertical-align: middle; min-width: 84px; }
table.grid-table td .count { display: block; font-size: 16px; font-weight: 650; }
table.grid-table td .share { display: block; font-size: 12px; }
table.grid-table td.total, table.grid-table th.total { background: #f4f6f9; }
.heat-0 { background: #fff; } .heat-1 { background: #eef3fa; } .heat-2 { background: #d9e5f4; }
.heat-3 { background: #b7cde9; } .heat-4 { background: #8eb0dc; } .heat-5 { background: #5f8ccb; color: #fff; }
footer { margin-top: 36px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 11px; }
  section { break-inside: avoid-page; margin-top: 18px; }
  section.long { break-inside: auto; }
  h2 { break-after: avoid; }
  table.sortable th { cursor: auto; }
  table.sortable th::after { content: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  svg.chart { max-width: 175mm; }
}
`;
