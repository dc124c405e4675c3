// The sample company of `invkpi demo`: an industrial wholesaler with two warehouses. This file holds
// its catalogue (what it sells and how each item behaves); demoLedger.ts plays out its year.

/** How an item's demand behaves over the year. */
export type DemandProfile =
  /** Many order lines every working day. */
  | "best-seller"
  /** A steady trickle. */
  | "regular"
  /** Sold until the second half of the year, then no more: slow stock at the year end. */
  | "slow"
  /** Sold only in the first months: dead stock at the year end. */
  | "dead"
  /** Bought once, never sold. */
  | "never-moved"
  /** Listed in the middle of the year. */
  | "new";

/** One item of the catalogue, with everything the simulation needs. */
export interface DemoItem {
  readonly sku: string;
  readonly description: string;
  readonly category: string;
  readonly profile: DemandProfile;
  /** Garden items: demand follows the season (high in May–July, none in winter). */
  readonly seasonal: boolean;
  /** Received in lots with an expiry date (seed, fertilizer). */
  readonly perishable: boolean;
  /** Unit cost at the start of the year, in units of 10^-moneyDecimals. */
  readonly costUnits: number;
  readonly moneyDecimals: number;
  /** Selling price / cost. */
  readonly markup: number;
  /** Decimal places of quantities (1 for cable sold by the metre). */
  readonly quantityDecimals: number;
  /** Mean order lines per working day per warehouse, before the season. */
  readonly linesPerDay: number;
  /** Mean quantity of an order line. */
  readonly lineSize: number;
  /** Purchase and sale multiple (a box of 100 bolts). */
  readonly packSize: number;
  readonly minOrderQuantity: number;
  readonly leadTimeDays: number;
  readonly leadTimeStdDevDays: number;
  readonly serviceLevel: number;
  /** Days of demand one purchase order covers. */
  readonly coverDays: number;
  /** Warehouse indexes that stock the item. */
  readonly locations: readonly number[];
  /** Day of the year (0-based) demand starts and ends (exclusive). */
  readonly demandStart: number;
  readonly demandEnd: number;
}

/** The two warehouses. */
export const DEMO_LOCATIONS = ["Shanghai-DC", "Shenzhen-DC"] as const;

