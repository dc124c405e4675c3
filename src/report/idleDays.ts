/** The days without an issue that make stock slow, and dead, as printed in labels. */
export interface IdleDays {
  /** `'90–179'`; `'90'` when slow is one day long; `null` when no day is slow (deadDays ≤ slowDays). */
  readonly slow: string | null;
  /** `'180+'`. */
  readonly dead: string;
}

/**
 * The whole days without an issue that a report counts as slow and as dead, for labels: slow from
 * `slowDays` up to the day before `deadDays`, dead from `deadDays` on (`movementStatus`: both
 * bounds inclusive of their own day, and days counted whole, so a bound with a fraction starts at
 * the next whole day).
 *
 * @example
 * ```ts
 * idleDays(90, 180); // { slow: "90–179", dead: "180+" }
 * idleDays(30, 31); // { slow: "30", dead: "31+" }
 * idleDays(60, 60); // { slow: null, dead: "60+" }
 * ```
 */
export function idleDays(slowDays: number, deadDays: number): IdleDays {
  const from = Math.ceil(slowDays);
  const dead = Math.ceil(deadDays);
  const last = dead - 1;
  const slow = last < from ? null : last === from ? String(from) : `${from}–${last}`;
  return { slow, dead: `${dead}+` };
}
