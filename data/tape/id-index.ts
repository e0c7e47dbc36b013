/**
 * Exact duplicate detection for loan ids over million-row tapes with flat, small memory.
 *
 * A `Map<string, number>` of a million ids costs ~120 MB and seconds of garbage collection (a
 * million live strings to trace). Here the ids' UTF-16 code units are copied into one growing
 * arena and indexed by an open-addressing hash table (linear probing, FNV-1a hash) of typed
 * arrays: ~25 bytes per id, nothing for the GC to trace, and comparisons are exact (a hash match
 * is confirmed code unit by code unit). The arena holds a byte per code unit while every id is
 * Latin-1 (loan numbers almost always are: half the memory), and widens to two bytes at the
 * first id that is not.
 */
export class LoanIdIndex {
  #chars: Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> = new Uint8Array(1 << 20);
  #used = 0;
  /** Per entry k: start of its code units in the arena (entry k ends where k + 1 starts). */
  #starts = new Int32Array(1 << 16);
  #rows = new Int32Array(1 << 16);
  #hashes = new Int32Array(1 << 16);
  #count = 0;
  /** Slots hold entry number + 1 (0 = empty). Size is a power of two, at most half full. */
  #slots = new Int32Array(1 << 17);

  get size(): number {
    return this.#count;
  }

  /**
   * Records `id` as first seen on `row` and returns 0, or, when the id was seen before,
   * returns the row it was first seen on (and records nothing).
   */
  firstRowOf(id: string, row: number): number {
    const length = id.length;
    let hash = 0x811c9dc5;
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    hash |= 0; // as stored in the Int32Array (matters for the empty id, which skips the loop)
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.#slots[slot] ?? 0;
      if (entry === 0) break;
      const k = entry - 1;
      if (this.#hashes[k] === hash && this.#equals(k, id)) return this.#rows[k] ?? 0;
      slot = (slot + 1) & mask;
    }
    this.#append(id, row, hash);
    this.#slots[slot] = this.#count;
    if (this.#count * 2 > this.#slots.length) this.#rehash();
    return 0;
  }

  #equals(k: number, id: string): boolean {
    const start = this.#starts[k] ?? 0;
    const end = k + 1 < this.#count ? (this.#starts[k + 1] ?? 0) : this.#used;
    if (end - start !== id.length) return false;
    const chars = this.#chars;
    for (let i = 0; i < id.length; i++) if (chars[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  #append(id: string, row: number, hash: number): void {
    const wide = this.#chars instanceof Uint8Array && !isLatin1(id);
    if (wide || this.#used + id.length > this.#chars.length) {
      const size = this.#used + id.length > this.#chars.length ? Math.max(this.#chars.length * 2, this.#used + id.length) : this.#chars.length;
      const grown = wide || this.#chars instanceof Uint16Array ? new Uint16Array(size) : new Uint8Array(size);
      grown.set(this.#chars.subarray(0, this.#used));
      this.#chars = grown;
    }
    if (this.#count === this.#starts.length) {
      this.#starts = grow(this.#starts);
      this.#rows = grow(this.#rows);
      this.#hashes = grow(this.#hashes);
    }
    const chars = this.#chars;
    const start = this.#used;
    for (let i = 0; i < id.length; i++) chars[start + i] = id.charCodeAt(i);
    this.#used += id.length;
    this.#starts[this.#count] = start;
    this.#rows[this.#count] = row;
    this.#hashes[this.#count] = hash;
    this.#count++;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.#count; k++) {
      let slot = (this.#hashes[k] ?? 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    }
    this.#slots = slots;
  }
}

function isLatin1(id: string): boolean {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) > 0xff) return false;
  return true;
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
