// The record ids one file has used, to refuse a second row with the same id (decision 038). A Set of a million
// strings would cost ~80 MB and grow with the file; this keeps a 64-bit hash per id in typed arrays (16 bytes a
// slot at most, ~17 MB for a million), so a file's memory stays near flat. Two different ids hashing alike —
// about one chance in 10^7 for a ten-million-row file — would report a false duplicate, never lose a row silently.

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

export class SeenIds {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private count = 0;

  /** Adds the id; false when it was there already. */
  add(id: string): boolean {
    if ((this.count + 1) * 2 > this.hi.length) this.grow();
    const [h, l] = hashes(id);
    return this.put(h, l);
  }

  private put(h: number, l: number): boolean {
    const mask = this.hi.length - 1;
    for (let i = (h ^ l) & mask; ; i = (i + 1) & mask) {
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
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.count = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0) this.put(hi[i]!, lo[i]!);
  }
}
