import { PassThrough, Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import type { CliIo } from "../../src/cli/CliIo.js";
import { runCli } from "../../src/cli/runCli.js";
import { gcExposed } from "../support/collectGarbageUntilGone.js";

// `invkpi analyze` shows the first 20 problems of an invalid ledger and counts the rest: it must
// hold only those 20 while it reads (found by an audit: it held every one, ~440 bytes each, 1.7
// GB for a million rows of four problems each), in batch mode and streaming alike. Run in
// process, on stdin, weighing the heap (after a garbage collection) as the read pulls the text.

const ROWS = 60_000;
const ROWS_PER_CHUNK = 2_000;

/** A ledger of `ROWS` rows with four problems each, cut in chunks; the heap weighed now and then. */
async function* badLedger(heap: number[]): AsyncGenerator<string> {
  const gc = (globalThis as { gc?: () => void }).gc as () => void;
  yield "sku,date,type,quantity,unitCost\n";
  for (let from = 0; from < ROWS; from += ROWS_PER_CHUNK) {
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

function captured(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = "";
  stream.setEncoding("utf8").on("data", (chunk: string) => {
    text += chunk;
  });
  return { stream, text: () => text };
}

describe("invkpi analyze on a ledger with a problem in every row", () => {
  test.each([[[]], [["--streaming", "--from", "2025-01-01", "--to", "2025-12-31"]]])(
    "holds the problems it shows, not all of them %j",
    async (extra) => {
      expect(gcExposed).toBe(true);
      const heap: number[] = [];
      const stderr = captured();
      const io: CliIo = {
        stdin: Readable.from(badLedger(heap), { objectMode: true }),
        stdout: new PassThrough(),
        stderr: stderr.stream,
        stderrIsTTY: false,
        env: {},
      };
      const code = await runCli(["analyze", "-", ...extra, "-q"], io);
      await new Promise((resolve) => setImmediate(resolve));
      expect(code).toBe(1);
      const written = stderr.text().split("\n");
      expect(written.slice(20)).toEqual([
        "… and 239,980 more problems (invkpi validate lists them all)",
        "stdin: 240,000 problems in 60,000 of 60,000 rows; nothing was analyzed",
        "",
      ]);
      expect(heap.length).toBeGreaterThan(5);
      // All held: ~100 MB by the end; the first 20: nothing to speak of.
      expect(Math.max(...heap) - (heap[0] as number)).toBeLessThan(24 * 2 ** 20);
    },
  );
});
