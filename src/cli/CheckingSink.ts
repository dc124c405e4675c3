import type { RowSink } from "../io/readLedger.js";
import { LedgerColumnsBuilder } from "../ledger/LedgerColumns.js";
import { InvKpiError } from "../model/InvKpiError.js";

/**
 * Where a streaming read of `invkpi analyze` puts the valid rows: a streaming replay, until the
 * replay refuses a row for its date order; from then on (and from the start, without a replay)
 * nowhere. The read goes on either way, so that every invalid row of the file is listed with the
 * refusal, as `validate` would list them: the refusal alone would hide the rows read before it
 * (found by an audit). Rows kept nowhere are dropped at once, so memory stays bounded.
 *
 * @example
 * ```ts
 * import { readLedgerInto } from "../io/readLedger.js";
 * async function* file() { yield "sku,date,type,quantity\nA,2025-01-02,issue,x\nA,2025-01-03,issue,1\n"; }
 * const sink = new CheckingSink(null); // check the rows only
 * const { issues, rows } = await readLedgerInto(file(), {}, sink);
 * [issues.length, rows, sink.refusal]; // [1, 2, null]
 * ```
 */
export class CheckingSink implements RowSink {
  readonly builder: LedgerColumnsBuilder;
  private readonly replay: RowSink | null;
  private refused: InvKpiError | null = null;

  /** @param replay - the streaming replay to feed, or `null` to check the rows only. */
  constructor(replay: RowSink | null) {
    this.replay = replay;
    this.builder = replay?.builder ?? new LedgerColumnsBuilder(16);
  }

  /** The replay's refusal of a row out of date order (`unsorted_input`), or `null`. */
  get refusal(): InvKpiError | null {
    return this.refused;
  }

  /**
   * Hands the row just added to the replay, or drops it once there is no replay to feed.
   *
   * @throws what the replay throws, but its refusal of the date order (kept as {@link refusal}).
   */
  rowAdded(line: number): void {
    if (this.replay !== null && this.refused === null) {
      try {
        this.replay.rowAdded(line);
        return;
      } catch (error) {
        if (!(error instanceof InvKpiError) || error.code !== "unsorted_input") throw error;
        this.refused = error;
      }
    }
    // Nothing replays these rows any more: drop them (the dictionaries stay, bounded by the SKUs).
    this.builder.dropFront(this.builder.length);
  }
}
