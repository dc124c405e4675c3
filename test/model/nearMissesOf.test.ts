import { describe, expect, it } from "vitest";
import { MOVEMENT_FIELDS } from "../../src/model/Movement.js";
import { nearFieldOf, nearMissesOf, nearMissMessage } from "../../src/model/nearMissesOf.js";
import { normalizeHeader } from "../../src/model/normalizeHeader.js";
import { SKU_INFO_FIELD_NAMES } from "../../src/model/skuInfoFields.js";

const movement = { sku: "A", date: "2025-01-02", type: "issue", quantity: 1 };

// Found by a review: the rule refused a whole ledger mapped from an ERP export with its own
// columns spread in (`SKU` beside `sku`), and names one edit from a field (`dates`, `category1`).
describe("nearMissesOf: only when the field meant is absent (rule 1)", () => {
  it("leaves a near miss alone when the field it points to is present", () => {
    const erp = { SKU: "A", Date: "2025-01-02", Type: "ISSUE", Quantity: "1", Location: "W1" };
    expect(nearMissesOf({ ...erp, ...movement, location: "W1" }, MOVEMENT_FIELDS)).toEqual([]);
  });

  it("reports it when the field is absent, undefined or null, with the value given", () => {
    for (const location of [undefined, null]) {
      expect(nearMissesOf({ ...movement, location, Location: "W1" }, MOVEMENT_FIELDS)).toEqual([
        { name: "Location", meant: "location", value: "W1" },
      ]);
    }
    expect(nearMissesOf({ ...movement, Location: "W1" }, MOVEMENT_FIELDS)).toEqual([
      { name: "Location", meant: "location", value: "W1" },
    ]);
  });

  it("takes a near miss whose own value is undefined for no field", () => {
    expect(nearMissesOf({ ...movement, Location: undefined }, MOVEMENT_FIELDS)).toEqual([]);
  });
});

describe("nearFieldOf: a folded spelling of a field, or of it without its Days unit (rule 2)", () => {
  it("names the field of a spelling the readers match, and of one without its unit", () => {
    for (const [name, field] of [
      ["SKU", "sku"],
      ["Unit Cost", "unitCost"],
      ["expires_on", "expiresOn"],
      ["EXPIRES-ON", "expiresOn"],
      ["\tlocation ", "location"],
    ] as const) {
      expect(nearFieldOf(name, MOVEMENT_FIELDS), name).toBe(field);
    }
    for (const [name, field] of [
      ["leadTime", "leadTimeDays"],
      ["lead_time", "leadTimeDays"],
      ["Lead Time", "leadTimeDays"],
      ["leadTimeDay", "leadTimeDays"],
      ["lead time day", "leadTimeDays"],
      ["LeadTimeDays", "leadTimeDays"],
      ["reviewPeriod", "reviewPeriodDays"],
      ["lead_time_std_dev", "leadTimeStdDevDays"],
      ["servicelevel", "serviceLevel"],
      ["min_order_quantity", "minOrderQuantity"],
    ] as const) {
      expect(nearFieldOf(name, SKU_INFO_FIELD_NAMES), name).toBe(field);
    }
  });

  it("takes names one edit from a field for data (a review's list of false positives)", () => {
    const movementNames = [
      "dates",
      "types",
      "date1",
      "quantity2",
      "location2",
      "locations",
      "expiresIn",
      "expiredOn",
      "unitCosts",
      "unitPrice2",
      "values",
      "lots",
      "ids",
    ];
    for (const name of movementNames) expect(nearFieldOf(name, MOVEMENT_FIELDS), name).toBeNull();
    const masterNames = [
      "category1",
      "reserve",
      "inOrder",
      "onOrders",
      "packSizes",
      "descriptions",
      "orderCosts",
      "serviceLevels",
      "serviceLevl",
      "moq",
      "lead",
      "unit",
      "leadTimes",
    ];
    for (const name of masterNames)
      expect(nearFieldOf(name, SKU_INFO_FIELD_NAMES), name).toBeNull();
  });

  it("takes a known field for no near miss of another", () => {
    for (const field of MOVEMENT_FIELDS) expect(nearFieldOf(field, MOVEMENT_FIELDS)).toBeNull();
    for (const field of SKU_INFO_FIELD_NAMES)
      expect(nearFieldOf(field, SKU_INFO_FIELD_NAMES)).toBeNull();
  });

  it("judges alike however many distinct names it has seen (its memory is bounded)", () => {
    const fields = ["sku", "leadTimeDays"];
    for (let k = 0; k < 3000; k++) expect(nearFieldOf(`x_${k}`, fields)).toBeNull();
    expect(nearFieldOf("Lead Time", fields)).toBe("leadTimeDays");
    expect(nearFieldOf("lead time 2", fields)).toBeNull();
  });
});

describe("normalizeHeader: the readers' folding, in the model", () => {
  it("folds case, white space, _ and - and composes", () => {
    expect(["Unit Cost", "unit_cost", "UNITCOST", " unit-cost "].map(normalizeHeader)).toEqual([
      "unitcost",
      "unitcost",
      "unitcost",
      "unitcost",
    ]);
    expect(normalizeHeader("Cafe\u0301")).toBe("caf\u00e9");
  });
});

describe("nearMissMessage: one template for every check", () => {
  it("names the field as written, the record, the field meant and the rule", () => {
    expect(nearMissMessage({ name: "Location", meant: "location" }, "movement")).toBe(
      "Location is no movement field (did you mean 'location'?): field names are matched exactly, so its value would go unread",
    );
  });
});
