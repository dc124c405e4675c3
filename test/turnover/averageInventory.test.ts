import { Decimal as UserDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import type { AverageInventoryArgs } from "../../src/turnover/averageInventory.js";
import { averageInventory } from "../../src/turnover/averageInventory.js";
import { codeOf } from "./codeOf.js";

describe("averageInventory", () => {
  it("endpoints: the worked example of issue #3 (opening 180,000, closing 220,000 → 200,000)", () => {
    // Hand computation: (180,000 + 220,000) / 2 = 200,000.
    const average = averageInventory({ method: "endpoints", opening: 180_000, closing: 220_000 });
    expect(average.toFixed()).toBe("200000");
    expect(average).toBeInstanceOf(Decimal);
  });

  it("endpoints of 0.1 and 0.2 is exactly 0.15 (decimal, not binary, arithmetic)", () => {
    // In binary floating point (0.1 + 0.2) / 2 is 0.15000000000000002.
    expect((0.1 + 0.2) / 2).not.toBe(0.15);
    const average = averageInventory({ method: "endpoints", opening: 0.1, closing: 0.2 });
    expect(average.toFixed()).toBe("0.15");
    expect(average.equals("0.15")).toBe(true);
  });

  it("snapshots: the mean of the given balances", () => {
    // Hand computation: (10 + 20 + 60) / 3 = 30.
    expect(
      averageInventory({ method: "snapshots", values: [10, "20", new UserDecimal(60)] }).toFixed(),
    ).toBe("30");
    expect(averageInventory({ method: "snapshots", values: ["12.34"] }).toFixed()).toBe("12.34");
  });

  it("monthly: (opening + Σ month ends) / (n + 1), the 13-point average over a year", () => {
    // Hand computation: opening 100 and twelve month ends 100, 200, …, 1200:
    // (100 + 7800) / 13 = 7900 / 13 = 607.692307…
    const monthEnds = Array.from({ length: 12 }, (_, i) => (i + 1) * 100);
    const average = averageInventory({ method: "monthly", opening: 100, monthEnds });
    expect(average.times(13).toFixed()).toBe("7900");
    expect(average.toFixed(6)).toBe("607.692308");
    // No month end inside the period: the opening alone.
    expect(averageInventory({ method: "monthly", opening: 42, monthEnds: [] }).toFixed()).toBe(
      "42",
    );
  });

  it("averages negative balances as given", () => {
    expect(averageInventory({ method: "endpoints", opening: -100, closing: 50 }).toFixed()).toBe(
      "-25",
    );
  });

  it("does not mutate its input", () => {
    const values = Object.freeze(["1", "2"]);
    expect(averageInventory({ method: "snapshots", values }).toFixed()).toBe("1.5");
  });

  it("rejects bad arguments with a code", () => {
    expect(codeOf(() => averageInventory({ method: "snapshots", values: [] }))).toBe(
      "invalid_argument",
    );
    expect(
      codeOf(() =>
        averageInventory({ method: "median", values: [1] } as unknown as AverageInventoryArgs),
      ),
    ).toBe("invalid_option");
    expect(
      codeOf(() => averageInventory({ method: "endpoints", opening: Number.NaN, closing: 1 })),
    ).toBe("invalid_money");
    expect(
      codeOf(() =>
        averageInventory({
          method: "monthly",
          opening: 1,
          monthEnds: "1,2",
        } as unknown as AverageInventoryArgs),
      ),
    ).toBe("invalid_argument");
    expect(codeOf(() => averageInventory(null as unknown as AverageInventoryArgs))).toBe(
      "invalid_argument",
    );
  });
});
