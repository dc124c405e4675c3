import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { noteWarnings } from "../../src/cli/reportNotes.js";
import { StatusReporter } from "../../src/cli/StatusReporter.js";
import type { ReplayWarning } from "../../src/ledger/ReplayWarning.js";

/** The notes written for `count` warnings, one line each. */
function notesOf(count: number, whereOf?: (warning: ReplayWarning) => string): string[] {
  let written = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  const status = new StatusReporter(stream, { progress: false, quiet: false });
  const warnings: ReplayWarning[] = Array.from({ length: count }, (_, i) => ({
    code: "negative_stock",
    message: `stock of S${i} below zero`,
    row: i,
  }));
  noteWarnings(warnings, status, whereOf);
  return written.split("\n").filter(Boolean);
}

describe("noteWarnings", () => {
  it("notes nothing for no warnings", () => {
    expect(notesOf(0)).toEqual([]);
  });

  it("notes all of ten warnings, with their code, and no count of more", () => {
    const notes = notesOf(10);
    expect(notes).toHaveLength(10);
    expect(notes[0]).toBe("warning: stock of S0 below zero [negative_stock]");
    expect(notes.some((n) => n.includes("more"))).toBe(false);
  });

  it("notes the first ten of eleven, then a count of the rest", () => {
    const notes = notesOf(11);
    expect(notes).toHaveLength(11);
    expect(notes[9]).toBe("warning: stock of S9 below zero [negative_stock]");
    expect(notes[10]).toBe("warning: … and 1 more (--format json lists them all)");
  });

  it("puts the place first when one is given", () => {
    expect(notesOf(1, (w) => `ledger.csv:${(w.row ?? 0) + 2}`)).toEqual([
      "warning: ledger.csv:2: stock of S0 below zero [negative_stock]",
    ]);
  });
});
