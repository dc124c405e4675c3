import { requirePositive } from "../model/assert.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { INV_SQRT_2PI, TAIL_LIMIT } from "./codyNormal.js";
import { normalCdf } from "./normalCdf.js";
import { normalLoss } from "./normalLoss.js";

const MAX_ITERATIONS = 200;
/** Beyond this k, G(k) underflows to 0, so [.., FAR_RIGHT] brackets every positive target. */
const FAR_RIGHT = TAIL_LIMIT;

/**
 * The safety factor k for which the standard normal loss function equals a target: G(k) = g.
 * This is how the fill-rate method finds k from σ_DL · G(k) = Q · (1 − β).
 *
 * Definition: G(k) = φ(k) − k·(1 − Φ(k)) ({@link normalLoss}) is strictly decreasing from +∞ to 0,
 * so every g > 0 has exactly one k; k < 0 when g > G(0) = 1/√(2π) ≈ 0.3989. Solved by Newton's
 * method on ln G(k) − ln g (derivative −(1 − Φ(k)) / G(k)) inside a bracket that always holds the
 * root, falling back to bisection whenever a Newton step would leave the bracket. The logarithm
 * matters: G falls like exp(−k²/2), so plain Newton on G − g crawls by about 1/k per step in the
 * tail, while ln G is concave and nearly quadratic. The bracket starts as [−g, 0] when g ≥ G(0)
 * (since G(−g) > g) and [0, 40] otherwise (G(40) underflows to 0). Stops when a step is below
 * 1e-15 · max(1, |k|): k is then accurate to about 1e-13 relative (absolute for |k| < 1). For
 * g ≥ 40 no solver is needed: G(k) = −k to the last bit for k ≤ −40, so k = −g exactly.
 *
 * @param g - the target loss, > 0, in standard deviations.
 * @returns k, in standard deviations (may be negative).
 * @throws InvKpiError `invalid_argument` when `g` is not a finite number; `out_of_range` when
 *   g ≤ 0; `no_convergence` if the solver ever failed (it should not; reported, never hidden).
 * @example
 * ```ts
 * import { inverseNormalLoss } from "invkpi";
 * inverseNormalLoss(0.2); // 0.4928873272068184 (tables: G(0.49) = 0.2009, G(0.50) = 0.1978)
 * inverseNormalLoss(2); // -1.9913095375545793 (above G(0) = 0.3989, k is negative)
 * ```
 */
export function inverseNormalLoss(g: number): number {
  requirePositive(g, "inverseNormalLoss", "g");
  // For k ≤ −40, G(k) = −k + G(−k) with G(−k) < 1e-340: G(k) = −k exactly in doubles, so −g is the
  // root to the last bit (the solver would stop some 1e-14 relative short of it).
  if (g >= TAIL_LIMIT) return -g;
  let [low, high] = g >= INV_SQRT_2PI ? [-g, 0] : [0, FAR_RIGHT];
  let k = midpoint(low, high);
  const logTarget = Math.log(g);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const loss = normalLoss(k);
    const logExcess = Math.log(loss) - logTarget;
    if (logExcess === 0) return k;
    // G is decreasing: a loss above the target means the root lies to the right of k.
    if (logExcess > 0) low = k;
    else high = k;
    const next = newtonOrBisection(k, loss, logExcess, low, high);
    if (Math.abs(next - k) <= 1e-15 * Math.max(1, Math.abs(k)) || next === low || next === high) {
      return next;
    }
    k = next;
  }
  throw new InvKpiError("no_convergence", `inverseNormalLoss: no convergence for g = ${g}`, {
    path: ["g"],
    details: { g, lastK: k },
  });
}

/**
 * A Newton step for ln G(k) − ln g, or the bracket's midpoint when the step would leave the bracket
 * (or is not a number, as when G(k) has underflowed to 0).
 */
function newtonOrBisection(
  k: number,
  loss: number,
  logExcess: number,
  low: number,
  high: number,
): number {
  const slope = -normalCdf(-k) / loss;
  const newton = k - logExcess / slope;
  return newton > low && newton < high ? newton : midpoint(low, high);
}

/** (low + high) / 2 without overflow for brackets near ±1.8e308. */
function midpoint(low: number, high: number): number {
  return low / 2 + high / 2;
}
