import { describe, expect, it } from "vitest";
import { excessStock, movementStatus, nearExpiry, stockAging } from "../../src/aging/index.js";
import { abcClassify, xyzClassify } from "../../src/classify/index.js";
import { demandStatistics } from "../../src/demand/index.js";
import { replayLedger } from "../../src/ledger/index.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuHistory } from "../../src/model/SkuHistory.js";
import { replenishmentFigures } from "../../src/replenish/index.js";
import { analyzeLedger, type InventoryReportRow } from "../../src/report/index.js";
import { annualizeTurnover, daysOfSupply, turnoverFigures } from "../../src/turnover/index.js";
import {
  nullFieldsAndReasons,
  Q1_2024,
  rowOf,
  WORKED_LEDGER,
  WORKED_SKU_INFO,
} from "./fixtures.js";

// The report is glue: each column must be exactly what its calculator gives when called on its own
// on the same replayed history, with the same options. These tests call every calculator one by
// one (with the defaults the report documents) and compare, column by column.

/** The worked ledger plus a customer return, a count loss and a lot with an expiry day. */
const LEDGER: readonly Movement[] = [
  ...WORKED_LEDGER,
  {
    sku: "NUT",
    date: "2024-01-20",
    type: "return",
    quantity: 5,
    unitPrice: "1.00",
    location: "W1",
  },
  { sku: "BOLT", date: "2024-02-20", type: "adjustment", quantity: -2, location: "W1" },
  {
    sku: "PAINT",
    date: "2024-03-10",
    type: "receipt",
    quantity: 6,
    unitCost: "11.50",
    location: "W2",
    lot: "P-7",
    expiresOn: "2024-04-15",
  },
];

const OPTIONS = {
  period: Q1_2024,
  skuInfo: WORKED_SKU_INFO,
  replenishment: { reviewPeriodDays: 14, orderCost: 25, holdingRate: 0.2 },
} as const;

