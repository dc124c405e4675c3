import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { MAX_FIELD_CHARS } from "../../src/io/CsvSplitter.js";
import { readLedger } from "../../src/io/readLedger.js";
import { InvKpiError, type LedgerIssue } from "../../src/model/InvKpiError.js";
import { byteStream, textStream } from "./helpers.js";

// What only the text of a file shows, found by an audit of the readers: digits a double cannot
// hold, the value as written, invisible characters in numbers, problems before bad bytes, and
// the lines of a JSON file with lone-CR line ends.

/** Issues as `line field code value` strings. */
function brief(issues: readonly LedgerIssue[]): string[] {
  return issues.map((i) => `${i.line} ${i.field} ${i.code} ${i.value}`);
}

const HEADER = "sku,date,type,quantity,unitCost\n";
const receipt = (quantity: string, cost = "1"): string =>
  `A,2025-01-02,receipt,${quantity},${cost}\n`;

/** The result of reading `text` as bytes (fast path and all) and as text: they must agree. */
async function bothWays(text: string, format?: "ndjson" | "json") {
  const options = format === undefined ? {} : { format };
  const bytes = await readLedger(byteStream(text), options);
  const chars = await readLedger(textStream(text), options);
  expect(brief(chars.issues)).toEqual(brief(bytes.issues));
  expect(Array.from(chars.columns.quantity)).toEqual(Array.from(bytes.columns.quantity));
  return bytes;
}

describe("readLedger: quantities a double cannot hold (found by an audit: read as 1 silently)", () => {
  it("refuses a CSV quantity whose digits a double does not hold exactly, with the text", async () => {
    const csv =
      HEADER +
      receipt("1.00000000000000000000001") +
      receipt("99999999999999.99") +
      receipt("12345678.123456789") +
      receipt("0.0000000001") +
      receipt("123456789012345.5") + // 16 digits, and exactly the double read
      receipt("12345678901234.125") +
      receipt("1.50000000000000000000"); // trailing zeros are no digits of the value
    const result = await bothWays(csv);
    expect(brief(result.issues)).toEqual([
      "2 quantity quantity_precision 1.00000000000000000000001",
      "3 quantity quantity_precision 99999999999999.99",
      "4 quantity quantity_precision 12345678.123456789",
      "5 quantity quantity_precision 0.0000000001",
    ]);
    expect(result.issues[1]?.message).toBe(
      "quantity must have at most 15 significant digits, or more only where a number holds the decimal exactly (it has 16, and would be read as 99999999999999.98)",
    );
    expect(result.issues[0]?.message).toBe(
      "quantity must have at most 9 decimal places (it has 23)",
    );
    expect(Array.from(result.columns.quantity)).toEqual([
      123456789012345.5, 12345678901234.125, 1.5,
    ]);
  });

  it("refuses the same in NDJSON and JSON number literals", async () => {
    const row = (quantity: string): string =>
      `{"sku":"A","date":"2025-01-02","type":"receipt","Quantity":${quantity},"unitCost":"1"}`;
    const ndjson = `${row("1.00000000000000000000001")}\n${row("99999999999999.99")}\n${row("2")}\n`;
    const fromNdjson = await bothWays(ndjson, "ndjson");
    expect(brief(fromNdjson.issues)).toEqual([
      "1 quantity quantity_precision 1.00000000000000000000001",
      "2 quantity quantity_precision 99999999999999.99",
    ]);
    expect(Array.from(fromNdjson.columns.quantity)).toEqual([2]);
    const json = `[\n${row("12345678.123456789")},\n${row("123456789012345.5")}\n]`;
    const fromJson = await bothWays(json, "json");
    expect(brief(fromJson.issues)).toEqual(["2 quantity quantity_precision 12345678.123456789"]);
  });
});

describe("readLedger: values as written (found by an audit: the double was shown)", () => {
  it("shows a CSV quantity as written, not as the double read from it", async () => {
    const result = await bothWays(HEADER + receipt("9007199254740993") + receipt("1e-10"));
    expect(brief(result.issues)).toEqual([
      "2 quantity invalid_quantity 9007199254740993",
      '3 quantity invalid_type "1e-10"',
    ]);
  });

  it("shows an NDJSON number as written: 1e400, not Infinity", async () => {
    const ndjson =
      '{"sku":"A","date":"2025-01-02","type":"receipt","quantity":1e400,"unitCost":1e400}\n' +
      '{"sku":"A","date":"2025-01-02","type":"receipt","quantity":0.0000000001,"unitCost":1}\n';
    const result = await bothWays(ndjson, "ndjson");
    expect(brief(result.issues)).toEqual([
      "1 quantity invalid_quantity 1e400",
      "1 unitCost invalid_money 1e400",
      "2 quantity quantity_precision 0.0000000001",
    ]);
  });

  it("names the limit an amount breaks (found by an audit: 1e300 had 'too many decimals')", async () => {
    const result = await bothWays(HEADER + receipt("1", "1e300") + receipt("1", "0.0000000000001"));
    expect(result.issues.map((i) => i.message)).toEqual([
      "unitCost must be below 10^15 (it has 301 digits before the point)",
      "unitCost must have at most 12 decimal places (it has 13): round it (10 / 3 as 3.333333, a share of a total in whole cents)",
    ]);
  });
});

