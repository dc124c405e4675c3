import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type {
  CsvWriteOptions,
  FlatRecord,
  FormatTableOptions,
  JsonRecord,
  ReadLedgerOptions,
  ReadSkuInfoOptions,
  TableReadOptions,
  TextTableOptions,
  WriteOptions,
} from "../../src/io/index.js";
import {
  formatTable,
  readLedger,
  readSkuInfo,
  toCsv,
  toJson,
  toMarkdown,
  toNdjson,
  writeCsv,
  writeJson,
  writeMarkdown,
  writeNdjson,
  writeTable,
} from "../../src/io/index.js";
import type { LedgerColumns } from "../../src/ledger/LedgerColumns.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import type { InventoryReportRow } from "../../src/report/InventoryReportRow.js";
import { toRecords } from "../../src/report/toRecords.js";
import { Q1_2024, WORKED_LEDGER } from "../report/fixtures.js";
import type { RejectsUndefined } from "../support/rejectsUndefined.js";
import { columnsView } from "./helpers.js";

// The writers take any records whose properties are cells (the JSON writers: or objects of cells),
// declared types without an index signature included: the report's rows, `toRecords` output and
// plain objects type-check (`npx tsc --noEmit -p .` type-checks the tests). The readers' and
// writers' options take `undefined` for an option left out.

const report = analyzeLedger(WORKED_LEDGER, { period: Q1_2024 });
const rows: readonly InventoryReportRow[] = report.rows;
const SOME = ["sku", "closingValue", "turnover", "reorderNow"] as const;

/** A record type declared as an interface: no index signature. */
interface Line {
  readonly sku: string;
  readonly qty: number;
  readonly value: Decimal;
  readonly note?: string | undefined;
  readonly done: boolean | null;
}
const lines: Line[] = [
  { sku: "A", qty: 2, value: new Decimal("1.50"), done: true },
  { sku: "B", qty: 3, value: new Decimal("2"), note: "x", done: null },
];

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "invkpi-writer-types-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writer input types", () => {
  it("the JSON writers take the report's rows as they are", async () => {
    const json = toJson(report.rows);
    const parsed = JSON.parse(json) as { sku: string; closingValue: string; reasons: object }[];
    expect(parsed.map((r) => r.sku)).toEqual(rows.map((r) => r.sku));
    expect(parsed[0]?.closingValue).toBe(rows[0]?.closingValue.toFixed());
    expect(parsed[0]?.reasons).toEqual(rows[0]?.reasons);
    expect(toNdjson(rows).split("\n").length).toBe(rows.length + 1);
    await writeJson(rows, join(dir, "rows.json"));
    await writeNdjson(rows, join(dir, "rows.ndjson"));
    expect(await readFile(join(dir, "rows.json"), "utf8")).toBe(json);
    expect(await readFile(join(dir, "rows.ndjson"), "utf8")).toBe(toNdjson(rows));
  });

  it("the flat writers take the report's rows with the columns to write", async () => {
    const csv = toCsv(rows, { columns: SOME });
    expect(csv.split("\n")[0]).toBe(SOME.join(","));
    expect(toCsv(rows.map((r) => ({ ...pick(r) })))).toBe(csv);
    expect(toMarkdown(rows, { columns: SOME })).toContain("| sku");
    expect(formatTable(rows, { columns: SOME })).toContain("closingValue");
    await writeCsv(rows, join(dir, "rows.csv"), { columns: SOME });
    await writeMarkdown(rows, join(dir, "rows.md"), { columns: SOME });
    await writeTable(rows, join(dir, "rows.txt"), { columns: SOME });
    expect(await readFile(join(dir, "rows.csv"), "utf8")).toBe(csv);
    // Without columns, `reasons` (an object) is a column: a flat writer cannot write it, and the
    // types say so before the run does.
    // @ts-expect-error: reasons is an object, not a cell
    expect(() => toCsv(rows)).toThrow(InvKpiError);
    // @ts-expect-error: reasons is an object, not a cell
    expect(() => formatTable(rows)).toThrow(/toRecords\(report, \{ reasons: 'text' \}\)/);
  });

  it("toRecords output, FlatRecord, JsonRecord, interfaces and object literals type-check", () => {
    const records = toRecords(report);
    const flat = toRecords(report, { reasons: "text" });
    expect(toJson(records)).toBe(toJson(rows));
    expect(toNdjson(records)).toBe(toNdjson(rows));
    expect(toCsv(flat).split("\n").length).toBe(rows.length + 2);
    expect(toMarkdown(flat)).toContain("reasons");
    expect(formatTable(flat)).toContain("reasons");
    expect(toCsv(records, { columns: SOME })).toBe(toCsv(rows, { columns: SOME }));

    const plain: FlatRecord[] = [{ sku: "A", qty: 1, gone: undefined }];
    const nested: JsonRecord[] = [{ sku: "A", reasons: { qty: "x" } }];
    expect(toCsv(plain)).toBe("sku,qty,gone\nA,1,\n");
    expect(toJson(nested)).toBe('[\n{"sku":"A","reasons":{"qty":"x"}}\n]\n');
    expect(toCsv(lines)).toBe("sku,qty,value,done,note\nA,2,1.5,true,\nB,3,2,,x\n");
    expect(toNdjson(lines)).toContain('"value":"1.5"');
    expect(toMarkdown([{ sku: "A", qty: 2 }, { sku: "B" }])).toContain("| B   |");
    // Not an array: the columns are the first record's keys.
    expect(formatTable(new Set(lines))).toBe(
      "sku  qty  value  done\n---  ---  -----  ----\nA      2    1.5  true\nB      3      2\n",
    );
    function* generated(): Generator<Line> {
      yield* lines;
    }
    expect(toCsv(generated(), { columns: ["sku", "qty", "value", "done", "note"] })).toBe(
      toCsv(lines),
    );
  });

  it("still rejects cells that are not cells, at compile time", () => {
    // @ts-expect-error: a Date is not a cell
    expect(() => toCsv([{ day: new Date(0) }])).toThrow(InvKpiError);
    // @ts-expect-error: a Date is not a cell, nested either
    expect(() => toJson([{ at: { day: new Date(0) } }])).toThrow(InvKpiError);
    // @ts-expect-error: objects nest one level deep only
    expect(() => toNdjson([{ a: { b: { c: 1 } } }])).toThrow(InvKpiError);
    // @ts-expect-error: an array is not a cell
    expect(() => toJson([{ list: [1, 2] }])).toThrow(InvKpiError);
    const unknownValues: Record<string, unknown>[] = [{ a: 1 }];
    // @ts-expect-error: values of unknown type may be anything
    expect(toCsv(unknownValues)).toBe("a\n1\n");
  });
});

