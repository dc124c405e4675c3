import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { replayLedger, replayLedgerLazily } from "../../src/ledger/replayLedger.js";
import { compareSkuLocation } from "../../src/model/compareText.js";
import { VALUATIONS } from "../../src/model/SkuHistory.js";
import { caseOptions, ledgerArb, SHAPES } from "./arbitraries.js";
import { plain } from "./plain.js";

// The histories of both engines (the fast one, and the general one for the SKUs it sets aside, or
// for every SKU with `months`) are merged as they are built (`mergedHistories`). Batch and
// streaming share that merge, so comparing them cannot catch a fault in it: these properties check
// the order itself, and that building the histories lazily changes nothing.

describe("mergedHistories: the replay's histories in order", () => {
  test.prop([
    ledgerArb(SHAPES.anything),
    fc.constantFrom(...VALUATIONS),
    fc.boolean(),
    fc.boolean(),
  ])(
    "come sorted by SKU code, then location, each key once",
    (c, valuation, byLocation, months) => {
      const { histories } = replayLedger(c.rows, {
        ...caseOptions(c, valuation, byLocation),
        months,
      });
      for (let i = 1; i < histories.length; i++) {
        const [before, after] = [histories[i - 1], histories[i]];
        if (before === undefined || after === undefined) continue;
        expect(compareSkuLocation(before, after), `${before.sku} before ${after.sku}`).toBe(-1);
      }
    },
  );

  test.prop([
    ledgerArb(SHAPES.anything),
    fc.constantFrom(...VALUATIONS),
    fc.boolean(),
    fc.boolean(),
  ])("built lazily, equal the eager replay's", (c, valuation, byLocation, months) => {
    const options = { ...caseOptions(c, valuation, byLocation), months };
    const eager = replayLedger(c.rows, options);
    const lazy = replayLedgerLazily(c.rows, options);
    expect(lazy.warnings).toEqual(eager.warnings);
    expect(plain([...lazy.histories])).toEqual(plain(eager.histories));
  });
});
