import { PassThrough, Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import type { CliIo } from "../../src/cli/CliIo.js";
import { runCli } from "../../src/cli/runCli.js";
import { BAD_ROWS, badLedgerWeighed } from "../support/badLedgerWeighed.js";
import { gcExposed } from "../support/collectGarbageUntilGone.js";

// `invkpi validate` lists every problem: it must write them as the read finds them, not hold them
// all until the end (found in session 19: it held every one, ~570 bytes each, and a 10 M-row file
// with a bad date in every row ran out of the 4 GB heap after two minutes). Run in process, on
// stdin, weighing the heap (after a garbage collection) as the read pulls the text.

/** Stdout that counts the lines and keeps the first few and the last (not the whole text). */
function lineCounter(): {
  stream: PassThrough;
  lines: () => number;
  first: string[];
  last: () => string;
} {
  const stream = new PassThrough();
  const first: string[] = [];
  let count = 0;
  let rest = "";
  let last = "";
  stream.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop() as string;
    for (const line of parts) {
      if (first.length < 5) first.push(line);
      last = line;
      count++;
    }
  });
  return { stream, lines: () => count, first, last: () => last };
}

describe("invkpi validate on a ledger with a problem in every row", () => {
  test("writes the problems as it finds them and holds none of them", async () => {
    expect(gcExposed).toBe(true);
    const heap: number[] = [];
    const stdout = lineCounter();
    const io: CliIo = {
      stdin: Readable.from(badLedgerWeighed(heap), { objectMode: true }),
      stdout: stdout.stream,
      stderr: new PassThrough(),
      stderrIsTTY: false,
      env: {},
    };
    const code = await runCli(["validate", "-", "-q"], io);
    await new Promise((resolve) => setImmediate(resolve));
    expect(code).toBe(1);
    expect(stdout.lines()).toBe(4 * BAD_ROWS + 1);
    expect(stdout.first.slice(0, 4)).toEqual([
      `stdin:2: date: date must be a real calendar day as 'YYYY-MM-DD' or a valid Date; got "2025-13-45" [invalid_date]`,
      expect.stringMatching(/^stdin:2: type: .*\[unknown_movement_type\]$/),
      expect.stringMatching(/^stdin:2: quantity: .*\[invalid_type\]$/),
      expect.stringMatching(/^stdin:2: unitCost: .*\[invalid_money\]$/),
    ]);
    expect(stdout.last()).toBe("stdin: 240,000 problems in 60,000 of 60,000 rows");
    expect(heap.length).toBeGreaterThan(5);
    // All held: ~130 MB by the end; written as found: nothing to speak of.
    expect(Math.max(...heap) - (heap[0] as number)).toBeLessThan(24 * 2 ** 20);
  });
});
