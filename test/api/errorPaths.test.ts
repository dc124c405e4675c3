import { describe, expect, it } from "vitest";
import * as invkpi from "../../src/node.js";
import { Q1_2024, WORKED_LEDGER, WORKED_SKU_INFO } from "../report/fixtures.js";
import { errorOf } from "../support/errorOf.js";
import { makeHistory } from "../support/makeHistory.js";

// Found by an API audit: `InvKpiError.path` came in two shapes, one dotted segment
// (`['abc.measure']`, `['replenishment.serviceLevel']`, `['samples[1]']`) and separate segments
// (`['abc', 'zeroValues']`, `['xyz', 'cutoffs', 1]`), as docs/report.md promises. Every path is now
// separate segments: keys as strings, indexes as numbers.

const analyze = (options: Record<string, unknown>) =>
  errorOf(() => invkpi.analyzeLedger(WORKED_LEDGER, { period: Q1_2024, ...options } as never));

describe("analyzeLedger: every error path is separate segments", () => {
  it.each([
    [{ abc: { measure: "profit" } }, ["abc", "measure"]],
    [{ xyz: { bucket: "year" } }, ["xyz", "bucket"]],
    [{ demand: { stdDev: "n" } }, ["demand", "stdDev"]],
    [{ demand: { start: "never" } }, ["demand", "start"]],
    [{ demand: { partialBuckets: "some" } }, ["demand", "partialBuckets"]],
    [{ replenishment: { serviceLevel: 1.2 } }, ["replenishment", "serviceLevel"]],
    [{ replenishment: { method: "magic" } }, ["replenishment", "method"]],
    [{ replenishment: { leadTimeDays: -1 } }, ["replenishment", "leadTimeDays"]],
    [{ replenishment: { fillRate: 2, method: "fillRate" } }, ["replenishment", "fillRate"]],
    [{ replenishment: { bucket: "year" } }, ["replenishment", "bucket"]],
    [{ industry: { min: -1 } }, ["industry", "min"]],
  ])("%j → %j", (options, path) => {
    expect(analyze(options).path).toEqual(path);
  });

  it("names a bad period day and asOf by their option", () => {
    // Before: path [] for both.
    const from = analyze({ period: { from: "2024-02-30", to: "2024-03-31" } });
    expect([from.code, from.path]).toEqual(["invalid_date", ["period", "from"]]);
    const to = analyze({ period: { from: "2024-01-01", to: "31/03/2024" } });
    expect([to.code, to.path]).toEqual(["invalid_date", ["period", "to"]]);
    const asOf = analyze({ asOf: "2024-13-01" });
    expect([asOf.code, asOf.path]).toEqual(["invalid_date", ["asOf"]]);
  });

  it("names a bad skuInfo value by its row and field, the SKU still in the message and details", () => {
    // Before: path ['leadTimeDays'], the SKU only in details.
    const skuInfo = [WORKED_SKU_INFO[0], { sku: "NUT", leadTimeDays: -3 }];
    const error = analyze({ skuInfo });
    // Since an input audit, skuInfo is checked in full before the replay: every problem listed.
    expect([error.code, error.path]).toEqual(["invalid_argument", ["skuInfo", 1, "leadTimeDays"]]);
    expect(error.message).toMatch(
      /^analyzeLedger: 1 problem in 1 skuInfo entry: skuInfo\[1\] \(SKU "NUT"\): /,
    );
    expect(error.issues.map((i) => i.row)).toEqual([1]);
    const price = analyze({ skuInfo: [{ sku: "GLUE", unitPrice: "x" }], turnoverBasis: "retail" });
    expect([price.code, price.path]).toEqual(["invalid_argument", ["skuInfo", 0, "unitPrice"]]);
    const service = analyze({ skuInfo: [{ sku: "BOLT", serviceLevel: 1 }] });
    expect(service.path).toEqual(["skuInfo", 0, "serviceLevel"]);
    // On worker threads, the same path (each shard has the whole skuInfo).
    const threaded = analyze({ skuInfo, threads: 2 });
    expect([threaded.code, threaded.path]).toEqual([
      "invalid_argument",
      ["skuInfo", 1, "leadTimeDays"],
    ]);
    // A field of a row as a whole: its path too.
    expect(analyze({ skuInfo: [{ sku: "NUT", category: 3 }] }).path).toEqual([
      "skuInfo",
      0,
      "category",
    ]);
  });
});

describe("the calculators' error paths are separate segments", () => {
  const history = makeHistory({ sku: "A" });
  it.each([
    ["leadTimeStatistics", () => invkpi.leadTimeStatistics([3, -1]), ["samples", 1]],
    ["demandStatistics", () => invkpi.demandStatistics([1, Number.NaN]), ["series", 1]],
    [
      "xyzClassify",
      () => invkpi.xyzClassify([{ id: "a", mean: Number.NaN, stdDev: 0 }]),
      ["items", 0, "mean"],
    ],
    [
      "turnoverFigures",
      () =>
        invkpi.turnoverFigures({
          ...history,
          period: { days: 0 },
        }),
      ["period", "days"],
    ],
    [
      "rollupTurnover",
      () =>
        invkpi.rollupTurnover(
          [{ ...invkpi.turnoverFigures(history), openingQuantity: Number.NaN }],
          {
            periodDays: 366,
          },
        ),
      ["items", 0, "openingQuantity"],
    ],
    [
      "diagnoseTurnover",
      () => invkpi.diagnoseTurnover({ annualTurnover: 1, range: { min: -1 } }),
      ["range", "min"],
    ],
    [
      "diagnoseTurnover (table)",
      () =>
        invkpi.diagnoseTurnover({
          annualTurnover: 1,
          industry: "x.y",
          table: { "x.y": { min: 1, max: Number.NaN, label: "x" } } as never,
        }),
      ["table", "x.y", "max"],
    ],
    ["abcClassify", () => invkpi.abcClassify([], { cutoffs: [0.5, Number.NaN] }), ["cutoffs", 1]],
    [
      "stockAging",
      () =>
        invkpi.stockAging({
          ...history,
          layers: [{ receivedDate: "2024-02-30", quantity: 1, unitCost: 1, value: 1 }],
        } as never),
      ["layers", 0, "receivedDate"],
    ],
    [
      "toNdjson (a cell of an object cell)",
      () => invkpi.toNdjson([{ sku: "A", reasons: { turnover: [1] } }] as never),
      ["rows", 0, "reasons", "turnover"],
    ],
  ])("%s", (_, fn, path) => {
    const error = errorOf(fn as () => unknown);
    expect(error.path).toEqual(path);
  });
});
