/**
 * The XYZ classes in words, from the report's labels and cutoffs (inclusive upper bounds of the
 * coefficient of variation): the first class up to the first cutoff, each next one up to the next,
 * the last above the last cutoff.
 *
 * @param xyz - the report's `options.xyz`: one more label than cutoffs.
 * @example
 * ```ts
 * xyzLegend({ labels: ["X", "Y", "Z"], cutoffs: [0.5, 1] });
 * // "X up to a coefficient of variation of 0.5, Y up to 1, Z above 1"
 * ```
 */
export function xyzLegend(xyz: {
  readonly labels: readonly string[];
  readonly cutoffs: readonly number[];
}): string {
  const { labels, cutoffs } = xyz;
  return labels
    .map((label, i) => {
      const cutoff = cutoffs[i];
      if (cutoff === undefined) return `${label} above ${cutoffs[i - 1] ?? 0}`;
      return i === 0
        ? `${label} up to a coefficient of variation of ${cutoff}`
        : `${label} up to ${cutoff}`;
    })
    .join(", ");
}
