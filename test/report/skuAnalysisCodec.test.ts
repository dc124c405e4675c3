import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { analyzeSkus } from "../../src/report/analyzeSkus.js";
import {
  decimalCodec,
  JsonShapeError,
  type Tape,
  type TapeReader,
} from "../../src/report/jsonCodec.js";
import { prepareReport } from "../../src/report/prepareReport.js";
import { skuAnalysisCodec } from "../../src/report/skuAnalysisCodec.js";
import { Q1_2024, WORKED_LEDGER, WORKED_SKU_INFO } from "./fixtures.js";

describe("skuAnalysisCodec", () => {
  const options = {
    period: Q1_2024,
    skuInfo: WORKED_SKU_INFO,
    groupBy: ["month", "location"] as const,
    replenishment: { leadTimeDays: 5 },
  };
  const { analyses } = analyzeSkus(WORKED_LEDGER, prepareReport(options, "test"));

  it("gives every analysis back, through JSON text, equal field by field", () => {
    expect(analyses.length).toBe(5); // BOLT at W1 and W2, NUT, PAINT, GLUE
    for (const analysis of analyses) {
      const text = JSON.stringify(skuAnalysisCodec.encode(analysis));
      expect(skuAnalysisCodec.decode(JSON.parse(text))).toEqual(analysis);
    }
  });

  it("gives every analysis back through a tape (worker threads), equal field by field", () => {
    const tape: Tape = { numbers: [], texts: [] };
    for (const analysis of analyses) skuAnalysisCodec.write(analysis, tape);
    const reader: TapeReader = {
      numbers: Float64Array.from(tape.numbers),
      texts: tape.texts,
      number: 0,
      text: 0,
    };
    for (const analysis of analyses) expect(skuAnalysisCodec.read(reader)).toEqual(analysis);
    expect(reader.number).toBe(tape.numbers.length);
    expect(reader.text).toBe(tape.texts.length);
  });

  it("writes money as exact text: BOLT's COGS is 30 + 20 units at 2.00 = 100", () => {
    const bolt = analyses.find((a) => a.history.sku === "BOLT" && a.history.location === "W1");
    const json = skuAnalysisCodec.encode(bolt as (typeof analyses)[number]) as {
      turnover: { cogs: unknown };
    };
    expect(json.turnover.cogs).toBe("100");
  });

  it("keeps a negative zero and digits beyond 40 significant places", () => {
    const negativeZero = new Decimal("-0");
    expect(decimalCodec.encode(negativeZero)).toBe("-0");
    expect(decimalCodec.decode("-0").isNegative()).toBe(true);
    const long = "123456789012345678901234567890.123456789012345678901";
    expect(decimalCodec.encode(decimalCodec.decode(long))).toBe(long);
  });

  it("names the path of a value out of shape", () => {
    const json = JSON.parse(JSON.stringify(skuAnalysisCodec.encode(analyses[0] as never)));
    json.aging.buckets[0].value = "1e5";
    try {
      skuAnalysisCodec.decode(json);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonShapeError);
      expect((e as JsonShapeError).where).toBe("aging.buckets[0].value");
    }
  });
});
