import { describe, expect, it } from "vitest";
import {
  type SafetyStockInput,
  safetyStock,
  safetyStockDetails,
} from "../../src/replenish/safetyStock.js";
import { expectCode, relativeError } from "./expectCode.js";

// z values: mpmath, √2 · erfinv(2p − 1) at 30 digits (see normalReferences.ts for the method).
const Z90 = 1.2815515655446006;
const Z95 = 1.6448536269514722;
const Z99 = 2.3263478740408408;

describe("safetyStock, worked examples", () => {
  it("'basic': Chopra & Meindl's Lego example (weekly D 2,500, σ 500, L 2 weeks, CSL 90 %) → 906", () => {
    // Source: S. Chopra, P. Meindl, Supply Chain Management, chapter "Managing uncertainty in a
    // supply chain: safety inventory", continuous-review example (Lego boxes at Walmart).
    // σL = √2 · 500 = 707.107; ss = NORMSINV(0.9) · 707.107 = 1.2815516 · 707.107 = 906.19.
    const ss = safetyStock({ method: "basic", serviceLevel: 0.9, demandStdDev: 500, leadTime: 2 });
    expect(ss).toBeCloseTo(Z90 * Math.SQRT2 * 500, 9);
    expect(ss).toBeCloseTo(906.1938024368233, 9);
    expect(Math.round(ss)).toBe(906);
  });

  it("'basic' at a service level between whole percents: 97.5 % → qnorm(0.975) · 10 · √4", () => {
    // R: qnorm(0.975) = 1.959963984540054, so 1.959963984540054 × 10 × 2 = 39.19927969080108.
    // A z taken at 97 % (1.880793608151251) would give 37.6; found by a mutation audit.
    const ss = safetyStock({ method: "basic", serviceLevel: 0.975, demandStdDev: 10, leadTime: 4 });
    expect(ss).toBeCloseTo(39.19927969080108, 12);
  });

  it("'periodic': Chopra & Meindl's periodic-review Lego example (T 4, L 2 weeks, CSL 90 %) → 1,570", () => {
    // Same source, periodic review: σ(T+L) = √6 · 500 = 1,224.74; ss = 1.2815516 · 1,224.74 = 1,569.57;
    // order-up-to level = (4 + 2) · 2,500 + 1,570 = 16,570 (see orderUpToLevel.test.ts).
    const ss = safetyStock({
      method: "periodic",
      serviceLevel: 0.9,
      demandStdDev: 500,
      leadTime: 2,
      reviewPeriod: 4,
    });
    expect(ss).toBeCloseTo(1569.5737073246114, 8);
    expect(Math.round(ss)).toBe(1570);
  });

  it("'leadTimeVariability': Chopra & Meindl's Dell example and its table as σL falls from 7 to 0 days", () => {
    // Source: Chopra & Meindl, same chapter, "impact of lead-time uncertainty on safety inventory":
    // daily demand D = 2,500, σD = 500, L = 7 days, CSL 90 %.
    // σL = √(L·σD² + D²·sL²) = √(7 · 500² + 2,500² · 7²) = √(1,750,000 + 306,250,000) = 17,549.93;
    // ss = 1.2815516 · 17,549.93 = 22,491. The book's table for sL = 6 … 0 days:
    // 19,298; 16,109; 12,927; 9,760; 6,628; 3,625; 1,695 (each √(1,750,000 + 6,250,000·sL²) · z).
    const dell = (leadTimeStdDev: number) =>
      safetyStock({
        method: "leadTimeVariability",
        serviceLevel: 0.9,
        demandMean: 2500,
        demandStdDev: 500,
        leadTime: 7,
        leadTimeStdDev,
      });
    const table: [number, number][] = [
      [7, 22491],
      [6, 19298],
      [5, 16109],
      [4, 12927],
      [3, 9760],
      [2, 6628],
      [1, 3625],
      [0, 1695],
    ];
    for (const [sL, book] of table) expect(Math.round(dell(sL)), `σL = ${sL}`).toBe(book);
    expect(dell(7)).toBeCloseTo(22491.13869652098, 7);
    // With σL = 0 it is the basic method: z · σD · √L.
    expect(dell(0)).toBeCloseTo(Z90 * 500 * Math.sqrt(7), 9);
  });

  it("'leadTimeVariability' in weeks, by hand: D 2,500/week, σ 500, L 7 weeks, σL 2 weeks, CSL 90 % → 6,628", () => {
    // √(7 · 500² + 2,500² · 2²) = √(1,750,000 + 25,000,000) = √26,750,000 = 5,172.04;
    // 1.2815516 · 5,172.04 = 6,628.24 (not 6,690: every unit must be weeks here).
    const ss = safetyStock({
      method: "leadTimeVariability",
      serviceLevel: 0.9,
      demandMean: 2500,
      demandStdDev: 500,
      leadTime: 7,
      leadTimeStdDev: 2,
    });
    expect(ss).toBeCloseTo(6628.23623637975, 7);
  });

  it("'leadTimeOnly', by hand: constant demand 5/day, L̄ 3 days, σL 2 days, 95 % → 16.45", () => {
    // The "constant demand, variable lead time" case (Heizer & Render, Operations Management,
    // inventory chapter: ss = Z · d · σLT). σ = 5 · 2 = 10; ss = 1.6448536 · 10 = 16.4485.
    const ss = safetyStock({
      method: "leadTimeOnly",
      serviceLevel: 0.95,
      demandMean: 5,
      leadTimeStdDev: 2,
    });
    expect(ss).toBeCloseTo(Z95 * 10, 12);
    expect(ss).toBeCloseTo(16.448536269514722, 12);
  });

  it("'maxMin' heuristic, by hand: max 40/day over max 12 days, less 25/day over 9 days → 255", () => {
    // d_max · L_max − d̄ · L̄ = 40 · 12 − 25 · 9 = 480 − 225 = 255.
    const ss = safetyStock({
      method: "maxMin",
      maxDemand: 40,
      maxLeadTime: 12,
      demandMean: 25,
      leadTime: 9,
    });
    expect(ss).toBe(255);
  });

  it("'daysOfCover', by hand: 5 days of 12/day → 60", () => {
    expect(safetyStock({ method: "daysOfCover", demandMean: 12, coverDays: 5 })).toBe(60);
  });

  it("'fillRate' (Silver, Pyke & Thomas's P2 rule G_u(k) = Q(1 − P2)/σL), by hand", () => {
    // Source of the rule: Silver, Pyke & Thomas, Inventory and Production Management in Supply
    // Chains, decision rule for a fill-rate (P2) target with normal lead-time demand. Numbers by hand:
    // d̄ = 20/day, σd = 5/day, L = 9 days, σL = 0 → σDL = 5 · √9 = 15; Q = 300, β = 0.99:
    // G(k) = 300 · 0.01 / 15 = 0.2; the loss table has G(0.49) = 0.2009 and G(0.50) = 0.1978, so
    // k ≈ 0.4929 (mpmath: 0.49288732720681844); SS = 15 · 0.4928873 = 7.3933.
    const details = safetyStockDetails({
      method: "fillRate",
      fillRate: 0.99,
      orderQuantity: 300,
      demandMean: 20,
      demandStdDev: 5,
      leadTime: 9,
    });
    expect(details.protectionStdDev).toBe(15);
    expect(details.safetyFactor).toBeCloseTo(0.49288732720681844, 12);
    expect(details.safetyStock).toBeCloseTo(7.393309908102277, 10);
  });

  it("'fillRate' with lead-time variability, by hand: σDL = √(9·25 + 400·4) = 42.72", () => {
    // G(k) = 300 · 0.01 / 42.72002 = 0.0702247 → k = 1.0882789 (mpmath); SS = 42.72002 · 1.0882789 = 46.4913.
    const details = safetyStockDetails({
      method: "fillRate",
      fillRate: 0.99,
      orderQuantity: 300,
      demandMean: 20,
      demandStdDev: 5,
      leadTime: 9,
      leadTimeStdDev: 2,
    });
    expect(details.protectionStdDev).toBeCloseTo(Math.sqrt(1825), 12);
    expect(details.safetyFactor).toBeCloseTo(1.0882789449401649, 11);
    expect(details.safetyStock).toBeCloseTo(46.4912969075949, 9);
  });

  it("'fillRate' may give a negative k: a large order alone meets the fill rate", () => {
    // Q = 1000, β = 0.95, σDL = 15: G(k) = 50/15 = 3.3333 > G(0) → k = −3.3332212 (mpmath), SS = −49.998.
    const ss = safetyStock({
      method: "fillRate",
      fillRate: 0.95,
      orderQuantity: 1000,
      demandMean: 20,
      demandStdDev: 5,
      leadTime: 9,
    });
    expect(ss).toBeCloseTo(-49.99831810993773, 9);
  });

  it("cycle service level is not fill rate (trap 5): 99 % of each gives very different buffers", () => {
    // Same item: CSL 99 % → z = 2.326, SS = 34.9; fill rate 99 % with Q = 300 → k = 0.493, SS = 7.4.
    const csl = safetyStock({ method: "basic", serviceLevel: 0.99, demandStdDev: 5, leadTime: 9 });
    const fill = safetyStock({
      method: "fillRate",
      fillRate: 0.99,
      orderQuantity: 300,
      demandMean: 20,
      demandStdDev: 5,
      leadTime: 9,
    });
    expect(csl).toBeCloseTo(Z99 * 15, 10);
    expect(fill).toBeLessThan(csl / 4);
  });

  it("'fillRate' without any variability needs no buffer, and reports no factor", () => {
    const details = safetyStockDetails({
      method: "fillRate",
      fillRate: 0.99,
      orderQuantity: 100,
      demandMean: 20,
      demandStdDev: 0,
      leadTime: 9,
    });
    expect(details).toEqual({
      method: "fillRate",
      safetyStock: 0,
      safetyFactor: null,
      protectionStdDev: 0,
    });
  });

  it("details: safetyStock = safetyFactor · protectionStdDev; no factor for the heuristics", () => {
    const basic = safetyStockDetails({
      method: "basic",
      serviceLevel: 0.95,
      demandStdDev: 10,
      leadTime: 4,
    });
    expect(basic.safetyFactor).toBeCloseTo(Z95, 14);
    expect(basic.protectionStdDev).toBe(20);
    expect(basic.safetyStock).toBe(basic.safetyFactor! * 20);
    const cover = safetyStockDetails({ method: "daysOfCover", demandMean: 1, coverDays: 3 });
    expect(cover.safetyFactor).toBeNull();
    expect(cover.protectionStdDev).toBeNull();
  });

  it("a service level below 0.5 gives a negative safety stock, as the formula says", () => {
    const ss = safetyStock({ method: "basic", serviceLevel: 0.1, demandStdDev: 10, leadTime: 4 });
    expect(ss).toBeCloseTo(-Z90 * 20, 12);
  });
});

