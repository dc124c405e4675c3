import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { StatusReporter } from "../../src/cli/StatusReporter.js";

/** A stream that keeps what is written, and a clock the test moves. */
function setup(options: { progress: boolean; quiet: boolean }) {
  let written = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  let now = 0;
  const status = new StatusReporter(stream, { ...options, now: () => now });
  return {
    status,
    written: () => written,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("StatusReporter", () => {
  test("no progress line in the first second; then one, redrawn in place, at most every 100 ms", () => {
    const { status, written, advance } = setup({ progress: true, quiet: false });
    status.progress("10 %");
    expect(written()).toBe("");
    advance(1000);
    status.progress("50 %");
    advance(50);
    status.progress("55 %"); // too soon: skipped
    advance(50);
    status.progress("60 %");
    expect(written()).toBe("\r\x1b[K50 %\r\x1b[K60 %");
    status.done();
    expect(written().endsWith("\r\x1b[K")).toBe(true);
  });

  test("a note clears the progress line first", () => {
    const { status, written, advance } = setup({ progress: true, quiet: false });
    advance(2000);
    status.progress("reading");
    status.note("wrote x");
    expect(written()).toBe("\r\x1b[Kreading\r\x1b[Kwrote x\n");
  });

  test("a note shows control characters as escapes, never raw", () => {
    // A warning naming a SKU that holds an ESC sequence (clear the screen) and a C1 CSI.
    const { status, written } = setup({ progress: false, quiet: false });
    status.note("warning: transfers of X\x1b[2J\u009bY do not net to zero");
    expect(written()).toBe("warning: transfers of X\\x1b[2J\\x9bY do not net to zero\n");
  });

  test("no progress when stderr is not a terminal; nothing at all under --quiet", () => {
    const notTty = setup({ progress: false, quiet: false });
    notTty.advance(5000);
    notTty.status.progress("50 %");
    notTty.status.note("a note");
    expect(notTty.written()).toBe("a note\n");
    const quiet = setup({ progress: true, quiet: true });
    quiet.advance(5000);
    quiet.status.progress("50 %");
    quiet.status.note("a note");
    quiet.status.done();
    expect(quiet.written()).toBe("");
  });
});
