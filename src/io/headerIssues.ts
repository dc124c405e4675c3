// The problems of a CSV header, found once per file. A header that lacks a required column, or
// gives one field twice, makes every row fail alike (or be read from a column picked blindly), so
// it is reported once, with what the user needs to fix it: the names the header has, a "did you
// mean", and, when its shape says so, the delimiter, format or encoding to read it with. No row is
// checked then: one problem per row would bury the one that matters.

import { describeValue, type LedgerIssue } from "../model/InvKpiError.js";
import {
  type ColumnResolver,
  closestHeaderName,
  type FieldSpec,
  type ResolvedHeader,
  SAME_NAME_RULE,
} from "./ColumnResolver.js";
import { CSV_DELIMITERS } from "./CsvDelimiter.js";
import { fileIssue } from "./fileIssue.js";
import { visibleControls } from "./formatTable.js";

/** How many of a header's names a message shows; the others are counted. */
const MAX_SHOWN_COLUMNS = 20;

/** The longest a shown name gets, quotes included (a whole JSON line can be one "name"). */
const MAX_SHOWN_NAME = 60;

/** A CSV header as read, and where. */
export interface CsvHeader {
  /** The header's names. */
  readonly names: readonly string[];
  /** The line on which the header starts. */
  readonly line: number;
  /** What is wrong with the header record's syntax (text after a closing quote), or `null`. */
  readonly problem: string | null;
  /** The delimiter it was split with. */
  readonly delimiter: string;
}

/**
 * The problems of a CSV header, and whether its rows can be read: the header record's own syntax
 * problem (left out when the text looks like JSON, which explains it), a `parse_error` per field
 * that several columns match, a `missing_field` per required column that is missing, and a
 * `misspelt_field` per column that is a near miss of a field without a column (`Lead Time` without
 * `leadTimeDays`: its values would go unread, as the same rows' in memory; the rows are read). The first
 * missing column's issue also shows the header's names (the first {@link MAX_SHOWN_COLUMNS}, each
 * quoted, control characters escaped) and, when the header's shape suggests it, the delimiter,
 * format or encoding that would read the file; each missing column gets a "did you mean" when a
 * header name is close to it.
 *
 * @returns the issues, and `usable`: whether the rows are to be checked (no duplicate field, no
 *   missing required column).
 * @example
 * ```ts
 * import { ColumnResolver } from "./ColumnResolver.js";
 * const resolver = new ColumnResolver([{ name: "sku", kind: "text", required: true }], undefined, "f");
 * const names = ["SKU Code", "Qty"];
 * const found = headerIssues({ names, line: 1, problem: null, delimiter: "," }, resolver, resolver.resolveHeader(names));
 * found.usable; // false
 * found.issues[0]?.message;
 * // 'the header has no sku column (did you mean "SKU Code"?); the header has 2 columns: "SKU Code", "Qty"'
 * ```
 */
export function headerIssues(
  header: CsvHeader,
  resolver: ColumnResolver,
  resolved: ResolvedHeader,
): { issues: LedgerIssue[]; usable: boolean } {
  const fields = resolver.fields;
  const columnOf = resolved.columnOf;
  const missing = fields.flatMap((f, k) => (f.required && columnOf[k] === -1 ? [k] : []));
  const shape = missing.length === 0 ? null : shapeHint(header, resolver);
  const issues: LedgerIssue[] = [];
  if (header.problem !== null && shape?.kind !== "format") {
    issues.push(fileIssue(header.line, "", "parse_error", header.problem));
  }
  const duplicates = resolved.duplicates.map(({ field, columns }) =>
    duplicateIssue(header, fields[field] as FieldSpec, columns),
  );
  issues.push(...duplicates, ...missingIssues(header, resolver, missing, shape));
  for (const { column, field } of resolved.nearMisses) {
    const name = header.names[column] as string;
    issues.push(
      fileIssue(header.line, name, "misspelt_field", resolver.nearMissMessage(name, field)),
    );
  }
  return { issues, usable: duplicates.length === 0 && missing.length === 0 };
}