describe("readLedger: invisible characters in numbers (found by an audit: 1 + U+FEFF was 1)", () => {
  it("refuses a number or amount cell with an invisible character, naming it", async () => {
    const csv =
      HEADER +
      receipt("1", "1\uFEFF") +
      receipt("1\u200B") +
      receipt("2", "\u00A02.5") +
      receipt(" 3\t", " 2 ");
    const result = await bothWays(csv);
    expect(result.issues.map((i) => `${i.line} ${i.field} ${i.code}`)).toEqual([
      "2 unitCost invalid_money",
      "3 quantity invalid_type",
      "4 unitCost invalid_money",
    ]);
    expect(result.issues[0]?.message).toBe(
      "unitCost must be a decimal amount, but holds U+FEFF (zero width no-break space, a byte order mark), an invisible character (only spaces and tabs may surround an amount)",
    );
    expect(result.issues[1]?.message).toContain("U+200B (zero width space)");
    expect(result.issues[2]?.message).toContain("U+00A0 (no-break space)");
    expect(Array.from(result.columns.quantity)).toEqual([3]); // spaces and tabs are fine
  });
});

describe("readLedger: problems before bytes that are not UTF-8 (found by an audit: lost)", () => {
  const bytes = Buffer.concat([
    Buffer.from(`${HEADER}A,2025-01-02,issue,x,\nB,2025-01-02,issue,1,`),
    Buffer.from([0xff]),
    Buffer.from("\nC,2025-01-02,issue,y,\n"),
  ]);

  it("reports them with the io_error, in its issues and message, however the bytes are cut", async () => {
    for (const size of [1, 7, bytes.length]) {
      const pieces: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
      const error = await readLedger(Readable.from(pieces)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvKpiError);
      const { code, issues, message, details } = error as InvKpiError;
      expect(code).toBe("io_error");
      expect(details.line).toBe(3);
      expect(brief(issues)).toEqual(['2 quantity invalid_type "x"']);
      expect(message).toMatch(
        /on line 3 .*; before it, 1 problem in the rows read: line 2: quantity: quantity must be a number \(got "x"\)$/,
      );
    }
  });
});

describe("readLedger: JSON lines (found by an audit: lone CRs put every issue on line 1)", () => {
  it("counts a lone CR as a line break in JSON, as in CSV", async () => {
    const result = await bothWays('[\r{"sku":"A"},\r{"sku":"B"}]', "json");
    expect([...new Set(result.issues.map((i) => `${i.line} ${i.row}`))]).toEqual(["2 0", "3 1"]);
  });
});

describe("readLedger: NDJSON lines end as CSV records do", () => {
  it("counts LF, CRLF and a lone CR as line ends, however the text is cut", async () => {
    const rows = ['{"sku":"A"}', '{"sku":"B"}', '{"sku":"C"}', '{"sku":"D"}'];
    const text = `${rows[0]}\r${rows[1]}\r\n${rows[2]}\n\r${rows[3]}\r`;
    const expected = ["1 0", "2 1", "3 2", "5 3"];
    for (let cut = 0; cut <= text.length; cut++) {
      const result = await readLedger(textStream(text, [cut]), { format: "ndjson" });
      expect(result.rows).toBe(4);
      expect([...new Set(result.issues.map((i) => `${i.line} ${i.row}`))]).toEqual(expected);
    }
  });
});

describe("readLedger: the field limit is exact (found by an audit: 5 000 000 characters passed)", () => {
  it("refuses a field one character over 4 Mi, on the fast path as in text, cut or whole", async () => {
    for (const n of [MAX_FIELD_CHARS, MAX_FIELD_CHARS + 1]) {
      const csv = `${HEADER}${"A".repeat(n)},2025-01-02,receipt,1,1\nB,2025-01-02,receipt,1,1\n`;
      for (const stream of [byteStream(csv), byteStream(csv, [100, 70_000]), textStream(csv)]) {
        const result = await readLedger(stream);
        expect(brief(result.issues)).toEqual(
          n > MAX_FIELD_CHARS ? ["2  parse_error undefined"] : [],
        );
        expect(result.columns.length).toBe(n > MAX_FIELD_CHARS ? 0 : 2);
      }
    }
  });
});
