import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { annualizeTurnover } from "../../src/turnover/annualizeTurnover.js";

// The reference is the straightforward formula: turnover × daysPerYear / periodDays in 40-digit
// decimals, read as a number.
function reference(turnover: number, periodDays: number, daysPerYear: number): number {
  return new Decimal(turnover).times(daysPerYear).dividedBy(periodDays).toNumber();
}

const turnoverArb = fc.double({ min: 0, max: 1e6, noNaN: true });
const daysArb = fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(365.25, 365.2425));

test.prop([turnoverArb, daysArb])(
  "a period of exactly daysPerYear days gives the turnover back, as the formula does",
  (turnover, days) => {
    const annual = annualizeTurnover({ turnover, periodDays: days, daysPerYear: days });
    expect(Object.is(annual, reference(turnover, days, days))).toBe(true);
  },
);

test.prop([turnoverArb, daysArb, daysArb])(
  "any period equals the decimal formula to the last bit",
  (turnover, periodDays, daysPerYear) => {
    const annual = annualizeTurnover({ turnover, periodDays, daysPerYear });
    expect(Object.is(annual, reference(turnover, periodDays, daysPerYear))).toBe(true);
  },
);
