import { describe, expect, it } from "vitest";
import { toJson } from "../../src/io/toJson.js";
import { toNdjson } from "../../src/io/toNdjson.js";
import { Decimal } from "../../src/model/Decimal.js";

describe("toNdjson and toJson", () => {
  const rows = [
    { sku: '螺丝 "M8"\n', value: new Decimal("1234567890123456789.25"), qty: -2, ok: true },
    { sku: "B", value: null, qty: Number.NaN },
  ];

  it("writes one object per line with every column; Decimals as exact text, empty as null", () => {
    expect(toNdjson(rows)).toBe(
      '{"sku":"螺丝 \\"M8\\"\\n","value":"1234567890123456789.25","qty":-2,"ok":true}\n' +
        '{"sku":"B","value":null,"qty":null,"ok":null}\n',
    );
    expect(toNdjson([])).toBe("");
  });

  it("writes a JSON array, one record per line, that parses back to the same objects", () => {
    const text = toJson(rows, { columns: ["sku", "value"] });
    expect(text).toBe(
      '[\n{"sku":"螺丝 \\"M8\\"\\n","value":"1234567890123456789.25"},\n{"sku":"B","value":null}\n]\n',
    );
    expect(JSON.parse(text)).toEqual([
      { sku: '螺丝 "M8"\n', value: "1234567890123456789.25" },
      { sku: "B", value: null },
    ]);
    expect(toJson([])).toBe("[]\n");
  });
});
