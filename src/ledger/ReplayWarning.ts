/** Something the replay noticed and reports rather than hides. */
export interface ReplayWarning {
  readonly code:
    | "negative_stock"
    | "before_period"
    | "after_period"
    | "unmatched_transfer"
    | "unknown_cost"
    | "lot_not_on_hand"
    | "unsorted_input";
  readonly message: string;
  readonly sku?: string;
  readonly location?: string;
  /** The day of the movement concerned; for `after_period`, the earliest movement left out. */
  readonly date?: string;
  /** 0-based input row, where one row is the cause. */
  readonly row?: number;
  /** How many movements the warning covers (before/after the period). */
  readonly count?: number;
}
