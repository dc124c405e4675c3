import type { ReplayWarning } from "../ledger/index.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

/**
 * Requires that `asOf` falls before every movement that the period left out.
 *
 * Why: an `asOf` after the period end asserts that nothing moved after the period end: statuses,
 * idle days and ages are judged on the stock at the period end, as if it still lay there on
 * `asOf`. A ledger that holds movements between the period end and `asOf` says otherwise (a SKU
 * issued the week before `asOf` would show as dead), so the report refuses it rather than judge
 * silently on a stock it knows is out of date. The replay's `after_period` warning carries the
 * earliest movement left out as its `date`.
 *
 * @param warnings - the replay's warnings (merged, for shards: the earliest `date` kept).
 * @param options - the report's resolved options (period and `asOf`).
 * @param fn - the public function, named in the message.
 * @throws InvKpiError `out_of_range` (path `asOf`) when a movement after the period end falls on or
 *   before `asOf`.
 */
export function requireAsOfBeforeLeftOut(
  warnings: readonly ReplayWarning[],
  options: Pick<ResolvedReportOptions, "period" | "asOf">,
  fn: string,
): void {
  const { asOf, period } = options;
  // ISO days compare as text.
  if (asOf <= period.to) return;
  const leftOut = warnings.find((w) => w.code === "after_period");
  const first = leftOut?.date;
  if (first === undefined || first > asOf) return;
  throw new InvKpiError(
    "out_of_range",
    `${fn}: asOf (${asOf}) is on or after movements that the period (ending ${period.to}) leaves out, the first dated ${first}: statuses and ages on asOf would ignore them; end the period on asOf, or set asOf before ${first}`,
    {
      path: ["asOf"],
      details: { asOf, periodTo: period.to, firstLeftOut: first, leftOut: leftOut?.count ?? 0 },
    },
  );
}
