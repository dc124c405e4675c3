/** The typed arrays that the engines, readers and tables grow. */
type GrowableArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/**
 * `bigger` with `array` copied into its start: the one grow-and-copy of every typed-array table
 * (ledger columns, state tables, layer pools, dictionaries, the id registry).
 *
 * @example
 * ```ts
 * [...grown(new Int32Array([1, 2]), new Int32Array(4))]; // [1, 2, 0, 0]
 * ```
 */
export function grown<T extends GrowableArray>(array: T, bigger: T): T {
  bigger.set(array);
  return bigger;
}
