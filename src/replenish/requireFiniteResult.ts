import { InvKpiError } from "../model/InvKpiError.js";

/**
 * Returns a calculator's result when it is a finite number; otherwise (finite inputs whose product
 * or sum overflows, like a standard deviation of 1e308 times a safety factor of 2.3) throws, so an
 * `Infinity` or `NaN` never reaches a caller as if it were a quantity. Internal to the replenishment
 * calculators.
 *
 * @param value - the computed result.
 * @param fn - the public function, first word of the message.
 * @param what - what the result is, for the message ("the safety stock").
 * @param inputs - the arguments it was computed from, by name; all are named in the message and in
 *   `details.inputs`, and the path names the one of largest magnitude (the likeliest culprit).
 * @throws InvKpiError `out_of_range` when `value` is not a finite number.
 * @example
 * ```ts
 * requireFiniteResult(2 * 3, "example", "the product", { a: 2, b: 3 }); // 6
 * let path: unknown;
 * try {
 *   requireFiniteResult(1e308 * 10, "example", "the product", { a: 1e308, b: 10 });
 * } catch (e) {
 *   path = (e as { path: unknown }).path;
 * }
 * path; // ["a"] (out_of_range: 1e308 · 10 overflows)
 * ```
 */
export function requireFiniteResult(
  value: number,
  fn: string,
  what: string,
  inputs: Readonly<Record<string, number>>,
): number {
  if (Number.isFinite(value)) return value;
  let largest = "";
  for (const [name, input] of Object.entries(inputs)) {
    if (largest === "" || Math.abs(input) > Math.abs(inputs[largest] ?? 0)) largest = name;
  }
  const listed = Object.entries(inputs)
    .map(([name, input]) => `${name} = ${input}`)
    .join(", ");
  throw new InvKpiError(
    "out_of_range",
    `${fn}: ${what} is not a finite number (${value}) for ${listed}: the inputs are too large`,
    { path: largest === "" ? [] : [largest], details: { value, inputs } },
  );
}
