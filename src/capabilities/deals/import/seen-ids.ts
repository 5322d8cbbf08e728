// The record ids one file has used, to refuse a second row with the same id (decision 038). A Set of a million
// strings would cost ~80 MB and grow with the file; this keeps a 64-bit hash per id in typed arrays, so a file's
// memory stays near flat. Two different ids hashing alike — about one chance in 10^7 for a ten-million-row file —
// would report a false duplicate, never lose a row silently.
//
// The hashes are spread over 64 small open-addressing tables, each grown by a quarter when it is 85 % full: about
// 10 bytes an id (~10 MB for a million), and growing copies one small table, never the whole set at once. One table
// doubled would hold up to 16 bytes an id and briefly 24 while it copies, which at a million rows was most of the
// import's growth in peak memory between 100,000 and 1,000,000 rows (issue 11 asks within 15 %).

/** Two independent 32-bit string hashes (FNV-1a and a multiplicative one), together 64 bits. */
function hashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
  // 0,0 marks an empty slot.
  return [(a >>> 0) || 1, b >>> 0];
}

const SHARDS = 64;
const MAX_LOAD = 0.85;

/** One open-addressing table with linear probing; a slot's place is the hash scaled to the table's size. */
class Shard {
  hi = new Uint32Array(64);
  lo = new Uint32Array(64);
  count = 0;

  put(h: number, l: number): boolean {
    if (this.count + 1 > this.hi.length * MAX_LOAD) this.grow();
    return this.place(h, l);
  }

  private place(h: number, l: number): boolean {
    const size = this.hi.length;
    // h is uniform over 32 bits: h * size / 2^32 is uniform over the slots, whatever the size.
    for (let i = Math.floor((h * size) / 4294967296); ; i = i + 1 === size ? 0 : i + 1) {
      if (this.hi[i] === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.count++;
        return true;
      }
      if (this.hi[i] === h && this.lo[i] === l) return false;
    }
  }

  private grow(): void {
    const [hi, lo] = [this.hi, this.lo];
    const size = Math.ceil(hi.length * 1.25);
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.count = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0) this.place(hi[i]!, lo[i]!);
  }
}

export class SeenIds {
  private shards = Array.from({ length: SHARDS }, () => new Shard());

  /** Adds the id; false when it was there already. */
  add(id: string): boolean {
    const [h, l] = hashes(id);
    return this.shards[l & (SHARDS - 1)]!.put(h, l);
  }
}
