import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { normalizeHeader } from "../../src/io/ColumnResolver.js";
import { requireNoMisspeltFields } from "../../src/model/requireKnownOptions.js";
import { SKU_INFO_FIELD_NAMES } from "../../src/model/skuInfoFields.js";
import { errorOf } from "../support/errorOf.js";

// Found by an input audit: the SKU master reader takes `lead_time_days` as the header of
// leadTimeDays, but analyzeLedger took `{ lead_time_days: 3 }` in skuInfo for an extra field and
// read no lead time. Every spelling of a field that the reader matches to it is, in a record, a
// near miss that names the field.

/** A field's name as an export may spell it: any case per letter, separators anywhere. */
const spelling = fc
  .tuple(
    fc.constantFrom(...SKU_INFO_FIELD_NAMES),
    fc.array(fc.tuple(fc.boolean(), fc.constantFrom("", "", "", " ", "_", "-", "\t", "__")), {
      minLength: 40,
      maxLength: 40,
    }),
  )
  .map(([field, marks]) => {
    const letters = [...field].map((c, i) => {
      const [flip, separator] = marks[i] as [boolean, string];
      const cased = flip ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c;
      return `${separator}${cased}`;
    });
    return { field, name: `${letters.join("")}${(marks[39] as [boolean, string])[1]}` };
  });

describe("requireNoMisspeltFields and the reader's header matching", () => {
  test.prop([spelling])(
    "a spelling the reader matches to a field names that field",
    ({ field, name }) => {
      expect(normalizeHeader(name)).toBe(normalizeHeader(field));
      if (name === field) return;
      const error = errorOf(() =>
        requireNoMisspeltFields({ sku: "A", [name]: 1 }, SKU_INFO_FIELD_NAMES, "f", ["skuInfo", 2]),
      );
      expect([error.code, error.path]).toEqual(["invalid_option", ["skuInfo", 2, name]]);
      expect(error.message).toContain(`(did you mean 'skuInfo[2].${field}'?)`);
    },
  );
});
