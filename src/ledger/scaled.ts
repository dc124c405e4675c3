export { toDecimalScaled } from "../model/toDecimalScaled.js";

/**
 * An exact integer amount in the engine's scaled units: a safe-integer `number` on the fast path,
 * a `bigint` once it outgrows 2^53. Every operation below is exact (or rounds half to even where it
 * says so) and returns a number whenever the result fits, so the common case never allocates.
 */
export type Scaled = number | bigint;

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);

/**
 * Strict mode, for the replay's main pass: an operation whose result does not fit a safe integer
 * throws {@link OVERFLOW} instead of returning a bigint. Why: a bigint stored once in a state field
 * makes V8 box every number stored in that field afterwards, for every SKU, which costs more than all
 * the arithmetic. The replay catches the signal and replays that SKU alone with bigints allowed.
 */
export const arithmetic = { strict: false };

/** Runs `work` with strict mode on or off, restoring the previous mode afterwards. */
export function withArithmetic(strict: boolean, work: () => void): void {
  const previous = arithmetic.strict;
  arithmetic.strict = strict;
  try {
    work();
  } finally {
    arithmetic.strict = previous;
  }
}

/** Thrown in strict mode when an exact result needs more than 53 bits. */
export const OVERFLOW: Error = new Error("invkpi: scaled amount outgrew 2^53 (internal signal)");

function overflow(): never {
  throw OVERFLOW;
}

function narrow(value: bigint): Scaled {
  return value <= MAX_BIG && value >= -MAX_BIG ? Number(value) : value;
}

/** a + b, exactly. */
export function add(a: Scaled, b: Scaled): Scaled {
  if (typeof a === "number" && typeof b === "number") {
    const s = a + b;
    // When the exact sum is within ±(2^53 − 1) the double sum is exact; otherwise it lands outside.
    if (s <= MAX && s >= -MAX) return s;
    if (arithmetic.strict) overflow();
  }
  return narrow(BigInt(a) + BigInt(b));
}

/** a − b, exactly. */
export function sub(a: Scaled, b: Scaled): Scaled {
  return add(a, typeof b === "number" ? -b : -b);
}

/** a × b, exactly. */
export function mul(a: Scaled, b: Scaled): Scaled {
  if (typeof a === "number" && typeof b === "number") {
    const p = a * b;
    if (p <= MAX && p >= -MAX) return p;
    if (arithmetic.strict) overflow();
  }
  return narrow(BigInt(a) * BigInt(b));
}

/** Whether a is zero. */
export function isZero(a: Scaled): boolean {
  return typeof a === "number" ? a === 0 : a === 0n;
}

/**
 * (a × b) / c rounded half to even to a multiple of `unit`, exactly: the one place the engine
 * rounds (moving-average issue cost, derived unit costs). `unit` = 1 rounds to whole units.
 */
export function mulDivRound(a: Scaled, b: Scaled, c: Scaled, unit: number): Scaled {
  if (typeof a === "number" && typeof b === "number" && typeof c === "number") {
    const n = a * b;
    const d = c * unit;
    if (n <= MAX && n >= -MAX && d <= MAX && d >= -MAX) return divRoundNumber(n, d) * unit;
    const rounded = roundedQuotientEstimate(n, d);
    if (rounded !== null && Number.isSafeInteger(rounded * unit)) return rounded * unit;
  }
  // The product outgrew 2^53: compute it with bigints; only the result must fit in strict mode.
  const d = BigInt(c) * BigInt(unit);
  const result = narrow(divRoundBig(BigInt(a) * BigInt(b), d) * BigInt(unit));
  if (typeof result === "bigint" && arithmetic.strict) overflow();
  return result;
}

/**
 * round_half_even(n / d) from the doubles n = a·b and d = c·unit when the exact products outgrew
 * 2^53, without bigints. Each of the two products and the quotient is rounded once, so the estimate
 * y is within 3·2^-53·|y| of the exact quotient. Unless y lies within that distance (with a safety
 * factor) of a half-way point, the exact quotient rounds to the same integer as y, so Math.round(y)
 * is the exact answer. Near a half-way point, returns null and the caller computes with bigints.
 */
function roundedQuotientEstimate(n: number, d: number): number | null {
  const y = n / d;
  if (!(Math.abs(y) < 2 ** 50)) return null;
  const distanceFromHalf = Math.abs(y - Math.floor(y) - 0.5);
  if (distanceFromHalf <= Math.abs(y) * 2e-15 + 1e-300) return null;
  return Math.round(y);
}

function divRoundNumber(n: number, d: number): number {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  let q = Math.floor(n / d);
  let r = n - q * d; // exact: |q·d| ≤ |n| + d
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  const twice = 2 * r;
  if (twice > d || (twice === d && q % 2 !== 0)) q += 1;
  return q;
}

function divRoundBig(n: bigint, d: bigint): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  let q = n / d;
  let r = n - q * d; // truncated toward zero: r has the sign of n
  if (r < 0n) {
    q -= 1n;
    r += d;
  }
  const twice = 2n * r;
  if (twice > d || (twice === d && q % 2n !== 0n)) q += 1n;
  return q;
}

