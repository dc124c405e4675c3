import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { analysisProgress } from "../../src/cli/analysisProgress.js";
import { StatusReporter } from "../../src/cli/StatusReporter.js";

describe("analysisProgress", () => {
  test("draws the line during the analysis once a second has passed, though reading took less", () => {
    let written = "";
    const stream = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    let now = 0;
    const status = new StatusReporter(stream, { progress: true, quiet: false, now: () => now });
    now = 700; // the read ends within the first second: its line is not drawn
    status.progress("reading ledger.csv: 100 %");
    const progress = analysisProgress(status, "1,000,000 movements", "SKU-location");
    now = 900;
    progress(1024); // still within the first second
    expect(written).toBe("");
    now = 1200;
    progress(2048);
    expect(written).toBe("\r\x1b[Kanalyzing 1,000,000 movements: 2,048 SKU-locations analysed…");
  });
});
