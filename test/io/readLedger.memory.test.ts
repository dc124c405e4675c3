import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLedger } from "../../src/io/readLedger.js";
import { IdRegistry } from "../../src/ledger/IdRegistry.js";
import { LedgerColumnsBuilder } from "../../src/ledger/LedgerColumns.js";
import { collectGarbageUntilGone, gcExposed } from "../support/collectGarbageUntilGone.js";
import { textStream } from "./helpers.js";

// A read keeps one entry per id to find duplicates: 10 M movements make ~300 MB of them. The
// result must not keep them alive (it once did: its `lineOf` closure shared the reader's scope,
// which held the row checks and so the id registry, and for JSON the file's text and rows).

/**
 * Runs `read` with a weak reference to its id registry, taken at its first claim. (The prototype
 * is patched by hand: a vitest spy would keep every `this` it saw.)
 */
async function watchingRegistry<T>(
  read: () => Promise<T>,
): Promise<{ result: T; registry: WeakRef<IdRegistry> | null }> {
  const prototype = IdRegistry.prototype;
  const { claim, claimAscii } = prototype;
  let registry: WeakRef<IdRegistry> | null = null;
  prototype.claim = function (this: IdRegistry, ...args) {
    registry ??= new WeakRef(this);
    return claim.apply(this, args);
  };
  prototype.claimAscii = function (this: IdRegistry, ...args) {
    registry ??= new WeakRef(this);
    return claimAscii.apply(this, args);
  };
  try {
    return { result: await read(), registry };
  } finally {
    prototype.claim = claim;
    prototype.claimAscii = claimAscii;
  }
}

const ROWS = Array.from({ length: 50 }, (_, k) => ({
  id: `MV${k}`,
  sku: "A",
  date: "2025-01-02",
  type: "receipt",
  quantity: 1,
  unitCost: 2,
}));

const FILES = {
  csv: `id,sku,date,type,quantity,unitCost\n${ROWS.map((r) => `${r.id},A,2025-01-02,receipt,1,2`).join("\n")}\n`,
  ndjson: ROWS.map((r) => JSON.stringify(r)).join("\n"),
  json: JSON.stringify(ROWS),
} as const;

describe("readLedger's memory", () => {
  it("runs with the garbage collector exposed (vitest's execArgv)", () => {
    expect(gcExposed).toBe(true);
  });

  for (const format of ["csv", "ndjson", "json"] as const) {
    it(`lets the id registry go once a ${format} read ends, while its result lives`, async () => {
      const { result, registry } = await watchingRegistry(() =>
        readLedger(textStream(FILES[format]), { format }),
      );
      expect(result.issues).toEqual([]);
      expect(registry).not.toBeNull();
      await collectGarbageUntilGone(registry);
      expect(registry?.deref()).toBeUndefined();
      // The result is still here, and still finds its lines.
      expect([result.columns.length, result.lineOf(0)]).toEqual([50, format === "csv" ? 2 : 1]);
    });
  }
});