const SPLIT = 2 ** 26;
const SPLIT_BIG = 26n;
const CARRY_AT = 2 ** 52;
/** hi moves to the bigint part beyond this, leaving room for ~2^6 more large additions. */
const HI_LIMIT = 2 ** 46;

/**
 * An exact running sum of scaled amounts that may grow far past 2^53 (a year of daily stock values,
 * the annual COGS of a large SKU) without bigints on the fast path: two doubles, `hi · 2^26 + lo`,
 * with `lo` kept in [0, 2^52] and `hi` within ±2^46, so both halves add exactly; what outgrows them,
 * and any bigint addend, goes to an exact bigint part. Exact at any size.
 */
export class WideSum {
  private hi = 0;
  private lo = 0;
  /** Whatever outgrows the two doubles (or arrives as a bigint): exact, and 0n on the fast path. */
  private big = 0n;

  /** Adds a scaled amount. */
  add(v: Scaled): void {
    if (typeof v === "bigint") {
      this.big += v;
      return;
    }
    const high = Math.floor(v / SPLIT);
    this.hi += high;
    this.lo += v - high * SPLIT;
    if (this.lo >= CARRY_AT || this.hi > HI_LIMIT || this.hi < -HI_LIMIT) this.carry();
  }

  /** Subtracts a scaled amount. */
  sub(v: Scaled): void {
    this.add(typeof v === "number" ? -v : -v);
  }

  /** Adds `v × times` for a small non-negative integer `times` (a number of days). */
  addTimes(v: Scaled, times: number): void {
    if (typeof v === "bigint" || times > 1 << 20) {
      this.big += BigInt(v) * BigInt(times);
      return;
    }
    const high = Math.floor(v / SPLIT);
    this.hi += high * times;
    this.lo += (v - high * SPLIT) * times;
    if (this.lo >= CARRY_AT || this.hi > HI_LIMIT || this.hi < -HI_LIMIT) this.carry();
  }

  private carry(): void {
    const high = Math.floor(this.lo / SPLIT);
    this.hi += high;
    this.lo -= high * SPLIT;
    if (this.hi > HI_LIMIT || this.hi < -HI_LIMIT) {
      // Keep hi well inside 2^53 so that the next additions stay exact.
      this.big += BigInt(this.hi) << SPLIT_BIG;
      this.hi = 0;
    }
  }

  /** The exact sum. */
  value(): Scaled {
    if (this.big === 0n) {
      const approx = this.hi * SPLIT + this.lo;
      if (approx <= MAX && approx >= -MAX && Number.isSafeInteger(this.hi * SPLIT)) return approx;
    }
    return narrow(this.big + (BigInt(this.hi) << SPLIT_BIG) + BigInt(this.lo));
  }

  /** Back to zero (reused for each month). */
  reset(): void {
    this.hi = 0;
    this.lo = 0;
    this.big = 0n;
  }
}

// ---------------------------------------------------------------- number-only fast path

/** `x` when it is a safe integer's range, else {@link OVERFLOW}: the fast engine's guard on every result. */
export function checked(x: number): number {
  if (x > MAX || x < -MAX) overflow();
  return x;
}

/**
 * {@link mulDivRound} for safe-integer operands whose result must be a safe integer: the same
 * exact result, or {@link OVERFLOW} where `mulDivRound` would return a bigint.
 */
export function mulDivRoundNumber(a: number, b: number, c: number, unit: number): number {
  const n = a * b;
  const d = c * unit;
  if (n <= MAX && n >= -MAX && d <= MAX && d >= -MAX) return divRoundNumber(n, d) * unit;
  const rounded = roundedQuotientEstimate(n, d);
  if (rounded !== null && Number.isSafeInteger(rounded * unit)) return rounded * unit;
  const exact = mulDivRound(a, b, c, unit);
  if (typeof exact === "bigint") overflow();
  return exact;
}

/**
 * Adds `v × times` to the wide sum held in `f[at]` (hi) and `f[at + 1]` (lo), worth
 * `hi · 2^26 + lo` as in {@link WideSum} but without its bigint part: exact, or {@link OVERFLOW}
 * once the sum would need more than about 2^72. `times` is a small non-negative integer (1, or a
 * number of days).
 */
export function addWide(f: Float64Array, at: number, v: number, times: number): void {
  const high = Math.floor(v / SPLIT);
  let h = (f[at] as number) + high * times;
  let l = (f[at + 1] as number) + (v - high * SPLIT) * times;
  if (l >= CARRY_AT) {
    const carried = Math.floor(l / SPLIT);
    h += carried;
    l -= carried * SPLIT;
  }
  if (h > HI_LIMIT || h < -HI_LIMIT || times > 1 << 20) overflow();
  f[at] = h;
  f[at + 1] = l;
}

/** The exact value of the wide sum held in `f[at]` and `f[at + 1]` (see {@link addWide}). */
export function wideValue(f: Float64Array, at: number): Scaled {
  const h = f[at] as number;
  const l = f[at + 1] as number;
  const approx = h * SPLIT + l;
  if (approx <= MAX && approx >= -MAX && Number.isSafeInteger(h * SPLIT)) return approx;
  return narrow((BigInt(h) << SPLIT_BIG) + BigInt(l));
}
