import { InvKpiError } from "../model/InvKpiError.js";

/**
 * An `io_error` for a file or stream that could not be read or written. The message names the
 * function, the file and the system's reason (`ENOENT: no such file or directory, ...`); `details`
 * keeps the source and the system error code. An `InvKpiError` passes through unchanged.
 */
export function ioError(
  fn: string,
  action: "read" | "write",
  name: string,
  cause: unknown,
  reason?: string,
): InvKpiError {
  if (cause instanceof InvKpiError) return cause;
  const why = reason ?? (cause instanceof Error ? cause.message : String(cause));
  const code =
    cause instanceof Error && "code" in cause && typeof cause.code === "string" ? cause.code : null;
  return new InvKpiError("io_error", `${fn}: cannot ${action} ${name}: ${why}`, {
    details: { source: name, ...(code === null ? {} : { cause: code }) },
  });
}
