import { describe, expect, it } from "vitest";
import { CsvSplitter, MAX_FIELD_CHARS, recordFields } from "../../src/io/CsvSplitter.js";
import { cutText } from "./helpers.js";

interface Record_ {
  fields: string[];
  line: number;
  problem: string | null;
}

function split(text: string, cuts: readonly number[] = [], delimiter = ","): Record_[] {
  const records: Record_[] = [];
  const splitter = new CsvSplitter(delimiter, (text, bounds, count, line, problem) => {
    records.push({ fields: recordFields(text, bounds, count), line, problem });
  });
  for (const piece of cutText(text, cuts)) splitter.push(piece);
  splitter.end();
  return records;
}

/** The records of `text` split at every single position, which must all agree with no split. */
function splitEverywhere(text: string): Record_[] {
  const whole = split(text);
  for (let at = 0; at <= text.length; at++) expect(split(text, [at])).toEqual(whole);
  expect(
    split(
      text,
      [...text].map((_, i) => i),
    ),
  ).toEqual(whole); // one character per chunk
  return whole;
}

describe("CsvSplitter", () => {
  // RFC 4180, section 2 ("Definition of the CSV Format"), rules 1 to 7, each with its example.
  it("rule 1 and 2: records end with CRLF; the last record may lack one", () => {
    expect(splitEverywhere("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n")).toEqual([
      { fields: ["aaa", "bbb", "ccc"], line: 1, problem: null },
      { fields: ["zzz", "yyy", "xxx"], line: 2, problem: null },
    ]);
    expect(splitEverywhere("aaa,bbb,ccc\r\nzzz,yyy,xxx").map((r) => r.fields)).toEqual([
      ["aaa", "bbb", "ccc"],
      ["zzz", "yyy", "xxx"],
    ]);
  });

  it("rule 3: a header line has the same format", () => {
    expect(splitEverywhere("field_name,field_name,field_name\r\naaa,bbb,ccc\r\n")).toHaveLength(2);
  });

  it("rule 4: spaces are part of a field; the last field has no comma after it", () => {
    expect(splitEverywhere(" aaa , bbb ,ccc \n")[0]?.fields).toEqual([" aaa ", " bbb ", "ccc "]);
  });

  it("rule 5: fields may be quoted", () => {
    expect(splitEverywhere('"aaa","bbb","ccc"\r\nzzz,yyy,xxx')[0]?.fields).toEqual([
      "aaa",
      "bbb",
      "ccc",
    ]);
  });

  it("rule 6: quoted fields hold line breaks, quotes and commas; lines are counted", () => {
    const records = splitEverywhere('"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx\r\n"x\ny\rz",2\n');
    expect(records).toEqual([
      { fields: ["aaa", "b\r\nbb", "ccc"], line: 1, problem: null },
      { fields: ["zzz", "yyy", "xxx"], line: 3, problem: null },
      { fields: ["x\ny\rz", "2"], line: 4, problem: null },
    ]);
  });

  it("rule 7: a quote inside a quoted field is written twice", () => {
    expect(splitEverywhere('"aaa","b""bb","ccc"')[0]?.fields).toEqual(["aaa", 'b"bb', "ccc"]);
    expect(splitEverywhere('"""",""""""')[0]?.fields).toEqual(['"', '""']);
  });

  it("accepts LF and lone CR line ends, and skips blank lines while counting them", () => {
    expect(splitEverywhere("a,b\n\nc,d\r\re,f\r\n\r\n")).toEqual([
      { fields: ["a", "b"], line: 1, problem: null },
      { fields: ["c", "d"], line: 3, problem: null },
      { fields: ["e", "f"], line: 5, problem: null },
    ]);
  });

  it("keeps empty fields, including a trailing one and a quoted empty record", () => {
    expect(splitEverywhere('a,,\n,\n""\n,"",x').map((r) => r.fields)).toEqual([
      ["a", "", ""],
      ["", ""],
      [""],
      ["", "", "x"],
    ]);
  });

  it("splits on ';' and tab delimiters", () => {
    expect(split("a;b,c;d\n", [], ";")[0]?.fields).toEqual(["a", "b,c", "d"]);
    expect(split('a\t"b\tc"\td\n', [], "\t")[0]?.fields).toEqual(["a", "b\tc", "d"]);
  });

  it("reports an unclosed quote at the end of the input on the record's first line", () => {
    const records = splitEverywhere('a,b\n"x,y\nz\n');
    expect(records).toHaveLength(2);
    expect(records[1]?.line).toBe(2);
    expect(records[1]?.problem).toMatch(/unclosed quote/);
  });

  it("reports text after a closing quote and goes on with the next record", () => {
    const records = splitEverywhere('"ab"c,d\ne,f\n');
    expect(records[0]).toEqual({
      fields: ["abc", "d"],
      line: 1,
      problem: "field 1 has text after its closing quote",
    });
    expect(records[1]).toEqual({ fields: ["e", "f"], line: 2, problem: null });
  });

  it("keeps a quote inside an unquoted field as text", () => {
    expect(split('ab"c,d\n')[0]).toEqual({ fields: ['ab"c', "d"], line: 1, problem: null });
  });

  it("gives up on a field longer than its limit instead of holding the whole input", () => {
    const records: Record_[] = [];
    const splitter = new CsvSplitter(",", (text, bounds, count, line, problem) => {
      records.push({ fields: recordFields(text, bounds, count), line, problem });
    });
    splitter.push('h\n"open');
    const piece = "x".repeat(1 << 20);
    for (let read = 0; read <= MAX_FIELD_CHARS; read += piece.length) splitter.push(piece);
    splitter.push('"\nnever,seen\n');
    splitter.end();
    expect(records).toHaveLength(2);
    expect(records[1]?.line).toBe(2);
    expect(records[1]?.problem).toMatch(/longer than/);
  });
});

