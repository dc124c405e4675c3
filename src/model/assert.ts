import { fieldPath } from "./fieldPath.js";
import { describeValue, InvKpiError } from "./InvKpiError.js";

// Argument guards for the calculators. Each throws an InvKpiError whose message starts with the
// function name and whose path names the argument, so a caller can tell exactly what to fix. The
// path is `path` when given, else the segments of `name` (`'items[3].mean'` is `['items', 3,
// 'mean']`, see `fieldPath`), built only when the guard throws.

/**
 * Requires a finite number.
 * @throws InvKpiError `invalid_argument` when `value` is not a finite number.
 */
export function requireFinite(value: unknown, fn: string, name: string, path?: Path): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: ${name} must be a finite number, got ${describeValue(value)}`,
      {
        path: path ?? fieldPath(name),
        details: { value },
      },
    );
  }
  return value;
}

/**
 * Requires a finite number ≥ 0.
 * @throws InvKpiError `invalid_argument` (not a finite number) or `out_of_range` (negative).
 */
export function requireNonNegative(value: unknown, fn: string, name: string, path?: Path): number {
  const n = requireFinite(value, fn, name, path);
  if (n < 0) throw outOfRange(fn, name, n, "≥ 0", path);
  return n;
}

/**
 * Requires a finite number > 0.
 * @throws InvKpiError `invalid_argument` (not a finite number) or `out_of_range` (zero or negative).
 */
export function requirePositive(value: unknown, fn: string, name: string, path?: Path): number {
  const n = requireFinite(value, fn, name, path);
  if (n <= 0) throw outOfRange(fn, name, n, "> 0", path);
  return n;
}

/**
 * Requires a probability strictly between 0 and 1 (a service level, a fill rate).
 * @throws InvKpiError `invalid_argument` (not a finite number) or `out_of_range` (outside (0, 1)).
 */
export function requireOpenUnitInterval(
  value: unknown,
  fn: string,
  name: string,
  path?: Path,
): number {
  const n = requireFinite(value, fn, name, path);
  if (!(n > 0 && n < 1)) throw outOfRange(fn, name, n, "in (0, 1)", path);
  return n;
}

/**
 * Requires one of the allowed string variants of an option.
 * @throws InvKpiError `invalid_option` naming the allowed variants.
 */
export function requireVariant<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fn: string,
  name: string,
  path?: Path,
): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new InvKpiError(
      "invalid_option",
      // JSON quoting shows a line ending or a tab as `"\r\n"`, `"\t"`, not as the character.
      `${fn}: ${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${describeValue(value)}`,
      { path: path ?? fieldPath(name), details: { value, allowed } },
    );
  }
  return value as T;
}

/** Where a guard's argument is, when its name does not say it (a key that is no identifier). */
type Path = readonly (string | number)[];

function outOfRange(
  fn: string,
  name: string,
  value: number,
  rule: string,
  path: Path | undefined,
): InvKpiError {
  return new InvKpiError("out_of_range", `${fn}: ${name} must be ${rule}, got ${value}`, {
    path: path ?? fieldPath(name),
    details: { value, rule },
  });
}
