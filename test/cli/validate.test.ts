import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { FIXTURES, IO_FIXTURES } from "./cliPaths.js";
import { lines, runInvkpi, scratchDir } from "./runInvkpi.js";

// `invkpi validate` (and `analyze`, which refuses the same files) end to end on malformed input.

let big = "";

beforeAll(async () => {
  // 10 000 lines: the header and 9 999 valid rows, except a date that does not exist on line 5 000.
  const rows = ["sku,date,type,quantity,unitCost"];
  for (let line = 2; line <= 10_000; line++) {
    const date =
      line === 5_000 ? "2025-02-30" : `2025-01-${String((line % 28) + 1).padStart(2, "0")}`;
    rows.push(`SKU-${line % 50},${date},receipt,${(line % 7) + 1},1.25`);
  }
  big = join(await scratchDir(), "big.csv");
  await writeFile(big, `${rows.join("\n")}\n`);
});

describe("invkpi validate", () => {
  test("--delimiter and --encoding read a semicolon file and a GBK file (found by an audit: no way to)", async () => {
    const dir = await scratchDir();
    const semicolons = join(dir, "semicolons.csv");
    await writeFile(semicolons, "sku;date;type;quantity;unitCost\nA;2025-01-02;receipt;3;1,5\n");
    expect((await runInvkpi(["validate", semicolons])).code).toBe(1); // one column named "sku;date;..."
    const read = await runInvkpi(["validate", semicolons, "--delimiter", ";"]);
    expect([read.code, lines(read.stdout)]).toEqual([
      1, // "1,5" is not a plain decimal: the delimiter is read, the cell then checked
      expect.arrayContaining([
        expect.stringMatching(/semicolons\.csv:2: unitCost: .*\[invalid_money\]$/),
      ]),
    ]);
    const gbk = join(dir, "gbk.csv");
    // 白 (white) in GBK is the bytes B0 D7.
    await writeFile(
      gbk,
      Buffer.concat([
        Buffer.from("sku,date,type,quantity,unitCost\n"),
        Buffer.from([0xb0, 0xd7]),
        Buffer.from(",2025-01-02,receipt,3,1\n"),
      ]),
    );
    expect((await runInvkpi(["validate", gbk])).code).toBe(1); // not valid UTF-8
    const analyzed = await runInvkpi([
      "analyze",
      gbk,
      "--encoding",
      "gbk",
      "--format",
      "csv",
      "-q",
    ]);
    expect(lines(analyzed.stdout)[1]).toMatch(/^白,/);
    for (const bad of [
      ["--delimiter", "|"],
      ["--encoding", "klingon"],
    ]) {
      const run = await runInvkpi(["validate", gbk, ...bad]);
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(`${bad[0]} must be`)]);
    }
  });

  test("names the columns that no field reads (found by an audit: their data went unused silently)", async () => {
    const file = join(await scratchDir(), "ignored.csv");
    await writeFile(
      file,
      "sku,date,type,quantity,unitCost,unitPrices,Notes\nA,2025-01-02,receipt,3,1,,x\nA,2025-01-03,issue,1,,5,\n",
    );
    const run = await runInvkpi(["validate", file]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(/ignored\.csv: 2 rows, no problems$/),
    ]);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(
        /ignored\.csv: ignored the columns 'unitPrices' \(unitPrice\?\), 'Notes': no ledger field has that name \(the ledger's fields: sku, date, type, quantity, unitCost, unitPrice, location, lot, expiresOn, id\)$/,
      ),
    ]);
    // --quiet keeps stderr empty, as it promises.
    expect((await runInvkpi(["analyze", file, "-q", "--out", "/dev/null"])).stderr).toBe("");
  });

  test("the note escapes a tab as the problem lines do, names the fields, and is left out when a column is missing (found by an audit)", async () => {
    const dir = await scratchDir();
    const tab = join(dir, "tab.csv");
    await writeFile(tab, "sku,date,type,quantity,unitCost,a\tb\nA,2025-01-02,receipt,1,1,x\n");
    const master = join(dir, "master.csv");
    await writeFile(master, "sku,lead\nA,1\n");
    const run = await runInvkpi(["validate", tab, "--skus", master]);
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual([
      `${master}: ignored the column 'lead' (leadTimeDays?): no SKU master data field has that name (the SKU master's fields: sku, description, category, standardCost, unitPrice, leadTimeDays, leadTimeStdDevDays, reviewPeriodDays, serviceLevel, minOrderQuantity, packSize, onOrder, backordered, reserved, orderCost, holdingRate)`,
      `${tab}: ignored the column 'a\\tb': no ledger field has that name (the ledger's fields: sku, date, type, quantity, unitCost, unitPrice, location, lot, expiresOn, id)`,
    ]);
    // A missing column's error shows the whole header already: no note repeats it.
    const missing = join(dir, "missing.csv");
    await writeFile(missing, "item,category\nA,x\n");
    const refused = await runInvkpi(["validate", missing]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('the header has 2 columns: "item", "category"');
    expect(refused.stderr).toBe("");
  });

  test("names the keys of a JSON-lines ledger that no field reads, as keys", async () => {
    const file = join(await scratchDir(), "ignored.ndjson");
    await writeFile(
      file,
      '{"sku":"A","date":"2025-01-02","type":"receipt","quantity":3,"unitCost":1}\n' +
        '{"sku":"A","date":"2025-01-03","type":"issue","quantity":1,"sale_price":"5.00"}\n',
    );
    const run = await runInvkpi(["validate", file]);
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(
        /ignored\.ndjson: ignored the key 'sale_price': no ledger field has that name \(the ledger's fields: sku, /,
      ),
    ]);
  });

  test("names the first 20 ignored keys and counts the rest, on one short line (found by a review: per-row keys made a huge note)", async () => {
    const dir = await scratchDir();
    const row = (k: number) =>
      `{"sku":"A","date":"2025-01-02","type":"receipt","quantity":1,"unitCost":1,"meta_${k}":1}`;
    const names = Array.from({ length: 20 }, (_, k) => `'meta_${k}'`).join(", ");
    const some = join(dir, "keys.ndjson");
    await writeFile(some, `${Array.from({ length: 1500 }, (_, k) => row(k)).join("\n")}\n`);
    const run = await runInvkpi(["validate", some]);
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual([
      `${some}: ignored the keys ${names} and 1,480 more: no ledger field has that name (the ledger's fields: sku, date, type, quantity, unitCost, unitPrice, location, lot, expiresOn, id)`,
    ]);
    // Past the keys the reader tells apart, the count is a floor.
    const many = join(dir, "many-keys.ndjson");
    await writeFile(many, `${Array.from({ length: 12_000 }, (_, k) => row(k)).join("\n")}\n`);
    expect(lines((await runInvkpi(["validate", many])).stderr)).toEqual([
      expect.stringContaining(`ignored the keys ${names} and at least 9,980 more: no ledger`),
    ]);
  });

  test("a valid ledger: one line, exit 0", async () => {
    const run = await runInvkpi(["validate", join(FIXTURES, "ledger.csv")]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([expect.stringMatching(/ledger\.csv: 5 rows, no problems$/)]);
    expect(run.stderr).toBe("");
  });

  test("a bad date on line 5 000 of 10 000: that line, field and reason, exit 1", async () => {
    const run = await runInvkpi(["validate", big]);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      `${big}:5000: date: date must be a real calendar day as 'YYYY-MM-DD' or a valid Date; got "2025-02-30" [invalid_date]`,
      `${big}: 1 problem in 1 of 9,999 rows`,
    ]);
  });

  test("an unclosed quote: a parse error on the line where the record starts", async () => {
    const file = join(IO_FIXTURES, "unclosed-quote.csv");
    const run = await runInvkpi(["validate", file]);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      `${file}:4: a quoted field is never closed: the file ends inside quotes (unclosed quote) [parse_error]`,
      `${file}: 1 problem in 1 of 3 rows`,
    ]);
  });

  test("a wrong number of columns: every such record, reading goes on", async () => {
    const file = join(IO_FIXTURES, "wrong-columns.csv");
    const run = await runInvkpi(["validate", file]);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      `${file}:3: the record has 4 fields but the header has 5 [parse_error]`,
      `${file}:4: the record has 6 fields but the header has 5 [parse_error]`,
      `${file}: 2 problems in 2 of 4 rows`,
    ]);
  });

  test("an empty file: one problem of the file as a whole", async () => {
    const file = join(IO_FIXTURES, "empty.csv");
    const run = await runInvkpi(["validate", file]);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      `${file}:1: the file is empty: a CSV file needs a header row [parse_error]`,
      `${file}: 1 problem in the file`,
    ]);
  });

  test("every problem of every row, from stdin", async () => {
    const input =
      "sku,date,type,quantity,unitCost\n" +
      "A,2025-13-01,receipt,x,1\n" +
      "B,2025-01-01,issue,-3,\n" +
      ",2025-01-01,sell,1,\n";
    const run = await runInvkpi(["validate", "-"], { input });
    expect(run.code).toBe(1);
    expect(
      lines(run.stdout).map((l) => /^stdin:(\d+): (\w*):? ?.*\[(\w+)\]$/.exec(l)?.slice(1)),
    ).toEqual([
      ["2", "date", "invalid_date"],
      ["2", "quantity", "invalid_type"],
      ["3", "quantity", "wrong_sign"],
      ["4", "sku", "empty_sku"],
      ["4", "type", "unknown_movement_type"],
      undefined, // the count line
    ]);
    expect(lines(run.stdout).at(-1)).toBe("stdin: 5 problems in 3 of 3 rows");
  });
});

