import { firstDayOfMonth, lastDayOfMonth } from "../model/day.js";
import type { RawMonth, SkuState } from "./SkuState.js";
import {
  M_CLOSING_QTY,
  M_CLOSING_VALUE,
  M_COGS,
  M_ISSUED_QTY,
  M_ISSUES_WITHOUT_PRICE,
  M_OPENING_QTY,
  M_OPENING_VALUE,
  M_RECEIVED_QTY,
  M_RECEIVED_VALUE,
  M_RETURNED_QTY,
  M_REVENUE,
  M_TRANSFER_IN_QTY,
  M_TRANSFER_OUT_QTY,
  M_TW_QTY,
  M_TW_VALUE,
  type StateTable,
} from "./StateTable.js";
import { wideValue } from "./scaled.js";

/** The period's months as the fast engine counts them: the first (a month index) and how many. */
export interface PeriodMonths {
  readonly from: number;
  readonly to: number;
  readonly firstMonth: number;
  readonly count: number;
}

/**
 * The per-month figures of state `s` of a fast replay (`StateTable.monthFigures`, kept with
 * `months: true`) as the general engine's `RawMonth`s, one per month of the period: a month's days
 * are clipped to the period, and only a month that ends inside the period ends on a month-end
 * balance. Call once the state is finished (every month closed).
 *
 * @example
 * ```ts
 * import { dayFromCivil, monthOfDay } from "../model/day.js";
 * import { StateTable } from "./StateTable.js";
 * const table = new StateTable(1, 0, 1); // one state, one month of figures
 * const s = table.add(0, -1, Number.NaN);
 * const from = dayFromCivil(2025, 1, 10);
 * const to = dayFromCivil(2025, 1, 31);
 * const [january] = rawMonthsOf(table, s, { from, to, firstMonth: monthOfDay(from), count: 1 });
 * [january?.from === from, january?.to === to, january?.isMonthEnd]; // [true, true, true]
 * ```
 */
export function rawMonthsOf(table: StateTable, s: number, months: PeriodMonths): RawMonth[] {
  const result: RawMonth[] = [];
  for (let k = 0; k < months.count; k++) {
    const month = months.firstMonth + k;
    const monthEnd = lastDayOfMonth(month);
    const m = table.monthFigures;
    const at = table.monthAt(s, k);
    result.push({
      month,
      from: Math.max(firstDayOfMonth(month), months.from),
      to: Math.min(monthEnd, months.to),
      openingQty: m[at + M_OPENING_QTY] as number,
      openingValue: m[at + M_OPENING_VALUE] as number,
      closingQty: m[at + M_CLOSING_QTY] as number,
      closingValue: m[at + M_CLOSING_VALUE] as number,
      twQty: m[at + M_TW_QTY] as number,
      twValue: wideValue(m, at + M_TW_VALUE),
      receivedQty: m[at + M_RECEIVED_QTY] as number,
      receivedValue: wideValue(m, at + M_RECEIVED_VALUE),
      issuedQty: m[at + M_ISSUED_QTY] as number,
      returnedQty: m[at + M_RETURNED_QTY] as number,
      transferInQty: m[at + M_TRANSFER_IN_QTY] as number,
      transferOutQty: m[at + M_TRANSFER_OUT_QTY] as number,
      cogs: wideValue(m, at + M_COGS),
      revenue: wideValue(m, at + M_REVENUE),
      issuesWithoutPrice: m[at + M_ISSUES_WITHOUT_PRICE] as number,
      isMonthEnd: monthEnd <= months.to,
    });
  }
  return result;
}

/**
 * Hands state `s`'s per-month figures over to the general engine's `state` (a streamed SKU that
 * needs the general engine from here on): the months closed so far as `state.months`, and the
 * open month `open` (0-based in the period) as its running month figures. The state must have
 * started (`state.month` set); `open` may be `months.count` once every month has closed.
 */
export function monthsInto(
  table: StateTable,
  s: number,
  months: PeriodMonths,
  open: number,
  state: SkuState,
): void {
  state.months = rawMonthsOf(table, s, { ...months, count: open });
  if (open >= months.count) return;
  const m = table.monthFigures;
  const at = table.monthAt(s, open);
  state.monthOpenQty = m[at + M_OPENING_QTY] as number;
  state.monthOpenValue = m[at + M_OPENING_VALUE] as number;
  state.monthTwQty = m[at + M_TW_QTY] as number;
  state.monthTwValue.add(wideValue(m, at + M_TW_VALUE));
  state.monthReceivedQty = m[at + M_RECEIVED_QTY] as number;
  state.monthReceivedValue.add(wideValue(m, at + M_RECEIVED_VALUE));
  state.monthIssuedQty = m[at + M_ISSUED_QTY] as number;
  state.monthReturnedQty = m[at + M_RETURNED_QTY] as number;
  state.monthTransferInQty = m[at + M_TRANSFER_IN_QTY] as number;
  state.monthTransferOutQty = m[at + M_TRANSFER_OUT_QTY] as number;
  state.monthCogs.add(wideValue(m, at + M_COGS));
  state.monthRevenue.add(wideValue(m, at + M_REVENUE));
  state.monthIssuesWithoutPrice = m[at + M_ISSUES_WITHOUT_PRICE] as number;
}
