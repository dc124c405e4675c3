// The invkpi demo: replays the bundled sample ledger (six SKUs, two warehouses, one year) and prints
// what the replay found per SKU. Run it with `npm run demo`. The full report (turnover, ABC-XYZ,
// reorder points, slow stock) arrives with `invkpi demo` in the CLI issue.
import { readFileSync } from "node:fs";
import { replayLedger, validateLedger } from "../src/index.js";

const rows: unknown[] = JSON.parse(
  readFileSync(new URL("./sample-ledger.json", import.meta.url), "utf8"),
);
const { movements, issues } = validateLedger(rows);
if (issues.length > 0) {
  for (const issue of issues) console.error(`row ${issue.row}, ${issue.field}: ${issue.message}`);
  process.exit(1);
}

const period = { from: "2025-01-01", to: "2025-12-31" };
const { histories, warnings } = replayLedger(movements, { period, valuation: "moving-average" });

console.log(
  `invkpi demo: ${movements.length} movements, ${histories.length} SKUs, ${period.from} .. ${period.to}\n`,
);
const header = [
  "SKU",
  "opening",
  "closing",
  "avg qty",
  "closing value",
  "avg value",
  "COGS",
  "last issue",
];
const table = histories.map((h) => [
  h.sku,
  String(h.openingQuantity),
  String(h.closingQuantity),
  h.averageQuantity.toFixed(1),
  h.closingValue.toFixed(2),
  h.averageValue.toFixed(2),
  h.cogs.toFixed(2),
  h.lastIssueDate ?? "never",
]);
const width = (s: string) =>
  [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const widths = header.map((h, i) => Math.max(width(h), ...table.map((r) => width(r[i] as string))));
const pad = (s: string, i: number) =>
  i === 0
    ? s + " ".repeat((widths[i] as number) - width(s))
    : " ".repeat((widths[i] as number) - width(s)) + s;
console.log(header.map(pad).join("  "));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of table) console.log(row.map(pad).join("  "));

if (warnings.length > 0) {
  console.log("\nwhat the replay noticed:");
  for (const w of warnings) console.log(`- ${w.code}: ${w.message}`);
}
