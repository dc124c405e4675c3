import { grown } from "../model/grown.js";
import { hashBytes } from "../model/hashBytes.js";
import { InvKpiError } from "../model/InvKpiError.js";

/**
 * The movement ids a ledger has used, each with the first row that used it: the duplicate-id
 * check of validation (`duplicate_id`).
 *
 * It has one entry per movement with an id, so a streaming read of 10 M movements keeps 10 M of
 * them; a `Map` of strings costs ~100 bytes each (1 GB). This one keeps text ids in one byte
 * arena with open-addressing tables of typed arrays: ~15–25 bytes plus the id's length each. Ids
 * compare exactly as a `Map`'s keys do: text by its code units, finite numbers by value (`0` and
 * `-0` are one id; validation refuses other numbers first), and the text `'1'` is not the number
 * `1`.
 */
export class IdRegistry {
  private readonly texts = new TextIds();
  private readonly numbers = new NumberIds();
  /** Text ids with a code unit above 255 (not one byte each in the arena): rare, kept as is. */
  private readonly wideTexts = new Map<string, number>();

  /**
   * Records that `row` uses `id`, unless an earlier row did.
   *
   * @returns the first row that used `id`, or −1 when `row` is the first (and is now recorded).
   */
  claim(id: string | number, row: number): number {
    if (typeof id === "number") return this.numbers.claim(id === 0 ? 0 : id, row);
    if (!isOneByteText(id)) {
      const first = this.wideTexts.get(id);
      if (first !== undefined) return first;
      this.wideTexts.set(id, row);
      return -1;
    }
    return this.texts.claim(id, row);
  }

  /**
   * {@link claim} of the text whose code units are `bytes[from, to)`, every byte below 128 (the
   * UTF-8 of ASCII text is its code units): a reader claims an id without making a string.
   * `byteHash` is `hashBytes(bytes, from, to)`, passed by a reader that scanned the bytes anyway.
   */
  claimAscii(
    bytes: Uint8Array,
    from: number,
    to: number,
    row: number,
    byteHash = hashBytes(bytes, from, to),
  ): number {
    return this.texts.claimBytes(bytes, from, to, row, byteHash);
  }

  /** The number of ids recorded. */
  get size(): number {
    return this.texts.size + this.numbers.size + this.wideTexts.size;
  }
}

const FIRST_CAPACITY = 1 << 10;
/** Most entries per slot before the slot table doubles: probes stay short, slots stay few. */
const MAX_LOAD = 0.7;
const MAX_UINT32 = 0xffffffff;
/** The most bytes of text ids: the largest `Uint8Array` Node 20 allocates is 2^32 bytes. */
const MAX_ARENA = MAX_UINT32;
/** Text ids longer than this are copied into a buffer of their own, not kept as the scratch. */
const MAX_SCRATCH = 1 << 12;
const EMPTY_BYTES = new Uint8Array(0);

/**
 * An open-addressing table of ids (linear probing): each slot holds an entry index + 1 (0: empty).
 * Entries are columns of typed arrays, grown by half again when full; the slots double when they
 * are {@link MAX_LOAD} full. No hash is stored: a probe compares the id itself.
 */
abstract class IdTable {
  private count = 0;
  /** The first row of each entry (a `Float64Array` only past 2^32 − 1 rows). */
  private rows: Uint32Array | Float64Array = new Uint32Array(FIRST_CAPACITY);
  private slots = new Int32Array(FIRST_CAPACITY * 2);

  /** Whether entry `entry` holds the id being claimed. */
  protected abstract matches(entry: number): boolean;
  /** The hash of entry `entry`'s id (to place it again when the slots double). */
  protected abstract hashOf(entry: number): number;
  /** Appends the id being claimed as entry `size − 1`. */
  protected abstract append(): void;
  /** Entries now fit `capacity` ids. */
  protected abstract growEntries(capacity: number): void;

  /** The number of ids in the table. */
  get size(): number {
    return this.count;
  }

  /**
   * The claim itself, for an id of the given hash that the subclass holds as "the id being
   * claimed" (a field, not an argument, so that `matches` and `append` need no closure per claim).
   * @returns the first row of the id, or −1 after recording `row` as its first.
   */
  protected claimHashed(hash: number, row: number): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = (this.slots[slot] as number) - 1; entry >= 0; ) {
      if (this.matches(entry)) return this.rows[entry] as number;
      slot = (slot + 1) & mask;
      entry = (this.slots[slot] as number) - 1;
    }
    const entry = this.count++;
    if (entry === this.rows.length) this.growRows();
    if (row > MAX_UINT32 && this.rows instanceof Uint32Array)
      this.rows = Float64Array.from(this.rows);
    this.rows[entry] = row;
    this.append();
    if (this.count > this.slots.length * MAX_LOAD) this.doubleSlots();
    else this.slots[slot] = entry + 1;
    return -1;
  }

  private growRows(): void {
    const capacity = Math.ceil(this.rows.length * 1.5);
    this.rows = lengthened(this.rows, capacity);
    this.growEntries(capacity);
  }

  private doubleSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.hashOf(entry) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }
}

