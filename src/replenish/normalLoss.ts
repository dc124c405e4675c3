import { requireFinite } from "../model/assert.js";
import {
  CENTRAL_LIMIT,
  centralOffset,
  farTailCorrection,
  gaussianKernel,
  INV_SQRT_2PI,
  MIDDLE_LIMIT,
  middleTailRatio,
  TAIL_LIMIT,
} from "./codyNormal.js";

/**
 * The standard normal loss function G(k) = E[max(Z − k, 0)], Z ~ N(0, 1): the expected shortage
 * per replenishment cycle, in standard deviations of lead-time demand, when the reorder point is k
 * deviations above the mean.
 *
 * Definition: G(k) = φ(k) − k · (1 − Φ(k)), with φ the standard normal density and Φ its CDF
 * (Silver, Pyke & Thomas write it G_u(k)). G is positive, strictly decreasing and convex, with
 * G(0) = 1/√(2π) ≈ 0.39894, G(k) → 0 as k → ∞ and G(k) ≈ −k as k → −∞; G(−k) = G(k) + k.
 *
 * Computed from the pieces of Cody's approximation (as in R's `pnorm`) so that the difference of two
 * nearly equal terms is never formed: for k > 0.674 the tail is exp(−k²/2)·r(k), so
 * G(k) = exp(−k²/2) · (1/√(2π) − k·r(k)), and for k > √32 Cody's own correction term is exactly
 * G(k)·exp(k²/2). Negative k use G(k) = G(−k) − k. Relative error below 1e-13 against 40-digit
 * references for k in [−40, 37]; the result underflows to 0 beyond k ≈ 38. From |k| ≥ 40 on the
 * limits are returned directly: 0 for k ≥ 40, −k (= |k|, exact to the last bit) for k ≤ −40, so
 * every finite k up to ±`Number.MAX_VALUE` gives a number, never `NaN`.
 *
 * @param k - the safety factor, in standard deviations.
 * @returns G(k) > 0 (0 only by underflow), in standard deviations.
 * @throws InvKpiError `invalid_argument` when `k` is not a finite number.
 * @example
 * ```ts
 * import { normalLoss } from "invkpi";
 * normalLoss(0); // 0.3989422804014327
 * normalLoss(1); // 0.0833154705876863
 * normalLoss(-1e308); // 1e308 (G(k) → −k as k → −∞)
 * ```
 */
export function normalLoss(k: number): number {
  requireFinite(k, "normalLoss", "k");
  // Beyond ±40 the tail G(|k|) underflows to 0: G(k) = 0 on the right, G(k) = −k + 0 on the left.
  if (k >= TAIL_LIMIT) return 0;
  if (k <= -TAIL_LIMIT) return -k;
  return k < 0 ? lossAtNonNegative(-k) - k : lossAtNonNegative(k);
}

/** G(k) for k ≥ 0, in Cody's three ranges. */
function lossAtNonNegative(k: number): number {
  if (k <= CENTRAL_LIMIT) {
    const upperTail = 0.5 - centralOffset(k);
    return INV_SQRT_2PI * gaussianKernel(k) - k * upperTail;
  }
  if (k <= MIDDLE_LIMIT) return gaussianKernel(k) * (INV_SQRT_2PI - k * middleTailRatio(k));
  return gaussianKernel(k) * farTailCorrection(k);
}
