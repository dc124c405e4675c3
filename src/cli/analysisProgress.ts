import { displayCount } from "./displayNumber.js";
import type { StatusReporter } from "./StatusReporter.js";

/**
 * The progress line while a ledger is replayed and its SKUs analysed: one synchronous run (no
 * timer can draw meanwhile), which tells how many SKUs it has analysed now and then
 * (`ReportSetup.onProgress`). Without it a run whose reading took under a second drew no line at
 * all, however long the analysis then took (found by an audit).
 *
 * @param what - what is analysed, for the line: `"1,000,000 movements"`.
 * @param noun - what a report row is: `'SKU'`, or `'SKU-location'` by location.
 * @example
 * ```ts
 * import { Writable } from "node:stream";
 * import { StatusReporter } from "./StatusReporter.js";
 * let shown = "";
 * const stderr = new Writable({ write: (chunk, _encoding, done) => done(void (shown += chunk)) });
 * const status = new StatusReporter(stderr, { progress: true, quiet: false, delayMs: 0 });
 * analysisProgress(status, "1,000,000 movements", "SKU")(4096);
 * shown; // "\r\u001b[Kanalyzing 1,000,000 movements: 4,096 SKUs analysed…"
 * ```
 */
export function analysisProgress(
  status: StatusReporter,
  what: string,
  noun: "SKU" | "SKU-location",
): (analysed: number) => void {
  return (analysed) =>
    status.progress(`analyzing ${what}: ${displayCount(analysed, noun)} analysed…`);
}
