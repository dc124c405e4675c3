import { describe, expect, it } from "vitest";
import * as invkpi from "../../src/node.js";
import { errorOf } from "../support/errorOf.js";
import { exportedFunctionsWhere, sourceOf } from "./exportedFunctions.js";

// Found by an API audit: the calculators that take one arguments object left a misspelt optional
// argument on its default without a word (`suggestedOrder({ ..., packsize: 24 })` ignored the pack
// size, `inventoryPosition({ onHand: 10, onorder: 50 })` the order), and a name that only another
// method reads was ignored as well (`safetyStock({ method: 'basic', ..., reviewPeriod: 4 })`). They
// now refuse a name they do not read, as the functions with options do (optionNames.test.ts); the
// message calls it an argument ("unknown argument 'packsize'"), not an option, since a review found
// "unknown option" misleading for a calculator that takes no options.

/** One calculator called with valid arguments and one misspelt name: the name written, the one meant. */
interface Case {
  readonly fn: string;
  /** Valid arguments, without the typo. */
  readonly base: Record<string, unknown>;
  readonly typo: string;
  readonly meant: string;
}

const basic = { method: "basic", serviceLevel: 0.95, demandStdDev: 10, leadTime: 4 };

const CASES: readonly Case[] = [
  // replenishment
  { fn: "safetyStock", base: basic, typo: "leadtime", meant: "leadTime" },
  { fn: "safetyStockDetails", base: basic, typo: "demandStddev", meant: "demandStdDev" },
  {
    fn: "reorderPoint",
    base: { demandMean: 20, leadTime: 9, safetyStock: 35 },
    typo: "safetystock",
    meant: "safetyStock",
  },
  {
    fn: "orderUpToLevel",
    base: { demandMean: 2500, leadTime: 2, reviewPeriod: 4, safetyStock: 1570 },
    typo: "reviewperiod",
    meant: "reviewPeriod",
  },
  {
    fn: "economicOrderQuantity",
    base: { annualDemand: 1000, orderCost: 10, holdingCost: "0.5" },
    typo: "ordercost",
    meant: "orderCost",
  },
  {
    fn: "suggestedOrder",
    base: { inventoryPosition: 80, reorderPoint: 100, orderUpTo: 300 },
    typo: "packsize",
    meant: "packSize",
  },
  { fn: "inventoryPosition", base: { onHand: 10 }, typo: "onorder", meant: "onOrder" },
  // benchmark
  {
    fn: "diagnoseTurnover",
    base: { turnover: 3, periodDays: 91, industry: "wholesale" },
    typo: "daysperyear",
    meant: "daysPerYear",
  },
  // turnover
  {
    fn: "annualizeTurnover",
    base: { turnover: 2, periodDays: 73 },
    typo: "daysperyear",
    meant: "daysPerYear",
  },
  {
    fn: "averageInventory",
    base: { method: "endpoints", opening: 100, closing: 200 },
    typo: "closin",
    meant: "closing",
  },
  {
    fn: "daysOfInventory",
    base: { turnover: 5, periodDays: 365 },
    typo: "perioddays",
    meant: "periodDays",
  },
  {
    fn: "daysOfSupply",
    base: { onHand: 120, demandPerDay: 8 },
    typo: "demandperday",
    meant: "demandPerDay",
  },
  {
    fn: "gmroi",
    base: { grossMargin: 200_000, averageInventoryCost: 80_000 },
    typo: "grossmargin",
    meant: "grossMargin",
  },
  {
    fn: "inventoryTurnover",
    base: { cogs: 1_000_000, averageInventory: 200_000 },
    typo: "averageinventory",
    meant: "averageInventory",
  },
  {
    fn: "sellThrough",
    base: { sold: 80, opening: 20, received: 80 },
    typo: "varient",
    meant: "variant",
  },
  {
    fn: "shrinkageRate",
    base: { shrinkage: 3_000, averageInventory: 200_000 },
    typo: "shrinkge",
    meant: "shrinkage",
  },
];

const any = invkpi as unknown as Record<string, (args: unknown) => unknown>;
const run = (fn: string, args: Record<string, unknown>) => () => any[fn]?.(args);