describe("readLedger's columns", () => {
  /** Reads `lines` (a header first) from a file; the columns and the rows they have room for. */
  async function readFile(lines: readonly string[]) {
    const dir = await mkdtemp(join(tmpdir(), "invkpi-sizing-"));
    try {
      const file = join(dir, "ledger.csv");
      await writeFile(file, `${lines.join("\n")}\n`);
      const { columns, issues } = await readLedger(file);
      const room = columns.sku.buffer.byteLength / Int32Array.BYTES_PER_ELEMENT;
      return { columns, issues, room };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it("are sized from the file's size, not grown by half again and again", async () => {
    // 250 000 rows: growing by half from 64 Ki rows would end at 331 776 rows of room (1.33×).
    // The first 20 000 rows (receipts with a cost) are longer than the rest, so the first
    // chunk's bytes per row underestimate the count; the estimate is corrected as the read goes.
    const lines = ["sku,date,type,quantity,unitCost"];
    for (let k = 0; k < 250_000; k++) {
      const sku = `SKU-${k % 997}`;
      lines.push(
        k < 20_000 ? `${sku},2025-01-01,receipt,100,12.3456` : `${sku},2025-03-01,issue,1,`,
      );
    }
    // Copies of the columns, counted on the builder's one resizing method.
    const prototype = LedgerColumnsBuilder.prototype as unknown as {
      resize(this: LedgerColumnsBuilder, rows: number): void;
    };
    const { resize } = prototype;
    let copies = 0;
    prototype.resize = function (rows) {
      copies++;
      resize.call(this, rows);
    };
    try {
      const { columns, issues, room } = await readFile(lines);
      expect(issues).toEqual([]);
      expect(columns.length).toBe(250_000);
      expect(room).toBeGreaterThanOrEqual(250_000);
      expect(room).toBeLessThanOrEqual(250_000 * 1.05);
      // A few early steps (at most eight times the room each, then the estimate), not a copy per
      // chunk as the estimate creeps up within its margin.
      expect(copies).toBeLessThanOrEqual(4);
    } finally {
      prototype.resize = resize;
    }
  });

  it("count only the valid rows: a file with many bad rows is not sized for them", async () => {
    // Every fourth row has no SKU: 120 000 rows read, 90 000 valid. Sized for every row read, the
    // room would be 124 k rows (not enough beyond the rows for finish() to trim it).
    const lines = ["sku,date,type,quantity"];
    for (let k = 0; k < 120_000; k++)
      lines.push(k % 4 !== 3 ? `S${k % 101},2025-02-01,issue,1` : ",2025-02-01,issue,1");
    const { columns, issues, room } = await readFile(lines);
    expect([columns.length, issues.length]).toEqual([90_000, 30_000]);
    expect(room).toBeLessThanOrEqual(90_000 * 1.1);
  });

  it("are trimmed when the first rows promised far more than came", async () => {
    // 60 000 short rows (2.5 chunks), then 150 000 long ones (an ignored note column): the first
    // chunks' bytes per row expect ~4× the rows there are.
    const note = "x".repeat(80);
    const lines = ["sku,date,type,quantity,note"];
    for (let k = 0; k < 60_000; k++) lines.push(`A${k % 7},2025-02-01,issue,1,`);
    for (let k = 0; k < 150_000; k++) lines.push(`B${k % 7},2025-02-02,issue,2,${note}`);
    const { columns, issues, room } = await readFile(lines);
    expect([columns.length, issues.length]).toEqual([210_000, 0]);
    expect(room).toBeLessThanOrEqual(210_000 * 1.5 + 1024);
    expect([columns.quantity[0], columns.quantity[209_999]]).toEqual([1, 2]);
  });
});

describe("readLedger's issues with maxIssues", () => {
  it("hold the first issues only while the read goes on, however many rows are bad", async () => {
    // 60 000 rows with four problems each: the 240 000 issues, all kept, take ~100 MB (~440 bytes
    // each); the first 20 and two counts take nothing. The heap is weighed after each chunk.
    const dir = await mkdtemp(join(tmpdir(), "invkpi-issues-"));
    const gc = (globalThis as { gc?: () => void }).gc as () => void;
    try {
      const file = join(dir, "bad.csv");
      const rows = Array.from({ length: 60_000 }, (_, k) => `S${k % 1000},2025-13-45,sell,abc,xx`);
      await writeFile(file, `sku,date,type,quantity,unitCost\n${rows.join("\n")}\n`);
      const heap: number[] = [];
      const weigh = () => {
        gc();
        heap.push(process.memoryUsage().heapUsed);
      };
      weigh();
      const result = await readLedger(file, { maxIssues: 20, onProgress: weigh });
      expect([result.issues.length, result.issueCount, result.rowsWithIssues]).toEqual([
        20, 240_000, 60_000,
      ]);
      expect(heap.length).toBeGreaterThan(1);
      expect(Math.max(...heap) - (heap[0] as number)).toBeLessThan(24 * 2 ** 20);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
