import type { Decimal } from "../model/Decimal.js";
import type { TurnoverReasons } from "./TurnoverNullReason.js";

/**
 * The amounts every turnover result carries, whether for one SKU (`turnoverFigures`), a group of
 * SKUs (`rollupTurnover`) or a month or quarter (`turnoverSeries`): the stock at both ends and on
 * average, the flows, and capital tied up. Quantities in units, money at cost unless named retail.
 */
export interface TurnoverAmounts {
  readonly openingQuantity: number;
  readonly openingValue: Decimal;
  readonly closingQuantity: number;
  readonly closingValue: Decimal;
  /** Average units on hand over the period (for a SKU: by the chosen average method). */
  readonly averageQuantity: number;
  /** Average inventory at cost over the period. */
  readonly averageValue: Decimal;
  /** Average inventory at retail (average units × unit price), or `null` without a price. */
  readonly averageRetailValue: Decimal | null;
  readonly receivedQuantity: number;
  /** Units issued (gross) and returned by customers. */
  readonly issuedQuantity: number;
  readonly returnedQuantity: number;
  /** Cost of goods sold, net of returns. */
  readonly cogs: Decimal;
  readonly revenue: Decimal;
  /** Capital tied up at the end of the period: the closing value (Σ for a rollup). */
  readonly capitalTiedUp: Decimal;
  /** Capital tied up on average over the period: the average value (Σ for a rollup). */
  readonly averageCapital: Decimal;
  /** For each `null` figure, why. */
  readonly reasons: TurnoverReasons;
}
