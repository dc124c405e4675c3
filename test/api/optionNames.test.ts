import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import * as invkpi from "../../src/node.js";
import { WORKED_LEDGER, WORKED_SKU_INFO } from "../report/fixtures.js";
import { makeHistory } from "../support/makeHistory.js";
import { exportedFunctionsWhere, sourceOf } from "./exportedFunctions.js";

// Found by an API audit: the standalone functions left a misspelt option name on its default
// without a word (`replayLedger(ms, { period, valution: 'fifo' })` replayed at moving average),
// while `analyzeLedger` refused it. Every public function that takes an options object now refuses
// an unknown name as `analyzeLedger` does; data records (histories, items, movement rows, SkuInfo
// rows) keep any extra field.

const period = { from: "2024-01-01", to: "2024-03-31" } as const;
const history = makeHistory({ sku: "A", closingQuantity: 10, closingValue: 20 });
const movements = [{ sku: "A", date: "2024-01-02", type: "receipt", quantity: 5, unitCost: 2 }];
const report = invkpi.analyzeLedger(WORKED_LEDGER, { period });
const rows = [{ sku: "A", qty: 1 }];
const csv = () =>
  (async function* () {
    yield "sku,date,type,quantity,unitCost\nA,2024-01-02,receipt,5,2\n";
  })();
const skuCsv = () =>
  (async function* () {
    yield "sku,leadTimeDays\nA,7\n";
  })();

/** One public function called with one misspelt option: the name written, the one meant. */
interface Case {
  readonly fn: string;
  readonly call: (options: Record<string, unknown>) => unknown;
  readonly typo: string;
  readonly meant: string;
  /** Options the function needs besides the typo. */
  readonly base?: Record<string, unknown>;
}

const any = invkpi as unknown as Record<string, (...args: unknown[]) => unknown>;
const call =
  (fn: string, ...before: unknown[]) =>
  (options: Record<string, unknown>) =>
    any[fn]?.(...before, options);

const CASES: readonly Case[] = [
  // ledger
  {
    fn: "replayLedger",
    call: call("replayLedger", movements),
    typo: "valution",
    meant: "valuation",
    base: { period },
  },
  {
    fn: "replayLedgerStream",
    call: call("replayLedgerStream", movements),
    typo: "chunkRow",
    meant: "chunkRows",
    base: { period },
  },
  {
    fn: "validateLedger",
    call: call("validateLedger", movements),
    typo: "skuinfo",
    meant: "skuInfo",
  },
  { fn: "parseLedger", call: call("parseLedger", movements), typo: "skuinfo", meant: "skuInfo" },
  {
    fn: "toLedgerColumns",
    call: call("toLedgerColumns", movements),
    typo: "lineof",
    meant: "lineOf",
  },
  // turnover
  {
    fn: "turnoverFigures",
    call: call("turnoverFigures", history),
    typo: "averagemethod",
    meant: "averageMethod",
  },
  {
    fn: "turnoverSeries",
    call: call("turnoverSeries", { ...history, months: [] }),
    typo: "basiss",
    meant: "basis",
  },
  {
    fn: "rollupTurnover",
    call: call("rollupTurnover", []),
    typo: "groupby",
    meant: "groupBy",
    base: { periodDays: 30 },
  },
  // classify
  {
    fn: "abcClassify",
    call: call("abcClassify", [{ id: "a", value: 1 }]),
    typo: "cutoff",
    meant: "cutoffs",
  },
  { fn: "xyzClassify", call: call("xyzClassify", []), typo: "label", meant: "labels" },
  { fn: "abcXyzMatrix", call: call("abcXyzMatrix", [], []), typo: "abcClass", meant: "abcClasses" },
  // demand, replenishment
  {
    fn: "demandStatistics",
    call: call("demandStatistics", history),
    typo: "buckets",
    meant: "bucket",
  },
  {
    fn: "leadTimeStatistics",
    call: call("leadTimeStatistics", [3, 5]),
    typo: "stddev",
    meant: "stdDev",
  },
  {
    fn: "replenishmentFigures",
    call: call("replenishmentFigures", history, {}),
    typo: "servicelevel",
    meant: "serviceLevel",
  },
  // aging
  {
    fn: "movementStatus",
    call: call("movementStatus", history),
    typo: "slowdays",
    meant: "slowDays",
  },
  { fn: "slowMovers", call: call("slowMovers", [history]), typo: "deadDay", meant: "deadDays" },
  {
    fn: "excessStock",
    call: call("excessStock", history),
    typo: "coverDay",
    meant: "coverDays",
    base: { demandPerDay: 1 },
  },
  { fn: "stockAging", call: call("stockAging", history), typo: "bucket", meant: "buckets" },
  { fn: "nearExpiry", call: call("nearExpiry", history), typo: "withinDay", meant: "withinDays" },
  { fn: "rollupAging", call: call("rollupAging", []), typo: "keys", meant: "key" },
  // report
  {
    fn: "analyzeLedger",
    call: call("analyzeLedger", movements),
    typo: "valution",
    meant: "valuation",
    base: { period },
  },
  {
    fn: "analyzeLedgerStream",
    call: call("analyzeLedgerStream", movements),
    typo: "chunkRow",
    meant: "chunkRows",
    base: { period },
  },
  {
    fn: "toPartialRecords",
    call: call("toPartialRecords", movements),
    typo: "slowDay",
    meant: "slowDays",
    base: { period },
  },
  { fn: "toRecords", call: call("toRecords", report), typo: "reason", meant: "reasons" },
  {
    fn: "renderHtmlReport",
    call: call("renderHtmlReport", report),
    typo: "tittle",
    meant: "title",
  },
  // io
  {
    fn: "readLedger",
    call: (o) => invkpi.readLedger(csv(), o as never),
    typo: "delimeter",
    meant: "delimiter",
  },
  {
    fn: "analyzeLedgerFile",
    call: (o) => invkpi.analyzeLedgerFile(csv(), o as never),
    typo: "chunkRow",
    meant: "chunkRows",
    base: { period: { from: "2024-01-01", to: "2024-01-31" } },
  },
  {
    fn: "readSkuInfo",
    call: (o) => invkpi.readSkuInfo(skuCsv(), o as never),
    typo: "encodng",
    meant: "encoding",
  },
  { fn: "toCsv", call: call("toCsv", rows), typo: "delimeter", meant: "delimiter" },
  { fn: "toJson", call: call("toJson", rows), typo: "column", meant: "columns" },
  { fn: "toNdjson", call: call("toNdjson", rows), typo: "colums", meant: "columns" },
  { fn: "toMarkdown", call: call("toMarkdown", rows), typo: "decimal", meant: "decimals" },
  {
    fn: "formatTable",
    call: call("formatTable", rows),
    typo: "maxColumnWidths",
    meant: "maxColumnWidth",
  },
  {
    fn: "writeCsv",
    call: (o) => invkpi.writeCsv(rows, new PassThrough(), o as never),
    typo: "lineEnd",
    meant: "lineEnding",
  },
  {
    fn: "writeJson",
    call: (o) => invkpi.writeJson(rows, new PassThrough(), o as never),
    typo: "column",
    meant: "columns",
  },
  {
    fn: "writeNdjson",
    call: (o) => invkpi.writeNdjson(rows, new PassThrough(), o as never),
    typo: "column",
    meant: "columns",
  },
  {
    fn: "writeMarkdown",
    call: (o) => invkpi.writeMarkdown(rows, new PassThrough(), o as never),
    typo: "decimal",
    meant: "decimals",
  },
  {
    fn: "writeTable",
    call: (o) => invkpi.writeTable(rows, new PassThrough(), o as never),
    typo: "maxColumnWidths",
    meant: "maxColumnWidth",
  },
];

