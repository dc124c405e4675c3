import { PassThrough, Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import type { CliIo } from "../../src/cli/CliIo.js";
import { runCli } from "../../src/cli/runCli.js";
import { badLedgerWeighed } from "../support/badLedgerWeighed.js";
import { gcExposed } from "../support/collectGarbageUntilGone.js";

// `invkpi analyze` shows the first 20 problems of an invalid ledger and counts the rest: it must
// hold only those 20 while it reads (found by an audit: it held every one, ~440 bytes each, 1.7
// GB for a million rows of four problems each), in batch mode and streaming alike. Run in
// process, on stdin, weighing the heap (after a garbage collection) as the read pulls the text.

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
        stdin: Readable.from(badLedgerWeighed(heap), { objectMode: true }),
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
