// The DuckDB reference of issue #8, as a whole process: `node bench/duckdbKpis.mjs <duckdb-dir> <csv>`.
// It loads a generated ledger CSV into DuckDB (2 threads, in memory) and computes per-SKU KPIs
// comparable to a part of `invkpi analyze`'s: received quantity, net demand (issues − returns),
// COGS at the SKU's average receipt cost, the time-weighted average quantity from end-of-day
// balances, closing stock, revenue net of returns, daily demand mean and standard deviation with
// zero-demand days, turnover, days of inventory, capital tied up, GMROI, ABC by COGS (a run of
// equal values takes the class of its first item) and XYZ by the coefficient of variation of
// weekly demand with zero-demand weeks over the period's whole ISO weeks (no class without demand),
// as `invkpi analyze` defaults to.
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
/**
 * The Monday of the ISO week of the period's first day (2025-01-01). The period touches weeks 0 to
 * 52 from it; weeks 0 (Wednesday to Sunday) and 52 (Monday to Wednesday) are cut, and invkpi counts
 * only whole weeks (`demand.partialBuckets: 'exclude'`): weeks 1 to 51.
 */
const FIRST_MONDAY = "2024-12-30";
const FIRST_WHOLE_WEEK = 1;
const WHOLE_WEEKS = 51;

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
    sum(CASE WHEN type = 'issue' THEN quantity * coalesce(unitPrice, 0)
             WHEN type = 'return' THEN -quantity * coalesce(unitPrice, 0) ELSE 0 END) AS revenue
  FROM signed GROUP BY sku, date),
balances AS (
  SELECT sku, date, demand, revenue,
    sum(net) OVER (PARTITION BY sku ORDER BY date) AS onHand,
    coalesce(lead(date) OVER (PARTITION BY sku ORDER BY date), DATE '${PERIOD_END_PLUS_ONE}') - date AS days
  FROM daily),
weekly AS (
  SELECT sku, sum(demand) AS weekDemand, sum(demand * demand) AS weekSquares
  FROM (SELECT sku, (date - DATE '${FIRST_MONDAY}') // 7 AS week, sum(demand) AS demand
        FROM daily GROUP BY sku, week)
  WHERE week BETWEEN ${FIRST_WHOLE_WEEK} AND ${FIRST_WHOLE_WEEK + WHOLE_WEEKS - 1}
  GROUP BY sku),
per AS (
  SELECT sku, sum(onHand * days) / ${PERIOD_DAYS}.0 AS avgQty, arg_max(onHand, date) AS closingQty,
    sum(demand) AS demand, sum(demand * demand) AS demandSquares, sum(revenue) AS revenue,
    max(date) AS lastMovement
  FROM balances GROUP BY sku),
kpi AS (
  SELECT sku, received, avgQty, closingQty, avgQty * avgCost AS avgValue, demand * avgCost AS cogs,
    revenue, demand / ${PERIOD_DAYS}.0 AS meanDaily,
    sqrt(greatest((demandSquares - demand * demand / ${PERIOD_DAYS}.0) / ${PERIOD_DAYS - 1}.0, 0)) AS sdDaily,
    CASE WHEN weekDemand > 0 THEN
      sqrt(greatest((weekSquares - weekDemand * weekDemand / ${WHOLE_WEEKS}.0) / ${WHOLE_WEEKS - 1}.0, 0))
        / (weekDemand / ${WHOLE_WEEKS}.0) END AS cvWeekly,
    (demand * avgCost) / nullif(avgQty * avgCost, 0) AS turnover,
    ${PERIOD_DAYS}.0 * avgQty / nullif(demand, 0) AS daysOfInventory,
    closingQty * avgCost AS capitalTiedUp,
    (revenue - demand * avgCost) / nullif(avgQty * avgCost, 0) AS gmroi, lastMovement
  FROM per LEFT JOIN weekly USING (sku) LEFT JOIN cost USING (sku)),
ranked AS (
  SELECT *,
    sum(cogs) OVER (ORDER BY cogs DESC RANGE UNBOUNDED PRECEDING)
      - cogs * count(*) OVER (PARTITION BY cogs) AS before,
    sum(cogs) OVER () AS total
  FROM kpi)
SELECT *,
  CASE WHEN before < 0.8 * total THEN 'A' WHEN before < 0.95 * total THEN 'B' ELSE 'C' END AS abc,
  CASE WHEN cvWeekly IS NULL THEN 'none' WHEN cvWeekly <= 0.5 THEN 'X'
       WHEN cvWeekly <= 1.0 THEN 'Y' ELSE 'Z' END AS xyz
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