/** Text ids of one-byte code units, their bytes end to end in one arena. */
class TextIds extends IdTable {
  private bytes = new Uint8Array(FIRST_CAPACITY * 8);
  /** Entry k's text is `bytes[starts[k], starts[k + 1])`. */
  private starts = new Uint32Array(FIRST_CAPACITY + 1);
  /** The id being claimed: `key[keyFrom, keyTo)` (the caller's bytes, or the scratch). */
  private key: Uint8Array = EMPTY_BYTES;
  private keyFrom = 0;
  private keyTo = 0;
  /** A text id's code units, as bytes. */
  private scratch = new Uint8Array(64);

  /** Claims a text of one-byte code units (each below 256). */
  claim(id: string, row: number): number {
    if (id.length > this.scratch.length && id.length <= MAX_SCRATCH) {
      this.scratch = new Uint8Array(MAX_SCRATCH);
    }
    const bytes = id.length <= this.scratch.length ? this.scratch : new Uint8Array(id.length);
    for (let i = 0; i < id.length; i++) bytes[i] = id.charCodeAt(i);
    return this.claimBytes(bytes, 0, id.length, row, hashBytes(bytes, 0, id.length));
  }

  /** Claims the text whose code units are `bytes[from, to)` (`byteHash`: their `hashBytes`). */
  claimBytes(bytes: Uint8Array, from: number, to: number, row: number, byteHash: number): number {
    this.key = bytes;
    this.keyFrom = from;
    this.keyTo = to;
    const first = this.claimHashed(finalMix(byteHash), row);
    this.key = EMPTY_BYTES; // not the caller's buffer (a chunk of the file) beyond the claim
    return first;
  }

  protected matches(entry: number): boolean {
    const { key, keyFrom } = this;
    const start = this.starts[entry] as number;
    const length = this.keyTo - keyFrom;
    if ((this.starts[entry + 1] as number) - start !== length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== key[keyFrom + i]) return false;
    return true;
  }

  protected hashOf(entry: number): number {
    return textIdHash(this.bytes, this.starts[entry] as number, this.starts[entry + 1] as number);
  }

  protected append(): void {
    const start = this.starts[this.size - 1] as number;
    const end = start + this.keyTo - this.keyFrom;
    if (end > this.bytes.length) this.growBytes(end);
    this.bytes.set(this.key.subarray(this.keyFrom, this.keyTo), start);
    this.starts[this.size] = end;
  }

  private growBytes(atLeast: number): void {
    if (atLeast > MAX_ARENA) {
      throw new InvKpiError(
        "out_of_range",
        `invkpi: the ledger's ids hold more than ${MAX_ARENA} bytes of text, the most the duplicate-id check can keep; split the ledger by SKU (docs/scaling.md)`,
        { details: { bytes: atLeast } },
      );
    }
    this.bytes = lengthened(
      this.bytes,
      Math.min(MAX_ARENA, Math.max(atLeast, this.bytes.length * 1.5)),
    );
  }

  protected growEntries(capacity: number): void {
    this.starts = lengthened(this.starts, capacity + 1);
  }
}

/** Finite number ids. */
class NumberIds extends IdTable {
  private keys = new Float64Array(FIRST_CAPACITY);
  private id = 0;

  claim(id: number, row: number): number {
    this.id = id;
    return this.claimHashed(hashNumber(id), row);
  }

  protected matches(entry: number): boolean {
    return this.keys[entry] === this.id;
  }

  protected hashOf(entry: number): number {
    return hashNumber(this.keys[entry] as number);
  }

  protected append(): void {
    this.keys[this.size - 1] = this.id;
  }

  protected growEntries(capacity: number): void {
    this.keys = lengthened(this.keys, capacity);
  }
}

/** `array` copied into a new array of its kind with `length` elements (rounded up). */
function lengthened<T extends Uint8Array | Uint32Array | Float64Array>(
  array: T,
  length: number,
): T {
  return grown(array, new (array.constructor as new (length: number) => T)(Math.ceil(length)));
}

function isOneByteText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 255) return false;
  return true;
}

/**
 * The hash of a text id's bytes: FNV-1a, then MurmurHash3's finalizer, so that the low bits (the
 * slot) mix. Exported for the tests, which need two ids with one hash.
 */
export function textIdHash(bytes: Uint8Array, from: number, to: number): number {
  return finalMix(hashBytes(bytes, from, to));
}

const doubleView = new Float64Array(1);
const wordView = new Int32Array(doubleView.buffer);

function hashNumber(value: number): number {
  doubleView[0] = value;
  return finalMix((wordView[0] as number) ^ Math.imul(wordView[1] as number, 0x9e3779b1));
}

function finalMix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}
