import { type Day, type DayInput, formatDay, invalidDay, tryToDay } from "../model/day.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { SkuHistory } from "../model/SkuHistory.js";

/**
 * The as-of day of an aging figure: `asOf` when given, else the history's period end.
 *
 * A `SkuHistory` describes the stock at the end of its period. Its closing quantity and open layers
 * are also the stock on any later day without movements, and on any earlier day back to its last
 * movement; before that day they include movements that had not happened yet. So `asOf` may lie
 * after the period end (the caller asserts nothing moved since), but not before `lastMovementDate`:
 * that would silently mix two points in time and give negative ages.
 *
 * @internal Shared by the functions of `src/aging/`.
 * @throws InvKpiError `invalid_date` when `asOf` is not a real day; `out_of_range` when it is before
 *   the history's last movement.
 */
export function resolveAsOf(
  history: Pick<SkuHistory, "sku" | "period" | "lastMovementDate">,
  asOf: DayInput | undefined,
  fn: string,
): Day {
  const input = asOf ?? history.period.to;
  const day = tryToDay(input) ?? invalidDay(input, `${fn}: asOf`);
  const lastMovement = history.lastMovementDate;
  if (lastMovement !== null) {
    const lastMovementDay =
      tryToDay(lastMovement) ?? invalidDay(lastMovement, `${fn}: history.lastMovementDate`);
    if (day < lastMovementDay) {
      throw new InvKpiError(
        "out_of_range",
        `${fn}: asOf (${formatDay(day)}) is before the last movement of ${history.sku} (${lastMovement}); the history's closing stock is not the stock of that day`,
        { path: ["asOf"], details: { asOf: formatDay(day), lastMovementDate: lastMovement } },
      );
    }
  }
  return day;
}