/** A field that several columns match: which one is meant is unknown. */
function duplicateIssue(
  header: CsvHeader,
  field: FieldSpec,
  columns: readonly number[],
): LedgerIssue {
  const shown = columns.map((c) => `${shownName(header.names[c] as string)} (column ${c + 1})`);
  const listed = `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
  const message = `${field.name} is given by ${columns.length} columns, ${listed}, whose names match alike (${SAME_NAME_RULE}): keep one`;
  return fileIssue(header.line, field.name, "parse_error", message);
}

/** One issue per missing required column (`missing`: their fields); the first also describes the header. */
function missingIssues(
  header: CsvHeader,
  resolver: ColumnResolver,
  missing: readonly number[],
  shape: ShapeHint | null,
): LedgerIssue[] {
  const unmatched = header.names.filter((name) => resolver.fieldOf(name) < 0);
  // The hint first: it is what to do.
  const about = `${shape === null ? "" : `; ${shape.text}`}; ${headerText(header.names)}`;
  return missing.map((k, n) => {
    const field = resolver.fields[k] as FieldSpec;
    const name = resolver.expected[k] as string;
    const which =
      name === field.name ? `${name} column` : `column ${JSON.stringify(name)} (for ${field.name})`;
    // A header of the wrong shape has no typo to point at.
    const guess = shape === null ? closestHeaderName(name, unmatched) : null;
    const mean = guess === null ? "" : ` (did you mean ${shownName(guess)}?)`;
    const message = `the header has no ${which}${mean}${n === 0 ? about : ""}`;
    return {
      ...fileIssue(header.line, field.name, "missing_field", message),
      value: JSON.stringify(name),
    };
  });
}

/** `the header has 3 columns: "a", "b", "c"`, the first {@link MAX_SHOWN_COLUMNS} names shown. */
function headerText(names: readonly string[]): string {
  const shown = names.slice(0, MAX_SHOWN_COLUMNS).map(shownName).join(", ");
  const more =
    names.length > MAX_SHOWN_COLUMNS ? ` and ${names.length - MAX_SHOWN_COLUMNS} more` : "";
  return `the header has ${names.length} column${names.length === 1 ? "" : "s"}: ${shown}${more}`;
}

/**
 * A header name as a message shows it: quoted, cut at {@link MAX_SHOWN_NAME} characters, with
 * control characters, bidirectional controls and a byte order mark (U+FEFF, invisible) escaped, so
 * that a name is seen as it is and cannot drive the terminal.
 */
function shownName(name: string): string {
  return visibleControls(describeValue(name, MAX_SHOWN_NAME)).replace(/\uFEFF/g, "\\u{feff}");
}

/**
 * Why a header may have failed as a whole: read in the wrong `format` (JSON), `encoding`
 * (UTF-16, or UTF-8 read in a single-byte encoding), or with the wrong `delimiter`.
 */
interface ShapeHint {
  readonly kind: "format" | "encoding" | "delimiter";
  /** The hint, a clause of the message. */
  readonly text: string;
}

/** The hint the header's shape gives, or `null`; only a header that lacks a required column asks. */
function shapeHint(header: CsvHeader, resolver: ColumnResolver): ShapeHint | null {
  const first = (header.names[0] ?? "").trimStart();
  if (first.startsWith("[")) return formatHint("JSON", "json");
  if (first.startsWith("{")) return formatHint("NDJSON (one JSON object per line)", "ndjson");
  if (header.names.some((name) => name.includes("\u0000"))) {
    return {
      kind: "encoding",
      text: 'the header holds NUL characters, as UTF-16 text read as UTF-8 does: read it with the encoding option "utf-16le" (--encoding utf-16le on the command line), or save it as UTF-8',
    };
  }
  if (first.startsWith("\u00ef\u00bb\u00bf")) {
    return {
      kind: "encoding",
      text: 'the header starts with "ï»¿", the UTF-8 byte order mark read in a single-byte encoding: the file is UTF-8, so leave the encoding option (--encoding) out',
    };
  }
  const delimiter = guessedDelimiter(header, resolver);
  if (delimiter === null) return null;
  const cli = delimiter === "\t" ? "tab" : `'${delimiter}'`;
  return {
    kind: "delimiter",
    text: `is the delimiter ${JSON.stringify(delimiter)}? (read it with the delimiter option ${JSON.stringify(delimiter)}, or --delimiter ${cli} on the command line)`,
  };
}

function formatHint(what: string, format: string): ShapeHint {
  return {
    kind: "format",
    text: `the input looks like ${what}, not CSV: read it with the format option "${format}" (--input-format ${format} on the command line), or name the file .${format}`,
  };
}

/**
 * The delimiter that would find the most required columns in the header's text (more than its
 * own delimiter finds), else, for a header of one column (names the fields' own do not match,
 * such as an ERP's), another delimiter that column holds; `null` when none.
 */
function guessedDelimiter(header: CsvHeader, resolver: ColumnResolver): string | null {
  const text = header.names.join(header.delimiter);
  const others = CSV_DELIMITERS.filter((d) => d !== header.delimiter && text.includes(d));
  let best: string | null = null;
  let most = requiredFound(header.names, resolver);
  for (const d of others) {
    const found = requiredFound(text.split(d), resolver);
    if (found > most) [best, most] = [d, found];
  }
  if (best !== null || header.names.length !== 1) return best;
  return others[0] ?? null;
}

/** How many required fields the names give a column. */
function requiredFound(names: readonly string[], resolver: ColumnResolver): number {
  const found = new Set(names.map((name) => resolver.fieldOf(name)));
  return resolver.fields.filter((f, k) => f.required && found.has(k)).length;
}
