import { Decimal } from "../../../src/model/Decimal.js";
import type { Movement } from "../../../src/model/Movement.js";
import type { SkuInfo } from "../../../src/model/SkuInfo.js";
import {
  analyzeLedger,
  type InventoryReport,
  type InventoryReportRow,
  type ReportGroup,
} from "../../../src/report/index.js";

// Reports for the HTML report's tests: one whose texts try to inject markup, and a synthetic one
// with as many rows as wanted, for the size test.

/** SKU codes that would run or break markup if they were not escaped. */
export const HOSTILE_SKUS = {
  img: `<img src=x onerror="window.__pwned=1">`,
  quotes: `"quoted" & 'single'`,
  chinese: "螺丝 M3",
  script: "<script>window.__pwned=2</script>",
} as const;

/** Descriptions, categories and a location that try the same in other places of the page. */
export const HOSTILE_TEXTS = {
  description: `<b onmouseover="window.__pwned=3">bold</b> & "more"`,
  category: `</svg><script>window.__pwned=4</script>`,
  otherCategory: `"><svg onload="window.__pwned=5">`,
  location: `W1' onclick='window.__pwned=6`,
} as const;

const PERIOD = { from: "2024-01-01", to: "2024-06-30" } as const;

function hostileLedger(): Movement[] {
  const movements: Movement[] = [];
  const at = { location: HOSTILE_TEXTS.location };
  // Never issued: never-moved stock, listed in the slow and dead table.
  movements.push({
    sku: HOSTILE_SKUS.img,
    date: "2024-01-02",
    type: "receipt",
    quantity: 100,
    unitCost: "2",
    ...at,
  });
  // Received once, sold weekly: at its reorder point by the end (a lead time in skuInfo).
  movements.push({
    sku: HOSTILE_SKUS.quotes,
    date: "2024-01-02",
    type: "receipt",
    quantity: 300,
    unitCost: "3",
    ...at,
  });
  movements.push({
    sku: HOSTILE_SKUS.chinese,
    date: "2024-01-02",
    type: "receipt",
    quantity: 2000,
    unitCost: "0.1",
    ...at,
  });
  movements.push({
    sku: HOSTILE_SKUS.script,
    date: "2024-01-02",
    type: "receipt",
    quantity: 50,
    unitCost: "7",
    ...at,
  });
  for (let week = 0; week < 25; week++) {
    const day = new Date(Date.UTC(2024, 0, 8 + week * 7)).toISOString().slice(0, 10);
    movements.push({
      sku: HOSTILE_SKUS.quotes,
      date: day,
      type: "issue",
      quantity: 10 + (week % 3),
      ...at,
    });
    movements.push({
      sku: HOSTILE_SKUS.chinese,
      date: day,
      type: "issue",
      quantity: 40 + (week % 5) * 7,
      ...at,
    });
    if (week < 6)
      movements.push({ sku: HOSTILE_SKUS.script, date: day, type: "issue", quantity: 3, ...at });
  }
  return movements;
}

const HOSTILE_SKU_INFO: readonly SkuInfo[] = [
  {
    sku: HOSTILE_SKUS.img,
    description: HOSTILE_TEXTS.description,
    category: HOSTILE_TEXTS.category,
  },
  {
    sku: HOSTILE_SKUS.quotes,
    description: HOSTILE_SKUS.quotes,
    category: HOSTILE_TEXTS.otherCategory,
    leadTimeDays: 30,
  },
  {
    sku: HOSTILE_SKUS.chinese,
    description: "十字螺丝 M3×8 <不锈钢>",
    category: HOSTILE_TEXTS.category,
    leadTimeDays: 60,
  },
  { sku: HOSTILE_SKUS.script, category: HOSTILE_TEXTS.otherCategory, leadTimeDays: 10 },
];

/**
 * A report whose SKU codes, descriptions, categories and location are markup and script: every
 * section of the page has some of them to show (the slow and dead list, the reorder list, the
 * category bars and table), grouped by category, location and month.
 */
export function hostileReport(): InventoryReport {
  return analyzeLedger(hostileLedger(), {
    period: PERIOD,
    skuInfo: HOSTILE_SKU_INFO,
    groupBy: ["category", "location", "month"],
    industry: "wholesale",
  });
}

/**
 * A report with `rowCount` rows and `groupCount` categories, built from a small real report by
 * copying its first row with new SKU codes and values. The values fall off as 1 / rank^1.1 (a
 * Pareto-like spread, as in `invkpi generate`); every third row is slow, dead or never moved, every
 * seventh is due for reorder. Its figures are not consistent with one another (the totals are the
 * small report's): it exists to measure the size of the page, not its figures.
 */
export function syntheticReport(rowCount: number, groupCount: number): InventoryReport {
  const base = analyzeLedger(hostileLedger(), {
    period: PERIOD,
    skuInfo: HOSTILE_SKU_INFO,
    groupBy: ["category", "month"],
    industry: "wholesale",
  });
  const template = base.rows[0] as InventoryReportRow;
  const values = Array.from({ length: rowCount }, (_, i) => 1_000_000 / (i + 1) ** 1.1);
  const total = values.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const statuses = ["active", "slow", "active", "dead", "active", "never-moved"] as const;
  const rows = values.map((value, i): InventoryReportRow => {
    cumulative += value;
    const share = i === rowCount - 1 ? 1 : cumulative / total;
    const before = (cumulative - value) / total;
    const due = i % 7 === 0;
    return {
      ...template,
      sku: `SKU-${String(i).padStart(6, "0")}-${HOSTILE_SKUS.quotes}`,
      description: `Synthetic item number ${i} <${HOSTILE_SKUS.chinese}>`,
      category: `category ${i % groupCount}`,
      closingValue: new Decimal(value.toFixed(2)),
      abcValue: new Decimal(value.toFixed(2)),
      abcRank: i + 1,
      abcCumulativeShare: share,
      abcClass: before < 0.8 ? "A" : before < 0.95 ? "B" : "C",
      movementStatus: statuses[i % statuses.length] as InventoryReportRow["movementStatus"],
      reorderPoint: 100,
      reorderNow: due,
      inventoryPosition: due ? i % 100 : 500,
      suggestedOrder: due ? 200 : 0,
    };
  });
  const group = base.groups.category?.[0] as ReportGroup;
  const groups = Array.from(
    { length: groupCount },
    (_, g): ReportGroup => ({
      ...group,
      key: `category ${g}`,
      turnover: { ...group.turnover, closingValue: new Decimal(1000 + g) },
    }),
  );
  return { ...base, rows, groups: { ...base.groups, category: groups } };
}
