import type { Decimal } from "../../model/Decimal.js";
import type { InventoryReport } from "../InventoryReport.js";
import { formatMoney, formatNumber, formatPercent, NO_FIGURE } from "./formatFigures.js";
import type { ResolvedHtmlReportOptions } from "./HtmlReportOptions.js";
import { type HtmlValue, html, type SafeHtml } from "./html.js";
import { reasonText } from "./reasonText.js";
import { reportSection } from "./reportSection.js";
import { type TurnoverBand, turnoverBand } from "./turnoverBand.js";

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
 * of inventory against the industry band, the capital in slow and dead stock, and the SKUs to
 * reorder now. Every figure is the report's `diagnosis` (or `totals`); an undefined one shows `–`
 * with its reason.
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
      `on ${report.period.to}: ${formatNumber(withStock, 0)} of ${formatNumber(totals.skuCount, 0)} ${report.options.byLocation ? "SKU-locations" : "SKUs"} hold stock`,
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
  return {
    title: `Inventory turnover a year${basis}`,
    figure:
      diagnosis.annualizedTurnover === null
        ? NO_FIGURE
        : `${formatNumber(diagnosis.annualizedTurnover, 2)} ×`,
    lines: [
      diagnosis.annualizedTurnover === null
        ? reasonText(diagnosis.reasons.annualizedTurnover)
        : `${formatNumber(diagnosis.turnover, 2)} over the ${report.period.days} days of the period`,
      band === null
        ? `no industry band: ${reasonText(reason)}`
        : html`normal for ${band.label}: ${band.text} ${verdict}`,
    ],
  };
}

function daysCard(report: InventoryReport, band: TurnoverBand | null): Card {
  const { diagnosis } = report;
  const days = report.options.daysPerYear;
  // Days of inventory = days per year / annual turnover, so the turnover band maps to a day band.
  const fewest = band?.max === undefined ? null : days / band.max;
  const most = band === null || band.min <= 0 ? null : days / band.min;
  const range =
    band === null
      ? null
      : fewest === null && most === null
        ? "any number of days"
        : fewest === null
          ? `${formatNumber(most, 0)} days or fewer`
          : most === null
            ? `${formatNumber(fewest, 0)} days or more`
            : `${formatNumber(fewest, 0)}–${formatNumber(most, 0)} days`;
  return {
    title: "Days of inventory",
    figure:
      diagnosis.daysOfInventory === null
        ? NO_FIGURE
        : `${formatNumber(diagnosis.daysOfInventory, 0)} days`,
    lines: [
      diagnosis.daysOfInventory === null
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
  return {
    title: `Capital in slow and dead stock${options.currency === null ? "" : ` (${options.currency})`}`,
    ...headlineMoney(capital),
    lines: [
      share === null
        ? reasonText(d.reasons.slowShare)
        : `${formatPercent(share)} of the stock value`,
      `slow ${formatMoney(d.slowValue)} · dead ${formatMoney(d.deadValue)} · never moved ${formatMoney(d.neverMovedValue)}`,
      `no issue for ${report.options.slowDays}+ days is slow, ${report.options.deadDays}+ dead`,
    ],
  };
}

function reorderCard(report: InventoryReport): Card {
  let withPoint = 0;
  for (const row of report.rows) if (row.reorderPoint !== null) withPoint++;
  return {
    title: "SKUs to reorder now",
    figure: formatNumber(report.diagnosis.reorderCount, 0),
    lines: [
      withPoint === 0
        ? "no SKU has a reorder point: give lead times (skuInfo leadTimeDays, or the replenishment option)"
        : `of ${formatNumber(withPoint, 0)} with a reorder point: inventory position ≤ reorder point`,
    ],
  };
}
