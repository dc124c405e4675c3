import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { parseLedger, toLedgerColumns, validateLedger } from "../../src/ledger/validateLedger.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";

// Found by a review: analyzeLedger checked skuInfo in full, replayLedger only its standard costs,
// validateLedger only that a standard cost read as a decimal ≥ 0 (so `1e300` excused a receipt
// without a cost that the replay then refused). Every function that takes skuInfo now makes the
// one check (requireSkuInfoList): the same entries are taken or refused, with the same issues.

const period = { from: "2025-01-01", to: "2025-01-31" };
/** A receipt without a cost: valid exactly when its SKU has a standard cost. */
const receipt: Movement = { sku: "A", date: "2025-01-02", type: "receipt", quantity: 1 };

const value = fc.constantFrom<unknown>(
  undefined,
  null,
  0,
  1,
  -1,
  0.5,
  2,
  Number.NaN,
  "2.50",
  "1e300",
  "0.0000000000001",
  "abc",
  "-0",
  "",
);
const entry = fc.oneof(
  fc.record(
    {
      sku: fc.constantFrom<unknown>("A", "B", " ", 5),
      standardCost: value,
      unitPrice: value,
      leadTimeDays: value,
      serviceLevel: value,
      packSize: value,
      orderCost: value,
      description: fc.constantFrom<unknown>("x", 5),
      supplier: fc.constant("ACME"),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom<unknown>(null, "A", []),
);

type Outcome = { accepted: true } | { code: string; path: unknown; issues: unknown };

function outcome(run: () => unknown): Outcome {
  try {
    run();
    return { accepted: true };
  } catch (e) {
    if (!(e instanceof InvKpiError)) throw e;
    // The invalid_ledger of a receipt without a cost is no skuInfo problem: its SKU has no cost.
    if (e.code === "invalid_ledger") return { accepted: true };
    return { code: e.code, path: e.path, issues: e.issues };
  }
}

describe("skuInfo: one check in every function that takes it", () => {
  test.prop([fc.array(entry, { maxLength: 4 })], { numRuns: 300 })(
    "analyzeLedger, replayLedger and the validateLedger family take and refuse alike",
    (skuInfo) => {
      const info = skuInfo as SkuInfo[];
      const expected = outcome(() => analyzeLedger([receipt], { period, skuInfo: info }));
      for (const run of [
        () => replayLedger([receipt], { period, skuInfo: info }),
        () => validateLedger([receipt], { skuInfo: info }),
        () => parseLedger([receipt], { skuInfo: info }),
        () => toLedgerColumns([receipt], { skuInfo: info }),
      ]) {
        expect(outcome(run)).toEqual(expected);
      }
      // A skuInfo taken lets a receipt without a cost in exactly when its SKU has a standard cost.
      if ("accepted" in expected) {
        const cost = skuInfo.some(
          (e) =>
            (e as SkuInfo | null)?.sku === "A" &&
            (e as SkuInfo).standardCost !== undefined &&
            (e as SkuInfo).standardCost !== null,
        );
        expect(validateLedger([receipt], { skuInfo: info }).issues.length === 0).toBe(cost);
      }
    },
  );
});
