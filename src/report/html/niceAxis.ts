/** A value axis from 0: its top and its tick values. */
export interface NiceAxis {
  /** The axis top: a round number ≥ the largest value (1 when there is nothing to show). */
  readonly max: number;
  /** Tick values from 0 to `max`, evenly spaced by a round step. */
  readonly ticks: readonly number[];
}

/** Round steps: 1, 2, 2.5 and 5 times a power of ten. */
const STEPS = [1, 2, 2.5, 5, 10] as const;

/**
 * A value axis from 0 up to a round number that covers `largest`, with about `tickCount` ticks
 * on round steps (1, 2, 2.5 or 5 × 10ⁿ): the axis a person expects to read values against.
 *
 * step = the smallest round step ≥ largest / tickCount; max = step × ⌈largest / step⌉.
 *
 * Nothing to show (largest ≤ 0, or not a finite number) gives the axis 0..1, so that a chart of
 * zeros is drawn with bars of length 0 and never divides by zero.
 *
 * @param largest - the largest value to show.
 * @param tickCount - about how many steps; default 5.
 * @example
 * ```ts
 * niceAxis(87).ticks; // [0, 20, 40, 60, 80, 100]
 * niceAxis(0.42, 4); // { max: 0.6, ticks: [0, 0.2, 0.4, 0.6] }
 * niceAxis(0).max; // 1
 * ```
 */
export function niceAxis(largest: number, tickCount = 5): NiceAxis {
  const count = Number.isFinite(tickCount) && tickCount >= 1 ? Math.round(tickCount) : 5;
  if (!(Number.isFinite(largest) && largest > 0)) return axisOf(1 / count, count);
  const raw = largest / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = (STEPS.find((s) => s * power >= raw * (1 - 1e-12)) ?? 10) * power;
  return axisOf(step, Math.ceil(largest / step - 1e-9));
}

function axisOf(step: number, steps: number): NiceAxis {
  // toPrecision drops the float noise of i × step (0.30000000000000004).
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: ticks.at(-1) ?? 0, ticks };
}
