import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../src/io/toCsv.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvKpiError) return e.code;
    throw e;
  }
  return "no error";
}

describe("toCsv formula-injection escaping", () => {
  // OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection): cells that start with
  // =, +, -, @, tab (0x09) or carriage return (0x0D) can run as formulas; prefix them with a quote.
  it("prefixes text cells that a spreadsheet would run as a formula", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2 (text)")).toBe("'-2 (text)");
    expect(csvField("@x")).toBe("'@x");
    expect(csvField("\tx")).toBe("'\tx"); // no longer starts with a tab: not quoted
    expect(csvField("\rx")).toBe('"\'\rx"'); // still holds a CR: quoted
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it("never escapes numbers, negative ones and Decimals included", () => {
    expect(csvField(-2)).toBe("-2");
    expect(csvField(new Decimal("-2.50"))).toBe("-2.5");
    expect(csvField(+1)).toBe("1");
    expect(
      toCsv([
        {
          a: "=SUM(A1)",
          b: "+1",
          c: "-2 (text)",
          d: "@x",
          e: "\tx",
          f: -2,
          g: new Decimal("-2.50"),
        },
      ]),
    ).toBe("a,b,c,d,e,f,g\n'=SUM(A1),'+1,'-2 (text),'@x,'\tx,-2,-2.5\n");
  });

  it("leaves ordinary text alone and can be turned off", () => {
    expect(csvField("A-1")).toBe("A-1"); // a '-' that is not first
    expect(csvField("=x", ",", false)).toBe("=x");
    expect(toCsv([{ a: "=x" }], { escapeFormulas: false })).toBe("a\n=x\n");
  });
});

describe("toCsv quoting and values (RFC 4180, section 2)", () => {
  it("quotes fields with delimiters, quotes, line breaks or edge spaces; doubles quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
    expect(csvField(" lead")).toBe('" lead"');
    expect(csvField("trail ")).toBe('"trail "');
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField("a;b", ",")).toBe("a;b");
    expect(csvField("螺丝 M8")).toBe("螺丝 M8");
  });

  it("writes numbers in plain notation, Decimals with every digit, booleans, empty cells", () => {
    expect(csvField(1e21)).toBe("1000000000000000000000");
    expect(csvField(1e-7)).toBe("0.0000001");
    expect(csvField(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvField(new Decimal("1e25"))).toBe("10000000000000000000000000");
    expect(csvField(new Decimal("0.000000000123"))).toBe("0.000000000123");
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("takes the columns in order of first appearance, or as given", () => {
    const rows = [{ a: 1 }, { b: 2, a: 3 }];
    expect(toCsv(rows)).toBe("a,b\n1,\n3,2\n");
    expect(toCsv(rows, { columns: ["b", "missing"] })).toBe("b,missing\n,\n2,\n");
    // A non-array iterable is read once: its first record gives the columns.
    function* generated() {
      yield { x: 1 };
      yield { x: 2, y: 3 };
    }
    expect(toCsv(generated())).toBe("x\n1\n2\n");
  });

  it("supports ';' and tab delimiters, CRLF, no header and a BOM", () => {
    const rows = [{ a: "x;y", b: 1.5 }];
    expect(toCsv(rows, { delimiter: ";", lineEnding: "\r\n" })).toBe('a;b\r\n"x;y";1.5\r\n');
    expect(toCsv(rows, { delimiter: "\t", header: false })).toBe("x;y\t1.5\n");
    expect(toCsv(rows, { bom: true }).startsWith("\uFEFFa,b\n")).toBe(true);
  });

  it("writes nothing but the header for no rows, and nothing at all without columns", () => {
    expect(toCsv([], { columns: ["a", "b"] })).toBe("a,b\n");
    expect(toCsv([])).toBe("\n");
  });

  it("rejects values that are not cells, rows that are not records, and bad options", () => {
    expect(codeOf(() => toCsv([{ a: new Date(0) as never }]))).toBe("invalid_argument");
    expect(codeOf(() => toCsv([{ a: { b: 1 } as never }]))).toBe("invalid_argument");
    expect(codeOf(() => toCsv([5 as never]))).toBe("invalid_argument");
    expect(codeOf(() => toCsv(null as never))).toBe("invalid_argument");
    expect(codeOf(() => toCsv([], { delimiter: "|" as "," }))).toBe("invalid_option");
    expect(codeOf(() => toCsv([], { lineEnding: "\r" as "\n" }))).toBe("invalid_option");
    // The allowed line endings are shown escaped, not as line breaks (an API audit).
    expect(() => toCsv([], { lineEnding: "\r" as "\n" })).toThrow(
      'toCsv: lineEnding must be one of "\\n", "\\r\\n", got "\\r"',
    );
    expect(codeOf(() => toCsv([], { columns: "a" as never }))).toBe("invalid_option");
  });

  it("ignores inherited properties: only a record's own keys are cells", () => {
    const record = Object.create({ inherited: "x" }) as Record<string, string>;
    record.own = "y";
    expect(toCsv([record], { columns: ["own", "inherited", "toString"] })).toBe(
      "own,inherited,toString\ny,,\n",
    );
  });
});