describe("CsvSplitter: the field limit (found by an audit: it depended on where chunks ended)", () => {
  /** The records of `text` pushed in pieces of `size` characters: `line:problem` each. */
  function split(text: string, size: number): string[] {
    const out: string[] = [];
    const splitter = new CsvSplitter(",", (_text, _bounds, _count, line, problem) => {
      out.push(`${line}:${problem === null ? "ok" : "too long"}`);
    });
    for (let at = 0; at < text.length; at += size) splitter.push(text.slice(at, at + size));
    splitter.end();
    return out;
  }

  it.each([
    ["unquoted", (n: number) => `a,${"x".repeat(n)},b\nc,d,e\n`],
    ["quoted", (n: number) => `a,"${"x".repeat(n - 1)}""",b\nc,d,e\n`],
  ])("is exact for %s fields, in 1-character pieces as in one piece", (_kind, text) => {
    for (const n of [MAX_FIELD_CHARS, MAX_FIELD_CHARS + 1]) {
      const whole = split(text(n), Number.MAX_SAFE_INTEGER);
      expect(whole).toEqual(n > MAX_FIELD_CHARS ? ["1:too long"] : ["1:ok", "2:ok"]);
      expect(split(text(n), 1)).toEqual(whole);
      expect(split(text(n), 65_536)).toEqual(whole);
    }
  });
});

describe('CsvSplitter: spaces before a quote (found by an audit: ` "A"` became a SKU with quotes)', () => {
  it("reports a field that opens its quote after spaces, as it does text after the closing quote", () => {
    expect(split('a, "b",c\n')[0]?.problem).toBe(
      "field 2 has spaces before its opening quote: remove them (a quoted field starts with its quote)",
    );
    expect(split('a,"b" ,c\n')[0]?.problem).toMatch(/text after its closing quote/);
    expect(split('a,12" pipe,c\n')[0]?.problem).toBeNull(); // a quote inside text stays text
  });
});
