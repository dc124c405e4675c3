import { InvKpiError } from "../../src/model/InvKpiError.js";

/** The InvKpiError that `fn` throws (anything else is rethrown; returning is a failure). */
export function errorOf(fn: () => unknown): InvKpiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvKpiError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}
