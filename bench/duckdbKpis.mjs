// The DuckDB reference of issue #8, as a whole process: `node bench/duckdbKpis.mjs <duckdb-dir> <csv>`.
// It loads a generated ledger CSV into DuckDB (2 threads, in memory) and computes per-SKU KPIs
// comparable to a part of `invkpi analyze`'s: received and issued sums, COGS at the SKU's average
// receipt cost, the time-weighted average quantity from end-of-day balances, closing stock,
// revenue, daily demand mean and standard deviation with zero-demand days, turnover, days of
// inventory, capital tied up, GMROI, ABC by COGS and XYZ by the coefficient of variation.
// It does less than invkpi (no moving-average or FIFO costing, no layers, aging, replenishment or
// rollups), so the comparison favours DuckDB. `bench/scenarios.ts` (duckdb-1m, duckdb-10m) installs
// @duckdb/node-api into <duckdb-dir> once and times this script as it times `invkpi analyze`.
// Plain JavaScript (no tsx), so that DuckDB's process starts as fast as dist/cli.js does.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [duckdbDir, file] = process.argv.slice(2);
if (duckdbDir === undefined || file === undefined) {
  console.error("usage: node bench/duckdbKpis.mjs <duckdb-dir> <csv>");
  process.exit(2);
}
// Resolved from the directory it was installed in, not from the repository.
const entry = createRequire(join(duckdbDir, "package.json")).resolve("@duckdb/node-api");
const { DuckDBInstance } = await import(pathToFileURL(entry).href);

const PERIOD_END_PLUS_ONE = "2026-01-01";
const PERIOD_DAYS = 365;

const started = performance.now();
const db = await DuckDBInstance.create(":memory:", { threads: "2" });
const connection = await db.connect();
await connection.run(
  `CREATE TABLE m AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true,
   columns = {'sku': 'VARCHAR', 'date': 'DATE', 'type': 'VARCHAR', 'quantity': 'DOUBLE',
              'unitCost': 'DECIMAL(18,4)', 'unitPrice': 'DECIMAL(18,4)'})`,
);
const loaded = performance.now();

const KPIS = `
WITH signed AS (
  SELECT sku, date, type, quantity, unitCost, unitPrice,
    CASE WHEN type = 'issue' THEN -quantity ELSE quantity END AS delta
  FROM m),
cost AS (
  SELECT sku, sum(quantity * unitCost) / nullif(sum(quantity), 0) AS avgCost,
    sum(quantity) AS received
  FROM signed WHERE type = 'receipt' GROUP BY sku),
daily AS (
  SELECT sku, date, sum(delta) AS net,
    sum(CASE WHEN type = 'issue' THEN quantity WHEN type = 'return' THEN -quantity ELSE 0 END) AS demand,
    sum(CASE WHEN type = 'issue' THEN quantity * coalesce(unitPrice, 0) ELSE 0 END) AS revenue
  FROM signed GROUP BY sku, date),
balances AS (
  SELECT sku, date, demand, revenue,
    sum(net) OVER (PARTITION BY sku ORDER BY date) AS onHand,
    coalesce(lead(date) OVER (PARTITION BY sku ORDER BY date), DATE '${PERIOD_END_PLUS_ONE}') - date AS days
  FROM daily),
per AS (
  SELECT sku, sum(onHand * days) / ${PERIOD_DAYS}.0 AS avgQty, arg_max(onHand, date) AS closingQty,
    sum(demand) AS demand, sum(demand * demand) AS demandSquares, sum(revenue) AS revenue,
    max(date) AS lastMovement
  FROM balances GROUP BY sku),
kpi AS (
  SELECT sku, received, avgQty, closingQty, avgQty * avgCost AS avgValue, demand * avgCost AS cogs,
    revenue, demand / ${PERIOD_DAYS}.0 AS meanDaily,
    sqrt(greatest((demandSquares - demand * demand / ${PERIOD_DAYS}.0) / ${PERIOD_DAYS - 1}.0, 0)) AS sdDaily,
    (demand * avgCost) / nullif(avgQty * avgCost, 0) AS turnover,
    ${PERIOD_DAYS}.0 * avgQty / nullif(demand, 0) AS daysOfInventory,
    closingQty * avgCost AS capitalTiedUp,
    (revenue - demand * avgCost) / nullif(avgQty * avgCost, 0) AS gmroi, lastMovement
  FROM per JOIN cost USING (sku)),
ranked AS (
  SELECT *, sum(cogs) OVER (ORDER BY cogs DESC, sku ROWS UNBOUNDED PRECEDING) - cogs AS before,
    sum(cogs) OVER () AS total
  FROM kpi)
SELECT *,
  CASE WHEN before < 0.8 * total THEN 'A' WHEN before < 0.95 * total THEN 'B' ELSE 'C' END AS abc,
  CASE WHEN sdDaily / nullif(meanDaily, 0) <= 0.5 THEN 'X'
       WHEN sdDaily / nullif(meanDaily, 0) <= 1.0 THEN 'Y' ELSE 'Z' END AS xyz
FROM ranked ORDER BY sku`;
const rows = (await connection.runAndReadAll(KPIS)).getRows();
const finished = performance.now();
connection.closeSync();

console.log(
  JSON.stringify({
    loadMs: Math.round(loaded - started),
    kpisMs: Math.round(finished - loaded),
    skus: rows.length,
  }),
);
