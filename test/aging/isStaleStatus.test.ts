import { describe, expect, it } from "vitest";
import { isStaleStatus } from "../../src/aging/isStaleStatus.js";
import { MOVEMENT_STATUSES } from "../../src/aging/movementStatus.js";

describe("isStaleStatus", () => {
  it("is slow, dead and never-moved stock: not active, not no-stock", () => {
    expect(MOVEMENT_STATUSES.filter(isStaleStatus)).toEqual(["slow", "dead", "never-moved"]);
  });
});