describe("safetyStock, domain errors", () => {
  const basic = { method: "basic", serviceLevel: 0.95, demandStdDev: 10, leadTime: 4 } as const;

  it("rejects service levels and fill rates outside (0, 1)", () => {
    for (const serviceLevel of [0, 1, 1.2, -0.5]) {
      expectCode(() => safetyStock({ ...basic, serviceLevel }), "out_of_range", ["serviceLevel"]);
    }
    const fill = {
      method: "fillRate",
      fillRate: 1,
      orderQuantity: 10,
      demandMean: 1,
      demandStdDev: 1,
      leadTime: 1,
    } as const;
    expectCode(() => safetyStock(fill), "out_of_range", ["fillRate"]);
    expectCode(() => safetyStock({ ...fill, fillRate: 0.9, orderQuantity: 0 }), "out_of_range", [
      "orderQuantity",
    ]);
  });

  it("rejects negative times, deviations and means, and non-numbers", () => {
    expectCode(() => safetyStock({ ...basic, leadTime: -1 }), "out_of_range", ["leadTime"]);
    expectCode(() => safetyStock({ ...basic, demandStdDev: -1 }), "out_of_range", ["demandStdDev"]);
    expectCode(() => safetyStock({ ...basic, leadTime: Number.NaN }), "invalid_argument", [
      "leadTime",
    ]);
    expectCode(
      () =>
        safetyStock({
          method: "leadTimeVariability",
          serviceLevel: 0.9,
          demandMean: 1,
          demandStdDev: 1,
          leadTime: 1,
          leadTimeStdDev: -2,
        }),
      "out_of_range",
      ["leadTimeStdDev"],
    );
    expectCode(
      () => safetyStock({ ...basic, method: "periodic", reviewPeriod: -7 }),
      "out_of_range",
      ["reviewPeriod"],
    );
    expectCode(
      () => safetyStock({ method: "daysOfCover", demandMean: -1, coverDays: 3 }),
      "out_of_range",
      ["demandMean"],
    );
  });

  it("rejects a max-min input whose maximum is below its mean", () => {
    const input = {
      method: "maxMin",
      maxDemand: 40,
      maxLeadTime: 12,
      demandMean: 25,
      leadTime: 9,
    } as const;
    expectCode(() => safetyStock({ ...input, maxDemand: 20 }), "out_of_range", ["maxDemand"]);
    expectCode(() => safetyStock({ ...input, maxLeadTime: 8 }), "out_of_range", ["maxLeadTime"]);
  });

  it("rejects an unknown method, and a missing argument at run time", () => {
    expectCode(
      () => safetyStock({ method: "magic", serviceLevel: 0.9 } as unknown as SafetyStockInput),
      "invalid_option",
      ["method"],
    );
    expectCode(
      () =>
        safetyStock({
          method: "basic",
          serviceLevel: 0.9,
          leadTime: 4,
        } as unknown as SafetyStockInput),
      "invalid_argument",
      ["demandStdDev"],
    );
  });
});

