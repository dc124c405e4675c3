/** FNV-1a's 32-bit offset basis (Fowler–Noll–Vo, draft-eastlake-fnv): the hash of no bytes. */
export const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a's 32-bit prime (16777619): each byte is XORed in, then the hash multiplied by it. */
export const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over `bytes[from, to)`, as a signed 32-bit integer: the hash of every byte-keyed table
 * (the CSV fast path's code dictionaries, the duplicate-id registry). Code that scans the bytes
 * anyway computes the same hash in its own loop with {@link FNV_OFFSET} and {@link FNV_PRIME}.
 *
 * @example
 * ```ts
 * hashBytes(new TextEncoder().encode("a"), 0, 1); // -468965076 (0xe40c292c)
 * ```
 */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ (bytes[i] as number), FNV_PRIME);
  return hash | 0;
}
