import { describe, expect, it } from "vitest";
import type { Movement } from "../../src/model/Movement.js";
import { analyzeLedger } from "../../src/report/index.js";

// Found by an independent audit (a Python reference written from docs/formulas.md, session 19):
// a SKU whose weekly demand has a CV exactly on a cutoff got X or Y depending on the scale of its
// demand, because CV comes from floating-point sums. By hand: weekly demand 2.1, 0.9, 0.9, 0.9
// (four whole ISO weeks, June 2–29 2025, Monday to Sunday) has mean 4.8 / 4 = 1.2, sample variance
// ((0.9)² + 3 · (0.3)²) / 3 = 1.08 / 3 = 0.36, σ = 0.6, CV = 0.6 / 1.2 = 0.5 exactly: X, since the
// bounds are inclusive (X ≤ 0.5 < Y ≤ 1 < Z). Any positive multiple of it has the same CV.
// In doubles the CV came out 0.5000000000000004 (Y) for the pattern itself, 0.5 (X) for × 100 / 3.

const period = { from: "2025-06-02", to: "2025-06-29" };
const MONDAYS = ["2025-06-02", "2025-06-09", "2025-06-16", "2025-06-23"];

/** One SKU: a receipt on the period's first day, then one issue each week of `weekly` units. */
function sku(name: string, weekly: readonly string[]): Movement[] {
  return [
    { sku: name, date: "2025-06-02", type: "receipt", quantity: 100_000, unitCost: 1 },
    ...weekly.map(
      (quantity, k): Movement => ({
        sku: name,
        date: MONDAYS[k] as string,
        type: "issue",
        quantity: Number(quantity),
      }),
    ),
  ];
}

/** `pattern` × `factor`, as exact decimal text (the products have few decimals). */
function scaled(pattern: readonly string[], factor: string): string[] {
  return pattern.map((q) => String(Math.round(Number(q) * Number(factor) * 1e6) / 1e6));
}

const FACTORS = [
  "1",
  "0.1",
  "0.3",
  "0.7",
  "1.1",
  "1.7",
  "2.9",
  "3",
  "7",
  "11",
  "13",
  "33.3",
  "101",
];

describe("XYZ at a CV exactly on a cutoff", () => {
  it("CV 0.5 (weekly 2.1, 0.9, 0.9, 0.9 and its multiples): X at every scale", () => {
    const pattern = ["2.1", "0.9", "0.9", "0.9"];
    const ledger = FACTORS.flatMap((f) => sku(`CV05×${f}`, scaled(pattern, f)));
    ledger.push(...sku("CV05×100/3", ["70", "30", "30", "30"]));
    const { rows } = analyzeLedger(ledger, { period });
    expect(rows).toHaveLength(FACTORS.length + 1);
    for (const row of rows) {
      expect([row.sku, row.xyzClass]).toEqual([row.sku, "X"]);
      expect(row.xyzCv).toBeCloseTo(0.5, 14);
    }
  });

  it("CV 1 (weekly 0.5, 0.1, 0.1, 0.1 and its multiples): Y at every scale", () => {
    // By hand: μ = 0.8 / 4 = 0.2, deviations 0.3, −0.1, −0.1, −0.1, sample variance
    // (0.09 + 3 · 0.01) / 3 = 0.04, σ = 0.2, CV = 0.2 / 0.2 = 1: Y (Y ≤ 1 < Z).
    const pattern = ["0.5", "0.1", "0.1", "0.1"];
    const ledger = FACTORS.flatMap((f) => sku(`CV1×${f}`, scaled(pattern, f)));
    const { rows } = analyzeLedger(ledger, { period });
    for (const row of rows) {
      expect([row.sku, row.xyzClass]).toEqual([row.sku, "Y"]);
      expect(row.xyzCv).toBeCloseTo(1, 14);
    }
  });
});
