import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import {
  forEachGeneratedMovement,
  GENERATED_CSV_HEADER,
  generateColumns,
  generatedCsvLines,
  generateMovements,
  mulberry32,
  skuCode,
} from "../../src/cli/generateLedger.js";
import { readLedger } from "../../src/io/index.js";
import { KIND } from "../../src/ledger/index.js";

// The seeded generator shared by `invkpi generate` and the benchmarks.

const options = { skus: 40, movements: 3000, days: 60, seed: 11 };

describe("generateLedger", () => {
  test("mulberry32 is deterministic and stays in [0, 1)", () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const c = mulberry32(124);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test("exact: exactly the movements asked for, opening lots first, in date order", () => {
    const rows = generateMovements({ ...options, exact: true });
    expect(rows).toHaveLength(3000);
    expect(rows.slice(0, 40).every((r) => r.type === "receipt" && r.date === "2025-01-01")).toBe(
      true,
    );
    const dates = rows.map((r) => r.date as string);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(rows.map((r) => r.type))).toEqual(
      new Set(["receipt", "issue", "return", "adjustment"]),
    );
  });

  test("without exact, never more than asked for (the benchmarks' ledgers)", () => {
    const rows = generateMovements(options);
    expect(rows.length).toBeLessThanOrEqual(3000);
    expect(rows.length).toBeGreaterThan(2700);
    expect(generateMovements({ ...options, movements: 10 })).toHaveLength(10);
  });

  test("the CSV lines read back to the same columns as generateColumns", async () => {
    const text = [...generatedCsvLines(options)].join("");
    expect(text.startsWith(GENERATED_CSV_HEADER)).toBe(true);
    const { columns, issues } = await readLedger(Readable.from([text]));
    expect(issues).toEqual([]);
    const expected = generateColumns(options);
    expect(columns.length).toBe(expected.length);
    expect(columns.skus.slice().sort()).toEqual(expected.skus.slice().sort());
    for (let i = 0; i < expected.length; i++) {
      const money = (units: number, decimals: number): number => units / 10 ** decimals;
      const same =
        columns.skus[columns.sku[i] as number] === expected.skus[expected.sku[i] as number] &&
        columns.day[i] === expected.day[i] &&
        columns.kind[i] === expected.kind[i] &&
        columns.quantity[i] === expected.quantity[i] &&
        Object.is(
          money(columns.costUnits[i] as number, columns.costDecimals[i] as number),
          money(expected.costUnits[i] as number, expected.costDecimals[i] as number),
        ) &&
        Object.is(
          money(columns.priceUnits[i] as number, columns.priceDecimals[i] as number),
          money(expected.priceUnits[i] as number, expected.priceDecimals[i] as number),
        );
      if (!same) throw new Error(`row ${i} differs`);
    }
  });

  test("the callback and the objects see the same movements", () => {
    const kinds: number[] = [];
    forEachGeneratedMovement(options, (m) => kinds.push(m.kind));
    const types = generateMovements(options).map((m) => m.type);
    const typeOfKind: Record<number, string> = {
      [KIND.receipt]: "receipt",
      [KIND.return]: "return",
      [KIND.adjustment]: "adjustment",
      [KIND.issue]: "issue",
    };
    expect(kinds.map((k) => typeOfKind[k])).toEqual(types);
  });

  test("skuCode pads to six digits", () => {
    expect(skuCode(0)).toBe("SKU-000000");
    expect(skuCode(123456)).toBe("SKU-123456");
  });
});
