import { Decimal } from "../../src/model/Decimal.js";

/** A value as plain data (every Decimal as its exact text), for deep equality of histories. */
export function plain(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return `Decimal(${(value as Decimal).toFixed()})`;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
