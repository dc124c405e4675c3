/**
 * A field name or header name as matched: Unicode NFC, lower case, without white space
 * (JavaScript's `\s`: spaces, tabs, no-break spaces, a stray byte order mark), `_` or `-`
 * anywhere. So `Unit Cost`, `unit_cost`, `UNITCOST` and `unit-cost` all match `unitCost`: exports
 * spell a field's name in many ways, and none of those spellings can mean another field. The file
 * readers match headers and keys so, and the checks of data records in memory find near misses of
 * field names so (`nearMissesOf`): one rule for both.
 *
 * @example
 * ```ts
 * ["Unit Cost", "unit_cost", "UNITCOST", " unit-cost "].map(normalizeHeader);
 * // ["unitcost", "unitcost", "unitcost", "unitcost"]
 * ```
 */
export function normalizeHeader(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}
