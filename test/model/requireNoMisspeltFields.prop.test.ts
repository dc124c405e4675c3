import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { normalizeHeader } from "../../src/model/normalizeHeader.js";
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
      // Without the field (a near miss beside its field is data: see the next property).
      const record = field === "sku" ? { [name]: 1 } : { sku: "A", [name]: 1 };
      const error = errorOf(() =>
        requireNoMisspeltFields(record, SKU_INFO_FIELD_NAMES, "f", ["skuInfo", 2]),
      );
      expect([error.code, error.path]).toEqual(["invalid_option", ["skuInfo", 2, name]]);
      expect(error.message).toContain(`(did you mean 'skuInfo[2].${field}'?)`);
    },
  );

  // Found by a review: an ERP's own columns spread into a record beside the fields (`SKU` beside
  // `sku`) were refused, though nothing would go unread.
  test.prop([spelling, fc.constantFrom(1, "x", 0)])(
    "a spelling beside the field it stands for is data",
    ({ field, name }, value) => {
      const record = { sku: "A", [field]: value, [name]: value };
      expect(() =>
        requireNoMisspeltFields(record, SKU_INFO_FIELD_NAMES, "f", ["skuInfo", 2]),
      ).not.toThrow();
    },
  );

  /** Names near a field's: a spelling of it, with a letter added or dropped at its end, or any. */
  const nearName = fc.oneof(
    spelling.map(({ name }) => name),
    fc.tuple(spelling, fc.constantFrom("s", "1", "2", "x")).map(([{ name }, c]) => `${name}${c}`),
    spelling.map(({ name }) => name.slice(0, -1)),
    spelling.map(({ name }) => name.replace(/d\W*a\W*y\W*s\W*$/i, "")),
    fc.string({ maxLength: 12 }),
  );

  test.prop([nearName])(
    "a name is a near miss exactly when, folded, it is a field's name or one without its Days unit",
    (name) => {
      const spellings = SKU_INFO_FIELD_NAMES.flatMap((f) => {
        const own = normalizeHeader(f);
        return own.endsWith("days") ? [own, own.slice(0, -4), own.slice(0, -1)] : [own];
      });
      const near =
        !SKU_INFO_FIELD_NAMES.includes(name) && spellings.includes(normalizeHeader(name));
      const refused = (() => {
        try {
          requireNoMisspeltFields({ [name]: 1 }, SKU_INFO_FIELD_NAMES, "f", []);
          return false;
        } catch {
          return true;
        }
      })();
      expect(refused).toBe(near);
    },
  );
});
