import { describe, expect, it } from "vitest";
import type { InvKpiError } from "../../src/model/InvKpiError.js";
import * as invkpi from "../../src/node.js";
import { errorOf } from "../support/errorOf.js";

// Found by a review: a ledger mapped from an ERP export with its own columns spread in was refused
// as a whole (`SKU`, `Date`, ... near misses though `sku`, `date` were there), and so were common
// columns one edit from a field (`dates`, `Category1`). A near miss is now a spelling of a field
// (case, white space, `_`, `-` aside; or without its `Days` unit) whose field is absent.

/** Common column names of ERP and WMS exports. */
const ERP_COLUMNS = [
  // Spellings of a field (data only when the field is given too).
  "SKU",
  "Date",
  "Type",
  "Quantity",
  "Unit Cost",
  "Unit Price",
  "Location",
  "Lot",
  "ID",
  "ExpiresOn",
  "Description",
  "Category",
  // Other columns: data in any row.
  "Item",
  "Item No",
  "Item Description",
  "Qty",
  "Qty On Hand",
  "UOM",
  "Unit",
  "Site",
  "Warehouse",
  "Bin",
  "Batch",
  "Serial",
  "Expiry",
  "Expiry Date",
  "Category1",
  "Category2",
  "Sub Category",
  "Supplier",
  "Vendor",
  "Brand",
  "Notes",
  "Comment",
  "CreatedAt",
  "UpdatedAt",
  "Created By",
  "dates",
  "types",
  "values",
  "locations",
  "unitCosts",
  "unitPrice2",
  "quantity2",
  "date1",
  "location2",
  "expiresIn",
  "expiredOn",
  "Total",
  "Amount",
  "Currency",
  "Doc No",
  "Reference",
  "Order No",
  "Line",
  "Reason",
  "Status",
  "reserve",
  "inOrder",
  "onOrders",
  "packSizes",
  "descriptions",
  "orderCosts",
  "serviceLevels",
  "Weight",
  "Barcode",
];
const SPELLINGS = ERP_COLUMNS.slice(0, 12);
const OTHERS = ERP_COLUMNS.slice(12);
const erp = (names: readonly string[]) => Object.fromEntries(names.map((n, k) => [n, `v${k}`]));

const period = { from: "2025-01-01", to: "2025-01-31" };
const full = [
  { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: "2", unitPrice: "3" },
  { sku: "A", date: "2025-01-03", type: "issue", quantity: 4, unitCost: "2", unitPrice: "3" },
].map((m, k) => ({ ...m, location: "W1", lot: "L1", expiresOn: "2026-01-01", id: `m${k}` }));
const bare = [
  { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: "2" },
  { sku: "A", date: "2025-01-03", type: "issue", quantity: 4 },
];
const fullInfo = {
  sku: "A",
  description: "bolt",
  category: "fasteners",
  standardCost: "2",
  unitPrice: "3",
  leadTimeDays: 7,
  leadTimeStdDevDays: 1,
  reviewPeriodDays: 7,
  serviceLevel: 0.95,
  minOrderQuantity: 1,
  packSize: 1,
  onOrder: 0,
  backordered: 0,
  reserved: 0,
  orderCost: "5",
  holdingRate: 0.2,
};

/** validateLedger's, replayLedger's and analyzeLedger's verdicts on movement rows. */
function ledgerVerdicts(rows: readonly object[]): string[][] {
  const validated = invkpi.validateLedger(rows).issues.map((i) => `${i.row} ${i.field} ${i.code}`);
  const run = (f: () => unknown): string[] => {
    try {
      f();
      return [];
    } catch (e) {
      return (e as InvKpiError).issues.map((i) => `${i.row} ${i.field} ${i.code}`);
    }
  };
  return [
    validated,
    run(() => invkpi.replayLedger(rows as never, { period })),
    run(() => invkpi.analyzeLedger(rows as never, { period })),
  ];
}

describe("common ERP columns beside the fields are data", () => {
  it("movement rows: every column beside every field; the other columns beside the required ones", () => {
    expect(ledgerVerdicts(full.map((m) => ({ ...erp(ERP_COLUMNS), ...m })))).toEqual([[], [], []]);
    expect(ledgerVerdicts(bare.map((m) => ({ ...erp(OTHERS), ...m })))).toEqual([[], [], []]);
  });

  it("skuInfo: every column beside every field; the other columns beside the sku alone", () => {
    for (const info of [
      { ...erp(ERP_COLUMNS), ...fullInfo },
      { ...erp(OTHERS), sku: "A" },
    ]) {
      for (const f of [invkpi.analyzeLedger, invkpi.replayLedger]) {
        expect(() => f(bare as never, { period, skuInfo: [info] as never })).not.toThrow();
      }
      expect(invkpi.validateLedger(bare, { skuInfo: [info] as never }).issues).toEqual([]);
    }
  });
});

describe("true near misses are refused", () => {
  it("movement rows: a spelling of a field that the row lacks", () => {
    const rows = [
      { ...bare[0], Location: "W1" },
      { ...bare[1], expires_on: "2026-01-01", SKU: "A" },
    ];
    const wanted = ["0 Location misspelt_field", "1 expires_on misspelt_field"];
    expect(ledgerVerdicts(rows)).toEqual([wanted, wanted, wanted]);
    // The spellings of the list whose field the issue row lacks: each its own issue.
    const absent = SPELLINGS.filter((name) =>
      ["Unit Cost", "Unit Price", "Location", "Lot", "ID", "ExpiresOn"].includes(name),
    );
    const row = { ...bare[1], ...erp(absent) };
    const issues = absent.map((name) => `0 ${name} misspelt_field`);
    expect(ledgerVerdicts([row])[0]).toEqual(issues);
  });

  it("skuInfo: a spelling of a field, or the field without its Days unit, that the entry lacks", () => {
    const skuInfo = [
      { sku: "A", lead_time_days: 7 },
      { sku: "B", leadTime: 7, Category: "x", category: "x" },
      { sku: "C", "Lead Time Day": 7, reviewPeriod: 7 },
    ];
    for (const f of [invkpi.analyzeLedger, invkpi.replayLedger]) {
      const error = errorOf(() => f(bare as never, { period, skuInfo: skuInfo as never }));
      expect(error.code).toBe("invalid_argument");
      expect(error.issues.map((i) => `${i.row} ${i.field} ${i.code}`)).toEqual([
        "0 lead_time_days misspelt_field",
        "1 leadTime misspelt_field",
        "2 Lead Time Day misspelt_field",
        "2 reviewPeriod misspelt_field",
      ]);
    }
  });
});
