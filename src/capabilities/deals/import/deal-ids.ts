// Ids for imported deals: UUIDs in time order (RFC 9562 version 7, with a counter in rand_a), so a million new deals
// land at the end of the id index and of every (workspace, date, id) index instead of at random places in them —
// what made a first million-row import on SQLite several times slower with random UUIDs. Still 122 bits that no
// one can guess from another id of the same millisecond: rand_b stays random.
import { randomFillSync } from 'node:crypto';

const POOL_IDS = 4096;

export class DealIds {
  private pool = Buffer.alloc(8 * POOL_IDS);
  private used = POOL_IDS;
  private lastMs = 0;
  private counter = 0;

  next(): string {
    let ms = Date.now();
    if (ms <= this.lastMs) {
      // The same millisecond (or a clock stepping back): count on, and borrow the next millisecond when full.
      ms = this.lastMs;
      if (++this.counter > 0xfff) {
        ms = ++this.lastMs;
        this.counter = 0;
      }
    } else {
      this.lastMs = ms;
      this.counter = 0;
    }
    if (this.used === POOL_IDS) {
      randomFillSync(this.pool);
      this.used = 0;
    }
    const r = this.pool.toString('hex', this.used * 8, this.used * 8 + 8);
    this.used++;
    const time = ms.toString(16).padStart(12, '0');
    const variant = ((parseInt(r[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${this.counter.toString(16).padStart(3, '0')}-${variant}${r.slice(1, 4)}-${r.slice(4, 16)}`;
  }
}
