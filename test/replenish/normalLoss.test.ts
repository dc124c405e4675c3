import { describe, expect, it } from "vitest";
import { normalLoss } from "../../src/replenish/normalLoss.js";
import { expectCode, relativeError } from "./expectCode.js";
import { LOSS } from "./normalReferences.js";

describe("normalLoss G(k) = φ(k) − k·(1 − Φ(k))", () => {
  it("matches mpmath to 1e-13 relative from k = −40 to 37 (where G is 1.5e-301)", () => {
    for (const [k, truth] of LOSS) {
      expect(relativeError(normalLoss(k), truth), `k = ${k}`).toBeLessThanOrEqual(1e-13);
    }
  });

  it("reproduces the printed table of G_u(k) (Silver, Pyke & Thomas, appendix table of the unit normal loss)", () => {
    // Four-decimal values as printed in loss tables: G(0) = 0.3989, G(0.5) = 0.1978, G(1) = 0.0833,
    // G(1.5) = 0.0293, G(2) = 0.0085, G(3) = 0.0004.
    const table: [number, number][] = [
      [0, 0.3989],
      [0.5, 0.1978],
      [1, 0.0833],
      [1.5, 0.0293],
      [2, 0.0085],
      [3, 0.0004],
    ];
    for (const [k, printed] of table) expect(normalLoss(k)).toBeCloseTo(printed, 4);
  });

  it("has the reflection G(−k) = G(k) + k and the derivative G′(k) = −(1 − Φ(k))", () => {
    expect(normalLoss(-1.3)).toBeCloseTo(normalLoss(1.3) + 1.3, 14);
    // Central difference at k = 1: (G(1 + h) − G(1 − h)) / 2h ≈ −Φ(−1) = −0.15865525393145705.
    const h = 1e-5;
    expect((normalLoss(1 + h) - normalLoss(1 - h)) / (2 * h)).toBeCloseTo(-0.15865525393145705, 9);
  });

  it("is not the Abramowitz–Stegun 7.5e-8 approximation: G(4) to 1e-13 relative", () => {
    // G(4) = 7.145258432405667e-06 (mpmath). A 7.5e-8 absolute error in Φ would be a 4e-2 relative
    // error here, which would wreck the fill-rate inversion in the tail.
    expect(relativeError(normalLoss(4), 7.145258432405667e-6)).toBeLessThan(1e-13);
  });

  it("rejects non-numbers", () => {
    expectCode(() => normalLoss(Number.NaN), "invalid_argument", ["k"]);
  });

  it("returns the limits for huge finite k, never NaN (found by an audit)", () => {
    // G(k) = φ(k) − k·(1 − Φ(k)) → 0 as k → ∞, and G(k) = G(−k) − k → −k as k → −∞ (G(−k) is below
    // every double once −k > 38.5, so −k is the exact double result). Before: NaN from 1.2e307 on.
    for (const k of [1.2e307, 1e308, Number.MAX_VALUE, 40, 1e10]) {
      expect(normalLoss(k), `k = ${k}`).toBe(0);
      expect(normalLoss(-k), `k = ${-k}`).toBe(k);
    }
  });
});
