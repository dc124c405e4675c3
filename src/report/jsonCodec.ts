import type { Decimal } from "../model/Decimal.js";
import { parseIsoDay } from "../model/day.js";
import { decimalOfFields, fieldsOf } from "../model/decimalFields.js";
import { decimalOfText } from "../model/decimalOfText.js";
import { displayPath } from "../model/fieldPath.js";
import { describeValue } from "../model/InvKpiError.js";
import { isDecimal, type MoneyInput } from "../model/money.js";

// Small typed codecs between the report's values and JSON: the partial records of a sharded run
// (docs/scaling.md) are written with them and read back, checked field by field. A codec of an
// object names a codec for every field of its type, so the compiler refuses a codec that misses a
// field; key order is kept both ways, so a value read back is the value written, even where an
// output depends on key order (`reasons` objects).
//
// Each codec also writes the value to a `Tape` and reads it back: flat numbers and texts, for
// worker threads (`analyzeLedger(..., { threads })`), where a Float64Array moves between threads
// at no cost and reading it back is several times faster than parsing JSON and decimal text. A
// tape comes from this invkpi and is trusted: it is not checked.

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Flat numbers and texts that values are written to, in order (see {@link JsonCodec.write}). */
export interface Tape {
  readonly numbers: number[];
  readonly texts: string[];
}

/** A tape being read: its numbers and texts, and how far each has been read. */
export interface TapeReader {
  readonly numbers: ArrayLike<number>;
  readonly texts: readonly string[];
  number: number;
  text: number;
}

/** Turns a value into JSON and back, checking the JSON on the way back; also to a tape and back. */
export interface JsonCodec<T> {
  readonly encode: (value: T) => Json;
  /** @throws JsonShapeError when the JSON does not have the expected shape. */
  readonly decode: (json: unknown) => T;
  /** Appends the value to a tape. */
  readonly write: (value: T, tape: Tape) => void;
  /** Reads the next value of a tape, as written by {@link write}. */
  readonly read: (tape: TapeReader) => T;
  /** Set by {@link optional}: the field may be absent. */
  readonly optional?: true;
}

/** A codec of a field that may be absent (`field?: T`). */
export type OptionalCodec<T> = JsonCodec<T> & { readonly optional: true };

/**
 * A problem in decoded JSON: what was expected, and the path to it, filled in from the inside out
 * as the error passes through the object and array codecs (no path is built while all is well).
 */
export class JsonShapeError extends Error {
  readonly path: (string | number)[] = [];

  constructor(problem: string) {
    super(problem);
    this.name = "JsonShapeError";
  }

  /** The path as text: `history.layers[2].value`. */
  get where(): string {
    return displayPath(this.path);
  }
}

function expected(what: string, json: unknown): JsonShapeError {
  return new JsonShapeError(`expected ${what}, got ${describeValue(json)}`);
}

/** Adds one step of the path to an error passing outwards. */
function within(error: unknown, step: string | number): unknown {
  if (error instanceof JsonShapeError) error.path.unshift(step);
  return error;
}

/** A finite number. */
export const numberCodec: JsonCodec<number> = {
  encode: (value) => value,
  write: (value, tape) => {
    tape.numbers.push(value);
  },
  read: (tape) => tape.numbers[tape.number++] as number,
  decode: (json) => {
    if (typeof json !== "number" || !Number.isFinite(json)) throw expected("a number", json);
    return json;
  },
};

/**
 * A number in a range that every value of its field is in (a flow ≥ 0, a count): the JSON and tape
 * forms of {@link numberCodec}, and decoding refuses a number outside the range, saying what was
 * expected. One comparison per value: no parsing.
 */
function numberWhere(what: string, holds: (value: number) => boolean): JsonCodec<number> {
  return {
    ...numberCodec,
    decode: (json) => {
      if (typeof json !== "number" || !Number.isFinite(json)) throw expected("a number", json);
      if (!holds(json)) throw expected(what, json);
      return json;
    },
  };
}

/** A number ≥ 0: a quantity that a run never writes below zero (units received, an age). */
export const nonNegativeCodec: JsonCodec<number> = numberWhere("a number ≥ 0", (n) => n >= 0);

