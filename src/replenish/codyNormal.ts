// biome-ignore-all lint/correctness/noPrecisionLoss: the published coefficients are quoted digit for digit, so they can be checked against the source; each rounds to the intended double.
// The building blocks of W. J. Cody's rational Chebyshev approximation of the standard normal
// distribution, exactly as in R's `pnorm` (nmath/pnorm.c, `pnorm_both`). Internal: `normalCdf` and
// `normalLoss` assemble them. Cody splits |x| into three ranges; in the two tail ranges the smaller
// tail Φ(−y) is exp(−y²/2) times a rational function, which lets the loss function be formed without
// subtracting two nearly equal numbers.
//
// W. J. Cody, "Rational Chebyshev approximations for the error function", Mathematics of Computation
// 23 (1969) 631–637; the coefficients are those of Cody's ANORM (TOMS 715) as used by R.

/** 1 / √(2π). */
export const INV_SQRT_2PI = 0.398942280401432677939946059934;

/** Upper end of Cody's central range: qnorm(3/4) ≈ 0.67448975. */
export const CENTRAL_LIMIT = 0.67448975;

/**
 * Beyond this |x| the smaller tail is returned as its limit 0, before the kernel: Φ(−y) and G(y)
 * are below exp(−y²/2) / y, and exp(−800) ≈ 3.7e-348 is far below the smallest subnormal double
 * (4.9e-324), so the kernel already gives exactly 0 from y ≈ 38.5 on; but for y > 1.1e307 its
 * split y·16 overflows and the result would be NaN. R's `pnorm` likewise returns the limits once
 * the tail underflows.
 */
export const TAIL_LIMIT = 40;

/** Upper end of Cody's middle range: √32. */
export const MIDDLE_LIMIT = 5.656854249492380195206754896838;

const A = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
  0.065682337918207449113,
] as const;
const B = [
  47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956,
] as const;
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
] as const;
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
] as const;

/**
 * exp(−x²/2), accurate to a few units in the last place even where x² is large: x is split into a
 * head with at most 4 binary fraction digits (whose square is exact) and a small remainder, as in
 * R's `do_del`. A plain `Math.exp(-x * x / 2)` loses up to ~1e-13 relative at x ≈ 37 through the
 * rounding of x².
 */
export function gaussianKernel(x: number): number {
  const head = Math.trunc(x * 16) / 16;
  const remainder = (x - head) * (x + head);
  return Math.exp(-head * head * 0.5) * Math.exp(-remainder * 0.5);
}

/** Φ(x) − 1/2 for |x| ≤ {@link CENTRAL_LIMIT}: x · A(x²) / B(x²). */
export function centralOffset(x: number): number {
  const xsq = Math.abs(x) > Number.EPSILON * 0.5 ? x * x : 0;
  let num = A[4] * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]!) * xsq;
    den = (den + B[i]!) * xsq;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** Φ(−y) / exp(−y²/2) for {@link CENTRAL_LIMIT} < y ≤ {@link MIDDLE_LIMIT}: C(y) / D(y). */
export function middleTailRatio(y: number): number {
  let num = C[8] * y;
  let den = y;
  for (let i = 0; i < 7; i++) {
    num = (num + C[i]!) * y;
    den = (den + D[i]!) * y;
  }
  return (num + C[7]) / (den + D[7]);
}

/**
 * For y > {@link MIDDLE_LIMIT}, Cody writes Φ(−y) = exp(−y²/2) · (1/√(2π) − t(y)) / y with the small
 * correction t(y) = y⁻² · P(y⁻²) / Q(y⁻²); this returns t(y). Since the loss function
 * G(y) = φ(y) − y·Φ(−y) = exp(−y²/2) · t(y), t is exactly what G needs in the far tail.
 */
export function farTailCorrection(y: number): number {
  const xsq = 1 / (y * y);
  let num = P[5] * xsq;
  let den = xsq;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]!) * xsq;
    den = (den + Q[i]!) * xsq;
  }
  return (xsq * (num + P[4])) / (den + Q[4]);
}

/** Φ(−y) for y > {@link CENTRAL_LIMIT}, computed directly (never as 1 − Φ(y)). */
export function upperTail(y: number): number {
  if (y <= MIDDLE_LIMIT) return gaussianKernel(y) * middleTailRatio(y);
  return (gaussianKernel(y) * (INV_SQRT_2PI - farTailCorrection(y))) / y;
}