/** What a category's items have in common, and how to name the n-th one. */
interface CategorySpec {
  readonly prefix: string;
  readonly category: string;
  readonly count: number;
  /** Name templates, each of a variant number. */
  readonly names: readonly ((variant: number) => string)[];
  /** Unit cost range, in currency units. */
  readonly cost: readonly [number, number];
  readonly moneyDecimals: number;
  readonly lineSize: readonly [number, number];
  readonly packSizes: readonly number[];
  readonly leadTime: readonly [number, number];
  readonly leadTimeStdDev: number;
  readonly seasonal: boolean;
  /** Share of items stocked at both warehouses (the rest only in Shanghai). */
  readonly bothWarehouses: number;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

const BOLT_SIZES = [4, 5, 6, 8, 10, 12, 16] as const;
const BOLT_LENGTHS = [10, 16, 20, 25, 30, 40, 50, 60, 80] as const;
const BEARINGS = ["6201", "6202", "6203", "6204", "6205", "6206", "6207", "6304", "6305", "6306"];

// Each category names its items from templates: item n uses template n mod T with the variant
// floor(n / T), so names never repeat within a category.
const CATEGORIES: readonly CategorySpec[] = [
  {
    prefix: "FAS",
    category: "紧固件 Fasteners",
    count: 50,
    names: [
      (v) => `六角螺栓 M${pick(BOLT_SIZES, v)}×${pick(BOLT_LENGTHS, 2 * v)}`,
      (v) => `Hex nut M${pick(BOLT_SIZES, v)} DIN 934${v >= 7 ? " A2" : ""}`,
      (v) => `平垫圈 M${pick(BOLT_SIZES, v)}${v >= 7 ? " 不锈钢" : ""}`,
      (v) => `Socket cap screw M${pick(BOLT_SIZES, v)}x${pick(BOLT_LENGTHS, 2 * v + 1)}`,
      (v) =>
        `自攻螺钉 ST${pick(["2.9", "3.5", "4.2", "4.8", "5.5"], v)}×${pick(BOLT_LENGTHS, v + 1)}`,
    ],
    cost: [0.02, 0.9],
    moneyDecimals: 4,
    lineSize: [200, 2000],
    packSizes: [100, 200, 500],
    leadTime: [5, 10],
    leadTimeStdDev: 1,
    seasonal: false,
    bothWarehouses: 0.8,
  },
  {
    prefix: "BRG",
    category: "轴承 Bearings",
    count: 40,
    names: [
      (v) => `深沟球轴承 ${pick(BEARINGS, v)}-2RS`,
      (v) => `Deep groove ball bearing ${pick(BEARINGS, v)}-ZZ`,
      (v) => `圆锥滚子轴承 3${pick(BEARINGS, v).slice(1)}`,
      (v) => `Pillow block bearing UCP2${pick(BEARINGS, v).slice(2)}${v >= 7 ? "-C3" : ""}`,
    ],
    cost: [6, 180],
    moneyDecimals: 2,
    lineSize: [2, 12],
    packSizes: [1, 2, 10],
    leadTime: [25, 45],
    leadTimeStdDev: 6,
    seasonal: false,
    bothWarehouses: 0.35,
  },
  {
    prefix: "ELC",
    category: "Electrical",
    count: 40,
    names: [
      (v) => `Cable H07RN-F 3G${pick(["1.5", "2.5", "4", "6", "10"], v)} (m)`,
      (v) => `Circuit breaker C${pick([6, 10, 16, 20, 32], v)} 1P`,
      (v) => `交流接触器 CJX2-${pick(["0910", "1210", "1810", "2510", "3210"], v)}`,
      (v) => `LED panel 600×600 ${pick([24, 36, 40, 48, 60], v)}W`,
      (v) => `Cable tie ${pick([100, 150, 200, 300, 370], v)} mm (100 pcs)`,
      (v) => `RCD ${pick([16, 25, 40, 63, 80], v)}A 30mA`,
      (v) => `Terminal block ${pick(["1.5", "2.5", "4", "6", "10"], v)} mm²`,
      (v) => `Extension reel ${pick([10, 15, 25, 40, 50], v)} m`,
    ],
    cost: [1.2, 85],
    moneyDecimals: 2,
    lineSize: [2, 40],
    packSizes: [1, 5, 10],
    leadTime: [10, 14],
    leadTimeStdDev: 2,
    seasonal: false,
    bothWarehouses: 0.7,
  },
  {
    prefix: "PKG",
    category: "Packaging",
    count: 30,
    names: [
      (v) =>
        `Carton ${pick(["300×200×150", "400×300×300", "600×400×400", "500×400×300", "350×250×200"], v)}`,
      (v) => `瓦楞纸箱 ${pick(["三层", "五层"], v)} ${pick(["500×350", "450×300", "600×400"], v)}`,
      (v) => `Stretch film ${pick([450, 500], v)} mm × ${pick([200, 300, 150], v)} m`,
      (v) => `气泡膜 ${pick(["0.5", "1", "1.2", "1.5", "0.3"], v)} m × 50 m`,
      (v) => `Packing tape ${pick([36, 48, 60], v)} mm × ${pick([50, 66, 100, 150, 200], v)} m`,
      (v) => `Pallet 1200×${pick([800, 1000, 1200, 600, 1100], v)}`,
    ],
    cost: [0.3, 25],
    moneyDecimals: 2,
    lineSize: [10, 120],
    packSizes: [1, 10, 25],
    leadTime: [5, 7],
    leadTimeStdDev: 1,
    seasonal: false,
    bothWarehouses: 0.9,
  },
  {
    prefix: "GDN",
    category: "Garden (seasonal)",
    count: 40,
    names: [
      (v) => `Garden hose 1/2" ${pick([10, 15, 20, 25, 50], v)} m`,
      (v) => `花园喷头 Sprinkler ${pick(["360°", "pulse", "oscillating", "spray", "drip"], v)}`,
      (v) => `Lawn mower blade ${pick([33, 37, 40, 46, 51], v)} cm`,
      (v) => `Grass seed ${pick(["1", "2.5", "5", "10", "20"], v)} kg`,
      (v) => `Plant pot ${pick([15, 20, 25, 30, 40], v)} cm`,
      (v) => `喷壶 Watering can ${pick([2, 5, 8, 10, 12], v)} L`,
      (v) => `Hedge shears ${pick([500, 550, 600, 650, 700], v)} mm`,
      (v) => `Lawn fertilizer ${pick([2, 5, 10, 15, 20], v)} kg`,
    ],
    cost: [1.5, 60],
    moneyDecimals: 2,
    lineSize: [2, 20],
    packSizes: [1, 4, 6],
    leadTime: [14, 30],
    leadTimeStdDev: 3,
    seasonal: true,
    bothWarehouses: 0.75,
  },
];

/**
 * The sample catalogue: 200 items in five categories (fasteners, bearings, electrical, packaging,
 * seasonal garden items), each with a demand profile (best sellers, regular, slow, dead, never
 * moved, new), prices, pack sizes and supplier lead times. Deterministic for a given `random`.
 *
 * @param random - a seeded generator of numbers in [0, 1) (`mulberry32`).
 * @example
 * ```ts
 * import { mulberry32 } from "./generateLedger.js";
 * const items = demoCatalogue(mulberry32(2025));
 * items.length; // 200
 * ```
 */
export function demoCatalogue(random: () => number): DemoItem[] {
  const items: DemoItem[] = [];
  for (const spec of CATEGORIES) {
    for (let n = 0; n < spec.count; n++) items.push(itemOf(spec, n, random));
  }
  return items;
}

function itemOf(spec: CategorySpec, n: number, random: () => number): DemoItem {
  const between = ([low, high]: readonly [number, number]): number => low + random() * (high - low);
  const profile = profileOf(random());
  const template = spec.names[n % spec.names.length] as (variant: number) => string;
  const description = template(Math.floor(n / spec.names.length));
  const cable = description.endsWith("(m)");
  const perishable = /seed|fertilizer/i.test(description);
  const cost = between(spec.cost) * (profile === "best-seller" ? 0.6 : 1);
  const linesPerDay = linesPerDayOf(profile, random);
  const leadTimeDays = Math.round(between(spec.leadTime));
  const packSize = cable ? 1 : pick(spec.packSizes, Math.floor(random() * spec.packSizes.length));
  const lineSize = Math.max(packSize, Math.round(between(spec.lineSize) / packSize) * packSize);
  const day = (from: number, to: number): number => Math.floor(from + random() * (to - from));
  return {
    sku: `${spec.prefix}-${String(n + 1).padStart(3, "0")}`,
    description,
    category: spec.category,
    profile,
    seasonal: spec.seasonal,
    perishable,
    costUnits: Math.max(1, Math.round(cost * 10 ** spec.moneyDecimals)),
    moneyDecimals: spec.moneyDecimals,
    markup: 1.25 + random() * 0.5,
    quantityDecimals: cable ? 1 : 0,
    linesPerDay,
    lineSize: cable ? Math.round(between([15, 120])) : lineSize,
    packSize,
    minOrderQuantity: packSize * (profile === "best-seller" ? 10 : 2),
    leadTimeDays,
    leadTimeStdDevDays: spec.leadTimeStdDev,
    serviceLevel: profile === "best-seller" ? 0.98 : spec.seasonal ? 0.9 : 0.95,
    coverDays: profile === "best-seller" ? 21 : linesPerDay < 0.2 ? 90 : 45,
    locations: random() < spec.bothWarehouses ? [0, 1] : [0],
    demandStart: profile === "new" ? day(140, 240) : 0,
    demandEnd: profile === "slow" ? day(185, 265) : profile === "dead" ? day(50, 170) : 365,
  };
}

function profileOf(r: number): DemandProfile {
  if (r < 0.1) return "best-seller";
  if (r < 0.72) return "regular";
  if (r < 0.82) return "slow";
  if (r < 0.9) return "dead";
  if (r < 0.93) return "never-moved";
  return "new";
}

function linesPerDayOf(profile: DemandProfile, random: () => number): number {
  switch (profile) {
    case "best-seller":
      return 1.5 + random() * 2;
    case "regular":
    case "new":
      return 0.12 + random() * 0.5;
    case "slow":
    case "dead":
      return 0.08 + random() * 0.25;
    case "never-moved":
      return 0;
  }
}
