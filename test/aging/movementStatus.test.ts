import { describe, expect, it } from "vitest";
import { movementStatus } from "../../src/aging/movementStatus.js";
import { makeHistory } from "../support/makeHistory.js";
import { codeOf } from "./fixtures.js";

// Day counts are to the as-of day 2024-12-31, day 366 of the leap year 2024: a 2024 day with
// day-of-year N is 366 − N days before it. 2024-10-02 is day 276 (Oct 1 is 275): 90 days.
// 2024-07-04 is day 186 (Jul 1 is 183): 180 days.

function onHand(lastIssueDate: string | null, lastMovementDate = lastIssueDate ?? "2024-01-15") {
  return makeHistory({
    closingQuantity: 40,
    closingValue: "400.00",
    lastIssueDate,
    lastMovementDate,
  });
}

describe("movementStatus: thresholds (defaults 90 and 180 days)", () => {
  it("counts the boundary day itself as slow: exactly slowDays days since the last issue", () => {
    expect(movementStatus(onHand("2024-10-02"))).toMatchObject({
      status: "slow",
      daysSinceLastIssue: 90,
    });
    expect(movementStatus(onHand("2024-10-03"))).toMatchObject({
      status: "active",
      daysSinceLastIssue: 89,
    });
  });

  it("counts exactly deadDays days as dead, one day fewer as slow", () => {
    expect(movementStatus(onHand("2024-07-04"))).toMatchObject({
      status: "dead",
      daysSinceLastIssue: 180,
    });
    expect(movementStatus(onHand("2024-07-05")).status).toBe("slow");
  });

  it("is active when issued on the as-of day", () => {
    expect(movementStatus(onHand("2024-12-31"))).toMatchObject({
      status: "active",
      daysSinceLastIssue: 0,
    });
  });

  it("uses the given thresholds", () => {
    // 2024-12-01 is 30 days before 2024-12-31.
    const h = onHand("2024-12-01");
    expect(movementStatus(h, { slowDays: 30, deadDays: 60 }).status).toBe("slow");
    expect(movementStatus(h, { slowDays: 10, deadDays: 30 }).status).toBe("dead");
    expect(movementStatus(h, { slowDays: 31, deadDays: 60 }).status).toBe("active");
    // deadDays = slowDays leaves no room for slow.
    expect(movementStatus(h, { slowDays: 30, deadDays: 30 }).status).toBe("dead");
  });

  it("returns the quantity and value on hand and the as-of day", () => {
    const s = movementStatus(onHand("2024-10-02"));
    expect(s.quantity).toBe(40);
    expect(s.value.toFixed(2)).toBe("400.00");
    expect(s.asOf).toBe("2024-12-31");
    expect(s.sku).toBe("SKU-1");
  });
});

describe("movementStatus: special cases", () => {
  it("is never-moved when stock is on hand and nothing was ever issued, in both bases", () => {
    // Received 2024-01-15 and never issued.
    const h = onHand(null, "2024-01-15");
    expect(movementStatus(h)).toMatchObject({
      status: "never-moved",
      daysSinceLastIssue: null,
      daysSinceLastMovement: 351, // 366 − 15
    });
    expect(movementStatus(h, { basis: "any" }).status).toBe("never-moved");
  });

  it("under basis 'any', stock that left by transfer (a warehouse shipping to stores) has moved", () => {
    // Never issued; transferred out in the period, last on 2024-10-02 (90 days before 2024-12-31).
    const warehouse = makeHistory({
      closingQuantity: 40,
      closingValue: "400.00",
      lastIssueDate: null,
      lastMovementDate: "2024-10-02",
      transferredOutQuantity: 60,
    });
    expect(movementStatus(warehouse, { basis: "any" })).toMatchObject({
      status: "slow",
      daysSinceLastIssue: null,
      daysSinceLastMovement: 90,
    });
    // By issues it has still never moved stock out to a customer.
    expect(movementStatus(warehouse).status).toBe("never-moved");
    // Transfers in alone are no movement out: never-moved in both bases.
    const receivedOnly = { ...warehouse, transferredOutQuantity: 0 };
    expect(movementStatus(receivedOnly, { basis: "any" }).status).toBe("never-moved");
  });

  it("is never-moved for an opening balance with no movement at all", () => {
    const h = makeHistory({ closingQuantity: 5, closingValue: 50 });
    expect(movementStatus(h)).toMatchObject({
      status: "never-moved",
      daysSinceLastIssue: null,
      daysSinceLastMovement: null,
    });
  });

  it("is no-stock when nothing is on hand, however long ago the last issue", () => {
    const h = makeHistory({ lastIssueDate: "2023-01-01", lastMovementDate: "2023-01-01" });
    expect(movementStatus(h).status).toBe("no-stock");
  });

  it("is no-stock for negative stock, which is not stock on hand", () => {
    const h = makeHistory({
      closingQuantity: -4,
      closingValue: -10,
      lastIssueDate: "2024-02-01",
      lastMovementDate: "2024-02-01",
    });
    expect(movementStatus(h)).toMatchObject({ status: "no-stock", quantity: -4 });
  });
});

describe("movementStatus: basis", () => {
  // Last issue 2024-06-14 (day 166: 200 days), then a transfer on 2024-12-21 (day 356: 10 days).
  const h = onHand("2024-06-14", "2024-12-21");

  it("measures from the last issue by default", () => {
    expect(movementStatus(h)).toMatchObject({
      status: "dead",
      daysSinceLastIssue: 200,
      daysSinceLastMovement: 10,
    });
  });

  it("measures from the last movement of any kind with basis 'any'", () => {
    expect(movementStatus(h, { basis: "any" }).status).toBe("active");
  });
});

describe("movementStatus: as-of day", () => {
  it("accepts an as-of day after the period end", () => {
    // 2024-10-03 to 2025-01-01: 89 + 1 = 90 days.
    expect(movementStatus(onHand("2024-10-03"), { asOf: "2025-01-01" }).status).toBe("slow");
  });

  it("accepts an as-of day before the period end but not before the last movement", () => {
    const h = onHand("2024-06-01");
    expect(movementStatus(h, { asOf: "2024-06-01" }).daysSinceLastIssue).toBe(0);
    expect(codeOf(() => movementStatus(h, { asOf: "2024-05-31" }))).toBe("out_of_range");
  });
});

describe("movementStatus: invalid options", () => {
  const h = onHand("2024-10-02");
  it.each([
    [{ slowDays: -1 }, "out_of_range"],
    [{ deadDays: -1, slowDays: -2 }, "out_of_range"],
    [{ slowDays: Number.NaN }, "invalid_argument"],
    [{ deadDays: Number.POSITIVE_INFINITY }, "invalid_argument"],
    [{ slowDays: 100, deadDays: 90 }, "invalid_option"],
    [{ slowDays: 200 }, "invalid_option"], // above the default deadDays 180
    [{ basis: "receipt" }, "invalid_option"],
    [{ asOf: "2024-13-01" }, "invalid_date"],
  ])("rejects %j with %s", (options, code) => {
    expect(codeOf(() => movementStatus(h, options as never))).toBe(code);
  });
});
