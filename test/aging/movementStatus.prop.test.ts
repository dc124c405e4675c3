import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { type MovementStatusValue, movementStatus } from "../../src/aging/movementStatus.js";
import { formatDay, parseIsoDay } from "../../src/model/day.js";
import { makeHistory } from "../support/makeHistory.js";

const AS_OF = parseIsoDay("2024-12-31")!;

const thresholdsArb = fc
  .tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }))
  .map(([a, b]) => ({ slowDays: Math.min(a, b), deadDays: Math.max(a, b) }));
const basisArb = fc.constantFrom("issue" as const, "any" as const);

/** A SKU with stock on hand, last issued `issueDays` and last moved `moveDays` ≤ issueDays ago. */
function issuedDaysAgo(issueDays: number, moveDays = issueDays) {
  return makeHistory({
    closingQuantity: 7,
    closingValue: 70,
    lastIssueDate: formatDay(AS_OF - issueDays),
    lastMovementDate: formatDay(AS_OF - moveDays),
  });
}

const staleness: Record<MovementStatusValue, number> = {
  active: 0,
  slow: 1,
  dead: 2,
  "never-moved": Number.NaN,
  "no-stock": Number.NaN,
};

test.prop([thresholdsArb, basisArb, fc.nat(400), fc.nat(400)])(
  "a SKU issued within slowDays is never slow or dead",
  (thresholds, basis, issueDays, sinceMove) => {
    fc.pre(issueDays < thresholds.slowDays);
    const history = issuedDaysAgo(issueDays, Math.min(issueDays, sinceMove));
    expect(movementStatus(history, { ...thresholds, basis }).status).toBe("active");
  },
);

test.prop([thresholdsArb, fc.nat(600), fc.nat(600)])(
  "more days since the last issue never gives a less stale status",
  (thresholds, a, b) => {
    const [fewer, more] = a <= b ? [a, b] : [b, a];
    const fresher = movementStatus(issuedDaysAgo(fewer), thresholds).status;
    const staler = movementStatus(issuedDaysAgo(more), thresholds).status;
    expect(staleness[staler]).toBeGreaterThanOrEqual(staleness[fresher]);
  },
);

test.prop([thresholdsArb, fc.nat(600)])(
  "the status follows the thresholds of its definition",
  (thresholds, days) => {
    const { status } = movementStatus(issuedDaysAgo(days), thresholds);
    if (status === "dead") expect(days).toBeGreaterThanOrEqual(thresholds.deadDays);
    else if (status === "slow") {
      expect(days).toBeGreaterThanOrEqual(thresholds.slowDays);
      expect(days).toBeLessThan(thresholds.deadDays);
    } else expect(days).toBeLessThan(thresholds.slowDays);
  },
);

test.prop([fc.integer({ min: -1000, max: 1000 }).map((q) => q / 10), fc.nat(600), basisArb])(
  "only stock on hand can be slow, dead or never moved",
  (closingQuantity, days, basis) => {
    const history = makeHistory({
      closingQuantity,
      lastIssueDate: formatDay(AS_OF - days),
      lastMovementDate: formatDay(AS_OF - days),
    });
    const { status } = movementStatus(history, { basis });
    expect(status === "no-stock").toBe(closingQuantity <= 0);
  },
);
