import { describeValue, InvKpiError } from "./InvKpiError.js";

/**
 * The error for an argument that threw when read (a revoked Proxy, a throwing getter or Proxy
 * trap): `<fn>: <what> cannot be read: reading it threw <the error>`. The thrown value is shown,
 * never rethrown: a caller's bug in a getter is a problem of the input, with its address.
 *
 * @param path - where the argument is (`['skuInfo', 3, 'standardCost']`).
 * @param what - the argument as the message names it (`skuInfo[3].standardCost`).
 * @returns InvKpiError `invalid_argument` at `path`, `details.thrown` the error as text.
 * @example
 * ```ts
 * unreadableError("f", ["options"], "options", new Error("no")).message; // "f: options cannot be read: reading it threw Error: no"
 * ```
 */
export function unreadableError(
  fn: string,
  path: readonly (string | number)[],
  what: string,
  thrown: unknown,
): InvKpiError {
  const reason = thrownText(thrown);
  return new InvKpiError(
    "invalid_argument",
    `${fn}: ${what} cannot be read: reading it threw ${reason}`,
    { path, details: { thrown: reason } },
  );
}

/**
 * What a getter or Proxy trap threw, as text for a message (it may be anything, even a Proxy whose
 * own `name` throws): `Error: boom`, at most 200 characters.
 *
 * @example
 * ```ts
 * thrownText(new TypeError("revoked")); // "TypeError: revoked"
 * thrownText("no"); // '"no"'
 * ```
 */
export function thrownText(thrown: unknown): string {
  let text: string;
  try {
    text = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : describeValue(thrown);
  } catch {
    text = describeValue(thrown);
  }
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
