import { requireFinite } from "../model/assert.js";
import { CENTRAL_LIMIT, centralOffset, TAIL_LIMIT, upperTail } from "./codyNormal.js";

/**
 * The standard normal cumulative distribution function Φ(x) = P(Z ≤ x), Z ~ N(0, 1).
 *
 * Definition: Φ(x) = ½ · erfc(−x / √2). Computed with W. J. Cody's rational Chebyshev
 * approximation, the algorithm and coefficients of R's `pnorm`: for |x| ≤ 0.67448975 as ½ + x·A(x²)/B(x²); beyond,
 * the smaller tail Φ(−|x|) is computed directly as exp(−x²/2) times a rational function (never as
 * 1 − Φ(|x|), which would cancel), and Φ(x) = 1 − Φ(−x) for x > 0. Relative error below 1e-14
 * against 40-digit references wherever the result is a normal double (|x| < 37.5); for
 * x ≤ −38.6 the result underflows to 0, for x ≥ 8.3 it rounds to 1. From |x| ≥ 40 on these limits
 * are returned directly (as R's `pnorm` does), so every finite x up to ±`Number.MAX_VALUE` gives 0
 * or 1, never `NaN`. Use `normalCdf(-x)` for the upper tail 1 − Φ(x): it keeps full relative
 * precision.
 *
 * @param x - the point, in standard deviations from the mean.
 * @returns a probability in [0, 1].
 * @throws InvKpiError `invalid_argument` when `x` is not a finite number.
 * @example
 * ```ts
 * import { normalCdf } from "invkpi";
 * normalCdf(1.96); // 0.9750021048517796
 * normalCdf(-10); // 7.619853024160527e-24 (the upper tail beyond 10, at full precision)
 * normalCdf(1e308); // 1
 * ```
 */
export function normalCdf(x: number): number {
  requireFinite(x, "normalCdf", "x");
  const y = Math.abs(x);
  if (y <= CENTRAL_LIMIT) return 0.5 + centralOffset(x);
  if (y >= TAIL_LIMIT) return x > 0 ? 1 : 0;
  const smallerTail = upperTail(y);
  return x > 0 ? 1 - smallerTail : smallerTail;
}
