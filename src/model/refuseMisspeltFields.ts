import type * as z from "zod";
import { misspeltFieldOf } from "./requireKnownOptions.js";

/**
 * A zod check that refuses each field of an object that is a near miss of one of `fields`
 * (`Location` for `location`, `expires_on` for `expiresOn`: the rules of
 * `requireNoMisspeltFields`), as `validateLedger` does: its value would go unread. Other extra
 * fields pass; a name whose value is `undefined` is no field. Anything but an object is left to
 * the object schema it comes before (`z.unknown().superRefine(check).pipe(schema)`).
 *
 * @example
 * ```ts
 * import { Movement } from "./Movement.js";
 * const row = { sku: "A", date: "2025-01-02", type: "issue", quantity: 1 };
 * Movement.safeParse({ ...row, Location: "W1" }).success; // false: the check of the schema
 * Movement.safeParse({ ...row, note: "W1" }).success; // true
 * ```
 */
export function refuseMisspeltFields(
  fields: readonly string[],
): (value: unknown, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    if (value === null || typeof value !== "object") return;
    for (const name in value) {
      const meant = misspeltFieldOf(name, fields);
      if (meant === null || (value as Record<string, unknown>)[name] === undefined) continue;
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: `is no field (did you mean '${meant}'?): field names are matched exactly`,
      });
    }
  };
}
