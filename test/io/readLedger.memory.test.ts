import { describe, expect, it } from "vitest";
import { readLedger } from "../../src/io/readLedger.js";
import { IdRegistry } from "../../src/ledger/IdRegistry.js";
import { textStream } from "./helpers.js";

// A read keeps one entry per id to find duplicates: 10 M movements make ~300 MB of them. The
// result must not keep them alive (it once did: its `lineOf` closure shared the reader's scope,
// which held the row checks and so the id registry, and for JSON the file's text and rows).

const gc = (globalThis as { gc?: () => void }).gc;

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

/** Collects garbage after the current job (a WeakRef's target lives until the job ends). */
async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc?.();
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
    expect(gc).toBeTypeOf("function");
  });

  for (const format of ["csv", "ndjson", "json"] as const) {
    it(`lets the id registry go once a ${format} read ends, while its result lives`, async () => {
      const { result, registry } = await watchingRegistry(() =>
        readLedger(textStream(FILES[format]), { format }),
      );
      expect(result.issues).toEqual([]);
      expect(registry).not.toBeNull();
      await collectGarbage();
      expect(registry?.deref()).toBeUndefined();
      // The result is still here, and still finds its lines.
      expect([result.columns.length, result.lineOf(0)]).toEqual([50, format === "csv" ? 2 : 1]);
    });
  }
});
