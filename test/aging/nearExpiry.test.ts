import { describe, expect, it } from "vitest";
import { nearExpiry } from "../../src/aging/nearExpiry.js";
import { makeHistory } from "../support/makeHistory.js";
import { codeOf, layer } from "./fixtures.js";

// As of 2024-12-31, window 30 days: expiring means 2024-12-31 ≤ expiresOn ≤ 2025-01-30.
const history = makeHistory({
  sku: "MILK",
  lastMovementDate: "2024-12-01",
  layers: [
    layer("2024-10-01", 4, "2.00", { lot: "L1", expiresOn: "2024-12-20" }), // −11: expired
    layer("2024-11-01", 6, "2.10", { lot: "L2", expiresOn: "2025-01-15" }), // 15: expiring
    layer("2024-11-15", 2, "2.20", { lot: "L2", expiresOn: "2025-01-15" }), // same lot, grouped
    layer("2024-11-20", 3, "2.00", { lot: "L2", expiresOn: "2025-03-01" }), // same lot, later day
    layer("2024-11-25", 5, "1.00", { lot: "L3", expiresOn: "2025-01-30" }), // 30: on the bound
    layer("2024-11-26", 5, "1.00", { lot: "L4", expiresOn: "2025-01-31" }), // 31: outside
    layer("2024-11-27", 1, "3.00", { lot: "L5", expiresOn: "2024-12-31" }), // 0: expires today
    layer("2024-11-28", 9, "1.50", { expiresOn: "2024-12-30" }), // −1: no lot code
    layer("2024-12-01", 8, "1.00"), // no expiry day: ignored
  ],
});

describe("nearExpiry: a worked lot list (hand computation)", () => {
  const result = nearExpiry(history, { asOf: "2024-12-31" });

  it("lists the expired lots, soonest first", () => {
    expect(result.expired.map((l) => [l.lot, l.expiresOn, l.daysToExpiry, l.quantity])).toEqual([
      ["L1", "2024-12-20", -11, 4],
      [null, "2024-12-30", -1, 9],
    ]);
    expect(result.expired.map((l) => l.value.toFixed(2))).toEqual(["8.00", "13.50"]);
  });

  it("lists the lots expiring within the window, both ends included", () => {
    expect(result.expiring.map((l) => [l.lot, l.expiresOn, l.daysToExpiry, l.quantity])).toEqual([
      ["L5", "2024-12-31", 0, 1], // expires on the as-of day: still usable, so expiring
      ["L2", "2025-01-15", 15, 8], // 6 + 2 from two layers of one lot and day
      ["L3", "2025-01-30", 30, 5],
    ]);
    // L2: 6 × 2.10 + 2 × 2.20 = 12.60 + 4.40 = 17.00
    expect(result.expiring.map((l) => l.value.toFixed(2))).toEqual(["3.00", "17.00", "5.00"]);
  });

  it("totals both lists", () => {
    expect(result.expiredQuantity).toBe(13);
    expect(result.expiredValue.toFixed(2)).toBe("21.50");
    expect(result.expiringQuantity).toBe(14);
    expect(result.expiringValue.toFixed(2)).toBe("25.00");
    expect(result).toMatchObject({ sku: "MILK", asOf: "2024-12-31" });
    expect(result.expiring[0]?.sku).toBe("MILK");
  });

  it("uses the window given", () => {
    const today = nearExpiry(history, { withinDays: 0 });
    expect(today.expiring.map((l) => l.lot)).toEqual(["L5"]);
    const wide = nearExpiry(history, { withinDays: 31 });
    expect(wide.expiring.map((l) => l.lot)).toEqual(["L5", "L2", "L3", "L4"]);
  });

  it("moves a lot to expired the day after its expiry day", () => {
    const nextDay = nearExpiry(history, { asOf: "2025-01-01" });
    expect(nextDay.expired.map((l) => l.lot)).toContain("L5");
    expect(nextDay.expiring.map((l) => l.lot)).not.toContain("L5");
  });
});

describe("nearExpiry: edge cases and errors", () => {
  it("is empty when no layer carries an expiry day", () => {
    const none = nearExpiry(makeHistory({ layers: [layer("2024-01-01", 3, 1)] }));
    expect(none.expired).toEqual([]);
    expect(none.expiring).toEqual([]);
    expect(none.expiringValue.isZero()).toBe(true);
  });

  it("rejects a negative window and an as-of day before the last movement", () => {
    expect(codeOf(() => nearExpiry(history, { withinDays: -1 }))).toBe("out_of_range");
    expect(codeOf(() => nearExpiry(history, { withinDays: Number.NaN }))).toBe("invalid_argument");
    expect(codeOf(() => nearExpiry(history, { asOf: "2024-11-30" }))).toBe("out_of_range");
  });

  it("names a layer whose expiry day is not a day", () => {
    const bad = makeHistory({
      layers: [layer("2024-10-01", 1, "1.00", { expiresOn: "2025-02-29" })],
    });
    expect(codeOf(() => nearExpiry(bad))).toBe("invalid_date");
    expect(() => nearExpiry(bad)).toThrow(/^nearExpiry: layers\[0\]\.expiresOn must be a real/);
  });
});
