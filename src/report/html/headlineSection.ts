import type { Decimal } from "../../model/Decimal.js";
import { decimalsApart } from "../../model/decimalsApart.js";
import type { InventoryReport } from "../InventoryReport.js";
import { idleDays } from "../idleDays.js";
import { reasonText } from "../reasonText.js";
import { causesPhrase, reorderPointCauses } from "../reorderPointCauses.js";
import { rowNoun } from "../rowNoun.js";
import {
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  NO_FIGURE,
} from "./formatFigures.js";
import type { ResolvedHtmlReportOptions } from "./HtmlReportOptions.js";
import { type HtmlValue, html, type SafeHtml } from "./html.js";
import { reportSection } from "./reportSection.js";
import { bandPlaces, type TurnoverBand, turnoverBand } from "./turnoverBand.js";

/** One headline figure. */
interface Card {
  readonly title: string;
  readonly figure: string;
  /** The figure's exact value, as a tooltip, when the card shows it rounded. */
  readonly exact?: string;
  readonly lines: readonly HtmlValue[];
}

/**
 * The figures a person reads first, as cards: the inventory value, the turnover a year and the days
 * of inventory against the industry band, the capital in slow, dead and never-moved stock, the SKUs
 * to reorder now, and, when there is any, the expired and expiring stock. Every figure is the
 * report's `diagnosis` (or `totals`); an undefined one shows `–` with its reason. A figure next to
 * the band shows as many decimals as tell it from the band's ends (`decimalsApart`).
 */
export function headlineSection(
  report: InventoryReport,
  options: ResolvedHtmlReportOptions,
): SafeHtml {
  const { band, reason } = turnoverBand(report);
  const cards = [
    inventoryCard(report, options),
    turnoverCard(report, band, reason),
    daysCard(report, band),
    staleCard(report, options),
    reorderCard(report),
    ...expiryCards(report, options),
  ];
  return reportSection({
    id: "headline",
    title: "At a glance",
    body: html`<div class="cards">${cards.map(cardMarkup)}</div>`,
  });
}

function cardMarkup(card: Card): SafeHtml {
  const exact = card.exact === undefined ? null : html` title="${card.exact}"`;
  return html`<div class="card"><h3>${card.title}</h3><div class="figure"${exact}>${card.figure}</div>${card.lines.map((line) => html`<p>${line}</p>`)}</div>`;
}

function inventoryCard(report: InventoryReport, options: ResolvedHtmlReportOptions): Card {
  const { diagnosis, totals } = report;
  const withStock = totals.stock.counts.total - totals.stock.counts.noStock;
  return {
    title: `Inventory value${options.currency === null ? "" : ` (${options.currency})`}`,
    ...headlineMoney(diagnosis.inventoryValue),
    lines: [
      `on ${report.period.to}: ${formatNumber(withStock, 0)} of ${formatNumber(totals.skuCount, 0)} ${rowNoun(report)}s hold stock`,
      `average over the period ${formatMoney(diagnosis.averageInventoryValue)}`,
    ],
  };
}

/** Amounts from 100,000 up show in whole units on a card (the cents in the tooltip), to fit. */
function headlineMoney(amount: Decimal): Pick<Card, "figure" | "exact"> {
  if (amount.abs().lessThan(100_000)) return { figure: formatMoney(amount) };
  return { figure: formatNumber(amount, 0), exact: formatMoney(amount) };
}

function turnoverCard(
  report: InventoryReport,
  band: TurnoverBand | null,
  reason: string | null,
): Card {
  const { diagnosis } = report;
  const basis = diagnosis.basis === "cost" ? "" : ` (${diagnosis.basis} basis)`;
  const verdict =
    diagnosis.status === null
      ? null
      : html`<span class="badge ${diagnosis.status}">${diagnosis.status} the range</span>`;
  // The figure the verdict judged (the diagnosis's own annualizing), with the digits that tell it
  // from the band's ends; over a year the period's turnover is the same figure.
  const annual = diagnosis.benchmark?.annualTurnover ?? diagnosis.annualizedTurnover;
  const places = bandPlaces(annual, band);
  const periodPlaces = report.period.days === report.options.daysPerYear ? places : 2;
  return {
    title: `Inventory turnover a year${basis}`,
    figure: annual === null ? NO_FIGURE : `${formatNumber(annual, places)} ×`,
    lines: [
      annual === null
        ? reasonText(diagnosis.reasons.annualizedTurnover)
        : `${formatNumber(diagnosis.turnover, periodPlaces)} over the ${report.period.days} days of the period`,
      band === null
        ? `no industry band: ${reasonText(reason)}`
        : html`normal for ${band.label}: ${band.text} ${verdict}`,
    ],
  };
}

