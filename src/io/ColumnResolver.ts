import { closestName } from "../model/closestName.js";
import { describeValue, InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";
import { nearFieldOf, nearMissMessage } from "../model/nearMissesOf.js";
import { normalizeHeader } from "../model/normalizeHeader.js";

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
 * Fields not named here (left out or `undefined`) are found under their own name.
 */
export type ColumnNames<Field extends string> = {
  readonly [F in Field]?: string | undefined;
};

/**
 * The name of `names` that `name` is most likely a typo of, for a "did you mean" hint: compared as
 * headers match ({@link normalizeHeader}), within one edit per four characters (at least one; a
 * name that starts with `name` counts as one edit, `sku` → `SKU Code`), and at most about twice
 * as long (a whole header line read as one column is no typo); `null` when none is that close.
 *
 * @example
 * ```ts
 * closestHeaderName("unitcosts", ["sku", "unitCost", "unitPrice"]); // "unitCost"
 * closestHeaderName("sku", ["SKU Code", "Movement Date"]); // "SKU Code"
 * closestHeaderName("sku", ["sku;date;type;quantity"]); // null
 * ```
 */
export function closestHeaderName(name: string, names: readonly string[]): string | null {
  const written = normalizeHeader(name);
  if (written === "") return null;
  const longest = 2 * written.length + 4;
  const normalized = names.map((n) => {
    const key = normalizeHeader(n);
    return key.length <= longest ? key : "";
  });
  const maxDistance = Math.max(1, Math.floor(written.length / 4));
  const candidates = normalized.filter((key) => key !== "" && key !== written);
  const found = closestName(written, candidates, maxDistance);
  return found === null ? null : (names[normalized.indexOf(found)] as string);
}

/**
 * How many ignored CSV columns or NDJSON / JSON keys a read names (the first ones, in the order
 * seen); the others are only counted: a file whose rows carry keys of their own (`meta_<id>`)
 * must not grow the list, or the command line's note, with its rows.
 */
export const MAX_LISTED_IGNORED = 20;

/**
 * How many distinct ignored NDJSON or JSON keys a read tells apart, and so counts: telling a key
 * from the ones seen takes remembering them. Past this many, further new keys are not counted, so
 * a count of `MAX_COUNTED_IGNORED_KEYS` means at least that many.
 */
export const MAX_COUNTED_IGNORED_KEYS = 10_000;

/** How names are compared, for messages. */
export const SAME_NAME_RULE = "case, spaces, _ and - aside";

/**
 * How many keys the key → field cache of {@link ColumnResolver.fieldOfKey} holds; further keys are
 * matched afresh each time they come (keys that repeat on every row are cached by the first rows).
 */
const MAX_CACHED_KEYS = 1_000;

/** Two or more columns of a CSV header that match one field: a problem of the header. */
export interface DuplicateColumns {
  /** The field's index. */
  readonly field: number;
  /** The 0-based columns, in header order. */
  readonly columns: readonly number[];
}

/**
 * A column of a CSV header that matches no field but is a near miss of a field whose column is
 * absent (`Lead Time` in a header without `leadTimeDays`): its values would go unread.
 */
export interface NearMissColumn {
  /** The 0-based column. */
  readonly column: number;
  /** The field's index. */
  readonly field: number;
}

/** What {@link ColumnResolver.resolveHeader} finds in a CSV header. */
export interface ResolvedHeader {
  /** The column of each field (-1 when absent; the first, when several match). */
  readonly columnOf: Int32Array;
  /** The first {@link MAX_LISTED_IGNORED} header names that match no field. */
  readonly ignored: string[];
  /** The fields that several columns match, in field order. */
  readonly duplicates: readonly DuplicateColumns[];
  /** The columns that are near misses of a field without a column, in header order. */
  readonly nearMisses: readonly NearMissColumn[];
}

/**
 * A key's field (≥ 0), or, for a key that matches none: {@link NO_FIELD}, or `NEAR_MISS - field`
 * for a key that is a near miss of that field (see {@link ColumnResolver.renameKeys}).
 */
const NO_FIELD = -1;
const NEAR_MISS = -2;

/**
 * Finds which column (CSV) or key (JSON) holds each field. A field's header name is the one given
 * in `columns`, else the field's own name; headers match as {@link normalizeHeader} says (case,
 * white space, `_` and `-` aside). A header that matches no field is ignored, unless it is a near
 * miss of a field that has no column (`Lead Time` for `leadTimeDays`: `nearFieldOf`, the rule of
 * data records in memory), whose value would go unread; two headers of a CSV file that match one
 * field are a problem of the header, and two keys of one JSON object a problem of that row. One
 * resolver serves one read: it counts, and lists the first of, the names that read ignored.
 */
export class ColumnResolver {
  readonly fields: readonly FieldSpec[];
  /** The header name expected for each field, as the user wrote it (for messages). */
  readonly expected: readonly string[];
  /** The kind of record a row is, as messages name it (`movement`, `SKU master`). */
  readonly record: string;
  /** The fields' names, one list per resolver (near misses are judged by list). */
  private readonly names: readonly string[];
  private readonly fieldOfHeader = new Map<string, number>();
  /** What a key is (see {@link NO_FIELD}), for at most {@link MAX_CACHED_KEYS} keys. */
  private readonly keyCache = new Map<string, number>();
  /** The first {@link MAX_LISTED_IGNORED} ignored column names or keys. */
  private readonly ignored: string[] = [];
  /** The distinct ignored keys, at most {@link MAX_COUNTED_IGNORED_KEYS}. */
  private readonly ignoredKeySet = new Set<string>();
  /** The ignored columns of a CSV header, all of them. */
  private ignoredHeaderCount = 0;

  /**
   * @throws InvKpiError `invalid_option` when `columns` is not an object of non-blank header names
   *   keyed by field names, or maps two fields to one header.
   */
  constructor(fields: readonly FieldSpec[], columns: unknown, fn: string, record = "record") {
    this.fields = fields;
    this.record = record;
    this.names = fields.map((f) => f.name);
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

  /** The field index of a header name, or -1 (always for a name that is blank once normalized). */
  fieldOf(header: string): number {
    return this.fieldOfHeader.get(normalizeHeader(header)) ?? -1;
  }

  /**
   * Like {@link fieldOf}, remembered per exact key (JSON objects repeat their keys on every row,
   * and the first {@link MAX_CACHED_KEYS} keys are cached); a key that matches no field is counted
   * in {@link ignoredCount} the first time it is seen, and listed in {@link ignoredKeys} when it is
   * one of the first {@link MAX_LISTED_IGNORED}. Memory stays bounded however many distinct keys
   * the rows carry.
   */
  fieldOfKey(key: string): number {
    const kind = this.kindOfKey(key);
    return kind < 0 ? NO_FIELD : kind;
  }

  /** {@link fieldOfKey}, telling a near miss apart: a field, {@link NO_FIELD} or a near miss. */
  private kindOfKey(key: string): number {
    const cached = this.keyCache.get(key);
    if (cached !== undefined) return cached;
    const field = this.fieldOf(key);
    const kind = field >= 0 ? field : this.nearMissOf(key);
    if (this.keyCache.size < MAX_CACHED_KEYS) this.keyCache.set(key, kind);
    if (field < 0) this.noteIgnoredKey(key);
    return kind;
  }

  /** `NEAR_MISS - field` for a name that matches no field but is a near miss of one, else {@link NO_FIELD}. */
  private nearMissOf(name: string): number {
    const meant = nearFieldOf(name, this.names);
    return meant === null ? NO_FIELD : NEAR_MISS - this.names.indexOf(meant);
  }

  /**
   * The message of a column or key `name` that is a near miss of field `field`: the template of
   * the checks in memory (`nearMissMessage`), with the rule by which a file's names are matched.
   */
  nearMissMessage(name: string, field: number): string {
    const meant = (this.fields[field] as FieldSpec).name;
    return nearMissMessage({ name, meant }, this.record, SAME_NAME_RULE);
  }

  /** The name of the field that `key` matches, or `undefined`. */
  fieldNameOfKey(key: string): string | undefined {
    const field = this.fieldOfKey(key);
    return field < 0 ? undefined : (this.fields[field] as FieldSpec).name;
  }

  /** Counts an ignored key not seen before (while there is room to tell keys apart), and lists it. */
  private noteIgnoredKey(key: string): void {
    const seen = this.ignoredKeySet;
    if (seen.size >= MAX_COUNTED_IGNORED_KEYS || seen.has(key)) return;
    seen.add(key);
    if (this.ignored.length < MAX_LISTED_IGNORED) this.ignored.push(key);
  }

  /**
   * The first {@link MAX_LISTED_IGNORED} ignored names, in the order seen: the CSV header names
   * that match no field, or the NDJSON or JSON keys that match no field, each once.
   */
  get ignoredKeys(): readonly string[] {
    return this.ignored;
  }

  /**
   * How many names were ignored, listed in {@link ignoredKeys} or not: every such column of a CSV
   * header, or the distinct NDJSON or JSON keys, counted up to {@link MAX_COUNTED_IGNORED_KEYS}
   * (that count then means at least that many).
   */
  get ignoredCount(): number {
    return this.ignoredHeaderCount + this.ignoredKeySet.size;
  }

  /**
   * The column of each field in a header row (-1 when absent), the first
   * {@link MAX_LISTED_IGNORED} headers that match no field (all of them count in
   * {@link ignoredCount}), and the fields that several columns match (which is which is unknown,
   * so the caller reports them and reads no row).
   */
  resolveHeader(header: readonly string[]): ResolvedHeader {
    const columnOf = new Int32Array(this.fields.length).fill(-1);
    const columnsOf = new Map<number, number[]>();
    const unmatched: number[] = [];
    header.forEach((name, column) => {
      const field = this.fieldOf(name);
      if (field < 0) {
        this.ignoredHeaderCount++;
        if (this.ignored.length < MAX_LISTED_IGNORED) this.ignored.push(name);
        unmatched.push(column);
        return;
      }
      if (columnOf[field] === -1) columnOf[field] = column;
      columnsOf.set(field, [...(columnsOf.get(field) ?? []), column]);
    });
    const duplicates = [...columnsOf]
      .filter(([, columns]) => columns.length > 1)
      .map(([field, columns]) => ({ field, columns }))
      .sort((a, b) => a.field - b.field);
    // A near miss of a field that has a column is data, as in memory beside the field.
    const nearMisses = unmatched
      .map((column) => ({ column, field: NEAR_MISS - this.nearMissOf(header[column] as string) }))
      .filter(({ field }) => field >= 0 && columnOf[field] === -1);
    return { columnOf, ignored: [...this.ignored], duplicates, nearMisses };
  }

  /**
   * A JSON row with its keys renamed to field names. Values are kept as they are: JSON is typed
   * already. Keys that match no field are left out, and counted (the first ones listed) as
   * {@link fieldOfKey} says. A field given under several keys of the object (`"quantity"` and
   * `"Quantity"`, which match alike) is a `parse_error` issue of the row in `issues`, naming the
   * keys: which value is meant is unknown, so the caller must leave the row out (the first key's
   * value is kept, for the row's other checks). A key that matches no field but is a near miss of
   * a field the row lacks (`"Lead Time"` without `"leadTimeDays"`: `nearFieldOf`) is a
   * `misspelt_field` issue of the row, as the same object is in memory: its value would go unread,
   * and the caller leaves the row out too. Anything but a plain object is returned unchanged, for
   * the row check to report.
   */
  renameKeys(value: unknown, row: number, line: number, issues: LedgerIssue[]): unknown {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const out: Record<string, unknown> = {};
    let repeated = false;
    let nearMisses: [key: string, field: number, cell: unknown][] | null = null;
    for (const [key, cell] of Object.entries(value)) {
      const kind = this.kindOfKey(key);
      if (kind < 0) {
        if (kind === NO_FIELD) continue;
        nearMisses ??= [];
        nearMisses.push([key, NEAR_MISS - kind, cell]);
        continue;
      }
      const name = (this.fields[kind] as FieldSpec).name;
      if (!Object.hasOwn(out, name)) out[name] = cell;
      else repeated = true;
    }
    if (repeated) issues.push(...this.repeatedKeyIssues(value, row, line));
    if (nearMisses !== null) issues.push(...this.nearMissIssues(nearMisses, out, row, line));
    return out;
  }

  /** One issue per near-miss key whose field the renamed row lacks (`undefined` or `null`). */
  private nearMissIssues(
    nearMisses: readonly [key: string, field: number, cell: unknown][],
    out: Readonly<Record<string, unknown>>,
    row: number,
    line: number,
  ): LedgerIssue[] {
    return nearMisses
      .filter(([, field]) => {
        const given = out[(this.fields[field] as FieldSpec).name];
        return given === undefined || given === null;
      })
      .map(([key, field, cell]) => ({
        row,
        line,
        field: key,
        code: "misspelt_field",
        message: this.nearMissMessage(key, field),
        value: describeValue(cell),
      }));
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
        message: `${name} is given under ${keys.length} keys (${keys.map((k) => JSON.stringify(k)).join(", ")}), which match alike (${SAME_NAME_RULE}): keep one`,
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
    if (typeof header !== "string" || normalizeHeader(header) === "") {
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
