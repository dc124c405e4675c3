import { isLedgerColumns, type LedgerColumns, type ReplayWarning } from "../ledger/index.js";
import { unsortedInputWarning } from "../ledger/ReplaySettings.js";
import { requireLedgerColumns } from "../ledger/requireLedgerColumns.js";
import { columnsOfRows } from "../ledger/validateLedger.js";
import { compareSkuLocation } from "../model/compareText.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { Movement } from "../model/Movement.js";
import { isDecimal } from "../model/money.js";
import type { OpeningBalance } from "../model/OpeningBalance.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import type { SkuAnalysis } from "./analyzeSku.js";
import { analyzeSkus, type SkuAnalyses } from "./analyzeSkus.js";
import { decimalCodec, type TapeReader } from "./jsonCodec.js";
import { mergeWarnings } from "./mergeWarnings.js";
import type { PartialWorkerResult, PartialWorkerTask } from "./partialWorker.js";
import type { ReportSetup } from "./prepareReport.js";
import { type LedgerShard, shardLedger } from "./shardLedger.js";
import { skuAnalysisCodec } from "./skuAnalysisCodec.js";

// `analyzeLedger(..., { threads })`: the per-SKU phase in shards, one on the calling thread and the
// others on worker threads, synchronously. The core imports nothing from `node:`; worker threads
// are looked up at run time (`process.getBuiltinModule`, Node ≥ 20.16), and where there are none
// the caller runs everything on its own thread.

/** The part of `node:worker_threads` used here. */
interface WorkerThreads {
  readonly Worker: new (
    code: string,
    options: {
      readonly eval: true;
      readonly workerData: unknown;
      readonly transferList: readonly unknown[];
    },
  ) => { unref(): void; terminate(): Promise<number> };
  readonly MessageChannel: new () => { readonly port1: Port; readonly port2: Port };
  readonly receiveMessageOnPort: (port: Port) => { readonly message: unknown } | undefined;
}

interface Port {
  close(): void;
}

/** A worker's answer: its shard's analyses on a tape, or what went wrong. */
type WorkerAnswer =
  | { readonly result: PartialWorkerResult }
  | { readonly error: { readonly message: string; readonly invkpi: boolean } };

/**
 * Started in each worker (CommonJS, `eval`): imports the worker module, analyses the shard, posts
 * the answer on its port and counts itself done on the shared counter, which the caller waits on.
 * Every failure, even the module not loading, is answered, so the caller never waits forever.
 */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
const { port, done, module, typescript, task } = workerData;
function answer(message) {
  port.postMessage(message, message.result ? [message.result.numbers.buffer] : []);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
}
function load() {
  if (!typescript) return import(module);
  // tsx, found from the source file (as the test run found it), not from the working directory.
  const file = require("node:url").fileURLToPath(module);
  require("node:module").createRequire(file)("tsx/cjs/api").register();
  return Promise.resolve(require(file));
}
Promise.resolve()
  .then(load)
  .then((m) => m.runPartialWorker(task))
  .then(
    (result) => answer({ result }),
    (e) => answer({ error: { message: String((e && e.message) || e), invkpi: !!e && e.name === "InvKpiError" } }),
  );