/** A whole number ≥ 0 (a count of days, rows or movements), exact in a double. */
export const countCodec: JsonCodec<number> = numberWhere(
  "a whole number ≥ 0",
  (n) => Number.isSafeInteger(n) && n >= 0,
);

/** A whole number from `min` to `max`. */
export function wholeNumberCodec(min: number, max: number): JsonCodec<number> {
  return numberWhere(
    `a whole number from ${min} to ${max}`,
    (n) => Number.isInteger(n) && n >= min && n <= max,
  );
}

/** A text. */
export const stringCodec: JsonCodec<string> = {
  encode: (value) => value,
  write: (value, tape) => {
    tape.texts.push(value);
  },
  read: (tape) => tape.texts[tape.text++] as string,
  decode: (json) => {
    if (typeof json !== "string") throw expected("text", json);
    return json;
  },
};

/** A calendar day as `'YYYY-MM-DD'` (`parseIsoDay`: `2024-02-30` and `NaN` are not days). */
export const dayCodec: JsonCodec<string> = {
  ...stringCodec,
  decode: (json) => {
    if (typeof json !== "string" || parseIsoDay(json) === null) {
      throw expected("a calendar day as 'YYYY-MM-DD'", json);
    }
    return json;
  },
};

/** A calendar month as `'YYYY-MM'`. */
export const monthCodec: JsonCodec<string> = {
  ...stringCodec,
  decode: (json) => {
    if (typeof json !== "string" || json.length !== 7 || parseIsoDay(`${json}-01`) === null) {
      throw expected("a calendar month as 'YYYY-MM'", json);
    }
    return json;
  },
};

/** `true` or `false`. */
export const booleanCodec: JsonCodec<boolean> = {
  encode: (value) => value,
  write: (value, tape) => {
    tape.numbers.push(value ? 1 : 0);
  },
  read: (tape) => tape.numbers[tape.number++] === 1,
  decode: (json) => {
    if (typeof json !== "boolean") throw expected("true or false", json);
    return json;
  },
};

function decimalText(value: Decimal): string {
  return value.isZero() && value.isNegative() ? "-0" : value.toFixed();
}

/**
 * An exact amount as its fixed-point text (`"175.4193548"`, never exponent notation); a negative
 * zero is written `"-0"` so that it comes back as it was.
 */
export const decimalCodec: JsonCodec<Decimal> = {
  encode: (value) => decimalText(value),
  // On a tape, decimal.js's own fields (sign, exponent, base-10^7 words): no text to parse.
  write: (value, tape) => {
    const { s, e, d } = fieldsOf(value);
    const words = d as readonly number[]; // an amount is finite: it has words
    const { numbers } = tape;
    numbers.push(s, e, words.length);
    for (const word of words) numbers.push(word);
  },
  read: (tape) => {
    const { numbers } = tape;
    let at = tape.number;
    const s = numbers[at++] as number;
    const e = numbers[at++] as number;
    const words = numbers[at++] as number;
    const d: number[] = new Array(words);
    for (let i = 0; i < words; i++) d[i] = numbers[at++] as number;
    tape.number = at;
    // As decimal.js's constructor lays it out, with the clone's settings (`decimalOfFields`).
    return decimalOfFields(s, e, d);
  },
  decode: (json) => {
    // Plain decimal text read in one loop (the regular expression and decimal.js's constructor
    // took a quarter of a `combine` run), equal to `new Decimal(json)`.
    const value = typeof json === "string" ? decimalOfText(json) : null;
    if (value === null) throw expected("an exact decimal as text", json);
    return value;
  },
};

/**
 * A money input of master data as given: a number stays a number, a text stays the same text, a
 * `Decimal` becomes its exact text (the same amount for every calculator).
 */
export const moneyInputCodec: JsonCodec<MoneyInput> = {
  encode: (value) => (isDecimal(value) ? decimalCodec.encode(value) : value),
  write: (value, tape) => {
    if (typeof value === "number") {
      tape.numbers.push(0, value);
    } else {
      tape.numbers.push(1);
      tape.texts.push(isDecimal(value) ? decimalText(value) : value);
    }
  },
  read: (tape) =>
    tape.numbers[tape.number++] === 0
      ? (tape.numbers[tape.number++] as number)
      : (tape.texts[tape.text++] as string),
  decode: (json) => {
    if (typeof json === "string") return json;
    return numberCodec.decode(json);
  },
};

