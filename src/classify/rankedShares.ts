import { Decimal } from "../model/Decimal.js";
import { bigPow10 } from "../model/exactDecimal.js";
import { bitLength, ratioToNumber } from "../model/ratioToNumber.js";
import type { RankOrder } from "./rankOrder.js";
import type { ScaledIntegers } from "./toScaledIntegers.js";

/** Shares of the total, by rank position, computed from exact sums. */
export interface RankedShares {
  /** Value of the item at each rank position over the total value; 0 when the total is 0. */
  readonly share: Float64Array;
  /**
   * Cumulative value up to and including each position over the total value: exact sums, one
   * rounding to a double, so the last one is exactly 1 (0 when the total is 0).
   */
  readonly cumulativeShare: Float64Array;
  /**
   * For each cutoff, the first rank position whose cumulative share *before* it has reached the
   * cutoff (`cumulative before ≥ cutoff × total`), or the number of items when none has.
   */
  readonly cutoffReachedAt: readonly number[];
}

/**
 * Walks the items in rank order, accumulating exact sums, and returns their shares of the total and
 * where each cutoff is reached.
 *
 * "Cumulative before ≥ c × total" is decided exactly: for an integer sum s, `s ≥ c × total` holds
 * exactly when `s ≥ ⌈c × total⌉`, and that threshold is computed once per cutoff in exact integer
 * arithmetic, with c meaning its shortest decimal form (0.8 is four fifths).
 *
 * @param scaled - the amounts as exact scaled integers.
 * @param ranked - the items in rank order (value descending), sorted by `sortKeys(scaled)`.
 * @param cutoffs - strictly increasing cutoffs in (0, 1].
 */
export function rankedShares(
  scaled: ScaledIntegers,
  ranked: RankOrder,
  cutoffs: readonly number[],
): RankedShares {
  // On the fast path the sort keys are the unit counts, so the sorted keys are the values in rank
  // order, read in sequence rather than gathered through the order.
  return scaled.kind === "number"
    ? numberShares(ranked.sortedKeys, cutoffs)
    : bigintShares(scaled.units, ranked.order, cutoffs);
}

/** The fast path: every sum is an integer below 2^53, exact in a double. */
function numberShares(rankedUnits: Float64Array, cutoffs: readonly number[]): RankedShares {
  const count = rankedUnits.length;
  let total = 0;
  for (let p = 0; p < count; p++) total += rankedUnits[p]!;
  const thresholds = cutoffs.map((c) => Number(cutoffThreshold(c, BigInt(total))));

  const share = new Float64Array(count);
  const cumulativeShare = new Float64Array(count);
  const cutoffReachedAt = cutoffs.map(() => count);
  let cumulative = 0;
  let nextCutoff = 0;
  for (let p = 0; p < count; p++) {
    while (nextCutoff < thresholds.length && cumulative >= thresholds[nextCutoff]!) {
      cutoffReachedAt[nextCutoff++] = p;
    }
    const value = rankedUnits[p]!;
    cumulative += value;
    if (total > 0) {
      // Both operands are exact integers, so each division is correctly rounded.
      share[p] = value / total;
      cumulativeShare[p] = cumulative / total;
    }
  }
  return { share, cumulativeShare, cutoffReachedAt };
}

/** The general path: the same walk with big integers. */
function bigintShares(
  units: readonly bigint[],
  order: Uint32Array,
  cutoffs: readonly number[],
): RankedShares {
  const total = units.reduce((sum, value) => sum + value, 0n);
  const thresholds = cutoffs.map((c) => cutoffThreshold(c, total));
  const totalBits = bitLength(total);

  const share = new Float64Array(order.length);
  const cumulativeShare = new Float64Array(order.length);
  const cutoffReachedAt = cutoffs.map(() => order.length);
  let cumulative = 0n;
  let nextCutoff = 0;
  for (let p = 0; p < order.length; p++) {
    while (nextCutoff < thresholds.length && cumulative >= thresholds[nextCutoff]!) {
      cutoffReachedAt[nextCutoff++] = p;
    }
    const value = units[order[p]!]!;
    cumulative += value;
    if (total > 0n) {
      // Equal values (adjacent in rank order) have equal shares: divide once per run.
      const sameAsBefore = p > 0 && value === units[order[p - 1]!];
      share[p] = sameAsBefore ? share[p - 1]! : ratioToNumber(value, total, totalBits);
      cumulativeShare[p] = ratioToNumber(cumulative, total, totalBits);
    }
  }
  return { share, cumulativeShare, cutoffReachedAt };
}

/** ⌈c × total⌉ exactly, with c = m × 10^-d its decimal form. */
function cutoffThreshold(cutoff: number, total: bigint): bigint {
  const decimal = new Decimal(String(cutoff));
  const places = decimal.decimalPlaces();
  const mantissa = BigInt(decimal.toFixed(places).replace(".", ""));
  const divisor = bigPow10(places);
  return (mantissa * total + divisor - 1n) / divisor;
}