describe.each([false, true])(
  "analyzeLedger rows agree with the calculators (byLocation %s)",
  (byLocation) => {
    const report = analyzeLedger(LEDGER, { ...OPTIONS, byLocation });
    const { histories } = replayLedger(LEDGER, {
      period: Q1_2024,
      skuInfo: WORKED_SKU_INFO,
      byLocation,
    });
    const infoOf = (sku: string) => WORKED_SKU_INFO.find((info) => info.sku === sku);
    const rowFor = (h: SkuHistory) => rowOf(report.rows, h.sku, h.location ?? null);

    it("has one row per replayed history, in the replay's order", () => {
      expect(report.rows.map((r) => [r.sku, r.location])).toEqual(
        histories.map((h) => [h.sku, h.location ?? null]),
      );
      expect(report.rows.length).toBe(byLocation ? 5 : 4);
    });

    it.each(histories.map((h) => [`${h.sku}@${h.location ?? "-"}`, h] as const))(
      "%s: turnover columns are turnoverFigures and annualizeTurnover",
      (_, h) => {
        const row = rowFor(h);
        const t = turnoverFigures(h, { unitPrice: infoOf(h.sku)?.unitPrice ?? null });
        for (const field of [
          "openingQuantity",
          "closingQuantity",
          "averageQuantity",
          "receivedQuantity",
          "issuedQuantity",
          "returnedQuantity",
          "issuesWithoutPrice",
          "turnover",
          "daysOfInventory",
          "gmroi",
          "sellThrough",
          "shrinkageRate",
        ] as const) {
          expect(row[field], field).toBe(t[field]);
        }
        for (const field of [
          "openingValue",
          "closingValue",
          "averageValue",
          "cogs",
          "revenue",
          "shrinkageValue",
        ] as const) {
          expect(row[field].toFixed(), field).toBe(t[field].toFixed());
        }
        expect(row.grossMargin?.toFixed() ?? null).toBe(t.grossMargin?.toFixed() ?? null);
        expect(row.annualizedTurnover).toBe(
          annualizeTurnover({ turnover: t.turnover, periodDays: 91 }),
        );
      },
    );

    it.each(histories.map((h) => [`${h.sku}@${h.location ?? "-"}`, h] as const))(
      "%s: replenishment columns are replenishmentFigures with the SKU's info",
      (_, h) => {
        const row = rowFor(h);
        const r = replenishmentFigures(h, infoOf(h.sku) ?? {}, {
          reviewPeriodDays: 14,
          orderCost: 25,
          holdingRate: 0.2,
        });
        expect(row.demandMean).toBe(r.demandMean);
        expect(row.demandStdDev).toBe(r.demandStdDev);
        expect(row.safetyStock).toBe(r.safetyStock);
        expect(row.reorderPoint).toBe(r.reorderPoint);
        expect(row.orderUpToLevel).toBe(r.orderUpToLevel);
        expect(row.eoq).toBe(r.eoq);
        expect(row.inventoryPosition).toBe(r.inventoryPosition);
        expect(row.suggestedOrder).toBe(r.suggestedOrder);
        expect(row.reorderNow).toBe(
          r.reorderPoint === null ? null : r.inventoryPosition <= r.reorderPoint,
        );
        expect(row.leadTimeDays).toBe(infoOf(h.sku)?.leadTimeDays ?? null);
        expect(row.serviceLevel).toBe(0.95);
      },
    );

    it.each(histories.map((h) => [`${h.sku}@${h.location ?? "-"}`, h] as const))(
      "%s: stock columns are movementStatus, excessStock, stockAging and nearExpiry",
      (_, h) => {
        const row = rowFor(h);
        const daily = demandStatistics(h, { bucket: "day" });
        // The window's demand as units over its days (exact), as the report passes it.
        const demand =
          daily.periods > 0
            ? { demand: Math.max(0, h.demand.day.sum), demandDays: daily.periods }
            : { demandPerDay: 0 };
        expect(row.daysOfSupply).toBe(daysOfSupply({ onHand: h.closingQuantity, ...demand }));
        const status = movementStatus(h);
        expect(row.movementStatus).toBe(status.status);
        expect(row.daysSinceLastIssue).toBe(status.daysSinceLastIssue);
        expect(row.lastIssueDate).toBe(h.lastIssueDate);
        expect(row.lastReceiptDate).toBe(h.lastReceiptDate);
        const excess = excessStock(h, demand);
        expect(row.excessQuantity).toBe(excess.excessQuantity);
        expect(row.excessValue.toFixed()).toBe(excess.excessValue.toFixed());
        const aging = stockAging(h);
        expect(row.averageAge).toBe(aging.averageAge);
        expect(row.oldestAge).toBe(aging.oldestAge);
        const columns = ["0to30", "31to60", "61to90", "91to180", "181to365", "Over365"];
        aging.buckets.forEach((bucket, i) => {
          const stem = columns[i] as string;
          expect(row[`age${stem}Quantity`], stem).toBe(bucket.quantity);
          expect(row[`age${stem}Value`]?.toFixed(), stem).toBe(bucket.value.toFixed());
        });
        const expiry = nearExpiry(h);
        expect(row.expiredQuantity).toBe(expiry.expiredQuantity);
        expect(row.expiringQuantity).toBe(expiry.expiringQuantity);
        expect(row.expiringValue.toFixed()).toBe(expiry.expiringValue.toFixed());
      },
    );

    it("ABC and XYZ columns are abcClassify over COGS and xyzClassify over weekly demand", () => {
      const abc = abcClassify(
        histories.map((h) => ({ id: `${h.sku}@${h.location}`, value: h.cogs })),
        { negativeValues: "zero" },
      );
      const xyz = xyzClassify(
        histories.flatMap((h) => {
          const weekly = demandStatistics(h, { bucket: "week" });
          return weekly.stdDev === null
            ? []
            : [{ id: `${h.sku}@${h.location}`, mean: weekly.mean, stdDev: weekly.stdDev }];
        }),
      );
      for (const h of histories) {
        const row = rowFor(h);
        const a = abc.find((r) => r.id === `${h.sku}@${h.location}`);
        const x = xyz.find((r) => r.id === `${h.sku}@${h.location}`);
        expect([row.abcClass, row.abcRank, row.abcCumulativeShare]).toEqual([
          a?.class,
          a?.rank,
          a?.cumulativeShare,
        ]);
        expect(row.abcValue?.toFixed()).toBe(a?.value.toFixed());
        expect([row.xyzClass, row.xyzCv]).toEqual([x?.class, x?.cv]);
      }
    });

    it("takes description and category from skuInfo", () => {
      for (const h of histories) {
        const row: InventoryReportRow = rowFor(h);
        expect(row.category).toBe(infoOf(h.sku)?.category);
        expect(row.description).toBe(infoOf(h.sku)?.description ?? null);
      }
    });

    it("gives a reason for every null and for nothing else", () => {
      for (const row of report.rows) {
        const { nullFields, reasonFields } = nullFieldsAndReasons(row);
        expect(reasonFields).toEqual(nullFields);
      }
    });
  },
);
