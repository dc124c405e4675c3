/**
 * A min-heap of slots `0 … size - 1` by a numeric key, each slot in it at most once, whose keys
 * can change while in it: O(log n) per change. The general replay orders a day's transfers out
 * with it (see `TransferOutRounds`). Among equal keys the heap pops any one.
 *
 * @example
 * ```ts
 * const heap = new SlotHeap(3);
 * heap.set(0, 5);
 * heap.set(2, 1);
 * heap.set(0, 0); // a key changes
 * [heap.pop(), heap.pop(), heap.size]; // [0, 2, 0]
 * ```
 */
export class SlotHeap {
  /** The slots, as a binary heap: `keys[heap[k]] <= keys[heap[2k + 1]]`, `keys[heap[2k + 2]]`. */
  private readonly heap: Int32Array;
  /** Per slot, its place in `heap`, or -1 while it is not in the heap. */
  private readonly at: Int32Array;
  private readonly keys: Float64Array;
  private count = 0;

  constructor(slots: number) {
    this.heap = new Int32Array(slots);
    this.at = new Int32Array(slots).fill(-1);
    this.keys = new Float64Array(slots);
  }

  /** How many slots are in the heap. */
  get size(): number {
    return this.count;
  }

  /** Whether `slot` is in the heap. */
  has(slot: number): boolean {
    return (this.at[slot] as number) >= 0;
  }

  /** The smallest key (`Infinity` when the heap is empty). */
  minKey(): number {
    return this.count === 0
      ? Number.POSITIVE_INFINITY
      : (this.keys[this.heap[0] as number] as number);
  }

  /** Puts `slot` in the heap with `key`, or changes its key when it is in already. */
  set(slot: number, key: number): void {
    const place = this.at[slot] as number;
    const old = this.keys[slot] as number;
    this.keys[slot] = key;
    if (place < 0) {
      this.place(slot, this.count++);
      this.up(this.count - 1);
    } else if (key < old) this.up(place);
    else this.down(place);
  }

  /** Takes `slot` out of the heap, if it is in. */
  delete(slot: number): void {
    const place = this.at[slot] as number;
    if (place < 0) return;
    this.at[slot] = -1;
    const last = this.heap[--this.count] as number;
    if (place === this.count) return;
    this.place(last, place);
    this.up(place);
    this.down(this.at[last] as number);
  }

  /** Takes out and returns a slot of the smallest key (-1 when the heap is empty). */
  pop(): number {
    if (this.count === 0) return -1;
    const slot = this.heap[0] as number;
    this.delete(slot);
    return slot;
  }

  private place(slot: number, k: number): void {
    this.heap[k] = slot;
    this.at[slot] = k;
  }

  private less(k: number, j: number): boolean {
    return (
      (this.keys[this.heap[k] as number] as number) < (this.keys[this.heap[j] as number] as number)
    );
  }

  private swap(k: number, j: number): void {
    const slot = this.heap[k] as number;
    this.place(this.heap[j] as number, k);
    this.place(slot, j);
  }

  private up(k: number): void {
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.less(k, parent)) return;
      this.swap(k, parent);
      k = parent;
    }
  }

  private down(k: number): void {
    for (;;) {
      const left = 2 * k + 1;
      if (left >= this.count) return;
      const right = left + 1;
      const child = right < this.count && this.less(right, left) ? right : left;
      if (!this.less(child, k)) return;
      this.swap(k, child);
      k = child;
    }
  }
}
