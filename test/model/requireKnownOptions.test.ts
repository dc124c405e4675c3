import { describe, expect, it } from "vitest";
import { displayPath, fieldPath, pathOfLabel } from "../../src/model/fieldPath.js";
import {
  requireKnownOptions,
  requireNoMisspeltFields,
  requireOptionNames,
} from "../../src/model/requireKnownOptions.js";
import { SKU_INFO_FIELD_NAMES } from "../../src/model/skuInfoFields.js";
import { errorOf } from "../support/errorOf.js";

describe("requireKnownOptions, in model so that the formulas can use it (found by an API audit)", () => {
  it("refuses an unknown name with the closest known one, the report's message and path", () => {
    const error = errorOf(() =>
      requireKnownOptions({ valution: "fifo" }, ["period", "valuation"], "replayLedger", []),
    );
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(
      "replayLedger: unknown option 'valution' (did you mean 'valuation'?)",
    );
    expect(error.path).toEqual(["valution"]);
    expect(error.details).toEqual({ unknown: ["valution"], known: ["period", "valuation"] });
  });
});

describe("requireOptionNames: the check of a calculator's options argument", () => {
  it("takes no options at all, and options whose unknown names are undefined", () => {
    expect(() => requireOptionNames(undefined, ["a"], "f")).not.toThrow();
    expect(() => requireOptionNames({ a: 1, b: undefined }, ["a"], "f")).not.toThrow();
  });

  it("refuses an unknown name at the top level", () => {
    const error = errorOf(() => requireOptionNames({ slowdays: 30 }, ["slowDays"], "f"));
    expect([error.code, error.path, error.message]).toEqual([
      "invalid_option",
      ["slowdays"],
      "f: unknown option 'slowdays' (did you mean 'slowDays'?)",
    ]);
  });

  it("refuses options that are not an object", () => {
    for (const options of [null, "fifo", 3, ["a"]]) {
      const error = errorOf(() => requireOptionNames(options, ["a"], "f"));
      expect([error.code, error.path]).toEqual(["invalid_argument", ["options"]]);
      expect(error.message).toMatch(/^f: options must be an object, got /);
    }
  });
});

describe("requireNoMisspeltFields: a data record's near misses of known fields", () => {
  const known = ["sku", "leadTimeDays", "serviceLevel"];

  it("refuses a field that is a near miss of a known one, naming both by path", () => {
    const error = errorOf(() =>
      requireNoMisspeltFields({ leadTime: 7 }, known, "replenishmentFigures", ["info"]),
    );
    expect([error.code, error.path, error.message]).toEqual([
      "invalid_option",
      ["info", "leadTime"],
      "replenishmentFigures: unknown option 'info.leadTime' (did you mean 'info.leadTimeDays'?)",
    ]);
    expect(error.details).toMatchObject({ unknown: ["leadTime"], known });
    expect(
      errorOf(() => requireNoMisspeltFields({ servicelevel: 0.9 }, known, "f", ["skuInfo", 3]))
        .message,
    ).toBe("f: unknown option 'skuInfo[3].servicelevel' (did you mean 'skuInfo[3].serviceLevel'?)");
  });

  it("leaves known fields, other fields and undefined values alone", () => {
    const record = { sku: "A", leadTimeDays: 7, supplier: "ACME", note: "x", leadTime: undefined };
    expect(() => requireNoMisspeltFields(record, known, "f", ["info"])).not.toThrow();
  });

  // Found by a review: one edit away in a name of 5 letters or more refused common data columns
  // (`serviceLevels`, `category1`), and a near miss beside its field (`LeadTime` beside
  // `leadTimeDays`) was refused though nothing went unread.
  it("takes names one edit away, and a near miss beside its field, for data", () => {
    const record = { serviceLevl: 1, serviceLevels: 1, leadTimes: 1, skus: 1 };
    expect(() => requireNoMisspeltFields(record, known, "f", ["info"])).not.toThrow();
    const beside = { sku: "A", SKU: "a", leadTimeDays: 7, LeadTime: "7 days" };
    expect(() => requireNoMisspeltFields(beside, known, "f", ["info"])).not.toThrow();
    for (const leadTimeDays of [undefined, null]) {
      expect(
        errorOf(() => requireNoMisspeltFields({ leadTimeDays, LeadTime: 7 }, known, "f", [])).path,
      ).toEqual(["LeadTime"]);
    }
  });

  it("takes a data field that is only the start of a known one for data (a review found)", () => {
    // `unit`, `order`, `pack`, `cat` and `Standard` are ordinary columns of master data, not typos
    // of unitPrice, orderCost, packSize, category and standardCost.
    const skuInfoFields = ["unitPrice", "orderCost", "packSize", "category", "standardCost"];
    const record = { unit: "kg", order: "PO-7", pack: "box", cat: 3, Standard: true };
    expect(() => requireNoMisspeltFields(record, skuInfoFields, "f", ["info"])).not.toThrow();
    // Near misses are still caught: a case, a unit left out, the unit's s left out.
    for (const [typo, meant] of [
      ["LeadTimeDays", "leadTimeDays"],
      ["leadtime", "leadTimeDays"],
      ["leadTimeDay", "leadTimeDays"],
    ]) {
      expect(
        errorOf(() => requireNoMisspeltFields({ [typo as string]: 1 }, known, "f", [])).message,
      ).toBe(`f: unknown option '${typo}' (did you mean '${meant}'?)`);
    }
  });
});

