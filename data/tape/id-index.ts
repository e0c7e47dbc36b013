/**
 * Exact duplicate detection for loan ids over million-row tapes with flat, small memory.
 *
 * A `Map<string, number>` of a million ids costs ~120 MB and seconds of garbage collection (a
 * million live strings to trace). Here the ids' UTF-16 code units are copied into pages of 1 Mi
 * code units and indexed by an open-addressing hash table (linear probing, FNV-1a hash) of typed
 * arrays: ≈ 29 bytes per id of 13 characters, nothing for the GC to trace, and comparisons are
 * exact (a probe compares the stored id code unit by code unit, from its end, where sequential
 * loan numbers differ). The pages hold a byte per code unit while every id is Latin-1 (loan
 * numbers almost always are: half the memory), and widen to two bytes at the first id that is
 * not. Pages rather than one arena doubled as it fills: at a million ids of 13 characters the
 * doubled arena was 16 MiB for 13 MiB of ids (24 MiB while it was copied), and each entry also
 * kept its hash (4 MiB more); the hash is now recomputed from the pages when the table grows.
 */

/** Code units per page (a position is page << PAGE_BITS | offset). */
const PAGE_BITS = 20;
const PAGE = 1 << PAGE_BITS;
/** Ids longer than this (none a loan system writes) are kept in a Map beside the pages. */
const LONGEST_PAGED = 4096;

type Page = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer>;

export class LoanIdIndex {
  #pages: Page[] = [new Uint8Array(PAGE)];
  /** Code units used in each page. */
  #pageUsed: number[] = [0];
  #wide = false;
  /** Per entry k: position of its first code unit. */
  #starts = new Int32Array(1 << 16);
  #rows = new Int32Array(1 << 16);
  #count = 0;
  /** Slots hold entry number + 1 (0 = empty). Size is a power of two, at most half full. */
  #slots = new Int32Array(1 << 17);
  readonly #long = new Map<string, number>();

  get size(): number {
    return this.#count + this.#long.size;
  }

  /**
   * Records `id` as first seen on `row` and returns 0, or, when the id was seen before,
   * returns the row it was first seen on (and records nothing).
   */
  firstRowOf(id: string, row: number): number {
    if (id.length > LONGEST_PAGED) {
      const first = this.#long.get(id);
      if (first !== undefined) return first;
      this.#long.set(id, row);
      return 0;
    }
    const mask = this.#slots.length - 1;
    let slot = hashOf(id) & mask;
    for (;;) {
      const entry = this.#slots[slot] ?? 0;
      if (entry === 0) break;
      if (this.#equals(entry - 1, id)) return this.#rows[entry - 1] ?? 0;
      slot = (slot + 1) & mask;
    }
    this.#append(id, row);
    this.#slots[slot] = this.#count;
    if (this.#count * 2 > this.#slots.length) this.#rehash();
    return 0;
  }

  /** Position just after entry k's last code unit: where the next id of its page starts, else where its page's ids end. */
  #end(k: number, start: number): number {
    const next = k + 1 < this.#count ? (this.#starts[k + 1] ?? 0) : -1;
    if (next >= 0 && next >>> PAGE_BITS === start >>> PAGE_BITS) return next;
    const pageNo = start >>> PAGE_BITS;
    return (pageNo << PAGE_BITS) + (this.#pageUsed[pageNo] ?? 0);
  }

  #equals(k: number, id: string): boolean {
    const start = this.#starts[k] ?? 0;
    const length = id.length;
    if (this.#end(k, start) - start !== length) return false;
    const page = this.#pages[start >>> PAGE_BITS] as Page;
    const offset = start & (PAGE - 1);
    for (let i = length - 1; i >= 0; i--) if (page[offset + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  #append(id: string, row: number): void {
    if (!this.#wide && !isLatin1(id)) this.#widen();
    const length = id.length;
    let pageNo = this.#pages.length - 1;
    let offset = this.#pageUsed[pageNo] ?? 0;
    if (offset + length >= PAGE) {
      // A new page: an id never straddles two, and every offset stays below PAGE.
      this.#pages.push(this.#wide ? new Uint16Array(PAGE) : new Uint8Array(PAGE));
      this.#pageUsed.push(0);
      pageNo++;
      offset = 0;
    }
    if (this.#count === this.#starts.length) {
      this.#starts = grow(this.#starts);
      this.#rows = grow(this.#rows);
    }
    const page = this.#pages[pageNo] as Page;
    for (let i = 0; i < length; i++) page[offset + i] = id.charCodeAt(i);
    this.#pageUsed[pageNo] = offset + length;
    this.#starts[this.#count] = (pageNo << PAGE_BITS) | offset;
    this.#rows[this.#count] = row;
    this.#count++;
  }

  /** Every page from a byte to two bytes per code unit (Latin-1 code units are their own values). */
  #widen(): void {
    this.#pages = this.#pages.map((page) => Uint16Array.from(page));
    this.#wide = true;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.#count; k++) {
      const start = this.#starts[k] ?? 0;
      const page = this.#pages[start >>> PAGE_BITS] as Page;
      const offset = start & (PAGE - 1);
      let slot = hashOfUnits(page, offset, this.#end(k, start) - start) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    }
    this.#slots = slots;
  }
}

/** FNV-1a over the id's UTF-16 code units. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash;
}

/** hashOf the `length` code units stored from `offset` of a page. */
function hashOfUnits(page: Page, offset: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = offset; i < offset + length; i++) hash = Math.imul(hash ^ (page[i] ?? 0), 0x01000193);
  return hash;
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
