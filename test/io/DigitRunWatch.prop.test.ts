import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { DigitRunWatch } from "../../src/io/DigitRunWatch.js";
import { hasLongDigitRun } from "../../src/io/jsonRowSource.js";
import { LineSplitter } from "../../src/io/LineSplitter.js";
import { quantityTextProblem } from "../../src/io/quantityTextProblem.js";
import { readLedger } from "../../src/io/readLedger.js";
import { decimalPlaces, MAX_QUANTITY_DECIMALS } from "../../src/model/exactDecimal.js";
import { cutText, textStream } from "./helpers.js";

// The NDJSON and JSON readers look for quantities with more digits than a double holds only in
// text with a run of more than 15 digits and points, and look for such runs once per chunk (a
// profile had the scan of every line at ~0.35 µs a row). These show that no run is missed: not at
// the edge of a range, not across chunks cut anywhere, not in a line that spans many chunks.

/** The reference: a run of more than 15 digits and points in `text[from, to)`. */
const naive = (text: string, from: number, to: number): boolean =>
  /[0-9.]{16}/.test(text.slice(from, to));

/** Text of digits, points, runs of them, line breaks and other characters. */
const digitText = fc
  .array(
    fc.oneof(
      fc.constantFrom("0", "9", ".", "\n", "\r", "\r\n", "a", '"', " ", ",", "-", "e"),
      fc.stringMatching(/^[0-9.]{10,20}$/),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("hasLongDigitRun", () => {
  test.prop([digitText, fc.nat(), fc.nat()])(
    "finds a run of more than 15 digits and points exactly where a full scan does",
    (text, a, b) => {
      const from = Math.min(a, b) % (text.length + 1);
      const to = Math.max(from, Math.max(a, b) % (text.length + 1));
      expect(hasLongDigitRun({ text, from, to })).toBe(naive(text, from, to));
    },
  );

  it("finds runs at the edges of the range, and not runs of 15", () => {
    const run = "1234567890.12345"; // 16
    expect(hasLongDigitRun({ text: run, from: 0, to: 16 })).toBe(true);
    expect(hasLongDigitRun({ text: run, from: 0, to: 15 })).toBe(false);
    expect(hasLongDigitRun({ text: `x${run}x`, from: 1, to: 17 })).toBe(true);
    expect(hasLongDigitRun({ text: `x${run}x`, from: 2, to: 18 })).toBe(false);
    expect(hasLongDigitRun({ text: "a".repeat(31) + run, from: 0, to: 47 })).toBe(true);
  });

  it("finds a run of 16 wherever it starts, and no run of 15", () => {
    for (let at = 0; at < 40; at++) {
      for (const from of [0, 1, 7]) {
        const text = `${"a".repeat(at)}1234567890123456a`;
        expect(hasLongDigitRun({ text, from: Math.min(from, at), to: text.length })).toBe(true);
        const short = `${"a".repeat(at)}123456789012345a`;
        expect(hasLongDigitRun({ text: short, from, to: short.length })).toBe(false);
      }
    }
  });

  it("trusts a reader that found no run around the row", () => {
    const text = "1".repeat(20);
    expect(hasLongDigitRun({ text, from: 0, to: 20, mayHaveLongDigitRun: false })).toBe(false);
    expect(hasLongDigitRun({ text, from: 0, to: 20, mayHaveLongDigitRun: true })).toBe(true);
  });
});

describe("DigitRunWatch", () => {
  test.prop([digitText, fc.array(fc.nat({ max: 400 }), { maxLength: 12 })])(
    "flags every line with a long run, however the text is cut into chunks",
    (text, cuts) => {
      const watch = new DigitRunWatch();
      let flag = false;
      const missed: string[] = [];
      const splitter = new LineSplitter((line) => {
        if (line !== null && naive(line, 0, line.length) && !flag) missed.push(line);
      });
      for (const chunk of cutText(text, cuts)) {
        flag = watch.push(chunk);
        splitter.push(chunk);
      }
      flag = watch.lastLine;
      splitter.end();
      expect(missed).toEqual([]);
    },
  );

  it("flags nothing in text without a long run", () => {
    const watch = new DigitRunWatch();
    expect(watch.push('{"quantity":123456789012345,"unitCost":"1.5"}\n{"q":')).toBe(false);
    expect(watch.push("12345678.9}\n")).toBe(false);
    expect(watch.lastLine).toBe(false);
  });

  it("flags a run cut across chunks one character at a time, and the lines after it no more", () => {
    const watch = new DigitRunWatch();
    const flags = [...'{"q":1.00000000000000001}\n'].map((c) => watch.push(c));
    expect(flags.at(-1)).toBe(true); // the line ends in the last chunk
    expect(watch.push('{"q":1}\n')).toBe(false);
  });
});

describe("readLedger: long number literals in NDJSON cut into chunks anywhere", () => {
  /** A quantity literal: short, or with more digits than a double may hold. */
  const literal = fc.oneof(
    fc.constantFrom("2", "1.5", "12345678.123456789", "1.00000000000000000000001", "1e400"),
    fc.stringMatching(/^[1-9][0-9]{0,19}(\.[0-9]{1,12})?$/),
  );
  const id = fc.constantFrom("", ',"lot":"12345678901234567890"', ',"location":"A1.2.3"');

  test.prop([fc.array(fc.tuple(literal, id), { maxLength: 20 }), fc.array(fc.nat({ max: 2000 }))])(
    "each line's quantity as written decides, whatever the chunks",
    async (rows, cuts) => {
      const ndjson = rows
        .map(
          ([q, extra]) =>
            `{"sku":"A","date":"2025-01-02","type":"receipt","quantity":${q}${extra},"unitCost":"1"}`,
        )
        .join("\n");
      const result = await readLedger(textStream(ndjson, cuts), { format: "ndjson" });
      const whole = await readLedger(textStream(ndjson), { format: "ndjson" });
      const brief = (r: typeof result) =>
        r.issues.map((i) => `${i.line} ${i.field} ${i.code} ${i.value}`);
      expect(brief(result)).toEqual(brief(whole));
      // Every quantity the text rule refuses is refused, showing its text; and so is one the text
      // rule passes whose units at its decimal places a double cannot hold (`10000000.229690807`:
      // 9 places, 17 digits; found by a seed), by the row check (`quantityPrecisionMessage`).
      const refused = rows.flatMap(([q], k) =>
        !Number.isFinite(Number(q)) ||
        (quantityTextProblem(q) === null && decimalPlaces(Number(q), MAX_QUANTITY_DECIMALS) >= 0)
          ? []
          : [`${k + 1} quantity quantity_precision ${q}`],
      );
      expect(brief(result).filter((i) => i.includes("quantity_precision"))).toEqual(refused);
    },
  );

  it("names the digits of a quantity with 9 decimal places that a double cannot hold as units", async () => {
    // 10000000.229690807 is a double's shortest form (17 digits, 9 places), but its units of
    // 10^-9, 10000000229690807, are beyond 2^53: no scale holds it exactly. Found by a seed.
    const ndjson = `{"sku":"A","date":"2025-01-02","type":"receipt","quantity":10000000.229690807,"unitCost":"1"}`;
    const { issues } = await readLedger(textStream(ndjson), { format: "ndjson" });
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      [
        "quantity_precision",
        "quantity must have at most 15 significant digits with its 9 decimal places (10000000.229690807 has 17): round it",
      ],
    ]);
  });

  it("shows each row's own literal when consecutive rows have problems", async () => {
    const row = (q: string, cost: string): string =>
      `{"sku":"A","date":"2025-01-02","type":"receipt","quantity":${q},"unitCost":${cost}}`;
    const ndjson = [
      row("1e400", "1"),
      row("0.10000000000000000001", "1"),
      row("2e400", "3e400"),
      row("3", "1"),
      row("99999999999999.99", "1"),
    ].join("\n");
    for (const format of ["ndjson", "json"] as const) {
      const text = format === "json" ? `[${ndjson.replaceAll("\n", ",\n")}]` : ndjson;
      const result = await readLedger(textStream(text, [7, 90, 91, 200]), { format });
      expect(result.issues.map((i) => `${i.line} ${i.field} ${i.code} ${i.value}`)).toEqual([
        "1 quantity invalid_quantity 1e400",
        "2 quantity quantity_precision 0.10000000000000000001",
        "3 quantity invalid_quantity 2e400",
        "3 unitCost invalid_money 3e400",
        "5 quantity quantity_precision 99999999999999.99",
      ]);
      expect(Array.from(result.columns.quantity)).toEqual([3]);
    }
  });
});
