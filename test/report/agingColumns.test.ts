import { describe, expect, it } from "vitest";
import { agingColumns } from "../../src/report/index.js";
import { codeOf } from "./fixtures.js";

describe("agingColumns", () => {
  it("names two columns per default bucket, from the bounds", () => {
    expect(agingColumns().map((c) => [c.label, c.quantity, c.value])).toEqual([
      ["0–30", "age0to30Quantity", "age0to30Value"],
      ["31–60", "age31to60Quantity", "age31to60Value"],
      ["61–90", "age61to90Quantity", "age61to90Value"],
      ["91–180", "age91to180Quantity", "age91to180Value"],
      ["181–365", "age181to365Quantity", "age181to365Value"],
      ["over 365", "ageOver365Quantity", "ageOver365Value"],
    ]);
  });

  it("runs the JSDoc example", () => {
    expect(agingColumns([30, 90]).map((c) => c.quantity)).toEqual([
      "age0to30Quantity",
      "age31to90Quantity",
      "ageOver90Quantity",
    ]);
  });

  it("rejects bounds that are not increasing whole days", () => {
    expect(codeOf(() => agingColumns([30, 30]))).toBe("invalid_option");
    expect(codeOf(() => agingColumns([]))).toBe("invalid_option");
    expect(codeOf(() => agingColumns([1.5]))).toBe("invalid_option");
  });
});
