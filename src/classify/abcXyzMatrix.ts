import { Decimal } from "../model/Decimal.js";
import { ExactSum } from "../model/ExactSum.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import type { MoneyInput } from "../model/money.js";
import { isDecimal, tryToDecimal } from "../model/money.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { resolveLabels } from "./resolveLabels.js";
import { XYZ_NONE } from "./xyzClassify.js";

/** What the matrix reads from an ABC row (an `AbcRow` fits). */
export interface AbcXyzMatrixAbcRow {
  readonly id: string;
  readonly value: MoneyInput;
  readonly class: string;
}

/** What the matrix reads from an XYZ row (an `XyzRow` fits). */
export interface AbcXyzMatrixXyzRow {
  readonly id: string;
  readonly class: string;
}

/** Options of {@link abcXyzMatrix}. */
export interface AbcXyzMatrixOptions {
  /** The ABC classes, one matrix row each, in order. Default `['A', 'B', 'C']`. */
  readonly abcClasses?: readonly string[];
  /**
   * The XYZ classes, one column each, in order; a last column `'none'` (no demand) is always added.
   * Default `['X', 'Y', 'Z']`.
   */
  readonly xyzClasses?: readonly string[];
}

/** Count and value of a set of SKUs. */
export interface AbcXyzFigures {
  /** Number of SKUs. */
  readonly count: number;
  /** Sum of their ABC values, exact. */
  readonly value: Decimal;
  /** value / value of the whole matrix, or `null` when that is 0. */
  readonly valueShare: number | null;
  /** Why `valueShare` is `null`; absent otherwise. */
  readonly reason?: "zero_total_value";
}

/** One cell: the SKUs in one ABC class and one XYZ class. */
export interface AbcXyzCell extends AbcXyzFigures {
  readonly abc: string;
  readonly xyz: string;
}

/** One row of the matrix: one ABC class, its cells in column order and its total. */
export interface AbcXyzMatrixRow {
  readonly abc: string;
  readonly cells: readonly AbcXyzCell[];
  readonly total: AbcXyzFigures;
}

/** The total of one column (one XYZ class). */
export interface AbcXyzColumnTotal extends AbcXyzFigures {
  readonly xyz: string;
}

/** The ABC-XYZ matrix, ready to print. */
export interface AbcXyzMatrix {
  /** Row labels, in order. */
  readonly abcClasses: readonly string[];
  /** Column labels, in order, ending with `'none'`. */
  readonly xyzClasses: readonly string[];
  readonly rows: readonly AbcXyzMatrixRow[];
  readonly columnTotals: readonly AbcXyzColumnTotal[];
  /** All SKUs found in both inputs. */
  readonly total: AbcXyzFigures;
  /** Ids found in only one input (in input order), left out of the cells. */
  readonly unmatched: { readonly abcOnly: readonly string[]; readonly xyzOnly: readonly string[] };
}

const FN = "abcXyzMatrix";
/** The option names of {@link abcXyzMatrix}. */
const OPTIONS = optionNames<AbcXyzMatrixOptions>()(["abcClasses", "xyzClasses"]);
const DEFAULT_ABC = ["A", "B", "C"] as const;
const DEFAULT_XYZ = ["X", "Y", "Z"] as const;

