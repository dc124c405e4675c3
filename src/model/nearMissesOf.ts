import { normalizeHeader } from "./normalizeHeader.js";

/** A field of a data record that is a near miss of a field of its kind, as written, with its value. */
export interface NearMiss {
  /** The name as the record spells it (`Location`, `lead_time`). */
  readonly name: string;
  /** The field it stands for (`location`, `leadTimeDays`). */
  readonly meant: string;
  readonly value: unknown;
}

/** No near miss: shared, so that a row without one costs no allocation. */
const NONE: readonly NearMiss[] = Object.freeze([]);

/**
 * How many names' verdicts each list of fields remembers: names are judged afresh past this many
 * (a fold and a lookup), so that rows with keys of their own (`meta_<id>`) cannot grow memory,
 * while the few extra columns of an export, met on every row, cost one lookup each.
 */
const MAX_JUDGED = 1_000;

/** What is known of one list of fields: made once per list (the lists are module constants). */
interface Spellings {
  readonly known: ReadonlySet<string>;
  /** Each spelling that stands for a field, folded ({@link normalizeHeader}), and the field. */
  readonly byFold: ReadonlyMap<string, string>;
  /** Names judged so far (at most {@link MAX_JUDGED}) and the field each stands for, or null. */
  readonly judged: Map<string, string | null>;
}

const spellingsByList = new WeakMap<readonly string[], Spellings>();

function spellingsOf(fields: readonly string[]): Spellings {
  let spellings = spellingsByList.get(fields);
  if (spellings === undefined) {
    spellings = { known: new Set(fields), byFold: foldedSpellings(fields), judged: new Map() };
    spellingsByList.set(fields, spellings);
  }
  return spellings;
}

/**
 * The folded spellings of each field: its name, and for a field with a `Days` unit its name
 * without the unit (`leadtime`) or without the unit's `s` (`leadtimeday`). A field's own name
 * wins over another's shortened one.
 */
function foldedSpellings(fields: readonly string[]): Map<string, string> {
  const byFold = new Map<string, string>();
  for (const field of fields) byFold.set(normalizeHeader(field), field);
  for (const field of fields) {
    const folded = normalizeHeader(field);
    if (!folded.endsWith("days")) continue;
    for (const short of [folded.slice(0, -"days".length), folded.slice(0, -1)]) {
      if (short !== "" && !byFold.has(short)) byFold.set(short, field);
    }
  }
  return byFold;
}

/** The field `name` stands for without being it, or null: remembered per list, up to a bound. */
function judge(spellings: Spellings, name: string): string | null {
  const judged = spellings.judged.get(name);
  if (judged !== undefined) return judged;
  const meant = spellings.known.has(name)
    ? null
    : (spellings.byFold.get(normalizeHeader(name)) ?? null);
  if (spellings.judged.size < MAX_JUDGED) spellings.judged.set(name, meant);
  return meant;
}

/**
 * The field of `fields` that `name` is a near miss of, or null: `name` is none of the fields, and,
 * folded as the file readers fold headers ({@link normalizeHeader}: case, white space, `_` and `-`
 * aside), it is a field's name (`Location`, `expires_on`, `Lead Time Days`), or the name of a field
 * with a `Days` unit without it (`leadTime`, `Lead Time`) or without its last `s` (`leadTimeDay`).
 * Nothing else is: a name one letter away (`dates`, `category1`, `unitCosts`) or an abbreviation
 * (`moq`) is data. One fold and one map lookup (the fields' spellings are made once per list).
 *
 * @param fields - every field of the record's kind: a module constant, by which the spellings are
 *   remembered.
 * @example
 * ```ts
 * nearFieldOf("Lead Time", ["sku", "leadTimeDays"]); // "leadTimeDays"
 * nearFieldOf("leadTimeDays", ["sku", "leadTimeDays"]); // null
 * nearFieldOf("dates", ["sku", "date"]); // null
 * ```
 */
export function nearFieldOf(name: string, fields: readonly string[]): string | null {
  return judge(spellingsOf(fields), name);
}

/**
 * The near misses of a data record's field names ({@link nearFieldOf}) whose value would go unread:
 * in memory names are matched exactly, so a record with `Location` and no `location` loses its
 * location. A near miss counts only when the field it stands for is absent from the record
 * (`undefined` or `null`): beside it, it is data (an ERP's own `SKU` column spread into a row that
 * has `sku`). A name whose value is `undefined` is no field. Every check of a data record uses this
 * (movement rows, opening balances, `SkuInfo` entries, `replenishmentFigures`' `info`), and the
 * file readers the same rule for their headers and keys.
 *
 * @param record - the record (an object; its enumerable names are judged, each read once).
 * @param fields - every field of the record's kind (see {@link nearFieldOf}).
 * @returns the near misses in the record's order; an empty list (shared) when there is none.
 * @example
 * ```ts
 * const fields = ["sku", "location"];
 * nearMissesOf({ sku: "A", Location: "W1" }, fields); // [{ name: "Location", meant: "location", value: "W1" }]
 * nearMissesOf({ sku: "A", Location: "W1", location: "W1" }, fields); // []
 * ```
 */
export function nearMissesOf(record: object, fields: readonly string[]): readonly NearMiss[] {
  const spellings = spellingsOf(fields);
  const r = record as Record<string, unknown>;
  let misses: NearMiss[] | null = null;
  for (const name in r) {
    const meant = judge(spellings, name);
    if (meant === null) continue;
    const value = r[name];
    if (value === undefined) continue;
    const given = r[meant];
    if (given !== undefined && given !== null) continue;
    misses ??= [];
    misses.push({ name, meant, value });
  }
  return misses ?? NONE;
}

/**
 * The message of a near miss, one template for every check: `rule` says how names are matched
 * where the record comes from (exactly in memory; the file readers fold them).
 *
 * @param record - the kind of record, as messages name it (`movement`, `SKU master`).
 * @example
 * ```ts
 * nearMissMessage({ name: "Location", meant: "location" }, "movement");
 * // "Location is no movement field (did you mean 'location'?): field names are matched exactly, so its value would go unread"
 * ```
 */
export function nearMissMessage(
  miss: Pick<NearMiss, "name" | "meant">,
  record: string,
  rule = "exactly",
): string {
  return `${miss.name} is no ${record} field (did you mean '${miss.meant}'?): field names are matched ${rule}, so its value would go unread`;
}