describe("requireNoMisspeltFields: field names spelt as headers (found by an input audit)", () => {
  // The SKU master reader matches `lead_time_days`, `Lead Time Days` and `lead-time-days` to
  // leadTimeDays; in an object, analyzeLedger read no lead time and said nothing.
  it("names the field meant for a name with separators, in any case", () => {
    for (const [typo, meant] of [
      ["lead_time_days", "leadTimeDays"],
      ["lead time days", "leadTimeDays"],
      ["Lead-Time-Days", "leadTimeDays"],
      ["min_order_quantity", "minOrderQuantity"],
      ["review_period_days", "reviewPeriodDays"],
      ["lead_time_std_dev_days", "leadTimeStdDevDays"],
      ["service_level", "serviceLevel"],
      ["standard cost", "standardCost"],
      ["UNIT_PRICE", "unitPrice"],
      ["on_order", "onOrder"],
      ["pack_size", "packSize"],
      ["holding-rate", "holdingRate"],
      ["order_cost", "orderCost"],
      ["\tdescription ", "description"],
      // Without the unit, or without its s, as for names without separators.
      ["lead_time", "leadTimeDays"],
      ["review_period", "reviewPeriodDays"],
      ["lead_time_day", "leadTimeDays"],
    ]) {
      const error = errorOf(() =>
        requireNoMisspeltFields({ [typo as string]: 1 }, SKU_INFO_FIELD_NAMES, "f", ["skuInfo", 0]),
      );
      expect([error.code, error.path, error.details.unknown]).toEqual([
        "invalid_option",
        ["skuInfo", 0, typo],
        [typo],
      ]);
      expect(error.message).toContain(`(did you mean 'skuInfo[0].${meant}'?)`);
    }
  });

  it("leaves abbreviations and other data fields alone", () => {
    // `moq` is the trade's abbreviation of minOrderQuantity, but no header the reader maps either.
    const record = { moq: 5, supplier_id: "S-1", lead: 3, unit: "kg", on_hand: 4, "order no": 7 };
    expect(() => requireNoMisspeltFields(record, SKU_INFO_FIELD_NAMES, "f", [])).not.toThrow();
  });
});

describe("fieldPath: a field as messages name it, as path segments", () => {
  it("splits dots and indexes", () => {
    expect(fieldPath("abc.measure")).toEqual(["abc", "measure"]);
    expect(fieldPath("items[3].mean")).toEqual(["items", 3, "mean"]);
    expect(fieldPath("samples[1]")).toEqual(["samples", 1]);
    expect(fieldPath("serviceLevel")).toEqual(["serviceLevel"]);
    // Not a plain name: one segment, as written.
    expect(fieldPath("history date")).toEqual(["history date"]);
    expect(fieldPath("")).toEqual([""]);
  });

  it("reads the field of a 'fn: field' label, or none", () => {
    expect(pathOfLabel("analyzeLedger: period.from")).toEqual(["period", "from"]);
    expect(pathOfLabel("stockAging: layers[2].receivedDate")).toEqual([
      "layers",
      2,
      "receivedDate",
    ]);
    expect(pathOfLabel("movementStatus: history date")).toEqual([]);
    expect(pathOfLabel("example")).toEqual([]);
  });

  it("shows a path as messages name it", () => {
    expect(displayPath(["skuInfo", 3, "leadTime"])).toBe("skuInfo[3].leadTime");
    expect(displayPath(["replenishment", "leadTime"])).toBe("replenishment.leadTime");
    expect(displayPath([])).toBe("");
  });
});
