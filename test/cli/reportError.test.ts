import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import type { CliIo } from "../../src/cli/CliIo.js";
import { reportError } from "../../src/cli/reportError.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

function io(env: Record<string, string> = {}): { io: CliIo; stderr: () => string } {
  const stderr = new PassThrough();
  let text = "";
  stderr.setEncoding("utf8").on("data", (chunk: string) => {
    text += chunk;
  });
  const streams: CliIo = {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr,
    stderrIsTTY: false,
    env,
  };
  return { io: streams, stderr: () => text };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("reportError", () => {
  test("a usage mistake: exit 2, one line pointing to the command's help", async () => {
    const { io: streams, stderr } = io();
    const code = reportError(
      new InvKpiError("usage", "unknown option '--frob'"),
      "analyze",
      streams,
    );
    await flush();
    expect(code).toBe(2);
    expect(stderr()).toBe("invkpi analyze: unknown option '--frob'; see 'invkpi analyze --help'\n");
  });

  test("a data or file error: exit 1, its message on one line", async () => {
    const { io: streams, stderr } = io();
    const error = new InvKpiError("io_error", "readLedger: cannot read x.csv:\nEACCES");
    expect(reportError(error, "validate", streams)).toBe(1);
    await flush();
    expect(stderr()).toBe("invkpi validate: cannot read x.csv: EACCES\n");
  });

  test.each([
    ["invkpi generate: cannot write g.csv: ENOENT", "generate"],
    ["invkpi: cannot write r.csv: ENOENT", "analyze"],
    ["writeCsv: cannot write r.csv: ENOENT", "analyze"],
  ])("a file error %j has one prefix, the command's", async (message, command) => {
    const { io: streams, stderr } = io();
    expect(reportError(new InvKpiError("io_error", message), command, streams)).toBe(1);
    await flush();
    expect(stderr()).toBe(`invkpi ${command}: ${message.replace(/^[^:]+: /, "")}\n`);
  });

  test("a usage error whose message names the command already has one prefix", async () => {
    const { io: streams, stderr } = io();
    reportError(new InvKpiError("usage", "invkpi analyze: bad"), "analyze", streams);
    await flush();
    expect(stderr()).toBe("invkpi analyze: bad; see 'invkpi analyze --help'\n");
  });

  test("control characters of a message are shown as escapes, never raw", async () => {
    const { io: streams, stderr } = io();
    const error = new InvKpiError("negative_stock", "analyzeLedger: stock of X\x1b]0;t\x07Y\tZ");
    expect(reportError(error, "analyze", streams)).toBe(1);
    await flush();
    expect(stderr()).toBe("invkpi analyze: stock of X\\x1b]0;t\\x07Y\\x09Z\n");
  });

  test("library function names are left out, wherever a nested message has them; addresses stay", async () => {
    const { io: streams, stderr } = io();
    const nested = new InvKpiError(
      "invalid_money",
      'analyzeLedger: SKU "BOLT": turnoverFigures: unitPrice must not be negative',
    );
    reportError(nested, "analyze", streams);
    const combine = new InvKpiError(
      "invalid_argument",
      "combinePartials: rows.ndjson:1: analysis.history: unitPrice: is missing",
    );
    reportError(combine, "combine", streams);
    await flush();
    expect(stderr()).toBe(
      [
        'invkpi analyze: SKU "BOLT": unitPrice must not be negative',
        // `unitPrice` names a field, not a function: it stays.
        "invkpi combine: rows.ndjson:1: analysis.history: unitPrice: is missing",
        "",
      ].join("\n"),
    );
  });

  test("an unexpected error: exit 1, one line asking to report it, the stack only on request", async () => {
    const quiet = io();
    expect(reportError(new TypeError("x is undefined"), "demo", quiet.io)).toBe(1);
    await flush();
    expect(quiet.stderr()).toMatch(
      /^invkpi demo: unexpected error: x is undefined\. This is a bug in invkpi: please report it .*\n$/,
    );
    expect(quiet.stderr().split("\n")).toHaveLength(2);
    const debug = io({ INVKPI_DEBUG: "1" });
    reportError(new TypeError("x is undefined"), "demo", debug.io);
    await flush();
    expect(debug.stderr()).toMatch(/\n\s+at /);
  });

  test("a closed stdout (EPIPE) is not an error", async () => {
    const { io: streams, stderr } = io();
    const error = new InvKpiError("io_error", "cannot write", { details: { cause: "EPIPE" } });
    expect(reportError(error, "generate", streams)).toBe(0);
    await flush();
    expect(stderr()).toBe("");
  });
});
