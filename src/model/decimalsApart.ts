import { Decimal } from "./Decimal.js";

/**
 * The decimal places a figure printed next to a range needs so that, rounded, it stands on the
 * same side of every bound as its exact value: `decimals`, or more only when rounding would put
 * it on a bound it is not on, or across one (turnover 7.996 below a range of 8–15 prints as
 * `7.996`, never `8`). Each bound is compared both as it is and rounded to the same places, so a
 * bound printed rounded (a band of days worked out from the turnover band) keeps its side too. A
 * figure equal to a bound, `null`, or not finite keeps `decimals`; bounds that are `null` or
 * `undefined` (an open end) are skipped.
 *
 * @param decimals - the places the figure is printed with when no bound is near.
 * @example
 * ```ts
 * decimalsApart(7.996, [8, 15], 2); // 3
 * decimalsApart(5.43, [8, 15], 2); // 2
 * decimalsApart(8.004, [8, 15], 2); // 3
 * ```
 */
export function decimalsApart(
  value: number | null,
  bounds: readonly (number | null | undefined)[],
  decimals = 2,
): number {
  if (value === null || !Number.isFinite(value)) return decimals;
  const exact = new Decimal(String(value));
  const sides = bounds.flatMap((bound) => {
    if (bound === null || bound === undefined || !Number.isFinite(bound)) return [];
    const at = new Decimal(String(bound));
    const side = exact.comparedTo(at);
    return side === 0 ? [] : [{ at, side }];
  });
  // Rounded to all its own places and the bounds', the figure is itself: the search ends there.
  const most = Math.max(
    decimals,
    exact.decimalPlaces(),
    ...sides.map(({ at }) => at.decimalPlaces()),
  );
  for (let places = decimals; places < most; places++) {
    const shown = exact.toDecimalPlaces(places);
    const apart = sides.every(
      ({ at, side }) =>
        shown.comparedTo(at) === side && shown.comparedTo(at.toDecimalPlaces(places)) === side,
    );
    if (apart) return places;
  }
  return most;
}