describe("reader and writer options accept undefined", () => {
  it("every optional key takes undefined (compile-time)", () => {
    expectTypeOf<RejectsUndefined<TableReadOptions>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<ReadLedgerOptions>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<ReadSkuInfoOptions>>().toEqualTypeOf<never>();
    expectTypeOf<
      RejectsUndefined<NonNullable<ReadLedgerOptions["columns"]>>
    >().toEqualTypeOf<never>();
    expectTypeOf<
      RejectsUndefined<NonNullable<ReadSkuInfoOptions["columns"]>>
    >().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<WriteOptions>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<CsvWriteOptions>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<TextTableOptions>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<FormatTableOptions>>().toEqualTypeOf<never>();
  });

  it("readLedger and readSkuInfo read undefined options as absent", async () => {
    const text = "sku,date,type,quantity,unitCost\nA,2025-01-02,receipt,10,2.50\n";
    const path = join(dir, "ledger.csv");
    await (await import("node:fs/promises")).writeFile(path, text);
    const cfg: { enc?: string; format?: "csv" } = {};
    const options: ReadLedgerOptions = {
      encoding: cfg.enc,
      format: cfg.format,
      delimiter: undefined,
      onProgress: undefined,
      skuInfo: undefined,
      columns: { sku: undefined, unitCost: cfg.enc },
    };
    const read = await readLedger(path, options);
    const plain = await readLedger(path);
    expect(view(read.columns)).toEqual(view(plain.columns));
    expect(read.issues).toEqual(plain.issues);
    expect(read.rows).toBe(1);

    const skuPath = join(dir, "skus.csv");
    await (await import("node:fs/promises")).writeFile(skuPath, "sku,leadTimeDays\nA,7\n");
    const skus = await readSkuInfo(skuPath, {
      columns: { leadTimeDays: undefined },
      encoding: undefined,
    });
    expect(skus.skuInfo).toEqual((await readSkuInfo(skuPath)).skuInfo);
  });

  it("the writers read undefined options as absent", () => {
    const csvOptions: CsvWriteOptions = {
      columns: undefined,
      delimiter: undefined,
      lineEnding: undefined,
      header: undefined,
      bom: undefined,
      escapeFormulas: undefined,
    };
    expect(toCsv(lines, csvOptions)).toBe(toCsv(lines));
    expect(toJson(lines, { columns: undefined })).toBe(toJson(lines));
    expect(toMarkdown(lines, { columns: undefined, decimals: undefined })).toBe(toMarkdown(lines));
    expect(formatTable(lines, { decimals: undefined, maxColumnWidth: undefined })).toBe(
      formatTable(lines),
    );
  });
});

function pick(row: InventoryReportRow): Pick<InventoryReportRow, (typeof SOME)[number]> {
  return {
    sku: row.sku,
    closingValue: row.closingValue,
    turnover: row.turnover,
    reorderNow: row.reorderNow,
  };
}

function view(columns: LedgerColumns): unknown {
  return columnsView(columns);
}
