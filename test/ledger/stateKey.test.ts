import { describe, expect, it } from "vitest";
import { LOCATION_KEYS, requireLocationCount, stateKey } from "../../src/ledger/stateKey.js";

describe("stateKey", () => {
  it("tells apart every SKU and location up to its limit, no location (−1) included", () => {
    const last = LOCATION_KEYS - 2;
    const keys = [stateKey(0, -1), stateKey(0, 0), stateKey(0, last), stateKey(1, -1)];
    expect(new Set(keys).size).toBe(4);
    expect(stateKey(0, last)).toBeLessThan(stateKey(1, -1));
  });

  it("requireLocationCount takes LOCATION_KEYS − 2 locations, and refuses one more", () => {
    expect(() => requireLocationCount(0, "test")).not.toThrow();
    expect(() => requireLocationCount(LOCATION_KEYS - 2, "test")).not.toThrow();
    expect(() => requireLocationCount(LOCATION_KEYS - 1, "test")).toThrow(
      expect.objectContaining({ code: "out_of_range", path: ["location"] }),
    );
  });
});
