import { describe, expect, test } from "vitest";
import { analyzeLedgerFile } from "../../src/io/analyzeLedgerFile.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

// A bad value of an option under `read` was named as readLedger's (`readLedger: delimiter ...`,
// path ['delimiter']): the caller called analyzeLedgerFile and wrote `read.delimiter` (found by an
// audit).

async function* file(): AsyncGenerator<string> {
  yield "sku,date,type,quantity,unitCost\nA,2025-01-02,receipt,1,1\n";
}

const period = { from: "2025-01-01", to: "2025-01-31" };

describe("analyzeLedgerFile: a bad value under read", () => {
  test.each([
    [
      "batch",
      { delimiter: "x" },
      ["read", "delimiter"],
      /^analyzeLedgerFile: read\.delimiter must be one of/,
    ],
    [
      "streaming",
      { delimiter: "x" },
      ["read", "delimiter"],
      /^analyzeLedgerFile: read\.delimiter must be/,
    ],
    [
      "batch",
      { encoding: "nope" },
      ["read", "encoding"],
      /^analyzeLedgerFile: read\.encoding must be/,
    ],
    [
      "streaming",
      { columns: { sku: 5 } },
      ["read", "columns", "sku"],
      /^analyzeLedgerFile: read\.columns\.sku must be/,
    ],
    [
      "batch",
      { maxIssues: -1 },
      ["read", "maxIssues"],
      /^analyzeLedgerFile: read\.maxIssues must be/,
    ],
    [
      "streaming",
      { maxIssues: 2.5 },
      ["read", "maxIssues"],
      /^analyzeLedgerFile: read\.maxIssues must be/,
    ],
  ] as const)("%s %j is named as analyzeLedgerFile's", async (mode, read, path, message) => {
    const error = await analyzeLedgerFile(file(), {
      period,
      mode,
      read: read as never,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvKpiError);
    expect((error as InvKpiError).code).toBe("invalid_option");
    expect((error as InvKpiError).path).toEqual(path);
    expect((error as InvKpiError).message).toMatch(message);
  });
});
