import { describeValue, InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";

/**
 * How a field's text cell becomes a value: `text` and `date` cells stay text, `money` cells stay
 * text (exact decimals), `number` cells become numbers when they are plain decimal numbers.
 */
export type FieldKind = "text" | "number" | "money" | "date";

/** One field of a record type a reader fills (a `Movement` or a `SkuInfo` field). */
export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** A required column missing from a file's header is one issue, and no row is checked. */
  readonly required: boolean;
}

/**
 * Header names for some fields, e.g. `{ sku: 'Item Code', date: 'Posting Date', quantity: 'Qty' }`.
 * Fields not named here are found under their own name.
 */
export type ColumnNames<Field extends string> = Readonly<Partial<Record<Field, string>>>;

/** A header name as matched: trimmed, case-folded, Unicode NFC. */
export function normalizeHeader(name: string): string {
  return name.trim().normalize("NFC").toLowerCase();
}

/**
 * Finds which column (CSV) or key (JSON) holds each field. A field's header name is the one given
 * in `columns`, else the field's own name; headers match after trimming and case folding. A header
 * that matches no field is ignored; when two headers of a CSV file match one field, the first
 * wins (and the second is ignored), while two keys of one JSON object are a problem of that row.
 */
export class ColumnResolver {
  readonly fields: readonly FieldSpec[];
  /** The header name expected for each field, as the user wrote it (for messages). */
  readonly expected: readonly string[];
  private readonly fieldOfHeader = new Map<string, number>();
  private readonly keyCache = new Map<string, number>();
  private readonly ignored: string[] = [];

  /**
   * @throws InvKpiError `invalid_option` when `columns` is not an object of non-blank header names
   *   keyed by field names, or maps two fields to one header.
   */
  constructor(fields: readonly FieldSpec[], columns: unknown, fn: string) {
    this.fields = fields;
    const names = checkColumnNames(fields, columns, fn);
    this.expected = fields.map((f) => names[f.name] ?? f.name);
    // Names given in `columns` first: a field's own name that another field's mapping uses (say
    // `{ unitCost: 'unitPrice' }`) then belongs to the mapping, and the field is left without one.
    fields.forEach((f, field) => {
      const name = names[f.name];
      if (name === undefined) return;
      const key = normalizeHeader(name);
      const other = this.fieldOfHeader.get(key);
      if (other !== undefined) {
        throw new InvKpiError(
          "invalid_option",
          `${fn}: columns maps both ${(fields[other] as FieldSpec).name} and ${f.name} to the header ${describeValue(name)}`,
          { path: ["columns", f.name] },
        );
      }
      this.fieldOfHeader.set(key, field);
    });
    fields.forEach((f, field) => {
      const key = normalizeHeader(f.name);
      if (names[f.name] === undefined && !this.fieldOfHeader.has(key))
        this.fieldOfHeader.set(key, field);
    });
  }

  /** The field index of a header name, or -1. */
  fieldOf(header: string): number {
    return this.fieldOfHeader.get(normalizeHeader(header)) ?? -1;
  }

  /**
   * Like {@link fieldOf}, remembered per exact key (JSON objects repeat their keys on every row); a
   * key that matches no field joins {@link ignoredKeys} the first time it is seen.
   */
  fieldOfKey(key: string): number {
    let field = this.keyCache.get(key);
    if (field === undefined) {
      field = this.fieldOf(key);
      this.keyCache.set(key, field);
      if (field < 0) this.ignored.push(key);
    }
    return field;
  }

  /** The NDJSON or JSON keys seen so far that match no field, each once, in the order first seen. */
  get ignoredKeys(): readonly string[] {
    return this.ignored;
  }

  /**
   * The column of each field in a header row (-1 when absent) and the headers that match no field
   * (or a field already matched).
   */
  resolveHeader(header: readonly string[]): { columnOf: Int32Array; ignored: string[] } {
    const columnOf = new Int32Array(this.fields.length).fill(-1);
    const ignored: string[] = [];
    header.forEach((name, column) => {
      const field = this.fieldOf(name);
      if (field >= 0 && columnOf[field] === -1) columnOf[field] = column;
      else ignored.push(name);
    });
    return { columnOf, ignored };
  }

  /**
   * A JSON row with its keys renamed to field names. Values are kept as they are: JSON is typed
   * already. Keys that match no field are left out, and listed in {@link ignoredKeys}. A field
   * given under several keys of the object (`"quantity"` and `"Quantity"`, which match alike) is a
   * `parse_error` issue of the row in `issues`, naming the keys: which value is meant is unknown,
   * so the caller must leave the row out (the first key's value is kept, for the row's other
   * checks). Anything but a plain object is returned unchanged, for the row check to report.
   */
  renameKeys(value: unknown, row: number, line: number, issues: LedgerIssue[]): unknown {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const out: Record<string, unknown> = {};
    let repeated = false;
    for (const [key, cell] of Object.entries(value)) {
      const field = this.fieldOfKey(key);
      if (field < 0) continue;
      const name = (this.fields[field] as FieldSpec).name;
      if (!Object.hasOwn(out, name)) out[name] = cell;
      else repeated = true;
    }
    if (repeated) issues.push(...this.repeatedKeyIssues(value, row, line));
    return out;
  }

  /** One issue per field that `object` gives under several keys (rare: only then are keys gathered). */
  private repeatedKeyIssues(object: object, row: number, line: number): LedgerIssue[] {
    const keysOf = new Map<number, string[]>();
    for (const key of Object.keys(object)) {
      const field = this.fieldOfKey(key);
      if (field >= 0) keysOf.set(field, [...(keysOf.get(field) ?? []), key]);
    }
    const issues: LedgerIssue[] = [];
    for (const [field, keys] of keysOf) {
      if (keys.length < 2) continue;
      const name = (this.fields[field] as FieldSpec).name;
      issues.push({
        row,
        line,
        field: name,
        code: "parse_error",
        message: `${name} is given under ${keys.length} keys (${keys.map((k) => JSON.stringify(k)).join(", ")}), which match alike after trimming and case folding: keep one`,
        value: describeValue(keys),
      });
    }
    return issues;
  }
}

function checkColumnNames(
  fields: readonly FieldSpec[],
  columns: unknown,
  fn: string,
): Readonly<Record<string, string>> {
  if (columns === undefined) return {};
  if (columns === null || typeof columns !== "object" || Array.isArray(columns)) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: columns must be an object such as { sku: 'Item Code' }, got ${describeValue(columns)}`,
      { path: ["columns"] },
    );
  }
  const known = new Set(fields.map((f) => f.name));
  const names: Record<string, string> = {};
  for (const [field, header] of Object.entries(columns)) {
    if (!known.has(field)) {
      throw new InvKpiError(
        "invalid_option",
        `${fn}: columns.${field} is not a field; the fields are ${[...known].join(", ")}`,
        { path: ["columns", field] },
      );
    }
    if (header === undefined) continue;
    if (typeof header !== "string" || header.trim() === "") {
      throw new InvKpiError(
        "invalid_option",
        `${fn}: columns.${field} must be a header name, got ${describeValue(header)}`,
        { path: ["columns", field] },
      );
    }
    names[field] = header;
  }
  return names;
}
