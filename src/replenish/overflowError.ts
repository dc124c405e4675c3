import { InvKpiError } from "../model/InvKpiError.js";

/**
 * The error for a calculator's result that is not a finite number although every argument was
 * (finite inputs whose product or sum overflows, like a standard deviation of 1e308 times a safety
 * factor of 2.3), so that an `Infinity` or `NaN` never reaches a caller as if it were a quantity.
 * The caller tests `Number.isFinite(result)` itself, so a valid result costs nothing more. Internal
 * to the replenishment calculators.
 *
 * @param value - the computed result.
 * @param fn - the public function, first word of the message.
 * @param what - what the result is, for the message ("the safety stock").
 * @param inputs - the arguments it was computed from, by name; all are named in the message and in
 *   `details.inputs`, and the path names the one of largest magnitude (the likeliest culprit).
 * @returns an InvKpiError `out_of_range`, to throw.
 * @example
 * ```ts
 * const error = overflowError(1e308 * 10, "example", "the product", { a: 1e308, b: 10 });
 * error.code; // "out_of_range"
 * error.path; // ["a"]
 * ```
 */
export function overflowError(
  value: number,
  fn: string,
  what: string,
  inputs: Readonly<Record<string, number>>,
): InvKpiError {
  let largest = "";
  for (const [name, input] of Object.entries(inputs)) {
    if (largest === "" || Math.abs(input) > Math.abs(inputs[largest] ?? 0)) largest = name;
  }
  const listed = Object.entries(inputs)
    .map(([name, input]) => `${name} = ${input}`)
    .join(", ");
  return new InvKpiError(
    "out_of_range",
    `${fn}: ${what} is not a finite number (${value}) for ${listed}: the inputs are too large`,
    { path: largest === "" ? [] : [largest], details: { value, inputs } },
  );
}
