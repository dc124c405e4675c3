import { Decimal } from "../model/Decimal.js";
import type { TurnoverParts } from "../turnover/index.js";

/**
 * The additive turnover parts of one SKU, or of one SKU's month: `TurnoverFigures`, `MonthFigures`
 * and `TurnoverSeriesEntry` all fit. Money as the replay's `Decimal`s.
 */
export interface AdditiveParts {
  readonly openingQuantity: number;
  readonly closingQuantity: number;
  readonly averageQuantity: number;
  readonly receivedQuantity: number;
  readonly issuedQuantity: number;
  readonly returnedQuantity: number;
  readonly openingValue: Decimal;
  readonly closingValue: Decimal;
  readonly averageValue: Decimal;
  /** Absent or `null`: not known (then the sum's is not known either). */
  readonly averageRetailValue?: Decimal | null;
  readonly cogs: Decimal;
  readonly revenue: Decimal;
  /** Absent for a month (months carry no shrinkage): counts as 0. */
  readonly shrinkageValue?: Decimal;
}

/**
 * Running exact sums of turnover parts (Σ quantities, Σ values, Σ COGS, ...), handed to
 * `rollupTurnover` as one item: rollups compose, so the rollup of the sum is the rollup of the
 * items, and `rollupTurnover` keeps the one definition of every ratio.
 *
 * Used for the month grouping, whose items are SKUs × months: `rollupTurnover` reads every amount
 * of every item through its text (about 40 µs an item), which took minutes for a year of 100 k
 * SKUs; adding the replay's `Decimal`s as they are costs a fraction of that. The sums follow
 * `rollupTurnover`'s: money and quantities added as exact decimals, an unknown retail value makes
 * the sum's unknown. One difference: `TurnoverParts` takes quantities as numbers, so the exact
 * quantity sums are rounded once to a double on the way (money is not): quantity ratios
 * (units-basis turnover, sell-through, days of supply) may differ from `rollupTurnover` over the
 * items in the last binary digit.
 */
export class TurnoverPartsSum {
  private count = 0;
  private openingQuantity = new Decimal(0);
  private closingQuantity = new Decimal(0);
  private averageQuantity = new Decimal(0);
  private receivedQuantity = new Decimal(0);
  private issuedQuantity = new Decimal(0);
  private returnedQuantity = new Decimal(0);
  private openingValue = new Decimal(0);
  private closingValue = new Decimal(0);
  private averageValue = new Decimal(0);
  private averageRetailValue: Decimal | null = new Decimal(0);
  private cogs = new Decimal(0);
  private revenue = new Decimal(0);
  private shrinkageValue = new Decimal(0);
  private issuesWithoutPrice = 0;

  /**
   * Adds the parts of one SKU (or SKU month).
   * @param issuesWithoutPrice - the SKU's issue lines without a price (a month's are not known
   *   apart: pass the whole period's, so that revenue-based figures are null when any is missing).
   */
  add(parts: AdditiveParts, issuesWithoutPrice: number): void {
    this.count += 1;
    this.openingQuantity = plus(this.openingQuantity, parts.openingQuantity);
    this.closingQuantity = plus(this.closingQuantity, parts.closingQuantity);
    this.averageQuantity = plus(this.averageQuantity, parts.averageQuantity);
    this.receivedQuantity = plus(this.receivedQuantity, parts.receivedQuantity);
    this.issuedQuantity = plus(this.issuedQuantity, parts.issuedQuantity);
    this.returnedQuantity = plus(this.returnedQuantity, parts.returnedQuantity);
    this.openingValue = plus(this.openingValue, parts.openingValue);
    this.closingValue = plus(this.closingValue, parts.closingValue);
    this.averageValue = plus(this.averageValue, parts.averageValue);
    const retail = parts.averageRetailValue ?? null;
    this.averageRetailValue =
      this.averageRetailValue === null || retail === null
        ? null
        : plus(this.averageRetailValue, retail);
    this.cogs = plus(this.cogs, parts.cogs);
    this.revenue = plus(this.revenue, parts.revenue);
    if (parts.shrinkageValue !== undefined) {
      this.shrinkageValue = plus(this.shrinkageValue, parts.shrinkageValue);
    }
    this.issuesWithoutPrice += issuesWithoutPrice;
  }

  /** The sums as one `rollupTurnover` item standing for every item added. */
  toParts(): TurnoverParts & {
    readonly count: number;
    readonly averageRetailValue: Decimal | null;
  } {
    return {
      count: this.count,
      openingQuantity: this.openingQuantity.toNumber(),
      closingQuantity: this.closingQuantity.toNumber(),
      averageQuantity: this.averageQuantity.toNumber(),
      receivedQuantity: this.receivedQuantity.toNumber(),
      issuedQuantity: this.issuedQuantity.toNumber(),
      returnedQuantity: this.returnedQuantity.toNumber(),
      openingValue: this.openingValue,
      closingValue: this.closingValue,
      averageValue: this.averageValue,
      averageRetailValue: this.averageRetailValue,
      cogs: this.cogs,
      revenue: this.revenue,
      shrinkageValue: this.shrinkageValue,
      issuesWithoutPrice: this.issuesWithoutPrice,
    };
  }
}

/**
 * `sum.plus(amount)`, skipping the addition when the amount is zero: a running sum already fits the
 * precision, so adding zero gives the same value (and many parts of many SKU months are zero).
 */
function plus(sum: Decimal, amount: Decimal | number): Decimal {
  return (typeof amount === "number" ? amount === 0 : amount.isZero()) ? sum : sum.plus(amount);
}
