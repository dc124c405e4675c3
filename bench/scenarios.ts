// The benchmark scenarios. Run one directly: `node --import tsx bench/scenarios.ts replay-columns-1m`;
// it prints one JSON line with its measurement. `bench/run.ts` runs them, each in its own process.
//
// Datasets come from the seeded generator (src/cli/generateLedger.ts) and are written as CSV once,
// into $TMPDIR/invkpi-bench (outside the repository); later runs reuse the files.

import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  generateColumns,
  generatedCsvLines,
  generateMovements,
} from "../src/cli/generateLedger.js";
import { writeReport } from "../src/cli/writeReport.js";
import { readLedger } from "../src/io/index.js";
import { readLedgerInto } from "../src/io/readLedger.js";
import type { LedgerColumns } from "../src/ledger/LedgerColumns.js";
import { replayLedger } from "../src/ledger/replayLedger.js";
import { StreamingReplay } from "../src/ledger/StreamingReplay.js";
import { validateLedger } from "../src/ledger/validateLedger.js";
import type { Movement } from "../src/model/Movement.js";
import { analyzeLedger } from "../src/report/analyzeLedger.js";

/** One scenario's figures. */
export interface Measurement {
  readonly name: string;
  /** Movements handled (rows of the input). */
  readonly rows: number;
  readonly runs: number;
  readonly medianMs: number;
  /** Every run's time, fastest first. */
  readonly timesMs: readonly number[];
  /**
   * Peak resident memory: of the whole benchmark process (input generation included) for
   * in-process scenarios; of the `invkpi` process for whole-process (`cli-*`, `mem-*`) scenarios.
   */
  readonly peakRssMb: number;
  /** Resident memory just before the timed work (the input itself); null for whole processes. */
  readonly baselineRssMb: number | null;
  readonly note?: string;
}

/** A scenario and what to print beside it. */
export interface Scenario {
  /** What is timed. */
  readonly phase: string;
  /** Opt-in: too slow (or its dataset too big to make) for a plain `npm run bench`. */
  readonly large: boolean;
  /** The goal of an issue, if any. */
  readonly budget?: string;
  /** Figures of other tools on this machine, for comparison (issue #8). */
  readonly reference?: string;
  /** A scenario to compare the median with when both run together (another tool on the same file). */
  readonly comparedWith?: string;
  readonly run: () => Promise<Measurement>;
}

const period = { from: "2025-01-01", to: "2025-12-31" };
const here = fileURLToPath(new URL(".", import.meta.url));
const CLI = join(here, "..", "dist", "cli.js");

/** The directory of the cached CSV datasets. */
const CACHE_DIR = join(tmpdir(), "invkpi-bench");

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
  return measurement(name, rows, times, process.resourceUsage().maxRSS / 1024, baselineRssMb, note);
}

