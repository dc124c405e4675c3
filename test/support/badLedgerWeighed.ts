/** Data rows of {@link badLedgerWeighed}: each with four problems (date, type, quantity, unitCost). */
export const BAD_ROWS = 60_000;
const ROWS_PER_CHUNK = 2_000;

/**
 * A ledger of {@link BAD_ROWS} rows with four problems each, cut in chunks, for the memory tests
 * of the commands that read it from stdin: every tenth thousand rows the heap is weighed (after a
 * garbage collection, `--expose-gc`) into `heap`, as the read pulls the text.
 */
export async function* badLedgerWeighed(heap: number[]): AsyncGenerator<string> {
  const gc = (globalThis as { gc?: () => void }).gc as () => void;
  yield "sku,date,type,quantity,unitCost\n";
  for (let from = 0; from < BAD_ROWS; from += ROWS_PER_CHUNK) {
    if (from % (5 * ROWS_PER_CHUNK) === 0) {
      gc();
      heap.push(process.memoryUsage().heapUsed);
    }
    let chunk = "";
    for (let k = from; k < from + ROWS_PER_CHUNK; k++)
      chunk += `S${k % 1000},2025-13-45,sell,abc,xx\n`;
    yield chunk;
  }
}
