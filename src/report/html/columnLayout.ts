/** One slot of a column chart: one category (a month) and its side-by-side columns. */
export interface ColumnSlot {
  /** Pixel position of the slot's centre, for its label. */
  readonly center: number;
  /** Left edge of each series' column, in series order. */
  readonly columnX: readonly number[];
}

/** Where the columns of a grouped column chart go along the category axis. */
export interface ColumnLayout {
  readonly slots: readonly ColumnSlot[];
  /** Width of every column, in pixels. */
  readonly columnWidth: number;
}

/** Share of a slot that the columns fill; the rest is the gap between categories. */
const FILL = 0.8;

/**
 * Places `count` categories evenly between `start` and `end`, each with `seriesCount` columns side
 * by side, centred in its slot:
 *
 *     slot = (end − start) / count,   columnWidth = slot × 0.8 / seriesCount
 *
 * No categories give no slots (and a width of 0), never a division by zero.
 *
 * @example
 * ```ts
 * const layout = columnLayout(2, 2, 0, 100);
 * layout.columnWidth; // 20
 * layout.slots.map((s) => s.columnX); // [[5, 25], [55, 75]]
 * ```
 */
export function columnLayout(
  count: number,
  seriesCount: number,
  start: number,
  end: number,
): ColumnLayout {
  if (count <= 0 || seriesCount <= 0) return { slots: [], columnWidth: 0 };
  const slot = (end - start) / count;
  const columnWidth = (slot * FILL) / seriesCount;
  const slots = Array.from({ length: count }, (_, i): ColumnSlot => {
    const left = start + i * slot + (slot - columnWidth * seriesCount) / 2;
    return {
      center: start + (i + 0.5) * slot,
      columnX: Array.from({ length: seriesCount }, (_, s) => left + s * columnWidth),
    };
  });
  return { slots, columnWidth };
}
