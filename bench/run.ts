// Benchmarks of invkpi on generated ledgers: `npm run bench` (all scenarios) or
// `npm run bench -- replay-columns-10m` (one). Each scenario runs in its own Node process so that
// its peak resident memory (maxRSS) is its own. Prints a table and writes bench/results/latest.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Measurement, scenarios } from "./scenarios.js";

const here = fileURLToPath(new URL(".", import.meta.url));

function runInChild(name: string): Measurement {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", `${here}scenarios.ts`, name],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split("\n").pop() as string) as Measurement;
}

const wanted = process.argv.slice(2);
const names = Object.keys(scenarios).filter((n) => wanted.length === 0 || wanted.includes(n));
const results: Measurement[] = [];
for (const name of names) {
  process.stderr.write(`running ${name} ...\n`);
  results.push(runInChild(name));
}

const rows = results.map((r) => [
  r.name,
  r.rows.toLocaleString("en-US"),
  `${(r.medianMs / 1000).toFixed(3)} s`,
  `${Math.round(r.rows / (r.medianMs / 1000)).toLocaleString("en-US")} rows/s`,
  `${Math.round(r.peakRssMb)} MB`,
  r.note ?? "",
]);
const header = ["scenario", "rows", "median", "throughput", "peak RSS", "note"];
const widths = header.map((h, i) =>
  Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
);
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));

mkdirSync(`${here}results`, { recursive: true });
writeFileSync(
  `${here}results/latest.json`,
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2)}\n`,
);