describe("invkpi analyze refuses invalid data", () => {
  test("the bad date on line 5 000: listed on stderr, nothing on stdout, exit 1", async () => {
    const run = await runInvkpi(["analyze", big, "--format", "csv"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/big\.csv:5000: date: .*\[invalid_date\]$/),
      `${big}: 1 problem in 1 of 9,999 rows; nothing was analyzed`,
    ]);
  });

  test("an empty file", async () => {
    const run = await runInvkpi(["analyze", join(IO_FIXTURES, "empty.csv")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/empty\.csv:1: the file is empty: a CSV file needs a header row/);
  });

  test("more problems than shown: the first 20 and a count of the rest", async () => {
    const rows = ["sku,date,type,quantity,unitCost"];
    for (let i = 0; i < 25; i++) rows.push(`A,2025-01-01,receipt,1,`); // no unitCost: missing_cost
    const run = await runInvkpi(["analyze", "-"], { input: `${rows.join("\n")}\n` });
    expect(run.code).toBe(1);
    const errors = lines(run.stderr);
    expect(errors).toHaveLength(22);
    expect(errors[20]).toBe("… and 5 more problems (invkpi validate lists them all)");
    expect(errors[21]).toBe("stdin: 25 problems in 25 of 25 rows; nothing was analyzed");
  });
});