describe("safetyStock at the ends of the number range (found by an audit)", () => {
  it("'fillRate' with a vanishing σDL: the safety stock tends to −Q · (1 − β), k is not a number", () => {
    // By hand: σDL · G(k) = Q · (1 − β) = 1e10 · 0.5 = 5e9. For k ≤ −40, G(k) = −k, so
    // k · σDL = −5e9 for every small σDL; with σDL = 1e-300, k = −5e309 is beyond the doubles.
    // Before: invalid_argument on inverseNormalLoss's ["g"].
    const fill = { method: "fillRate", fillRate: 0.5, orderQuantity: 1e10, demandMean: 0 } as const;
    expect(safetyStockDetails({ ...fill, demandStdDev: 1e-300, leadTime: 1 })).toEqual({
      method: "fillRate",
      safetyStock: -5e9,
      safetyFactor: null,
      protectionStdDev: 1e-300,
    });
    // Continuous with the σDL the solver still handles: k = −5e307, the same safety stock.
    const near = safetyStockDetails({ ...fill, demandStdDev: 1e-298, leadTime: 1 });
    expect(near.safetyFactor).toBe(-5e9 / 1e-298);
    expect(near.safetyStock).toBeCloseTo(-5e9, 3);
  });

  it("'fillRate' with Q · (1 − β) / σDL below every double: out_of_range on orderQuantity", () => {
    // 1e-300 · 0.5 / 1e30 = 5e-331 underflows to 0: k would be beyond 38.5, where G underflows.
    expectCode(
      () =>
        safetyStock({
          method: "fillRate",
          fillRate: 0.5,
          orderQuantity: 1e-300,
          demandMean: 0,
          demandStdDev: 1e30,
          leadTime: 1,
        }),
      "out_of_range",
      ["orderQuantity"],
    );
  });

  it("a result that overflows is out_of_range naming the inputs, never Infinity", () => {
    // By hand: 2.3263 · 1e308 · √4 = 4.65e308 > Number.MAX_VALUE (1.797e308). Before: Infinity.
    const huge = { method: "basic", serviceLevel: 0.99, demandStdDev: 1e308, leadTime: 4 } as const;
    expectCode(() => safetyStock(huge), "out_of_range", ["demandStdDev"]);
    expect(() => safetyStock(huge)).toThrow(/^safetyStock: .*demandStdDev = 1e\+308, leadTime = 4/);
    // σd · √L = 1e308 is finite, z · 1e308 is not (z(0.99) = 2.33): caught on the product too.
    expectCode(() => safetyStock({ ...huge, leadTime: 1 }), "out_of_range", ["demandStdDev"]);
    // z = 0 at a service level of 0.5 would turn an infinite σd · √L into NaN.
    expectCode(() => safetyStock({ ...huge, serviceLevel: 0.5 }), "out_of_range", ["demandStdDev"]);
    expectCode(
      () =>
        safetyStock({
          method: "maxMin",
          maxDemand: 1e200,
          maxLeadTime: 1e200,
          demandMean: 1,
          leadTime: 1,
        }),
      "out_of_range",
      ["maxDemand"],
    );
    expectCode(
      () =>
        safetyStock({
          method: "fillRate",
          fillRate: 0.9,
          orderQuantity: 1,
          demandMean: 0,
          demandStdDev: 1e308,
          leadTime: 100,
        }),
      "out_of_range",
      ["demandStdDev"],
    );
    // Below the overflow nothing changes: 2.3263478740408408 · 1e307 · 2 (z from mpmath).
    expect(
      relativeError(safetyStock({ ...huge, demandStdDev: 1e307 }), Z99 * 2e307),
    ).toBeLessThanOrEqual(1e-14);
  });
});

describe("safetyStock: no negative zero", () => {
  it("gives 0, not −0, for a service level below 0.5 with no deviation (found by a fuzz test)", () => {
    // z(0.2) < 0 times σ = 0 was −0: JSON writes it as 0, so a partial record read back differed
    // from the run that wrote it (Object.is(-0, 0) is false).
    const basic = { method: "basic", serviceLevel: 0.2, demandStdDev: 0, leadTime: 4 } as const;
    for (const input of [basic, { ...basic, method: "periodic", reviewPeriod: 7 }] as const) {
      expect(Object.is(safetyStock(input), 0)).toBe(true);
    }
  });
});
