import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlatRecord } from "../../src/io/CellValue.js";
import { formatTable } from "../../src/io/formatTable.js";
import { readLedger } from "../../src/io/readLedger.js";
import { toCsv } from "../../src/io/toCsv.js";
import { toJson } from "../../src/io/toJson.js";
import { toMarkdown } from "../../src/io/toMarkdown.js";
import { toNdjson } from "../../src/io/toNdjson.js";
import { writeCsv } from "../../src/io/writeCsv.js";
import { writeJson } from "../../src/io/writeJson.js";
import { writeMarkdown } from "../../src/io/writeMarkdown.js";
import { writeNdjson } from "../../src/io/writeNdjson.js";
import { writeTable } from "../../src/io/writeTable.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

/** A slow stream with a tiny buffer, so that writers must wait for it to drain. */
class SlowSink extends Writable {
  text = "";
  waits = 0;
  constructor() {
    super({ highWaterMark: 64, decodeStrings: false });
    this.on("drain", () => {
      this.waits++;
    });
  }
  override _write(chunk: string | Buffer, _encoding: string, done: (error?: Error) => void): void {
    this.text += String(chunk);
    setImmediate(done);
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof InvKpiError) return error.code;
  throw new Error(`expected an InvKpiError, got ${String(error)}`);
}

const rows: FlatRecord[] = Array.from({ length: 3000 }, (_, i) => ({
  sku: i % 7 === 0 ? `=cmd|${i}` : `螺丝-${i}`,
  date: "2025-01-02",
  type: "receipt",
  quantity: i + 0.5,
  unitCost: new Decimal(i).div(8),
}));

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "invkpi-write-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writers", () => {
  it("write to a file exactly the text of their string form", async () => {
    const cases: [string, (path: string) => Promise<void>, string][] = [
      ["a.csv", (p) => writeCsv(rows, p, { bom: true }), toCsv(rows, { bom: true })],
      ["a.ndjson", (p) => writeNdjson(rows, p), toNdjson(rows)],
      ["a.json", (p) => writeJson(rows, p), toJson(rows)],
      ["a.md", (p) => writeMarkdown(rows.slice(0, 20), p), toMarkdown(rows.slice(0, 20))],
      ["a.txt", (p) => writeTable(rows.slice(0, 20), p), formatTable(rows.slice(0, 20))],
    ];
    for (const [name, write, expected] of cases) {
      const path = join(dir, name);
      await write(path);
      expect(readFileSync(path, "utf8")).toBe(expected);
    }
  });

  it("wait for a slow stream to drain, write everything in order, and leave it open", async () => {
    const sink = new SlowSink();
    function* generated(): Generator<FlatRecord> {
      yield* rows; // an iterable, not an array: read once, never held as one text
    }
    await writeCsv(generated(), sink);
    expect(sink.text).toBe(toCsv(rows));
    expect(sink.waits).toBeGreaterThan(0);
    expect(sink.writableEnded).toBe(false);
    await writeNdjson(rows.slice(0, 2), sink);
    expect(sink.text.endsWith(toNdjson(rows.slice(0, 2)))).toBe(true);
  });

  it("write a ledger CSV that readLedger reads back", async () => {
    const path = join(dir, "ledger.csv");
    await writeCsv(rows, path);
    const result = await readLedger(path);
    expect(result.issues).toEqual([]);
    expect(result.columns.length).toBe(rows.length);
    // The SKU that starts with '=' comes back with its protective quote, as a spreadsheet shows it.
    expect(result.columns.skus[0]).toBe("'=cmd|0");
    expect(result.columns.skus[1]).toBe("螺丝-1");
  });

  it("throw io_error when the destination cannot be written", async () => {
    expect(await codeOf(writeCsv(rows, join(dir, "no/such/dir/a.csv")))).toBe("io_error");
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error("EPIPE"));
      },
    });
    broken.on("error", () => {}); // the writer reports the error; keep Node from printing it
    expect(await codeOf(writeNdjson(rows, broken))).toBe("io_error");
  });

  it("reject a destination that is neither a path nor a stream", async () => {
    expect(await codeOf(writeJson(rows, 42 as never))).toBe("invalid_argument");
    expect(await codeOf(writeCsv(rows, join(dir, "x.csv"), { delimiter: "|" as "," }))).toBe(
      "invalid_option",
    );
  });
});
