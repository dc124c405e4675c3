import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { mergedHistories } from "../../src/ledger/mergedHistories.js";
import { replayLedgerLazily } from "../../src/ledger/replayLedger.js";
import { compareSkuLocation } from "../../src/model/compareText.js";
import { type SkuHistory, VALUATIONS } from "../../src/model/SkuHistory.js";
import { caseOptions, ledgerArb, SHAPES } from "./arbitraries.js";
import { plain } from "./plain.js";
import { ENGINES, replayByEngine } from "./replayByEngine.js";

// The histories of both engines (the fast one, and the general one for the SKUs it sets aside, or
// for every SKU with `generalEngineOnly`) are merged as they are built (`mergedHistories`). Batch and
// streaming share that merge, so comparing them cannot catch a fault in it: these properties check
// the order itself, and that building the histories lazily changes nothing.

describe("mergedHistories: the replay's histories in order", () => {
  test.prop([
    ledgerArb(SHAPES.anything),
    fc.constantFrom(...VALUATIONS),
    fc.boolean(),
    fc.boolean(),
    fc.constantFrom(...ENGINES),
  ])(
    "come sorted by SKU code, then location, each key once",
    (c, valuation, byLocation, months, engine) => {
      const options = { ...caseOptions(c, valuation, byLocation), months };
      const { histories } = replayByEngine(c.rows, options, engine);
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
    fc.constantFrom(...ENGINES),
  ])("built lazily, equal the eager replay's", (c, valuation, byLocation, months, engine) => {
    const options = { ...caseOptions(c, valuation, byLocation), months };
    const eager = replayByEngine(c.rows, options, engine);
    const lazy = replayLedgerLazily(c.rows, {
      ...options,
      monthEnds: true,
      generalEngineOnly: engine === "general",
    });
    expect(lazy.warnings).toEqual(eager.warnings);
    expect(plain([...lazy.histories])).toEqual(plain(eager.histories));
  });
});

describe("mergedHistories on its own", () => {
  // Only the keys matter to the merge; `from` tells which side a history came from.
  const h = (sku: string, from: string, location?: string) =>
    ({ sku, from, ...(location === undefined ? {} : { location }) }) as unknown as SkuHistory;
  const keys = (histories: Iterable<SkuHistory>) =>
    [...histories].map((x) => {
      const { sku, location, from } = x as unknown as {
        sku: string;
        location?: string;
        from: string;
      };
      return `${sku}${location ?? ""}:${from}`;
    });

  it("merges in SKU, then location, order; on equal keys the first side's comes first", () => {
    const first = [h("A", "1"), h("C", "1", "W1"), h("D", "1")];
    const second = [h("B", "2"), h("C", "2"), h("C", "2", "W1"), h("E", "2")];
    expect(keys(mergedHistories(first, second))).toEqual([
      "A:1",
      "B:2",
      "C:2",
      "CW1:1",
      "CW1:2",
      "D:1",
      "E:2",
    ]);
  });

  it("passes one side through when the other is empty, and gives nothing for two empty sides", () => {
    const side = [h("A", "1"), h("B", "1")];
    expect(keys(mergedHistories(side, []))).toEqual(["A:1", "B:1"]);
    expect(keys(mergedHistories([], side))).toEqual(["A:1", "B:1"]);
    expect(keys(mergedHistories([], []))).toEqual([]);
  });
});