/** One of a fixed list of texts. */
export function oneOf<T extends string>(values: readonly T[]): JsonCodec<T> {
  const allowed = new Set<string>(values);
  return {
    encode: (value) => value,
    write: (value, tape) => {
      tape.texts.push(value);
    },
    read: (tape) => tape.texts[tape.text++] as T,
    decode: (json) => {
      if (typeof json !== "string" || !allowed.has(json)) {
        throw expected(`one of ${values.join(", ")}`, json);
      }
      return json as T;
    },
  };
}

/** `T` or `null`. */
export function nullable<T>(codec: JsonCodec<T>): JsonCodec<T | null> {
  return {
    encode: (value) => (value === null ? null : codec.encode(value)),
    decode: (json) => (json === null ? null : codec.decode(json)),
    write: (value, tape) => {
      tape.numbers.push(value === null ? 0 : 1);
      if (value !== null) codec.write(value, tape);
    },
    read: (tape) => (tape.numbers[tape.number++] === 0 ? null : codec.read(tape)),
  };
}

/**
 * `codec`, and decoding also checks the decoded value as a whole (fields that must agree with one
 * another): `check` returns the problem, its path filled in from the value, or `null`.
 */
export function refined<T>(
  codec: JsonCodec<T>,
  check: (value: T) => JsonShapeError | null,
): JsonCodec<T> {
  return {
    ...codec,
    decode: (json) => {
      const value = codec.decode(json);
      const problem = check(value);
      if (problem !== null) throw problem;
      return value;
    },
  };
}

/** A problem with one field of a value being decoded: `problem` at `field` (`['days']`). */
export function fieldProblem(field: readonly (string | number)[], problem: string): JsonShapeError {
  const error = new JsonShapeError(problem);
  error.path.push(...field);
  return error;
}

/** A field that may be absent (`field?: T`): absent in the JSON when absent in the value. */
export function optional<T>(codec: JsonCodec<T>): OptionalCodec<T> {
  return { ...codec, optional: true };
}

/** A field that is always there but may be `undefined` (`field: T | undefined`): `null` in JSON. */
export function orUndefined<T>(codec: JsonCodec<T>): JsonCodec<T | undefined> {
  return {
    encode: (value) => (value === undefined ? null : codec.encode(value)),
    decode: (json) => (json === null ? undefined : codec.decode(json)),
    write: (value, tape) => {
      tape.numbers.push(value === undefined ? 0 : 1);
      if (value !== undefined) codec.write(value, tape);
    },
    read: (tape) => (tape.numbers[tape.number++] === 0 ? undefined : codec.read(tape)),
  };
}

/** An array of `T`. */
export function arrayOf<T>(codec: JsonCodec<T>): JsonCodec<readonly T[]> {
  return {
    encode: (values) => values.map(codec.encode),
    write: (values, tape) => {
      tape.numbers.push(values.length);
      for (const value of values) codec.write(value, tape);
    },
    read: (tape) => {
      const length = tape.numbers[tape.number++] as number;
      const values: T[] = new Array(length);
      for (let i = 0; i < length; i++) values[i] = codec.read(tape);
      return values;
    },
    decode: (json) => {
      if (!Array.isArray(json)) throw expected("an array", json);
      const values: T[] = new Array(json.length);
      for (let i = 0; i < json.length; i++) {
        try {
          values[i] = codec.decode(json[i]);
        } catch (error) {
          throw within(error, i);
        }
      }
      return values;
    },
  };
}

/**
 * An object whose keys are data (`reasons`: field → code): any keys, each value through `codec`,
 * in their order.
 */
