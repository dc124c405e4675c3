// Benchmark of abcClassify on one million items: `npx tsx bench/abcClassify.bench.ts`.
// Values are amounts with 2 decimals drawn from a Pareto distribution with shape 1.16 (the
// "80/20" shape: about 20 % of the items carry 80 % of the value) and a minimum of 10.00, so there
// are many ties among the small values (about 43 000 distinct values). Ids come sorted, as from a
// SKU master list; a second case shuffles the input; a third has a minimum of 100 000.00, so that
// almost every value is distinct (each distinct value costs one Decimal in the output). A fourth
// case classifies 100 000 Decimal amounts of 36 significant digits (a report's COGS under moving
// average), which take the exact big-integer path.
// The target: under 1 s for 1 M items.
import { bench, run } from "mitata";
import { abcClassify } from "../src/classify/abcClassify.js";
import { Decimal } from "../src/model/Decimal.js";

const COUNT = 1_000_000;

/** A small deterministic generator (mulberry32), so every run classifies the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(42);
/** Pareto(minimum, shape 1.16) amounts by inverse transform, rounded to cents. */
function paretoItems(minimum: number) {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `SKU-${String(i).padStart(7, "0")}`,
    value: Math.round((minimum * 100) / (1 - next()) ** (1 / 1.16)) / 100,
  }));
}

const items = paretoItems(10);
const distinct = paretoItems(100_000);
const shuffled = items.slice();
for (let i = shuffled.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
}

/** 100 000 amounts of 36 significant digits: a Pareto amount divided by 7 at 30 decimals. */
const longDecimals = items.slice(0, 100_000).map((item) => ({
  id: item.id,
  value: new Decimal(item.value).dividedBy(7).toDecimalPlaces(30),
}));

bench("abcClassify 1M Pareto amounts (ids sorted)", () => abcClassify(items));
bench("abcClassify 1M Pareto amounts (input shuffled)", () => abcClassify(shuffled));
bench("abcClassify 1M Pareto amounts (almost all distinct)", () => abcClassify(distinct));
bench("abcClassify 100k amounts of 36 digits", () => abcClassify(longDecimals));

await run();
