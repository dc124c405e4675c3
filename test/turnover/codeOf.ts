import { InvKpiError } from "../../src/model/InvKpiError.js";

/** The InvKpiError code that `fn` throws, or `undefined` when it returns. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof InvKpiError ? e.code : `not an InvKpiError: ${String(e)}`;
  }
  return undefined;
}
