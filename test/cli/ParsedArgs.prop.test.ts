import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ParsedArgs } from "../../src/cli/ParsedArgs.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

// Nothing given on the command line is dropped silently: a value option comes once (a second one
// is a usage error naming it), a list option keeps every item, and an empty item is refused.

const spec = {
  from: { type: "string" },
  "lead-time": { type: "string" },
  "group-by": { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q" },
} as const;

/** A value as a user may type it; a leading `-` needs the `=` form, which every run uses. */
const value = fc.string({ minLength: 1, maxLength: 12 });
/** A list item: no comma, not blank. */
const item = fc
  .string({ minLength: 1, maxLength: 8 })
  .filter((s) => !s.includes(",") && s.trim() !== "");

const usageMessage = (args: readonly string[]): string | null => {
  try {
    ParsedArgs.parse(args, spec);
    return null;
  } catch (error) {
    if (error instanceof InvKpiError && error.code === "usage") return error.message;
    throw error;
  }
};

describe("ParsedArgs, properties", () => {
  test("a value option given once is read as given; twice or more, a usage error naming it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("from", "lead-time"),
        fc.array(value, { minLength: 1, maxLength: 4 }),
        (name, values) => {
          const args = values.map((v) => `--${name}=${v}`);
          if (values.length === 1) {
            expect(ParsedArgs.parse(args, spec).string(name)).toBe(values[0]);
          } else {
            expect(usageMessage(args)).toMatch(new RegExp(`^--${name} is given `));
          }
        },
      ),
    );
  });

  test("a list option keeps every item of every value, in order; an empty item is refused", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(item, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (groups, at) => {
          const args = groups.map((g) => `--group-by=${g.join(",")}`);
          expect(ParsedArgs.parse(args, spec).list("group-by")).toEqual(
            groups.flat().map((i) => i.trim()),
          );
          // One more comma somewhere in the first value leaves an item empty.
          const first = groups[0]?.join(",") ?? "";
          const cut = at % (first.length + 1);
          const withEmpty = `${first.slice(0, cut)},${first.slice(cut)}`;
          if (!withEmpty.split(",").some((i) => i.trim() === "")) return;
          expect(() =>
            ParsedArgs.parse([`--group-by=${withEmpty}`], spec).list("group-by"),
          ).toThrow(/--group-by has an empty item/);
        },
      ),
    );
  });
});
