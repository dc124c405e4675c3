import { requireNonNegative, requirePositive } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { type MoneyInput, toDecimal } from "../model/money.js";
import {
  anyForm,
  argumentNames,
  type FormInForce,
  formsInForce,
  requireFormNames,
} from "../model/requireKnownOptions.js";

/** EOQ with the holding cost per unit per year given directly. */
export interface EoqWithHoldingCost {
  /** D: demand per year, in units, ≥ 0. */
  readonly annualDemand: number;
  /** S: cost of placing one order (ordering, transport, receiving), ≥ 0. */
  readonly orderCost: MoneyInput;
  /** H: cost of holding one unit for one year, > 0. */
  readonly holdingCost: MoneyInput;
  readonly unitCost?: never;
  readonly holdingRate?: never;
}

/** EOQ with the holding cost as a yearly rate of the unit cost: H = unitCost · holdingRate. */
export interface EoqWithHoldingRate {
  readonly annualDemand: number;
  readonly orderCost: MoneyInput;
  /** Cost of one unit, > 0. */
  readonly unitCost: MoneyInput;
  /** Holding cost per year as a fraction of the unit cost (0.25 = 25 % a year), > 0. */
  readonly holdingRate: number;
  readonly holdingCost?: never;
}

/** Arguments of {@link economicOrderQuantity}: a holding cost, or a unit cost with a holding rate. */
export type EconomicOrderQuantityInput = EoqWithHoldingCost | EoqWithHoldingRate;

const FN = "economicOrderQuantity";

/** The names of each form: a holding rate with a holding cost would be ignored, so it is refused. */
const FORMS = formsInForce({
  holdingCost: {
    label: "{ holdingCost }",
    names: argumentNames<EoqWithHoldingCost>()(["annualDemand", "orderCost", "holdingCost"]),
  },
  holdingRate: {
    label: "{ unitCost, holdingRate }",
    names: argumentNames<EoqWithHoldingRate>()([
      "annualDemand",
      "orderCost",
      "unitCost",
      "holdingRate",
    ]),
  },
});
/** Both holdingCost and unitCost, or neither: {@link holdingCostPerUnit} says which to give. */
const EITHER_FORM = anyForm([FORMS.holdingCost.given, FORMS.holdingRate.given]);

/** The form `input` is in: by holdingCost or unitCost, the one given. */
function formOf(input: EconomicOrderQuantityInput): FormInForce {
  const hasHoldingCost = input.holdingCost !== undefined;
  if (hasHoldingCost === (input.unitCost !== undefined)) return EITHER_FORM;
  return hasHoldingCost ? FORMS.holdingCost : FORMS.holdingRate;
}

/**
 * The economic order quantity (Harris, 1913; Wilson): the order size that minimises the yearly sum
 * of ordering and holding costs when demand is steady.
 *
 * Formula: EOQ = √(2 · D · S / H), with D the annual demand in units, S the cost per order and H the
 * holding cost per unit per year (either given as `holdingCost`, or as `unitCost · holdingRate`).
 * The money arithmetic is exact (decimal, 40 digits) up to the square root; the result is a
 * quantity, a number. Annual demand 0 gives 0. All amounts in one currency; D must be per year when
 * H is per year (the units of time must match, trap 3).
 *
 * @param input - annualDemand (units/year), orderCost (money per order), and holdingCost (money per
 *   unit per year) or unitCost (money per unit) with holdingRate (fraction per year).
 * @returns the order quantity, in units.
 * @throws InvKpiError `invalid_argument` when annualDemand or holdingRate is not a finite number, or
 *   when both holdingCost and unitCost are given, or neither; `invalid_money` when an amount is not a
 *   finite decimal or is negative; `out_of_range` when annualDemand is negative or the holding cost
 *   (or unit cost, or holding rate) is not > 0; `invalid_option` for a name it does not read (path
 *   `[name]`): a typo ("unknown argument 'ordercost' (did you mean 'orderCost'?)"), or a name of the
 *   other form ("{ holdingCost } does not read 'holdingRate' ({ unitCost, holdingRate } does)").
 * @example
 * ```ts
 * import { economicOrderQuantity } from "invkpi";
 * economicOrderQuantity({ annualDemand: 1000, orderCost: 10, holdingCost: "0.5" }); // 200
 * economicOrderQuantity({ annualDemand: 12000, orderCost: 4000, unitCost: 500, holdingRate: 0.2 }); // 979.7958971132713
 * ```
 */
export function economicOrderQuantity(input: EconomicOrderQuantityInput): number {
  if (input !== null && typeof input === "object") requireFormNames(input, [formOf(input)], FN);
  return economicOrderQuantityWithoutNameCheck(input);
}

/**
 * {@link economicOrderQuantity} without the check of its argument names: for
 * `replenishmentFigures`, which calls it once per SKU with arguments of its own making.
 * @internal
 */
export function economicOrderQuantityWithoutNameCheck(input: EconomicOrderQuantityInput): number {
  const annualDemand = new Decimal(requireNonNegative(input.annualDemand, FN, "annualDemand"));
  const orderCost = nonNegativeMoney(input.orderCost, "orderCost");
  const holdingCost = holdingCostPerUnit(input);
  return annualDemand.times(2).times(orderCost).dividedBy(holdingCost).sqrt().toNumber();
}

/** H, from `holdingCost` or from `unitCost · holdingRate`; exactly one of the two forms. */
function holdingCostPerUnit(input: EconomicOrderQuantityInput): Decimal {
  const hasHoldingCost = input.holdingCost !== undefined;
  const hasUnitCost = input.unitCost !== undefined;
  if (hasHoldingCost === hasUnitCost) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: give either holdingCost, or unitCost with holdingRate`,
      { path: [hasHoldingCost ? "unitCost" : "holdingCost"] },
    );
  }
  if (input.holdingCost !== undefined) {
    return positiveMoney(input.holdingCost, "holdingCost");
  }
  const unitCost = positiveMoney(input.unitCost as MoneyInput, "unitCost");
  const holdingRate = requirePositive(input.holdingRate, FN, "holdingRate");
  return unitCost.times(new Decimal(holdingRate));
}

function nonNegativeMoney(value: MoneyInput, name: string): Decimal {
  const amount = toDecimal(value, `${FN}: ${name}`);
  if (amount.isNegative()) {
    throw new InvKpiError("invalid_money", `${FN}: ${name} must not be negative, got ${amount}`, {
      path: [name],
      details: { value: amount.toString() },
    });
  }
  return amount;
}

function positiveMoney(value: MoneyInput, name: string): Decimal {
  const amount = nonNegativeMoney(value, name);
  if (amount.isZero()) {
    throw new InvKpiError("out_of_range", `${FN}: ${name} must be > 0, got 0`, {
      path: [name],
      details: { value: 0 },
    });
  }
  return amount;
}
