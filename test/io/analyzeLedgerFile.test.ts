import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeLedgerFile } from "../../src/io/analyzeLedgerFile.js";
import { readLedger } from "../../src/io/readLedger.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import type { InventoryReport } from "../../src/report/InventoryReport.js";
import { toRecords } from "../../src/report/toRecords.js";

// analyzeLedgerFile: a file in, the report out, in batch or streaming mode (an API audit found no
// public way from a file to a report in bounded memory: `readLedgerInto` was internal).

const period = { from: "2025-01-01", to: "2025-02-28" };
// Two SKUs at two locations, in date order; A's February issue has no price.
const csv = [
  "sku,date,type,quantity,unitCost,unitPrice,location",
  "A,2025-01-02,receipt,100,2.5,,DC",
  "B,2025-01-03,receipt,40,7,,DC",
  "A,2025-01-10,issue,30,,4,DC",
  "B,2025-01-15,issue,5,,11,DC",
  "A,2025-02-01,receipt,50,3,,DC",
  "A,2025-02-10,issue,60,,,DC",
  "B,2025-02-20,adjustment,-1,,,DC",
].join("\n");

let dir = "";
let file = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "invkpi-file-"));
  file = join(dir, "ledger.csv");
  await writeFile(file, `${csv}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A report as plain JSON-safe data, to compare two reports field by field. */
const plain = (report: InventoryReport) => ({
  rows: toRecords(report),
  totals: JSON.stringify(report.totals),
  diagnosis: JSON.stringify(report.diagnosis),
});

describe("analyzeLedgerFile", () => {
  it("gives analyzeLedger's report of the file's rows, in batch and in streaming mode", async () => {
    const { columns } = await readLedger(file);
    const expected = plain(analyzeLedger(columns, { period }));
    expect(plain(await analyzeLedgerFile(file, { period }))).toEqual(expected);
    expect(plain(await analyzeLedgerFile(file, { period, mode: "streaming" }))).toEqual(expected);
    // Hand check: A received 150 and issued 90: 60 on hand; B 40 − 5 − 1 = 34.
    const report = await analyzeLedgerFile(file, { period, mode: "streaming" });
    expect(report.rows.map((r) => [r.sku, r.closingQuantity])).toEqual([
      ["A", 60],
      ["B", 34],
    ]);
  });

  it("reads with the `read` options and takes the report's options", async () => {
    const semicolons = join(dir, "semicolons.csv");
    await writeFile(semicolons, csv.replaceAll(",", ";"));
    const report = await analyzeLedgerFile(semicolons, {
      period,
      groupBy: ["location"],
      read: { delimiter: ";" },
    });
    expect(report.options.byLocation).toBe(true);
    expect(report.rows.map((r) => `${r.sku}@${r.location}`)).toEqual(["A@DC", "B@DC"]);
  });

  it("analyzes nothing when a row is invalid, and lists every problem with its line", async () => {
    const bad = join(dir, "bad.csv");
    await writeFile(bad, `${csv}\nA,2025-02-30,issue,1,,,DC\nB,2025-02-21,issue,-2,,,DC\n`);
    for (const mode of ["batch", "streaming"] as const) {
      const error = await analyzeLedgerFile(bad, { period, mode }).catch((e: unknown) => e);
      expect(error, mode).toBeInstanceOf(InvKpiError);
      const { code, issues, message } = error as InvKpiError;
      expect(code).toBe("invalid_ledger");
      expect(issues.map((i) => [i.line, i.field, i.code])).toEqual([
        [9, "date", "invalid_date"],
        [10, "quantity", "wrong_sign"],
      ]);
      expect(message).toMatch(
        /^analyzeLedgerFile: 2 problems in 2 of 9 rows; nothing was analyzed/,
      );
    }
  });

  it("counts a problem with the whole file as a problem in the file, not in a row", async () => {
    const headless = join(dir, "no-quantity.csv");
    await writeFile(headless, "sku,date,type\nA,2025-01-02,receipt\n");
    for (const mode of ["batch", "streaming"] as const) {
      const error = await analyzeLedgerFile(headless, { period, mode }).catch((e: unknown) => e);
      expect(
        (error as InvKpiError).issues.map((i) => [i.row, i.field]),
        mode,
      ).toEqual([[-1, "quantity"]]);
      expect((error as InvKpiError).message).toMatch(
        /^analyzeLedgerFile: 1 problem in the file; nothing was analyzed/,
      );
    }
  });

  it("refuses in streaming mode a row out of date order, and sorts it in batch mode", async () => {
    const unsorted = join(dir, "unsorted.csv");
    const [header, ...rows] = csv.split("\n");
    await writeFile(unsorted, [header, ...rows.slice(1), rows[0]].join("\n"));
    await expect(analyzeLedgerFile(unsorted, { period, mode: "streaming" })).rejects.toMatchObject({
      code: "unsorted_input",
    });
    const batch = await analyzeLedgerFile(unsorted, { period });
    expect(batch.rows.map((r) => r.closingQuantity)).toEqual([60, 34]);
  });

  it("checks its options before it opens the file", async () => {
    const missing = join(dir, "no-such-file.csv");
    await expect(
      analyzeLedgerFile(missing, { period, mode: "stream" as never }),
    ).rejects.toMatchObject({ code: "invalid_option", path: ["mode"] });
    await expect(
      analyzeLedgerFile(missing, { period, slowDay: 30 } as never),
    ).rejects.toMatchObject({
      code: "invalid_option",
      message: expect.stringContaining("slowDays"),
    });
    await expect(analyzeLedgerFile(missing, { period })).rejects.toMatchObject({
      code: "io_error",
    });
    // `read` is an option group of this function's (a review found readLedger's name and path).
    await expect(
      analyzeLedgerFile(missing, { period, read: { delimeter: ";" } as never }),
    ).rejects.toMatchObject({
      code: "invalid_option",
      path: ["read", "delimeter"],
      message:
        "analyzeLedgerFile: unknown option 'read.delimeter' (did you mean 'read.delimiter'?)",
    });
    await expect(analyzeLedgerFile(missing, { period, read: "x" as never })).rejects.toMatchObject({
      code: "invalid_argument",
      path: ["read"],
    });
    await expect(
      analyzeLedgerFile(missing, { period, read: { skuInfo: [] } as never }),
    ).rejects.toMatchObject({ code: "invalid_option", path: ["read", "skuInfo"] });
  });
});
