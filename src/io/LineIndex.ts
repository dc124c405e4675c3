/**
 * The file line of each data row, kept compactly: a row's line is `row + offset`, and the offset
 * changes only after a record that spans several lines (a quoted line break) or a skipped blank
 * line. Only the changes are stored, so a million plain rows cost nothing.
 */
export class LineIndex {
  private readonly firstRows: number[] = [];
  private readonly offsets: number[] = [];
  private rows = 0;

  /** Records the line of the next row (rows must come in order: 0, 1, 2, ...). */
  add(row: number, line: number): void {
    const offset = line - row;
    if (this.offsets.length === 0 || this.offsets[this.offsets.length - 1] !== offset) {
      this.firstRows.push(row);
      this.offsets.push(offset);
    }
    this.rows = row + 1;
  }

  /**
   * {@link lineOf} as a function for a read's result. Made here, not by the reader: a closure in
   * the reader would keep everything the reader's other closures hold (the row checks, the
   * duplicate-id registry, the splitter's buffers) alive as long as the result.
   */
  lookup(): (row: number) => number | undefined {
    return (row) => this.lineOf(row);
  }

  /** The 1-based line on which a row starts, or `undefined` for a row that was not read. */
  lineOf(row: number): number | undefined {
    if (!Number.isInteger(row) || row < 0 || row >= this.rows) return undefined;
    let lo = 0;
    let hi = this.firstRows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.firstRows[mid] as number) <= row) lo = mid;
      else hi = mid - 1;
    }
    return row + (this.offsets[lo] as number);
  }
}