function daysCard(report: InventoryReport, band: TurnoverBand | null): Card {
  const { diagnosis } = report;
  const days = report.options.daysPerYear;
  const value = diagnosis.daysOfInventory;
  // Days of inventory = days per year / annual turnover, so the turnover band maps to a day band.
  // Each end is shown with the digits that tell the figure from it, the figure with the most.
  const fewest = band?.max === undefined ? null : days / band.max;
  const most = band === null || band.min <= 0 ? null : days / band.min;
  const end = (bound: number) => formatNumber(bound, decimalsApart(value, [bound], 0));
  const range =
    band === null
      ? null
      : fewest === null && most === null
        ? "any number of days"
        : fewest === null
          ? `${end(most as number)} days or fewer`
          : most === null
            ? `${end(fewest)} days or more`
            : `${end(fewest)}–${end(most)} days`;
  return {
    title: "Days of inventory",
    figure:
      value === null
        ? NO_FIGURE
        : `${formatNumber(value, decimalsApart(value, [fewest, most], 0))} days`,
    lines: [
      value === null
        ? reasonText(diagnosis.reasons.daysOfInventory)
        : "how long the average stock lasts at the period's pace of sales",
      range === null ? null : `normal for ${band?.label}: ${range}`,
    ],
  };
}

function staleCard(report: InventoryReport, options: ResolvedHtmlReportOptions): Card {
  const d = report.diagnosis;
  const capital = d.slowValue.plus(d.deadValue).plus(d.neverMovedValue);
  // The three shares have one denominator (the value on hand), so they add up.
  const share =
    d.slowShare === null || d.deadShare === null || d.neverMovedShare === null
      ? null
      : d.slowShare + d.deadShare + d.neverMovedShare;
  const idle = idleDays(report.options.slowDays, report.options.deadDays);
  return {
    title: `Capital in slow, dead and never-moved stock${options.currency === null ? "" : ` (${options.currency})`}`,
    ...headlineMoney(capital),
    lines: [
      share === null
        ? reasonText(d.reasons.slowShare)
        : `${formatPercent(share)} of the stock value`,
      `slow ${formatMoney(d.slowValue)} · dead ${formatMoney(d.deadValue)} · never moved ${formatMoney(d.neverMovedValue)}`,
      idle.slow === null
        ? `no issue for ${idle.dead} days is dead`
        : `no issue for ${idle.slow} days is slow, ${idle.dead} dead`,
    ],
  };
}

/**
 * The rows at or below their reorder point, out of those with one; `–` when no row has a reorder
 * point (the count is unknown then, not 0), with the causes counted over every row.
 */
function reorderCard(report: InventoryReport): Card {
  const noun = rowNoun(report);
  const { reorderCount, reorderPointCount } = report.diagnosis;
  const title = `${noun}s to reorder now`;
  if (reorderPointCount === 0) {
    const found = reorderPointCauses(report.rows);
    const causes = causesPhrase(found, (n) => formatCount(n, noun));
    return {
      title,
      figure: NO_FIGURE,
      lines: [
        `no ${noun} has a reorder point${causes === "" ? "" : `: ${causes}`}`,
        ...(found.some((c) => c.code === "no_lead_time")
          ? ["give lead times (skuInfo leadTimeDays, or the replenishment option)"]
          : []),
      ],
    };
  }
  return {
    title,
    figure: formatNumber(reorderCount, 0),
    lines: [
      `of ${formatCount(reorderPointCount, noun)} with a reorder point: inventory position ≤ reorder point`,
    ],
  };
}

/**
 * The stock on hand past its expiry day and the stock that expires within `nearExpiryDays` of the
 * as-of day (`diagnosis.expiredValue`, `diagnosis.expiringValue`), with their shares of the stock value;
 * no card when both are zero (the ledger has no expiry days, or nothing near them).
 */
function expiryCards(report: InventoryReport, options: ResolvedHtmlReportOptions): Card[] {
  const { expiredValue, expiringValue, expiredShare, expiringShare } = report.diagnosis;
  if (expiredValue.isZero() && expiringValue.isZero()) return [];
  const shareOf = (share: number | null) => (share === null ? NO_FIGURE : formatPercent(share));
  const { nearExpiryDays, asOf } = report.options;
  return [
    {
      title: `Expired stock${options.currency === null ? "" : ` (${options.currency})`}`,
      ...headlineMoney(expiredValue),
      lines: [
        `${shareOf(expiredShare)} of the stock value, past its expiry day on ${asOf}`,
        `expiring within ${formatNumber(nearExpiryDays)} ${nearExpiryDays === 1 ? "day" : "days"} of ${asOf}: ${formatMoney(expiringValue)} (${shareOf(expiringShare)})`,
      ],
    },
  ];
}
