import type * as z from "zod";
import { nearMissesOf, nearMissMessage } from "./nearMissesOf.js";

/**
 * A zod check that refuses each field of an object that is a near miss of one of `fields` whose
 * field is absent (`Location` without `location`, `expires_on` without `expiresOn`: the rule of
 * `nearMissesOf`), as `validateLedger` does: its value would go unread. Other extra fields pass;
 * so does a near miss beside the field it stands for, and a name whose value is `undefined`.
 * Anything but an object is left to the object schema it comes before
 * (`z.unknown().superRefine(check).pipe(schema)`).
 *
 * @param fields - every field of the record's kind.
 * @param record - the kind of record, as the message names it (`movement`).
 * @example
 * ```ts
 * import { Movement } from "./Movement.js";
 * const row = { sku: "A", date: "2025-01-02", type: "issue", quantity: 1 };
 * Movement.safeParse({ ...row, Location: "W1" }).success; // false: the check of the schema
 * Movement.safeParse({ ...row, Location: "W1", location: "W1" }).success; // true
 * Movement.safeParse({ ...row, note: "W1" }).success; // true
 * ```
 */
export function refuseMisspeltFields(
  fields: readonly string[],
  record: string,
): (value: unknown, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    if (value === null || typeof value !== "object") return;
    for (const miss of nearMissesOf(value, fields)) {
      ctx.addIssue({ code: "custom", path: [miss.name], message: nearMissMessage(miss, record) });
    }
  };
}
