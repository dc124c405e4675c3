// Benchmarks of invkpi on generated ledgers (commands in docs/performance.md, "How to measure"):
//   npm run bench                          every scenario that is not large (about 10 minutes)
//   npm run bench -- read-csv-1m e2e-1m    the scenarios named (large ones too)
//   npm run bench -- --large               every scenario, the large ones included
//   npm run bench -- --list                the scenarios, without running them
// Each scenario runs in its own Node process so that its peak resident memory (maxRSS) is its own.
// Prints a table and merges the figures into bench/results/latest.json (git-ignored).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { type Measurement, type Scenario, scenarios } from "./scenarios.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const RESULTS = `${here}results/latest.json`;

/** A measurement with what the table prints beside it. */
interface Result extends Measurement {
  readonly phase: string;
  readonly budget?: string;
  readonly reference?: string;
  /** When it was measured, and the machine's 1-minute load average then (2 cores). */
  readonly date: string;
  readonly loadAverage: number;
}

function runInChild(name: string): Measurement {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", `${here}scenarios.ts`, name],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split("\n").pop() as string) as Measurement;
}

const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith("--"));
const unknown = wanted.filter((n) => scenarios[n] === undefined);
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(", ")}; see npm run bench -- --list`);
  process.exit(2);
}
const large = args.includes("--large");
const names = Object.keys(scenarios).filter((n) =>
  wanted.length > 0 ? wanted.includes(n) : large || !(scenarios[n] as Scenario).large,
);

if (args.includes("--list")) {
  for (const [name, s] of Object.entries(scenarios))
    console.log(`${name.padEnd(22)} ${s.phase}${s.large ? " (large: opt-in)" : ""}`);
  process.exit(0);
}

const results: Result[] = [];
// A scenario that fails (a missing build, DuckDB that cannot be installed offline) is reported at
// the end; the others still run, print and are saved.
const failed: string[] = [];
for (const name of names) {
  const scenario = scenarios[name] as Scenario;
  process.stderr.write(`running ${name} ...\n`);
  const loadAverage = loadavg()[0] as number;
  let measurement: Measurement;
  try {
    measurement = runInChild(name);
  } catch {
    failed.push(name);
    continue;
  }
  results.push({
    ...measurement,
    phase: scenario.phase,
    ...(scenario.budget === undefined ? {} : { budget: scenario.budget }),
    ...(scenario.reference === undefined ? {} : { reference: scenario.reference }),
    date: new Date().toISOString(),
    loadAverage,
  });
}

const rows = results.map((r) => [
  r.name,
  r.phase,
  r.rows.toLocaleString("en-US"),
  `${(r.medianMs / 1000).toFixed(3)} s`,
  `${(r.rows / (r.medianMs / 1000) / 1e6).toFixed(2)} M rows/s`,
  `${Math.round(r.peakRssMb)} MB`,
  r.budget ?? "",
  r.reference ?? "",
]);
const header = [
  "scenario",
  "phase",
  "rows",
  "median",
  "throughput",
  "peak RSS",
  "budget",
  "reference",
];
const widths = header.map((h, i) =>
  Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
);
const line = (cells: string[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i] as number))
    .join("  ")
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));

// Issue #8's target is relative: faster than DuckDB on the same file, measured in the same run.
for (const r of results) {
  const other = results.find((x) => x.name === (scenarios[r.name] as Scenario).comparedWith);
  if (other === undefined) continue;
  const ratio = r.medianMs / other.medianMs;
  const verdict = ratio < 1 ? "faster" : ratio > 1 ? "slower" : "as fast";
  console.log(
    `${r.name} took ${ratio.toFixed(2)}× the time of ${other.name} in this run (${verdict})`,
  );
}

// Merge into the results file: a run of some scenarios keeps the others' last figures.
const previous: Result[] = existsSync(RESULTS)
  ? ((JSON.parse(readFileSync(RESULTS, "utf8")) as { results?: Result[] }).results ?? [])
  : [];
const measured = new Set(results.map((r) => r.name));
const merged = [...previous.filter((r) => !measured.has(r.name)), ...results].sort(
  (a, b) => Object.keys(scenarios).indexOf(a.name) - Object.keys(scenarios).indexOf(b.name),
);
mkdirSync(`${here}results`, { recursive: true });
writeFileSync(
  RESULTS,
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results: merged }, null, 2)}\n`,
);

if (failed.length > 0) {
  console.error(`failed (see the messages above): ${failed.join(", ")}`);
  process.exitCode = 1;
}
