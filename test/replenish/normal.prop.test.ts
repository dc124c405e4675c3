import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { inverseNormalLoss } from "../../src/replenish/inverseNormalLoss.js";
import { normalCdf } from "../../src/replenish/normalCdf.js";
import { normalLoss } from "../../src/replenish/normalLoss.js";
import { normalQuantile } from "../../src/replenish/normalQuantile.js";

// p spread over many orders of magnitude: 10^e with e in [−300, 0), and its mirror near 1.
const probability = fc
  .tuple(fc.double({ min: -300, max: -1e-3, noNaN: true }), fc.boolean())
  .map(([e, mirror]) => (mirror ? 1 - 10 ** e : 10 ** e))
  .filter((p) => p > 0 && p < 1);

describe("normal functions, properties", () => {
  test.prop([probability])("normalCdf(normalQuantile(p)) ≈ p", (p) => {
    const z = normalQuantile(p);
    // Relative error of a tail probability grows with |z|: dp/p ≈ |z| · dz.
    const tolerance = 1e-14 * Math.max(1, z * z);
    const lowerTail = p < 0.5 ? p : 1 - p;
    const roundTrip = p < 0.5 ? normalCdf(z) : normalCdf(-z);
    expect(Math.abs(roundTrip - lowerTail) / lowerTail).toBeLessThanOrEqual(tolerance);
  });

  test.prop([
    fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
    fc.double({ min: 1e-9, max: 0.1, noNaN: true }),
  ])("normalQuantile is increasing", (p, step) => {
    const q = Math.min(p + step, 1 - 1e-7);
    if (q > p) expect(normalQuantile(q)).toBeGreaterThan(normalQuantile(p));
  });

  test.prop([fc.double({ min: -30, max: 30, noNaN: true })])(
    "G(k) > max(0, −k) and G(k) − G(k + 1) ≤ Φ(−k)",
    (k) => {
      const g = normalLoss(k);
      expect(g).toBeGreaterThan(Math.max(0, -k) - 1e-12 * Math.abs(k));
      // G′ = −Φ(−x) is increasing (G convex): G(k) − G(k + 1) = ∫ Φ(−x) dx over [k, k + 1] ≤ Φ(−k).
      expect(g - normalLoss(k + 1)).toBeLessThanOrEqual(normalCdf(-k) * (1 + 1e-12));
    },
  );

  test.prop([fc.double({ min: -20, max: 30, noNaN: true })])("inverseNormalLoss(G(k)) ≈ k", (k) => {
    const g = normalLoss(k);
    if (g > 0)
      expect(Math.abs(inverseNormalLoss(g) - k)).toBeLessThanOrEqual(
        1e-11 * Math.max(1, Math.abs(k)),
      );
  });
});
