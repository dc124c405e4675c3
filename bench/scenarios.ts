// The benchmark scenarios. Run one directly: `node --import tsx bench/scenarios.ts replay-columns-1m`;
// it prints one JSON line with its measurement. `bench/run.ts` runs them all, each in its own process.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  generateColumns,
  generatedCsvLines,
  generateMovements,
} from "../src/cli/generateLedger.js";
import { readLedger } from "../src/io/index.js";
import { replayLedger } from "../src/ledger/replayLedger.js";
import { validateLedger } from "../src/ledger/validateLedger.js";

/** One scenario's figures. */
export interface Measurement {
  readonly name: string;
  readonly rows: number;
  readonly runs: number;
  readonly medianMs: number;
  /** Peak resident memory of the whole process (input generation included). */
  readonly peakRssMb: number;
  /** Resident memory just before the timed work (the input itself). */
  readonly baselineRssMb: number;
  readonly note?: string;
}

const period = { from: "2025-01-01", to: "2025-12-31" };

/**
 * Runs `work` `runs` times and reports the median time, the rows it handled and the process's
 * peak memory. `work` may be synchronous or return a promise.
 */
async function measure(
  name: string,
  rows: number,
  runs: number,
  work: () => unknown,
  note: string,
): Promise<Measurement> {
  globalThis.gc?.();
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
    globalThis.gc?.();
  }
  times.sort((a, b) => a - b);
  return {
    name,
    rows,
    runs,
    medianMs: times[Math.floor(times.length / 2)] as number,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baselineRssMb,
    note,
  };
}

/** A generated ledger as a CSV file, written once and cached outside the repository. */
function cachedCsv(skus: number, movements: number): string {
  const dir = join(tmpdir(), "invkpi-bench");
  const file = join(dir, `ledger-${skus}-${movements}.csv`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const lines: string[] = [];
    for (const line of generatedCsvLines({ skus, movements, exact: true })) lines.push(line);
    writeFileSync(file, lines.join(""));
  }
  return file;
}

/** Each scenario in its own process (see bench/run.ts), so peak memory is its own. */
export const scenarios: Record<string, () => Promise<Measurement>> = {
  "validate-objects-1m": () => {
    const rows = generateMovements({ skus: 10_000, movements: 1_000_000 });
    return measure(
      "validate-objects-1m",
      rows.length,
      5,
      () => validateLedger(rows),
      "validateLedger, 10k SKUs",
    );
  },
  "replay-objects-1m": () => {
    const rows = generateMovements({ skus: 10_000, movements: 1_000_000 });
    return measure(
      "replay-objects-1m",
      rows.length,
      5,
      () => replayLedger(rows, { period }),
      "validate + columns + replay + histories, 10k SKUs",
    );
  },
  "replay-columns-1m": () => {
    const columns = generateColumns({ skus: 10_000, movements: 1_000_000 });
    return measure(
      "replay-columns-1m",
      columns.length,
      5,
      () => replayLedger(columns, { period }),
      "replay + histories, 10k SKUs",
    );
  },
  "read-csv-1m": async () => {
    const file = cachedCsv(10_000, 1_000_000);
    const rows = (await readLedger(file)).columns.length;
    return measure(
      "read-csv-1m",
      rows,
      5,
      () => readLedger(file),
      "readLedger CSV into columns, validated, 10k SKUs",
    );
  },
  "replay-columns-10m": () => {
    const columns = generateColumns({ skus: 100_000, movements: 10_000_000 });
    return measure(
      "replay-columns-10m",
      columns.length,
      3,
      () => replayLedger(columns, { period }),
      "replay + histories, 100k SKUs",
    );
  },
};

const name = process.argv[2];
if (name !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  const scenario = scenarios[name];
  if (scenario === undefined)
    throw new Error(`unknown scenario ${name}; one of ${Object.keys(scenarios).join(", ")}`);
  console.log(JSON.stringify(await scenario()));
}
