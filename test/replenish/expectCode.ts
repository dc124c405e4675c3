import { expect } from "vitest";
import { InvKpiError, type InvKpiErrorCode } from "../../src/model/InvKpiError.js";

/** Asserts that `fn` throws an InvKpiError with this code (and, when given, this path). */
export function expectCode(
  fn: () => unknown,
  code: InvKpiErrorCode,
  path?: readonly (string | number)[],
): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, "expected an InvKpiError").toBeInstanceOf(InvKpiError);
  const error = thrown as InvKpiError;
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.path).toEqual(path);
}

/** |actual − expected| / |expected| (absolute difference when expected is 0). */
export function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}