/** A scenario's figures from its runs' times (sorted here, fastest first). */
function measurement(
  name: string,
  rows: number,
  times: number[],
  peakRssMb: number,
  baselineRssMb: number | null,
  note: string,
): Measurement {
  times.sort((a, b) => a - b);
  return {
    name,
    rows,
    runs: times.length,
    medianMs: median(times),
    timesMs: times,
    peakRssMb,
    baselineRssMb,
    note,
  };
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * A generated ledger as a CSV file, written once (in batches, never whole in memory) and cached
 * outside the repository. The file appears only when complete (written under a temporary name).
 * With `ids`, each movement has an id in a first column (as ERP exports do).
 */
function cachedCsv(skus: number, movements: number, ids = false): string {
  const file = join(CACHE_DIR, `ledger-${ids ? "ids-" : ""}${skus}-${movements}.csv`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  process.stderr.write(`writing ${file} (once) ...\n`);
  const partial = `${file}.${process.pid}.partial`;
  const fd = openSync(partial, "w");
  try {
    let batch: string[] = [];
    for (const line of generatedCsvLines({ skus, movements, exact: true, ids })) {
      batch.push(line);
      if (batch.length === 65_536) {
        writeSync(fd, batch.join(""));
        batch = [];
      }
    }
    writeSync(fd, batch.join(""));
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return file;
}

/** Reads a cached dataset into columns (the input of the later phases). */
async function columnsOf(file: string): Promise<LedgerColumns> {
  const { columns, issues } = await readLedger(file);
  if (issues.length > 0) throw new Error(`${file}: ${issues.length} issues`);
  return columns;
}

/** `invkpi analyze` in streaming mode over the generated ledgers' year. */
const STREAMING = ["--streaming", "--from", "2025-01-01", "--to", "2025-12-31"] as const;

/** Whole-process run of `invkpi analyze`: wall time and the child's peak RSS (GNU time). */
function runCli(file: string, extra: readonly string[]): { ms: number; rssMb: number } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return timeProcess(
    [CLI, "analyze", file, "-q", "--out", "/dev/null", ...extra],
    "invkpi analyze",
  );
}

/**
 * Runs `node <args>` under GNU time: the wall time (start-up included), the child's peak RSS and
 * its standard output.
 */
function timeProcess(
  args: readonly string[],
  what: string,
): { ms: number; rssMb: number; stdout: string } {
  const t0 = performance.now();
  const child = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const ms = performance.now() - t0;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? "");
  if (child.status !== 0 || rss === null)
    throw new Error(`${what} failed (${child.status}): ${child.stderr}`);
  return { ms, rssMb: Number(rss[1]) / 1024, stdout: child.stdout };
}

/** DuckDB for the reference of issue #8: the 1.5 line that the issue's figures were taken with. */
const DUCKDB_PACKAGE = "@duckdb/node-api@1.5.6-r.1";
/** Where it is installed, once: beside the datasets, outside the repository. */
const DUCKDB_DIR = join(CACHE_DIR, "duckdb");
const DUCKDB_SCRIPT = join(here, "duckdbKpis.mjs");

/**
 * Installs DuckDB's Node package into {@link DUCKDB_DIR} unless a finished install is there (a
 * marker written after `npm install` succeeded: an interrupted one leaves no marker, and is
 * installed again); returns the directory.
 */
function installedDuckdb(): string {
  const marker = join(DUCKDB_DIR, `installed-${DUCKDB_PACKAGE.replace(/[@/]/g, "_")}`);
  if (existsSync(marker)) return DUCKDB_DIR;
  mkdirSync(DUCKDB_DIR, { recursive: true });
  process.stderr.write(`installing ${DUCKDB_PACKAGE} into ${DUCKDB_DIR} (once) ...\n`);
  const npm = spawnSync(
    "npm",
    ["install", "--prefix", DUCKDB_DIR, "--no-save", "--no-audit", "--no-fund", DUCKDB_PACKAGE],
    { encoding: "utf8" },
  );
  if (npm.status !== 0)
    throw new Error(
      `installing ${DUCKDB_PACKAGE} failed (it needs the npm registry): ${npm.stderr}`,
    );
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return DUCKDB_DIR;
}

/**
 * The DuckDB reference as a whole process (bench/duckdbKpis.mjs: start, load the CSV, the KPIs),
 * `runs` times: the median time and the largest peak RSS, with the median load and KPI times in
 * the note.
 */
async function measureDuckdb(
  name: string,
  skus: number,
  movements: number,
  runs: number,
): Promise<Measurement> {
  const file = cachedCsv(skus, movements);
  const dir = installedDuckdb();
  const times: number[] = [];
  const loads: number[] = [];
  const kpis: number[] = [];
  let peak = 0;
  for (let r = 0; r < runs; r++) {
    const { ms, rssMb, stdout } = timeProcess([DUCKDB_SCRIPT, dir, file], "DuckDB");
    const parts = JSON.parse(stdout) as { loadMs: number; kpisMs: number };
    times.push(ms);
    loads.push(parts.loadMs);
    kpis.push(parts.kpisMs);
    peak = Math.max(peak, rssMb);
  }
  const ms = (values: number[]) => `${median(values.sort((a, b) => a - b))} ms`;
  const note = `DuckDB 1.5, 2 threads, whole process (load ${ms(loads)} + KPIs ${ms(kpis)}), ${skus / 1000}k SKUs`;
  return measurement(name, movements, times, peak, null, note);
}

/**
 * `invkpi analyze` on a cached dataset, `runs` times in their own processes: the median time and
 * the largest peak RSS. The rows are `movements`: the dataset is generated with `exact`, which
 * makes exactly that many (`GenerateOptions.exact`).
 */
async function measureCli(
  name: string,
  skus: number,
  movements: number,
  runs: number,
  note: string,
  extra: readonly string[] = [],
  ids = false,
): Promise<Measurement> {
  const file = cachedCsv(skus, movements, ids);
  const times: number[] = [];
  let peak = 0;
  for (let r = 0; r < runs; r++) {
    const { ms, rssMb } = runCli(file, extra);
    times.push(ms);
    peak = Math.max(peak, rssMb);
  }
  return measurement(name, movements, times, peak, null, note);
}

/**
 * Peak memory of one `invkpi analyze` process (with `--streaming` or without) over 100k SKUs and
 * `movements` movements; with `ids`, on the file whose movements have ids (the duplicate-id check
 * remembers every id).
 */
function memory(
  tag: string,
  movements: number,
  streaming: boolean,
  ids = false,
): Record<string, Scenario> {
  const name = `mem-${streaming ? "stream-" : ""}${ids ? "ids-" : ""}100k-${tag}`;
  const note = `${streaming ? "--streaming" : "invkpi analyze"}, 100k SKUs${ids ? ", id column" : ""}`;
  return {
    [name]: {
      phase: "memory, whole process",
      large: true,
      run: () => measureCli(name, 100_000, movements, 1, note, streaming ? STREAMING : [], ids),
    },
  };
}

/** Reading a CSV into a streaming replay and finishing it, over 100k SKUs, in process. */
function streamReplay(tag: string, movements: number): Record<string, Scenario> {
  const name = `stream-replay-100k-${tag}`;
  return {
    [name]: {
      phase: "read + streaming replay",
      large: true,
      run: () => {
        const file = cachedCsv(100_000, movements);
        return measure(
          name,
          movements,
          1,
          async () => {
            const replay = new StreamingReplay({ period }, "bench");
            await readLedgerInto(file, {}, replay);
            let histories = 0;
            for (const _ of replay.finishLazily().histories) histories++;
            return histories;
          },
          "readLedgerInto + StreamingReplay, histories built one at a time, 100k SKUs",
        );
      },
    },
  };
}

/** The five in-process phases on one dataset: read, replay, KPIs, write, and all of them. */
function phases(tag: string, skus: number, movements: number, large: boolean, runs: number) {
  const data = `${skus / 1000}k SKUs`;
  const withFile = <T>(make: (file: string) => Promise<T>) => make(cachedCsv(skus, movements));
  const scenarios: Record<string, Scenario> = {
    [`read-csv-${tag}`]: {
      phase: "read and validate",
      large,
      ...(tag === "10m" ? { reference: "DuckDB load 3.9 s; pandas read 21 s" } : {}),
      run: () =>
        withFile(async (file) =>
          measure(
            `read-csv-${tag}`,
            (await readLedger(file)).rows,
            runs,
            () => readLedger(file),
            `readLedger CSV into columns, validated, ${data}`,
          ),
        ),
    },
    [`replay-${tag}`]: {
      phase: "replay",
      large,
      run: () =>
        withFile(async (file) => {
          const columns = await columnsOf(file);
          return measure(
            `replay-${tag}`,
            columns.length,
            runs,
            () => replayLedger(columns, { period }),
            `replayLedger on the columns read, histories included, ${data}`,
          );
        }),
    },
    [`kpis-${tag}`]: {
      phase: "replay + KPIs",
      large,
      ...(tag === "10m" ? { reference: "DuckDB KPIs 7.4 s, 1.6 GB; pandas 13.5 s" } : {}),
      run: () =>
        withFile(async (file) => {
          const columns = await columnsOf(file);
          return measure(
            `kpis-${tag}`,
            columns.length,
            runs,
            () => analyzeLedger(columns, { period }),
            `analyzeLedger on the columns read (KPIs = this - replay), ${data}`,
          );
        }),
    },
    [`write-${tag}`]: {
      phase: "write",
      large,
      run: () =>
        withFile(async (file) => {
          const columns = await columnsOf(file);
          const report = analyzeLedger(columns, { period });
          return measure(
            `write-${tag}`,
            columns.length,
            runs,
            () => writeReport(report, "/dev/null", { format: "csv", heading: "", top: 25 }),
            `the report's per-SKU rows as CSV to /dev/null, ${data}`,
          );
        }),
    },
    [`e2e-${tag}`]: {
      phase: "end to end, in process",
      large,
      run: () =>
        withFile(async (file) =>
          measure(
            `e2e-${tag}`,
            (await readLedger(file)).rows,
            runs,
            async () => {
              const { columns } = await readLedger(file);
              const report = analyzeLedger(columns, { period });
              await writeReport(report, "/dev/null", { format: "csv", heading: "", top: 25 });
            },
            `read + analyze + write CSV, ${data}`,
          ),
        ),
    },
  };
  return scenarios;
}

/** A scenario that times `work` on 1 M generated movement objects over 10k SKUs. */
function onObjects(
  name: string,
  phase: string,
  budget: string | null,
  runs: number,
  note: string,
  work: (rows: readonly Movement[]) => unknown,
): Record<string, Scenario> {
  return {
    [name]: {
      phase,
      large: false,
      ...(budget === null ? {} : { budget }),
      run: () => {
        const rows = generateMovements({ skus: 10_000, movements: 1_000_000 });
        return measure(name, rows.length, runs, () => work(rows), note);
      },
    },
  };
}

/** Each scenario in its own process (see bench/run.ts), so peak memory is its own. */
export const scenarios: Record<string, Scenario> = {
  ...onObjects(
    "validate-objects-1m",
    "validate objects",
    null,
    5,
    "validateLedger, 10k SKUs",
    (rows) => validateLedger(rows),
  ),
  ...onObjects(
    "replay-objects-1m",
    "validate + replay objects",
    "< 2 s (#2)",
    5,
    "validate + columns + replay + histories, 10k SKUs",
    (rows) => replayLedger(rows, { period }),
  ),
  ...onObjects(
    "analyze-objects-1m",
    "analyze objects",
    "< 1.5 s (#8)",
    3,
    "analyzeLedger on movement objects: validate + replay + KPIs + report, 10k SKUs",
    (rows) => analyzeLedger(rows, { period }),
  ),
  "replay-columns-1m": {
    phase: "replay",
    large: false,
    run: () => {
      const columns = generateColumns({ skus: 10_000, movements: 1_000_000 });
      return measure(
        "replay-columns-1m",
        columns.length,
        5,
        () => replayLedger(columns, { period }),
        "replay + histories from generated columns, 10k SKUs",
      );
    },
  },
  "replay-columns-10m": {
    phase: "replay",
    large: false,
    budget: "< 2 s, < 1 GB (#2)",
    run: () => {
      const columns = generateColumns({ skus: 100_000, movements: 10_000_000 });
      return measure(
        "replay-columns-10m",
        columns.length,
        3,
        () => replayLedger(columns, { period }),
        "replay + histories from generated columns, 100k SKUs",
      );
    },
  },
  ...phases("1m", 10_000, 1_000_000, false, 5),
  "cli-analyze-1m": {
    phase: "whole process",
    large: false,
    budget: "< 1.2 s (#8)",
    reference: "duckdb-1m (issue: DuckDB process 1.2 s)",
    comparedWith: "duckdb-1m",
    run: () =>
      measureCli("cli-analyze-1m", 10_000, 1_000_000, 5, "node dist/cli.js analyze, 10k SKUs"),
  },
  "duckdb-1m": {
    phase: "reference, whole process",
    large: false,
    run: () => measureDuckdb("duckdb-1m", 10_000, 1_000_000, 5),
  },
  ...phases("10m", 100_000, 10_000_000, true, 3),
  "cli-analyze-10m": {
    phase: "whole process",
    large: true,
    budget: "< 8 s, < 1 GB (#8)",
    reference: "duckdb-10m (issue: DuckDB 3.9 s load + 7.4 s KPIs, 1.6 GB; pandas 21 s + 13.5 s)",
    comparedWith: "duckdb-10m",
    run: () =>
      measureCli("cli-analyze-10m", 100_000, 10_000_000, 3, "node dist/cli.js analyze, 100k SKUs"),
  },
  "cli-analyze-month-1m": {
    phase: "whole process",
    large: false,
    run: () =>
      measureCli(
        "cli-analyze-month-1m",
        10_000,
        1_000_000,
        3,
        "node dist/cli.js analyze --group-by month (per-month figures), 10k SKUs",
        ["--group-by", "month"],
      ),
  },
  "cli-analyze-month-10m": {
    phase: "whole process",
    large: true,
    run: () =>
      measureCli(
        "cli-analyze-month-10m",
        100_000,
        10_000_000,
        1,
        "node dist/cli.js analyze --group-by month (per-month figures), 100k SKUs",
        ["--group-by", "month"],
      ),
  },
  "duckdb-10m": {
    phase: "reference, whole process",
    large: true,
    run: () => measureDuckdb("duckdb-10m", 100_000, 10_000_000, 3),
  },
  // Memory against the number of movements, over the same 100k SKUs: with streaming input, peak
  // memory should follow the SKUs, not the movements (issue #8).
  ...memory("1m", 1_000_000, false),
  ...memory("5m", 5_000_000, false),
  ...memory("10m", 10_000_000, false),
  // Streaming input: reading and replaying hold the SKUs' states, their open layers and one chunk
  // of rows; the histories are built one at a time and dropped (counted) here.
  ...streamReplay("1m", 1_000_000),
  ...streamReplay("5m", 5_000_000),
  ...streamReplay("10m", 10_000_000),
  // The same with --streaming: the replay holds the SKUs' states and one chunk of rows.
  "cli-stream-1m": {
    phase: "whole process",
    large: false,
    budget: "< 1.2 s (#8)",
    run: () =>
      measureCli(
        "cli-stream-1m",
        10_000,
        1_000_000,
        5,
        "invkpi analyze --streaming, 10k SKUs",
        STREAMING,
      ),
  },
  "cli-stream-10m": {
    phase: "whole process",
    large: true,
    budget: "< 8 s, < 1 GB (#8)",
    run: () =>
      measureCli(
        "cli-stream-10m",
        100_000,
        10_000_000,
        3,
        "invkpi analyze --streaming, 100k SKUs",
        STREAMING,
      ),
  },
  ...memory("1m", 1_000_000, true),
  ...memory("5m", 5_000_000, true),
  ...memory("10m", 10_000_000, true),
  ...memory("10m", 10_000_000, true, true),
};

const name = process.argv[2];
if (name !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  const scenario = scenarios[name];
  if (scenario === undefined)
    throw new Error(`unknown scenario ${name}; one of ${Object.keys(scenarios).join(", ")}`);
  console.log(JSON.stringify(await scenario.run()));
}
