// The messaging part of the scaled demo workspaces (decision 022; issue 12 "Speed"): the small demo's pains said by
// every region's buyers — 1,000 pains with 50,000 evidence quotes in the large workspace (250 and 6,000 in the 10x),
// the size the analyzer is measured at — and the small demo's pieces once per region, each analysed by the real
// analyzer against that library. Inserted in multi-row chunks inside seedDemo's one transaction.
import type { Db } from '../../db/database.js';
import type { EvidenceTable, PainsTable } from '../../db/schema/messaging.js';
import { newId } from '../../server/ids.js';
import { calendarDate, localDateOf } from '../../shared/calendar/index.js';
import { SCALED_DEMOS, type DemoContext } from '../../shared/contracts/demo.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { DEMO_PAINS, DEMO_PIECES } from './demo-content.js';
import { at, seedDemoPieces } from './demo.js';

const SHAPE: Record<'10x' | 'large', { pains: number; evidence: number }> = { '10x': { pains: 250, evidence: 6_000 }, large: { pains: 1_000, evidence: 50_000 } };
const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise'];
const ASIDES = ['', '', '', ' Honestly, it is the whole problem.', ' That is what the VP said twice.', ' Their ops lead nodded.', ' Same story as last quarter.', ' It came up before pricing.'];
const CHUNK = 500;

export async function seedLargeMessagingDemo(db: Db, demo: DemoContext): Promise<void> {
  if (demo.size === 'demo') return;
  const shape = SHAPE[demo.size];
  const { years, regions } = SCALED_DEMOS[demo.size];
  const rand = seededRandom(20261207);
  const ws = demo.workspaceId;
  const today = localDateOf(demo.now, demo.timeZone);
  const base = DEMO_PAINS.filter((p) => !p.retired);
  const sellers = demo.people.filter((p) => p.team === 'sales' && p.role !== 'viewer');
  const founded = at(calendarDate.addDays(today, -Math.round(years * 365)), 14, demo.now);

  // Each base pain as each region and segment's buyers say it, until the library has its size.
  const pains: Array<PainsTable & { quotes: string[]; heard: number }> = [];
  for (let i = 0; pains.length < shape.pains; i++) {
    const p = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    const region = regions[round % regions.length]![0];
    const segment = SEGMENTS[Math.floor(round / regions.length) % SEGMENTS.length]!;
    pains.push({
      id: newId(),
      workspace_id: ws,
      statement: round === 0 ? p.statement : `${p.statement} (${region}, ${segment})`,
      persona: p.persona,
      segment: round === 0 ? p.segment : segment,
      severity: p.severity,
      emotion: p.emotion,
      synonyms: JSON.stringify(p.synonyms),
      status: 'active',
      created_by: null,
      created_at: founded,
      updated_at: founded,
      retired_at: null,
      quotes: p.quotes,
      heard: p.heard * (0.3 + rand()),
    });
  }
  for (let i = 0; i < pains.length; i += CHUNK) await db.insertInto('pains').values(pains.slice(i, i + CHUNK).map(({ quotes: _q, heard: _h, ...row }) => row)).execute();

  const total = pains.reduce((s, p) => s + p.heard, 0);
  const days = Math.round(years * 365);
  let batch: EvidenceTable[] = [];
  const flush = async () => {
    if (batch.length > 0) await db.insertInto('evidence').values(batch).execute();
    batch = [];
  };
  for (let n = 0; n < shape.evidence; n++) {
    let r = rand() * total;
    let pain = pains[pains.length - 1]!;
    for (const p of pains) {
      r -= p.heard;
      if (r < 0) {
        pain = p;
        break;
      }
    }
    const date = calendarDate.addDays(today, -Math.floor(days * (1 - Math.sqrt(rand()))));
    const seller = sellers[Math.floor(rand() * sellers.length)];
    const stamp = at(date, 17, demo.now);
    batch.push({
      id: newId(),
      workspace_id: ws,
      pain_id: rand() < 0.03 ? null : pain.id,
      member_id: seller?.memberId ?? null,
      date,
      account: `Account ${1 + Math.floor(rand() * 4_000)}`,
      deal_id: null,
      deal_external_id: rand() < 0.5 ? String(9_000_000_000 + Math.floor(rand() * 1_000_000) * 7_919) : null,
      amount: rand() < 0.6 ? Math.round(5_000 + rand() * 120_000) * 100 : null,
      outcome: rand() < 0.25 ? 'won' : rand() < 0.4 ? 'lost' : 'open',
      quote: `${pain.quotes[Math.floor(rand() * pain.quotes.length)]!}${ASIDES[Math.floor(rand() * ASIDES.length)]!}`,
      notes: null,
      created_at: stamp,
      updated_at: stamp,
    });
    if (batch.length === CHUNK) await flush();
  }
  await flush();

  // The small demo's pieces, once per region (the scaled workspace's field marketing teams write their own).
  for (const [region] of regions) await seedDemoPieces(db, demo, DEMO_PIECES.map((p) => ({ ...p, title: `${p.title} — ${region}` })));
}
