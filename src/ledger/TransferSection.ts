import { KIND, type LedgerColumns } from "./LedgerColumns.js";
import { TransferDay } from "./TransferDay.js";

/**
 * The transfer days of one day's transfer rows (under `byLocation`): in the order of application
 * a day's transfers out and in are consecutive (the kinds sort next to each other), so the engine
 * meets each section once and groups its rows by SKU when it enters it. Memory: one day's
 * transfers.
 */
export class TransferSection {
  /** Positions (in the order of application) below this belong to the section grouped last. */
  private end = 0;
  private readonly days = new Map<number, TransferDay>();

  /** Forgets the section (a new run: its positions are another chunk's). */
  clear(): void {
    this.end = 0;
    this.days.clear();
  }

  /**
   * The transfer day of the row at position `n` of `order`, of SKU `sku`; when `n` is past the
   * section grouped last, first groups the section that starts there (the rows of SKUs in
   * `skipped` left out: this pass does not replay them).
   */
  dayOf(
    columns: LedgerColumns,
    order: Int32Array | null,
    n: number,
    sku: number,
    skipped: Uint8Array,
  ): TransferDay {
    if (n >= this.end) this.group(columns, order, n, skipped);
    return this.days.get(sku) as TransferDay;
  }

  private group(
    columns: LedgerColumns,
    order: Int32Array | null,
    from: number,
    skipped: Uint8Array,
  ): void {
    this.days.clear();
    const day = columns.day[order === null ? from : (order[from] as number)];
    let n = from;
    for (; n < columns.length; n++) {
      const i = order === null ? n : (order[n] as number);
      const kind = columns.kind[i];
      if (columns.day[i] !== day || (kind !== KIND.transferOut && kind !== KIND.transferIn)) break;
      const sku = columns.sku[i] as number;
      if (skipped[sku] === 1) continue;
      let transfers = this.days.get(sku);
      if (transfers === undefined) {
        transfers = new TransferDay();
        this.days.set(sku, transfers);
      }
      (kind === KIND.transferOut ? transfers.outs : transfers.ins).push(i);
    }
    this.end = n;
  }
}
