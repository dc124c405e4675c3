import { describe, expect, it } from "vitest";
import { abcClassify } from "../../src/classify/abcClassify.js";
import { abcXyzMatrix } from "../../src/classify/abcXyzMatrix.js";
import { xyzClassify } from "../../src/classify/xyzClassify.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof InvKpiError ? e.code : "not an InvKpiError";
  }
  return undefined;
}

describe("abcXyzMatrix: worked example", () => {
  // Six SKUs, values 50, 20, 12, 10, 5, 3 (total 100):
  //   ABC (0.8, 0.95): cumulative before 0, .50, .70 → A; .82, .92 → B; .97 → C.
  //   XYZ: CV 0.2 X, 0.9 Y, 0.3 X, 2 Z, none, 0.4 X.
  // Cells (count, value): A×X = {p50, p12} 2, 62; A×Y = {p20} 1, 20; B×Z = {p10} 1, 10;
  //   B×none = {p5} 1, 5; C×X = {p3} 1, 3. Rows: A 3 / 82, B 2 / 15, C 1 / 3.
  //   Columns: X 3 / 65, Y 1 / 20, Z 1 / 10, none 1 / 5. Shares are of the total 100.
  const abc = abcClassify([
    { id: "p50", value: 50 },
    { id: "p20", value: 20 },
    { id: "p12", value: 12 },
    { id: "p10", value: 10 },
    { id: "p5", value: 5 },
    { id: "p3", value: 3 },
  ]);
  const xyz = xyzClassify([
    { id: "p50", mean: 10, stdDev: 2 },
    { id: "p20", mean: 10, stdDev: 9 },
    { id: "p12", mean: 10, stdDev: 3 },
    { id: "p10", mean: 1, stdDev: 2 },
    { id: "p5", mean: 0, stdDev: 0 },
    { id: "p3", mean: 5, stdDev: 2 },
  ]);
  const matrix = abcXyzMatrix(abc, xyz);

  it("has every cell, 'none' column included, with count, value and share", () => {
    expect(matrix.abcClasses).toEqual(["A", "B", "C"]);
    expect(matrix.xyzClasses).toEqual(["X", "Y", "Z", "none"]);
    const grid = matrix.rows.map((row) =>
      row.cells.map((cell) => `${cell.count}/${cell.value.toFixed()}/${cell.valueShare}`),
    );
    expect(grid).toEqual([
      ["2/62/0.62", "1/20/0.2", "0/0/0", "0/0/0"],
      ["0/0/0", "0/0/0", "1/10/0.1", "1/5/0.05"],
      ["1/3/0.03", "0/0/0", "0/0/0", "0/0/0"],
    ]);
    expect(matrix.rows[1]!.cells[3]).toMatchObject({ abc: "B", xyz: "none" });
  });

  it("has row, column and grand totals", () => {
    expect(matrix.rows.map((r) => [r.abc, r.total.count, r.total.value.toFixed()])).toEqual([
      ["A", 3, "82"],
      ["B", 2, "15"],
      ["C", 1, "3"],
    ]);
    expect(
      matrix.columnTotals.map((c) => [c.xyz, c.count, c.value.toFixed(), c.valueShare]),
    ).toEqual([
      ["X", 3, "65", 0.65],
      ["Y", 1, "20", 0.2],
      ["Z", 1, "10", 0.1],
      ["none", 1, "5", 0.05],
    ]);
    expect(matrix.total).toMatchObject({ count: 6, valueShare: 1 });
    expect(matrix.total.value.toFixed()).toBe("100");
    expect(matrix.unmatched).toEqual({ abcOnly: [], xyzOnly: [] });
  });
});

describe("abcXyzMatrix: joins and edge cases", () => {
  it("reports ids found in only one input instead of dropping them silently", () => {
    const matrix = abcXyzMatrix(
      [
        { id: "a", value: new Decimal(60), class: "A" },
        { id: "b", value: new Decimal(40), class: "B" },
      ],
      [
        { id: "a", class: "X" },
        { id: "new", class: "Y" },
      ],
    );
    expect(matrix.unmatched).toEqual({ abcOnly: ["b"], xyzOnly: ["new"] });
    // Only "a" is in the cells; the share is of the matched total 60.
    expect(matrix.total.count).toBe(1);
    expect(matrix.rows[0]!.cells[0]).toMatchObject({ count: 1, valueShare: 1 });
  });

  it("share is null with a reason when the total value is 0", () => {
    const matrix = abcXyzMatrix(
      [{ id: "a", value: new Decimal(0), class: "C" }],
      [{ id: "a", class: "none" }],
    );
    expect(matrix.total).toMatchObject({ count: 1, valueShare: null, reason: "zero_total_value" });
    expect(matrix.rows[2]!.cells[3]!.valueShare).toBeNull();
  });

  it("uses custom class lists, and accepts plain money values", () => {
    const matrix = abcXyzMatrix(
      [
        { id: "a", value: "10.25", class: "top" },
        { id: "b", value: 0.1, class: "rest" },
      ],
      [
        { id: "a", class: "steady" },
        { id: "b", class: "erratic" },
      ],
      { abcClasses: ["top", "rest"], xyzClasses: ["steady", "erratic"] },
    );
    expect(matrix.xyzClasses).toEqual(["steady", "erratic", "none"]);
    expect(matrix.total.value.toFixed()).toBe("10.35");
    expect(matrix.rows[1]!.cells[1]!.value.toFixed()).toBe("0.1");
  });

  it("an empty matrix has every cell at zero", () => {
    const matrix = abcXyzMatrix([], []);
    expect(matrix.rows.flatMap((r) => r.cells)).toHaveLength(12);
    expect(matrix.total).toMatchObject({ count: 0, valueShare: null });
  });

  it("rejects repeated ids, classes it was not told about, and bad values", () => {
    const abc = [{ id: "a", value: 1, class: "A" }];
    const xyz = [{ id: "a", class: "X" }];
    expect(codeOf(() => abcXyzMatrix([...abc, ...abc], xyz))).toBe("invalid_argument");
    expect(codeOf(() => abcXyzMatrix(abc, [...xyz, ...xyz]))).toBe("invalid_argument");
    expect(codeOf(() => abcXyzMatrix([{ id: "a", value: 1, class: "D" }], xyz))).toBe(
      "invalid_option",
    );
    expect(codeOf(() => abcXyzMatrix(abc, [{ id: "a", class: "W" }]))).toBe("invalid_option");
    expect(codeOf(() => abcXyzMatrix([{ id: "a", value: "x", class: "A" }], xyz))).toBe(
      "invalid_argument",
    );
    expect(codeOf(() => abcXyzMatrix(abc, xyz, { xyzClasses: ["X", "none"] }))).toBe(
      "invalid_option",
    );
    expect(codeOf(() => abcXyzMatrix(abc, xyz, { abcClasses: [] }))).toBe("invalid_option");
    expect(codeOf(() => abcXyzMatrix({} as never, xyz))).toBe("invalid_argument");
  });
});