/** The InvKpiError a call throws or rejects with. */
async function failureOf(run: () => unknown): Promise<InvKpiError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InvKpiError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("every public function refuses an unknown option name", () => {
  it.each(CASES)("$fn", async ({ fn, call: run, typo, meant, base = {} }) => {
    const error = await failureOf(() => run({ ...base, [typo]: 1 }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(`${fn}: unknown option '${typo}' (did you mean '${meant}'?)`);
    expect(error.path).toEqual([typo]);
    expect(error.details.unknown).toEqual([typo]);
    expect(error.details.known).toContain(meant);
  });

  it.each(CASES)(
    "$fn takes a name given as undefined, as no option",
    async ({ call: run, typo, base = {} }) => {
      // `typo: undefined` is no option at all: whatever the call does, it says nothing of the typo.
      let error: unknown = null;
      try {
        await run({ ...base, [typo]: undefined });
      } catch (e) {
        error = e;
      }
      if (error !== null) expect((error as Error).message).not.toContain(typo);
    },
  );

  it("covers every exported function with an options parameter", () => {
    const covered = new Set(CASES.map((c) => c.fn));
    const withOptions = exportedFunctionsWhere((parameters) => parameters.includes("options"));
    const missing = withOptions.filter((name) => !covered.has(name));
    expect(missing).toEqual([]);
  });

  it("gives the examples of the audit their did-you-mean", async () => {
    const h = history as never;
    const cases: [() => unknown, string][] = [
      [
        () => invkpi.replayLedger(movements as never, { period, valution: "fifo" } as never),
        "valuation",
      ],
      [() => invkpi.turnoverFigures(h, { averagemethod: "endpoints" } as never), "averageMethod"],
      [() => invkpi.demandStatistics(h, { buckets: "week" } as never), "bucket"],
      [() => invkpi.abcClassify([], { cutoff: [0.7] } as never), "cutoffs"],
      [() => invkpi.movementStatus(h, { slowdays: 30 } as never), "slowDays"],
      [() => invkpi.stockAging(h, { bucket: [30] } as never), "buckets"],
      [() => invkpi.toCsv(rows, { delimeter: ";" } as never), "delimiter"],
      [() => invkpi.replenishmentFigures(h, {}, { servicelevel: 0.99 } as never), "serviceLevel"],
    ];
    for (const [run, meant] of cases) {
      expect((await failureOf(run)).message).toMatch(
        new RegExp(`\\(did you mean '${meant}'\\?\\)$`),
      );
    }
    // A series takes stdDev only; a misspelt name is still a typo, with its hint.
    expect(
      (await failureOf(() => invkpi.demandStatistics([1, 2], { stddev: "population" } as never)))
        .message,
    ).toBe("demandStatistics: unknown option 'stddev' (did you mean 'stdDev'?)");
  });
});

describe("data records keep their extra fields", () => {
  it("histories, items, movement rows and SkuInfo rows are not options", () => {
    const extra = { ...history, note: "from the ERP" } as never;
    expect(() => invkpi.turnoverFigures(extra)).not.toThrow();
    expect(() => invkpi.stockAging(extra)).not.toThrow();
    expect(() => invkpi.movementStatus(extra)).not.toThrow();
    expect(() => invkpi.demandStatistics(extra)).not.toThrow();
    expect(() => invkpi.abcClassify([{ id: "a", value: 1, supplier: "x" }] as never)).not.toThrow();
    expect(() =>
      invkpi.xyzClassify([{ id: "a", mean: 1, stdDev: 0, note: "x" }] as never),
    ).not.toThrow();
    const rowsWithExtras = movements.map((m) => ({ ...m, comment: "counted" }));
    // A near miss of a SkuInfo field (`leadTime`) is refused by every function that takes skuInfo.
    const skuInfo = [{ sku: "A", standardCost: 2, supplier: "ACME" }];
    expect(() =>
      invkpi.replayLedger(rowsWithExtras as never, { period, skuInfo } as never),
    ).not.toThrow();
    expect(invkpi.validateLedger(rowsWithExtras, { skuInfo } as never).issues).toEqual([]);
  });
});

describe("replenishmentFigures: a SkuInfo-like info with a misspelt field", () => {
  it("refuses a near miss of a known field, with the did-you-mean message and path ['info', name]", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ leadTime: 7 }, "leadTime", "leadTimeDays"],
      [{ leadTimeDays: 7, servicelevel: 0.99 }, "servicelevel", "serviceLevel"],
      [{ LeadTimeDays: 7 }, "LeadTimeDays", "leadTimeDays"],
      [{ unitcost: 2 }, "unitcost", "unitCost"],
    ];
    for (const [info, typo, meant] of cases) {
      const error = await failureOf(() => invkpi.replenishmentFigures(history, info as never));
      expect(error.code).toBe("invalid_option");
      expect(error.path).toEqual(["info", typo]);
      expect(error.message).toBe(
        `replenishmentFigures: unknown option 'info.${typo}' (did you mean 'info.${meant}'?)`,
      );
    }
  });

  it("leaves other unknown fields of the info alone", () => {
    const info = { sku: "A", description: "bolt", supplier: "ACME", leadTimeDays: 7, notes: "x" };
    expect(() => invkpi.replenishmentFigures(history, info as never)).not.toThrow();
  });

  it("analyzeLedger lists a misspelt skuInfo field as a problem of its row", () => {
    const skuInfo = [WORKED_SKU_INFO[0], { sku: "NUT", leadTime: 14 }];
    let error: InvKpiError | null = null;
    try {
      invkpi.analyzeLedger(WORKED_LEDGER, { period, skuInfo } as never);
    } catch (e) {
      error = e as InvKpiError;
    }
    expect(error).toBeInstanceOf(InvKpiError);
    // Found by a review: thrown as an unknown option at the first one, it hid every other problem.
    expect([error?.code, error?.path, error?.message]).toEqual([
      "invalid_argument",
      ["skuInfo", 1, "leadTime"],
      `analyzeLedger: 1 problem in 1 skuInfo entry: skuInfo[1] (SKU "NUT"): leadTime is no SKU master field (did you mean 'leadTimeDays'?): field names are matched exactly, so its value would go unread`,
    ]);
    expect(error?.issues.map((i) => `${i.row} ${i.field} ${i.code}`)).toEqual([
      "1 leadTime misspelt_field",
    ]);
    // Other extra fields of a SkuInfo row are data: kept.
    const extras = WORKED_SKU_INFO.map((info) => ({ ...info, supplier: "ACME" }));
    expect(() => invkpi.analyzeLedger(WORKED_LEDGER, { period, skuInfo: extras })).not.toThrow();
  });
});

describe("the report's per-SKU path does no name check", () => {
  it("calls the calculators' variants without the check, once per SKU", () => {
    // At 100 k SKUs each check is work per SKU; the report's options are its own, checked once.
    const source = sourceOf("src/report/analyzeSku.ts");
    for (const name of [
      "turnoverFigures",
      "demandStatistics",
      "replenishmentFigures",
      "movementStatus",
      "excessStock",
      "stockAging",
      "nearExpiry",
    ]) {
      expect(source, name).not.toMatch(new RegExp(`\\b${name}\\(`));
      expect(source, name).toMatch(new RegExp(`\\b${name}WithoutNameCheck\\(`));
    }
  });
});