describe("every calculator refuses an argument name it does not read", () => {
  it.each(CASES)("$fn", ({ fn, base, typo, meant }) => {
    const error = errorOf(run(fn, { ...base, [typo]: 1 }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(`${fn}: unknown argument '${typo}' (did you mean '${meant}'?)`);
    expect(error.path).toEqual([typo]);
    expect(error.details.unknown).toEqual([typo]);
    expect(error.details.known).toContain(meant);
    expect(error.details.known).not.toContain(typo);
  });

  it.each(CASES)("$fn takes a name given as undefined, as no argument", ({ fn, base, typo }) => {
    expect(run(fn, { ...base, [typo]: undefined })()).toEqual(run(fn, base)());
  });

  it.each(CASES)("$fn lists every unknown name in details.unknown", ({ fn, base, typo }) => {
    const error = errorOf(run(fn, { ...base, [typo]: 1, supplier: "ACME" }));
    expect(error.details.unknown).toEqual([typo, "supplier"]);
    expect(error.path).toEqual([typo]);
  });

  it("covers every exported function that takes one arguments object", () => {
    // A calculator's one parameter is named `input` or `args`; data records are named for what
    // they are (`history`, `items`, `rows`) and come with an `options` parameter.
    const calculators = exportedFunctionsWhere(
      (parameters) =>
        parameters.length === 1 && (parameters[0] === "input" || parameters[0] === "args"),
    );
    const covered = new Set(CASES.map((c) => c.fn));
    expect(calculators.filter((name) => !covered.has(name))).toEqual([]);
    expect([...covered].filter((name) => !calculators.includes(name))).toEqual([]);
  });

  it("gives the examples of the audit their did-you-mean", () => {
    const message = (f: () => unknown) => errorOf(f).message;
    expect(
      message(() =>
        invkpi.suggestedOrder({
          inventoryPosition: 80,
          reorderPoint: 100,
          orderUpTo: 300,
          packsize: 24,
        } as never),
      ),
    ).toBe("suggestedOrder: unknown argument 'packsize' (did you mean 'packSize'?)");
    expect(message(() => invkpi.inventoryPosition({ onHand: 10, onorder: 50 } as never))).toBe(
      "inventoryPosition: unknown argument 'onorder' (did you mean 'onOrder'?)",
    );
  });
});

/** A name that only another form of the arguments reads: the call, and the message. */
const ELSEWHERE: readonly [string, () => unknown, string][] = [
  [
    "safetyStock: a name of another method",
    () => invkpi.safetyStock({ ...basic, reviewPeriod: 4 } as never),
    "safetyStock: method 'basic' does not read 'reviewPeriod' (method 'periodic' does)",
  ],
  [
    "safetyStockDetails: a name of another method",
    () => invkpi.safetyStockDetails({ ...basic, reviewPeriod: 4 } as never),
    "safetyStockDetails: method 'basic' does not read 'reviewPeriod' (method 'periodic' does)",
  ],
  [
    "safetyStock: a name of several other methods",
    () => invkpi.safetyStock({ ...basic, leadTimeStdDev: 1 } as never),
    "safetyStock: method 'basic' does not read 'leadTimeStdDev' (method 'leadTimeVariability', method 'leadTimeOnly' and method 'fillRate' do)",
  ],
  [
    "safetyStock: a service level with days of cover",
    () =>
      invkpi.safetyStock({
        method: "daysOfCover",
        demandMean: 12,
        coverDays: 5,
        serviceLevel: 0.95,
      } as never),
    "safetyStock: method 'daysOfCover' does not read 'serviceLevel' (method 'basic', method 'leadTimeVariability', method 'leadTimeOnly' and method 'periodic' do)",
  ],
  [
    "averageInventory: a name of another method",
    () =>
      invkpi.averageInventory({
        method: "endpoints",
        opening: 1,
        closing: 2,
        monthEnds: [3],
      } as never),
    "averageInventory: method 'endpoints' does not read 'monthEnds' (method 'monthly' does)",
  ],
  [
    "sellThrough: opening and received with sold-plus-closing",
    () =>
      invkpi.sellThrough({
        sold: 80,
        closing: 20,
        received: 80,
        variant: "sold-plus-closing",
      } as never),
    "sellThrough: variant 'sold-plus-closing' does not read 'received' (variant 'opening-plus-received' and variant 'received' do)",
  ],
  [
    "sellThrough: closing with the default variant",
    () => invkpi.sellThrough({ sold: 80, opening: 20, received: 80, closing: 20 } as never),
    "sellThrough: variant 'opening-plus-received' does not read 'closing' (variant 'sold-plus-closing' does)",
  ],
  [
    "diagnoseTurnover: daysPerYear with an annual turnover",
    () =>
      invkpi.diagnoseTurnover({
        annualTurnover: 4,
        daysPerYear: 360,
        industry: "manufacturing",
      } as never),
    "diagnoseTurnover: { annualTurnover } does not read 'daysPerYear' ({ turnover, periodDays } does)",
  ],
  [
    "diagnoseTurnover: a table with a range",
    () =>
      invkpi.diagnoseTurnover({
        annualTurnover: 4,
        range: { min: 1 },
        table: { x: { min: 2 } },
      } as never),
    "diagnoseTurnover: { range } does not read 'table' ({ industry } does)",
  ],
  [
    "economicOrderQuantity: a holding rate with a holding cost",
    () =>
      invkpi.economicOrderQuantity({
        annualDemand: 1000,
        orderCost: 10,
        holdingCost: "0.5",
        holdingRate: 0.2,
      } as never),
    "economicOrderQuantity: { holdingCost } does not read 'holdingRate' ({ unitCost, holdingRate } does)",
  ],
  [
    "daysOfInventory: COGS with a turnover",
    () => invkpi.daysOfInventory({ turnover: 5, periodDays: 365, cogs: 100 } as never),
    "daysOfInventory: { turnover, periodDays } does not read 'cogs' ({ cogs, averageInventory, periodDays } does)",
  ],
];

describe("a name that only another form of the arguments reads", () => {
  it.each(ELSEWHERE)("%s", (_, call, message) => {
    const error = errorOf(call);
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(message);
    const name = /does not read '(\w+)'/.exec(message)?.[1];
    expect(error.path).toEqual([name]);
    expect(error.details.unknown).toEqual([name]);
    expect(error.details.known).not.toContain(name);
    expect(error.details.readBy).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it("names the first unknown name: a typo before a name of another method is a typo", () => {
    const error = errorOf(() =>
      invkpi.safetyStock({ ...basic, servicelevel: 0.9, reviewPeriod: 4 } as never),
    );
    expect(error.message).toBe(
      "safetyStock: unknown argument 'servicelevel' (did you mean 'serviceLevel'?)",
    );
    expect(error.details.unknown).toEqual(["servicelevel", "reviewPeriod"]);
  });

  it("takes a name of another method given as undefined, as no argument", () => {
    expect(invkpi.safetyStock({ ...basic, reviewPeriod: undefined } as never)).toBe(
      invkpi.safetyStock(basic as never),
    );
  });

  it("leaves an unknown method or variant to its own error", () => {
    const method = errorOf(() => invkpi.safetyStock({ ...basic, method: "basc" } as never));
    expect([method.code, method.path]).toEqual(["invalid_option", ["method"]]);
    expect(method.message).toMatch(/^safetyStock: method must be one of/);
    const variant = errorOf(() =>
      invkpi.sellThrough({ sold: 1, received: 1, variant: "recieved" } as never),
    );
    expect(variant.path).toEqual(["variant"]);
  });

  it("leaves the both-or-neither forms to their own error", () => {
    // Neither form of the turnover given: the calculator says which to give.
    const neither = errorOf(() =>
      invkpi.diagnoseTurnover({ daysPerYear: 360, industry: "retail" } as never),
    );
    expect([neither.code, neither.message]).toEqual([
      "invalid_argument",
      "diagnoseTurnover: give either annualTurnover, or turnover with periodDays (not both)",
    ]);
    const both = errorOf(() =>
      invkpi.economicOrderQuantity({
        annualDemand: 1,
        orderCost: 1,
        holdingCost: 1,
        unitCost: 1,
        holdingRate: 0.2,
      } as never),
    );
    expect(both.code).toBe("invalid_argument");
  });

  it("keeps the names every form of a union reads", () => {
    // sellThrough's 'received' variant takes an opening it does not need (its type allows one).
    expect(
      invkpi.sellThrough({ sold: 80, opening: 20, received: 80, variant: "received" } as never),
    ).toBe(1);
    expect(invkpi.daysOfSupply({ onHand: 80, demand: 10, demandDays: 30 })).toBe(240);
    expect(
      invkpi.diagnoseTurnover({ turnover: 3, periodDays: 91, daysPerYear: 364, range: { min: 1 } })
        .status,
    ).toBe("within");
  });
});

describe("the calculators' internal callers do no name check", () => {
  // replenishmentFigures runs once per SKU in the report, turnoverFigures too, and turnoverSeries
  // once per bucket: each calls the calculators' variants without the check.
  it.each([
    [
      "src/replenish/replenishmentFigures.ts",
      [
        "safetyStock",
        "reorderPoint",
        "orderUpToLevel",
        "economicOrderQuantity",
        "suggestedOrder",
        "inventoryPosition",
      ],
    ],
    ["src/turnover/turnoverFigures.ts", ["averageInventory"]],
    ["src/turnover/turnoverSeries.ts", ["annualizeTurnover"]],
    ["src/benchmark/diagnoseTurnover.ts", ["annualizeTurnover"]],
    ["src/report/analyzeSku.ts", ["annualizeTurnover", "daysOfSupply"]],
    ["src/report/MonthSums.ts", ["annualizeTurnover"]],
    ["src/report/reportFigures.ts", ["annualizeTurnover"]],
  ])("%s", (path, names) => {
    const source = sourceOf(path);
    for (const name of names) {
      expect(source, name).not.toMatch(new RegExp(`(?<![\\w.])${name}\\(`));
      expect(source, name).toMatch(new RegExp(`\\b${name}WithoutNameCheck\\(`));
    }
  });
});