`;

/**
 * The per-SKU phase on `threads` threads: the ledger split by SKU (`shardLedger`), the first shard
 * analysed on the calling thread while worker threads analyse the others and send back their
 * analyses on a tape (`skuAnalysisCodec.write`: flat numbers and texts), read back exactly. The analyses are those of one
 * thread, in the same order; the warnings are merged as `mergeWarnings` does, with the rows of the
 * whole ledger.
 *
 * @param setup - the report's options and master data (`prepareReport`): the workers' analyses
 *   get the caller's own master data objects.
 * @returns `null` when this runtime has no worker threads, when there are too few SKUs to share,
 *   when the options cannot be sent to a worker, or when a shard failed with an `InvKpiError`: the
 *   caller then analyses on its own thread, so that an error is exactly the one-thread error.
 * @throws Error when a worker thread cannot run (its module not found: invkpi was bundled without
 *   `dist/partialWorker.js`).
 */
export function analyzeSkusInThreads(
  ledger: readonly Movement[] | LedgerColumns,
  setup: ReportSetup,
  threads: number,
): SkuAnalyses | null {
  const { options, infoBySku, fn } = setup;
  const workerThreads = findWorkerThreads();
  const module = workerModule();
  if (workerThreads === null || module === null) return null;
  const balances = options.openingBalances ?? [];
  if (!Array.isArray(balances) || !balances.every(hasTextSku)) return null;
  const columns = isLedgerColumns(ledger)
    ? requireLedgerColumns(ledger, fn)
    : columnsOfRows(ledger, setup.skuInfo, fn);
  const [own, ...others] = shardLedger(columns, balances, threads);
  if (own === undefined || others.length === 0) return null;
  const sendable = cloneable({ ...options, openingBalances: [] });
  if (sendable === null) return null;

  const done = new Int32Array(new SharedArrayBuffer(4));
  const started = others.map((shard) =>
    startWorker(workerThreads, module, done, shard, sendable as AnalyzeLedgerOptions, fn),
  );
  if (started.includes(null)) return abandon(started);
  const workers = started as StartedWorker[];
  let ownResult: SkuAnalyses;
  try {
    // No progress from this shard alone: it would count a share of the SKUs, then stand still.
    ownResult = analyzeSkus(own.columns, { ...withBalances(setup, own), onProgress: undefined });
  } catch (error) {
    if (error instanceof InvKpiError) return abandon(workers);
    throw error;
  }
  const answers = awaitAnswers(workerThreads, workers, done);
  const failure = answers.find((a) => "error" in a);
  if (failure !== undefined && "error" in failure) {
    if (failure.error.invkpi) return null;
    throw new Error(`${fn}: a worker thread failed: ${failure.error.message}`);
  }
  const analyses: SkuAnalysis[] = [...ownResult.analyses];
  // Whether the rows are in date order is a fact of the whole ledger, not of a shard.
  const unsorted = unsortedInputWarning(columns);
  const warnings = [unsorted === null ? [] : [unsorted], withoutUnsorted(ownResult.warnings)];
  for (const answer of answers) {
    if (!("result" in answer)) continue;
    const { count, numbers, texts } = answer.result;
    const tape: TapeReader = { numbers, texts, number: 0, text: 0 };
    for (let i = 0; i < count; i++) {
      const analysis = skuAnalysisCodec.read(tape);
      // The caller's own master data object, as one thread gives it (the worker had a copy).
      analyses.push({ ...analysis, info: infoBySku.get(analysis.history.sku) });
    }
    warnings.push(withoutUnsorted(answer.result.warnings));
  }
  analyses.sort((a, b) => compareSkuLocation(a.history, b.history));
  return { analyses, warnings: mergeWarnings(warnings) };
}

interface WorkerModule {
  readonly url: string;
  /** The TypeScript source (tests): loaded through tsx's `require` hook. */
  readonly typescript?: true;
}

interface StartedWorker {
  readonly worker: { unref(): void; terminate(): Promise<number> };
  readonly port: Port;
}

function findWorkerThreads(): WorkerThreads | null {
  const host = globalThis as {
    process?: { getBuiltinModule?: (id: string) => unknown };
  };
  const found = host.process?.getBuiltinModule?.("node:worker_threads");
  return found === undefined ? null : (found as WorkerThreads);
}

/**
 * Where the worker module is: beside this module. From the TypeScript source (tests) that is
 * `partialWorker.ts`, loaded through tsx; from a build, `dist/partialWorker.js` beside the bundle
 * (`import.meta.url` in ES modules, `__filename` in the CommonJS bundle).
 */
function workerModule(): WorkerModule | null {
  const here = ownUrl();
  if (here === null) return null;
  if (here.endsWith(".ts")) {
    return { url: new URL("./partialWorker.ts", here).href, typescript: true };
  }
  return { url: new URL("./partialWorker.js", here).href };
}

function ownUrl(): string | null {
  const url = (import.meta as { url?: string }).url;
  if (typeof url === "string" && url !== "") return url;
  if (typeof __filename !== "string") return null;
  const file = new URL("file:///");
  file.pathname = __filename.replace(/\\/g, "/");
  return file.href;
}

function startWorker(
  workerThreads: WorkerThreads,
  module: WorkerModule,
  done: Int32Array,
  shard: LedgerShard,
  options: AnalyzeLedgerOptions,
  fn: string,
): StartedWorker | null {
  const { port1, port2 } = new workerThreads.MessageChannel();
  const task: PartialWorkerTask = {
    columns: shard.columns,
    options: { ...options, openingBalances: cloneable(shard.openingBalances) as OpeningBalance[] },
    fn,
  };
  try {
    const worker = new workerThreads.Worker(BOOTSTRAP, {
      eval: true,
      workerData: { port: port2, done, module: module.url, typescript: module.typescript, task },
      // The shard's columns are this call's own copies: moved to the worker, not copied again.
      transferList: [port2, ...columnBuffers(shard.columns)],
    });
    worker.unref();
    return { worker, port: port1 };
  } catch {
    // The task could not be sent (a value that cannot be cloned): one thread does it all.
    port1.close();
    return null;
  }
}

/** Waits (blocking, the caller is synchronous) until every worker has answered, then reads them. */
function awaitAnswers(
  workerThreads: WorkerThreads,
  workers: readonly StartedWorker[],
  done: Int32Array,
): WorkerAnswer[] {
  for (;;) {
    const answered = Atomics.load(done, 0);
    if (answered >= workers.length) break;
    Atomics.wait(done, 0, answered);
  }
  return workers.map(({ port }) => {
    const answer = workerThreads.receiveMessageOnPort(port)?.message as WorkerAnswer;
    port.close();
    return answer;
  });
}

/** Stops the workers started so far; the caller runs on one thread. */
function abandon(started: readonly (StartedWorker | null)[]): null {
  for (const s of started) {
    if (s === null) continue;
    s.port.close();
    void s.worker.terminate();
  }
  return null;
}

function withoutUnsorted(warnings: readonly ReplayWarning[]): readonly ReplayWarning[] {
  return warnings.filter((w) => w.code !== "unsorted_input");
}

function columnBuffers(columns: LedgerColumns): ArrayBufferLike[] {
  const { sku, day, kind, quantity, costUnits, costDecimals, priceUnits, priceDecimals } = columns;
  const { location, lot, expires, row } = columns;
  return [
    sku,
    day,
    kind,
    quantity,
    costUnits,
    costDecimals,
    priceUnits,
    priceDecimals,
    location,
    lot,
    expires,
    row,
  ].map((array) => array.buffer);
}

/** The setup of a shard: the report's, with the shard's own opening balances. */
function withBalances(setup: ReportSetup, shard: LedgerShard): ReportSetup {
  return { ...setup, options: { ...setup.options, openingBalances: shard.openingBalances } };
}

function hasTextSku(balance: unknown): balance is OpeningBalance {
  return (
    typeof balance === "object" &&
    balance !== null &&
    typeof (balance as { sku?: unknown }).sku === "string"
  );
}

/**
 * A copy that a worker can receive: `Decimal`s (which carry a function) as their exact text, the
 * same amount for every calculator; `null` when something else cannot be copied.
 */
function cloneable(value: unknown): unknown {
  if (isDecimal(value)) return decimalCodec.encode(value);
  if (typeof value === "function" || typeof value === "symbol") return null;
  if (typeof value !== "object" || value === null || value instanceof Date) return value;
  if (Array.isArray(value)) {
    const items = value.map(cloneable);
    return items.some((item, i) => item === null && value[i] !== null) ? null : items;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const cloned = cloneable(entry);
    if (cloned === null && entry !== null) return null;
    copy[key] = cloned;
  }
  return copy;
}
