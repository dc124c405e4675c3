import type { Decimal } from "../model/Decimal.js";
import { ExactSum } from "../model/ExactSum.js";
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
  /** Absent: none (counts as 0). */
  readonly transferredInQuantity?: number;
  readonly transferredOutQuantity?: number;
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
 * the sum's unknown; each sum is an `ExactSum` (the same decimal as `Decimal.plus`, kept in a
 * double while that is exact, zeros skipped). One difference: `TurnoverParts` takes quantities as
 * numbers, so the exact quantity sums are rounded once to a double on the way (money is not):
 * quantity ratios (units-basis turnover, sell-through, days of supply) may differ from
 * `rollupTurnover` over the items in the last binary digit.
 */
export class TurnoverPartsSum {
  private count = 0;
  private readonly openingQuantity = new ExactSum();
  private readonly closingQuantity = new ExactSum();
  private readonly averageQuantity = new ExactSum();
  private readonly receivedQuantity = new ExactSum();
  private readonly transferredInQuantity = new ExactSum();
  private readonly transferredOutQuantity = new ExactSum();
  private readonly issuedQuantity = new ExactSum();
  private readonly returnedQuantity = new ExactSum();
  private readonly openingValue = new ExactSum();
  private readonly closingValue = new ExactSum();
  private readonly averageValue = new ExactSum();
  /** `null` once a part without a known retail value was added. */
  private averageRetailValue: ExactSum | null = new ExactSum();
  private readonly cogs = new ExactSum();
  private readonly revenue = new ExactSum();
  private readonly shrinkageValue = new ExactSum();
  private issuesWithoutPrice = 0;

  /**
   * Adds the parts of one SKU (or SKU month).
   * @param issuesWithoutPrice - the SKU's (or the SKU month's) issue lines without a price:
   *   revenue-based figures are null when any is missing.
   */
  add(parts: AdditiveParts, issuesWithoutPrice: number): void {
    this.count += 1;
    this.openingQuantity.addNumber(parts.openingQuantity);
    this.closingQuantity.addNumber(parts.closingQuantity);
    this.averageQuantity.addNumber(parts.averageQuantity);
    this.receivedQuantity.addNumber(parts.receivedQuantity);
    this.transferredInQuantity.addNumber(parts.transferredInQuantity ?? 0);
    this.transferredOutQuantity.addNumber(parts.transferredOutQuantity ?? 0);
    this.issuedQuantity.addNumber(parts.issuedQuantity);
    this.returnedQuantity.addNumber(parts.returnedQuantity);
    this.openingValue.addDecimal(parts.openingValue);
    this.closingValue.addDecimal(parts.closingValue);
    this.averageValue.addDecimal(parts.averageValue);
    const retail = parts.averageRetailValue ?? null;
    if (retail === null) this.averageRetailValue = null;
    else this.averageRetailValue?.addDecimal(retail);
    this.cogs.addDecimal(parts.cogs);
    this.revenue.addDecimal(parts.revenue);
    if (parts.shrinkageValue !== undefined) this.shrinkageValue.addDecimal(parts.shrinkageValue);
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
      transferredInQuantity: this.transferredInQuantity.toNumber(),
      transferredOutQuantity: this.transferredOutQuantity.toNumber(),
      issuedQuantity: this.issuedQuantity.toNumber(),
      returnedQuantity: this.returnedQuantity.toNumber(),
      openingValue: this.openingValue.value(),
      closingValue: this.closingValue.value(),
      averageValue: this.averageValue.value(),
      averageRetailValue: this.averageRetailValue?.value() ?? null,
      cogs: this.cogs.value(),
      revenue: this.revenue.value(),
      shrinkageValue: this.shrinkageValue.value(),
      issuesWithoutPrice: this.issuesWithoutPrice,
    };
  }
}