export function dictionaryOf<T extends object>(codec: JsonCodec<T[keyof T]>): JsonCodec<T> {
  return {
    encode: (value) => {
      const json: Record<string, Json> = {};
      for (const [key, entry] of Object.entries(value)) json[key] = codec.encode(entry);
      return json;
    },
    write: (value, tape) => {
      const entries = Object.entries(value);
      tape.numbers.push(entries.length);
      for (const [key, entry] of entries) {
        tape.texts.push(key);
        codec.write(entry, tape);
      }
    },
    read: (tape) => {
      const value: Record<string, unknown> = {};
      const count = tape.numbers[tape.number++] as number;
      for (let i = 0; i < count; i++) {
        const key = tape.texts[tape.text++] as string;
        Object.defineProperty(value, key, {
          value: codec.read(tape),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return value as T;
    },
    decode: (json) => {
      if (!isJsonObject(json)) throw expected("an object", json);
      const value: Record<string, unknown> = {};
      for (const key of Object.keys(json)) {
        try {
          Object.defineProperty(value, key, {
            value: codec.decode(json[key]),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } catch (error) {
          throw within(error, key);
        }
      }
      return value as T;
    },
  };
}

/** The keys of `T` that may be absent. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** A codec for every field of `T`: {@link optional} ones for the fields that may be absent. */
export type FieldCodecs<T> = {
  readonly [K in keyof T]-?: K extends OptionalKeys<T>
    ? OptionalCodec<Exclude<T[K], undefined>>
    : JsonCodec<T[K]>;
};

/** What an object codec does with a key it has no codec for. */
export type UnknownKeys =
  /** Refuse it: the value is the library's own, and a field without a codec is a bug. */
  | "error"
  /** Leave it out: the value came from the caller (master data may carry fields of their own). */
  | "drop";

/**
 * An object with the given fields. Keys keep their order, both ways. Decoding refuses a key without
 * a codec and a missing field that is not optional.
 */
export function objectOf<T extends object>(
  fields: FieldCodecs<T>,
  unknownKeys: UnknownKeys = "error",
): JsonCodec<T> {
  const codecs = new Map<string, JsonCodec<unknown>>(
    Object.entries(fields as Record<string, JsonCodec<unknown>>),
  );
  const required = [...codecs].filter(([, c]) => c.optional !== true).map(([key]) => key);
  // On a tape: the number of fields present, then each field's index and value, in the value's
  // key order.
  const names = [...codecs.keys()];
  const indexOf = new Map(names.map((name, index) => [name, index]));
  const byIndex = [...codecs.values()];
  return {
    write: (value, tape) => {
      const { numbers } = tape;
      const countAt = numbers.length;
      numbers.push(0);
      let count = 0;
      for (const key of Object.keys(value)) {
        const index = indexOf.get(key);
        if (index === undefined) {
          if (unknownKeys === "drop") continue;
          throw new Error(`jsonCodec: no codec for the field '${key}'`);
        }
        const entry = (value as Record<string, unknown>)[key];
        const codec = byIndex[index] as JsonCodec<unknown>;
        if (entry === undefined && codec.optional === true) continue;
        numbers.push(index);
        codec.write(entry, tape);
        count++;
      }
      numbers[countAt] = count;
    },
    read: (tape) => {
      const value: Record<string, unknown> = {};
      const count = tape.numbers[tape.number++] as number;
      for (let i = 0; i < count; i++) {
        const index = tape.numbers[tape.number++] as number;
        value[names[index] as string] = (byIndex[index] as JsonCodec<unknown>).read(tape);
      }
      return value as T;
    },
    encode: (value) => {
      const json: Record<string, Json> = {};
      for (const key of Object.keys(value)) {
        const codec = codecs.get(key);
        const entry = (value as Record<string, unknown>)[key];
        if (codec === undefined) {
          if (unknownKeys === "drop") continue;
          throw new Error(`jsonCodec: no codec for the field '${key}'`);
        }
        if (entry === undefined && codec.optional === true) continue;
        json[key] = codec.encode(entry);
      }
      return json;
    },
    decode: (json) => {
      if (!isJsonObject(json)) throw expected("an object", json);
      const value: Record<string, unknown> = {};
      for (const key of Object.keys(json)) {
        const codec = codecs.get(key);
        if (codec === undefined) {
          if (unknownKeys === "drop") continue;
          throw within(new JsonShapeError("is not a field of this record"), key);
        }
        try {
          value[key] = codec.decode(json[key]);
        } catch (error) {
          throw within(error, key);
        }
      }
      for (const key of required) {
        if (!(key in value)) throw within(new JsonShapeError("is missing"), key);
      }
      return value as T;
    },
  };
}

function isJsonObject(json: unknown): json is Record<string, unknown> {
  return typeof json === "object" && json !== null && !Array.isArray(json);
}
