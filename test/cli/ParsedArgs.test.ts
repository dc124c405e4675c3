import { describe, expect, test } from "vitest";
import { ParsedArgs } from "../../src/cli/ParsedArgs.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

const spec = {
  from: { type: "string" },
  "lead-time": { type: "string" },
  "group-by": { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q" },
} as const;

const usageMessage = (args: readonly string[]): string => {
  try {
    ParsedArgs.parse(args, spec);
  } catch (error) {
    if (error instanceof InvKpiError && error.code === "usage") return error.message;
    throw error;
  }
  throw new Error("expected a usage error");
};

describe("ParsedArgs", () => {
  test("values, flags, positionals, -h", () => {
    const parsed = ParsedArgs.parse(
      ["a.csv", "--from", "2025-01-01", "-q", "--lead-time=-3"],
      spec,
    );
    expect(parsed.positionals).toEqual(["a.csv"]);
    expect(parsed.string("from")).toBe("2025-01-01");
    expect(parsed.string("lead-time")).toBe("-3");
    expect(parsed.flag("quiet")).toBe(true);
    expect(parsed.help).toBe(false);
    expect(ParsedArgs.parse(["-h"], spec).help).toBe(true);
    expect(ParsedArgs.parse(["-"], spec).positionals).toEqual(["-"]);
  });

  test("a list option: comma-separated, repeatable, items trimmed", () => {
    const parsed = ParsedArgs.parse(
      ["--group-by", "category, month", "--group-by", "location"],
      spec,
    );
    expect(parsed.list("group-by")).toEqual(["category", "month", "location"]);
    expect(ParsedArgs.parse([], spec).list("group-by")).toEqual([]);
  });

  test("a list item left empty is a usage error (found by an audit: 'category,,month' was read as 'category,month')", () => {
    for (const value of ["category,,month", "category,", ",month", "category, ,month"]) {
      let message = "";
      try {
        ParsedArgs.parse(["--group-by", value], spec).list("group-by");
      } catch (error) {
        if (error instanceof InvKpiError && error.code === "usage") message = error.message;
      }
      expect(message).toBe(
        `--group-by has an empty item in '${value}': write one value between each two commas`,
      );
    }
  });

  test("an option given twice is a usage error naming it (found by an audit: the last one won silently)", () => {
    expect(usageMessage(["--from", "2025-01-01", "--from", "2025-02-01"])).toBe(
      "--from is given twice ('2025-01-01', then '2025-02-01'): give it once",
    );
    expect(usageMessage(["--from=2025-01-01", "a.csv", "--from", "2025-01-01"])).toBe(
      "--from is given twice ('2025-01-01', then '2025-01-01'): give it once",
    );
    expect(usageMessage(["--lead-time", "1", "--lead-time", "2", "--lead-time", "3"])).toBe(
      "--lead-time is given 3 times ('1', '2', '3'): give it once",
    );
    // A repeatable option may be repeated; a flag given twice is the flag (nothing is dropped).
    expect(
      ParsedArgs.parse(["--group-by", "a", "--group-by", "b"], spec).strings("group-by"),
    ).toEqual(["a", "b"]);
    expect(ParsedArgs.parse(["-q", "--quiet"], spec).flag("quiet")).toBe(true);
  });

  test("mistakes are usage errors that name the option", () => {
    expect(usageMessage(["--lead-tim", "3"])).toBe(
      "unknown option '--lead-tim' (did you mean --lead-time?)",
    );
    expect(usageMessage(["--grup-by", "x"])).toBe(
      "unknown option '--grup-by' (did you mean --group-by?)",
    );
    expect(usageMessage(["--zzzzzz"])).toBe("unknown option '--zzzzzz'");
    expect(usageMessage(["-x"])).toBe("unknown option '-x'");
    expect(usageMessage(["--from"])).toMatch(/^option '--from' needs a value/);
    expect(usageMessage(["--lead-time", "-3"])).toMatch(
      /^option '--lead-time' needs a value \(write --lead-time=VALUE/,
    );
    expect(usageMessage(["--quiet=1"])).toBe("option '--quiet' takes no value");
  });
});