/**
 * The ABC-XYZ matrix: SKUs counted and valued per (ABC class × XYZ class) cell, with row and column
 * totals, from the rows of `abcClassify` and `xyzClassify` joined by id.
 *
 *     count(a, x)      = number of SKUs with ABC class a and XYZ class x
 *     value(a, x)      = Σ ABC value of those SKUs (exact)
 *     valueShare(a, x) = value(a, x) / Σ value of every SKU in the matrix
 *
 * Every cell is present, empty ones with count 0 and value 0, including the column `'none'` for
 * SKUs without demand. SKUs found in only one input are not in any cell nor in the total; their
 * ids are listed in `unmatched` (for example SKUs left out of ABC by `zeroValues: 'exclude'`).
 * Value shares are `null` (reason `'zero_total_value'`) when the matrix's total value is 0.
 *
 * @param abcRows - rows with `id`, `value` and `class` (as returned by `abcClassify`).
 * @param xyzRows - rows with `id` and `class` (as returned by `xyzClassify`).
 * @param options - abcClasses (default `['A', 'B', 'C']`), xyzClasses (default `['X', 'Y', 'Z']`).
 * @throws InvKpiError `invalid_argument` (inputs not arrays, an id repeated in one input or not a
 *   string, a value that is not a finite decimal, options not an object), `invalid_option` (a
 *   class not among `abcClasses` / `xyzClasses`, class lists that are not distinct non-empty
 *   strings, an unknown option name).
 * @example
 * ```ts
 * import { abcClassify, abcXyzMatrix, xyzClassify } from "invkpi";
 * const abc = abcClassify([
 *   { id: "motor", value: 85 },
 *   { id: "belt", value: 10 },
 *   { id: "bolt", value: 5 },
 * ]);
 * const xyz = xyzClassify([
 *   { id: "motor", mean: 10, stdDev: 2 },
 *   { id: "belt", mean: 3, stdDev: 6 },
 *   { id: "bolt", mean: 0, stdDev: 0 },
 * ]);
 * const matrix = abcXyzMatrix(abc, xyz);
 * matrix.rows.map((row) => row.cells.map((cell) => cell.count).join(" "));
 * // ["1 0 0 0", "0 0 1 0", "0 0 0 1"]
 * matrix.rows[0]?.cells[0]?.valueShare; // 0.85
 * ```
 */
export function abcXyzMatrix(
  abcRows: readonly AbcXyzMatrixAbcRow[],
  xyzRows: readonly AbcXyzMatrixXyzRow[],
  options: AbcXyzMatrixOptions = {},
): AbcXyzMatrix {
  requireOptionNames(options, OPTIONS, FN);
  const abcClasses = resolveLabels(
    options.abcClasses,
    { count: undefined, defaults: DEFAULT_ABC, name: "abcClasses" },
    FN,
  );
  const xyzClasses = [
    ...resolveLabels(
      options.xyzClasses,
      { count: undefined, defaults: DEFAULT_XYZ, reserved: [XYZ_NONE], name: "xyzClasses" },
      FN,
    ),
    XYZ_NONE,
  ];
  const xyzClassOf = indexXyzRows(xyzRows, xyzClasses);

  const counts = abcClasses.map(() => xyzClasses.map(() => 0));
  // Exact sums without a Decimal per row (ExactSum); the same exact totals as Decimal.plus.
  const values = abcClasses.map(() => xyzClasses.map(() => new ExactSum()));
  const abcOnly: string[] = [];
  const abcIds = new Set<string>();
  requireArray(abcRows, "abcRows");
  abcRows.forEach((row, index) => {
    const id = readId(row, index, "abcRows", abcIds);
    const line = classIndex(row.class, abcClasses, "abcClasses", id);
    const value = readValue(row.value, index, id);
    const column = xyzClassOf.get(id);
    if (column === undefined) {
      abcOnly.push(id);
      return;
    }
    counts[line]![column]!++;
    values[line]![column]!.addDecimal(value);
  });
  const xyzOnly = [...xyzClassOf.keys()].filter((id) => !abcIds.has(id));

  const cellValues = values.map((line) => line.map((sum) => sum.value()));
  return tabulate(abcClasses, xyzClasses, counts, cellValues, { abcOnly, xyzOnly });
}

/** Turns the per-cell counts and values into rows, column totals and the total, with shares. */
function tabulate(
  abcClasses: readonly string[],
  xyzClasses: readonly string[],
  counts: readonly (readonly number[])[],
  values: readonly (readonly Decimal[])[],
  unmatched: AbcXyzMatrix["unmatched"],
): AbcXyzMatrix {
  const sum = (figures: readonly { count: number; value: Decimal }[]) => ({
    count: figures.reduce((total, f) => total + f.count, 0),
    value: figures.reduce((total, f) => total.plus(f.value), new Decimal(0)),
  });
  const raw = abcClasses.map((_, a) =>
    xyzClasses.map((_, x) => ({ count: counts[a]![x]!, value: values[a]![x]! })),
  );
  const grand = sum(raw.flat());
  const withShare = (figures: { count: number; value: Decimal }): AbcXyzFigures =>
    grand.value.isZero()
      ? { ...figures, valueShare: null, reason: "zero_total_value" }
      : { ...figures, valueShare: quotientToNumber(figures.value, grand.value) };

  const rows = abcClasses.map((abc, a) => ({
    abc,
    cells: xyzClasses.map((xyz, x) => ({ abc, xyz, ...withShare(raw[a]![x]!) })),
    total: withShare(sum(raw[a]!)),
  }));
  const columnTotals = xyzClasses.map((xyz, x) => ({
    xyz,
    ...withShare(sum(raw.map((line) => line[x]!))),
  }));
  return {
    abcClasses: abcClasses.slice(),
    xyzClasses: xyzClasses.slice(),
    rows,
    columnTotals,
    total: withShare(grand),
    unmatched,
  };
}

/** XYZ column index by id. */
function indexXyzRows(
  xyzRows: readonly AbcXyzMatrixXyzRow[],
  xyzClasses: readonly string[],
): Map<string, number> {
  requireArray(xyzRows, "xyzRows");
  const columnOf = new Map<string, number>();
  const seen = new Set<string>();
  xyzRows.forEach((row, index) => {
    const id = readId(row, index, "xyzRows", seen);
    columnOf.set(id, classIndex(row.class, xyzClasses, "xyzClasses", id));
  });
  return columnOf;
}

function requireArray(rows: unknown, name: string): void {
  if (!Array.isArray(rows)) {
    throw new InvKpiError("invalid_argument", `${FN}: ${name} must be an array`, {
      path: [name],
      details: { value: describeValue(rows) },
    });
  }
}

/** The row's id, checked to be a string not seen before in the same input (then remembered). */
function readId(row: unknown, index: number, input: string, seen: Set<string>): string {
  const id = typeof row === "object" && row !== null ? (row as { id?: unknown }).id : undefined;
  if (typeof id !== "string") {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: ${input}[${index}] must have a string id, got ${describeValue(id)}`,
      { path: [input, index, "id"], details: { value: describeValue(id) } },
    );
  }
  if (seen.has(id)) {
    throw new InvKpiError("invalid_argument", `${FN}: id '${id}' appears twice in ${input}`, {
      path: [input, index, "id"],
      details: { id },
    });
  }
  seen.add(id);
  return id;
}

function classIndex(
  label: unknown,
  classes: readonly string[],
  option: string,
  id: string,
): number {
  const index = typeof label === "string" ? classes.indexOf(label) : -1;
  if (index === -1) {
    throw new InvKpiError(
      "invalid_option",
      `${FN}: the class ${describeValue(label)} of '${id}' is not one of ${option} [${classes.join(", ")}]; pass ${option}`,
      { path: [option], details: { id, class: label, classes } },
    );
  }
  return index;
}

/** The value as a Decimal: `Decimal`s as they are (no copy), other inputs parsed exactly. */
function readValue(value: unknown, index: number, id: string): Decimal {
  if (isDecimal(value) && value.isFinite()) return value;
  const decimal = isDecimal(value) ? null : tryToDecimal(value);
  if (decimal === null) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: the value of '${id}' must be a finite decimal, got ${describeValue(value)}`,
      { path: ["abcRows", index, "value"], details: { id, value: describeValue(value) } },
    );
  }
  return decimal;
}
