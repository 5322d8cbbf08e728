import { describe, expect, it } from 'vitest';
import { KPI_UNITS, catalogKind, kpiCatalog, matchKpiKind, normalizeKpiText, type KpiKind } from '../../../src/capabilities/goals/domain/index.js';

describe('kpiCatalog', () => {
  it('has the built-in kinds the spec names, with unit, direction and default team', () => {
    const expected: [string, string, string, string][] = [
      ['mqls', 'count', 'higher', 'marketing'],
      ['sqls', 'count', 'higher', 'sales'],
      ['lead_to_opportunity_rate', 'percent', 'higher', 'sales'],
      ['pipeline_generated', 'currency', 'higher', 'sales'],
      ['marketing_sourced_pipeline', 'currency', 'higher', 'marketing'],
      ['win_rate', 'percent', 'higher', 'sales'],
      ['revenue_closed', 'currency', 'higher', 'sales'],
      ['average_deal_size', 'currency', 'higher', 'sales'],
      ['sales_cycle_length', 'days', 'lower', 'sales'],
      ['lead_response_time', 'hours', 'lower', 'sales'],
      ['mql_to_sal_rate', 'percent', 'higher', 'marketing'],
      ['cac', 'currency', 'lower', 'marketing'],
      ['content_engagement', 'count', 'higher', 'marketing'],
    ];
    for (const [id, unit, direction, team] of expected) {
      expect(catalogKind(id), id).toMatchObject({ unit, direction, defaultTeam: team, builtIn: true });
    }
    expect(kpiCatalog.some((k) => k.unit === 'ratio')).toBe(true);
  });

  it('has unique ids, known units, a measurement hint and aliases for every kind', () => {
    expect(new Set(kpiCatalog.map((k) => k.id)).size).toBe(kpiCatalog.length);
    for (const k of kpiCatalog) {
      expect(KPI_UNITS).toContain(k.unit);
      expect(k.measuredAs.length).toBeGreaterThan(10);
      expect(k.aliases.length).toBeGreaterThan(0);
    }
  });

  it('sums flows and takes the latest reading of rates and per-deal money', () => {
    expect(catalogKind('mqls')?.aggregation).toBe('sum');
    expect(catalogKind('revenue_closed')?.aggregation).toBe('sum');
    expect(catalogKind('average_deal_size')?.aggregation).toBe('latest');
    expect(catalogKind('cac')?.aggregation).toBe('latest');
    expect(catalogKind('win_rate')?.aggregation).toBe('latest');
  });

  it('does not give one alias to two kinds', () => {
    const owner = new Map<string, string>();
    for (const k of kpiCatalog) {
      for (const a of k.aliases) {
        const n = normalizeKpiText(a);
        expect(owner.get(n) ?? k.id, `"${a}"`).toBe(k.id);
        owner.set(n, k.id);
      }
    }
  });
});

describe('normalizeKpiText', () => {
  it('lower-cases, strips punctuation, reads arrows and stems plurals', () => {
    expect(normalizeKpiText('  Lead-Gen!! ')).toBe('lead gen');
    expect(normalizeKpiText("MQL's")).toBe('mql');
    expect(normalizeKpiText('MQLs → SALs')).toBe('mql to sal');
    expect(normalizeKpiText('Opps')).toBe('opportunity');
    expect(normalizeKpiText('Opportunities')).toBe('opportunity');
    expect(normalizeKpiText('win %')).toBe('win percent');
    expect(normalizeKpiText('Business')).toBe('business');
  });

  it("reads words that are also Object.prototype's names as words", () => {
    expect(normalizeKpiText('constructor pipeline')).toBe('constructor pipeline');
    expect(normalizeKpiText('toString __proto__ hasOwnProperty')).not.toBe('');
  });
});

describe('matchKpiKind', () => {
  it.each([
    ['lead gen', 'mqls'],
    ['Leads', 'mqls'],
    ['lead volume', 'mqls'],
    ['More MQL volume', 'mqls'],
    ['Marketing Qualified Leads', 'mqls'],
    ['SQLs', 'sqls'],
    ['pipeline', 'pipeline_generated'],
    ['Pipeline generated', 'pipeline_generated'],
    ['marketing-sourced pipeline', 'marketing_sourced_pipeline'],
    ['closed revenue', 'revenue_closed'],
    ['Bookings', 'revenue_closed'],
    ['win %', 'win_rate'],
    ['close rate', 'win_rate'],
    ['lead→opp conversion', 'lead_to_opportunity_rate'],
    ['Lead to opportunity conversion', 'lead_to_opportunity_rate'],
    ['Lead response time', 'lead_response_time'],
    ['speed-to-lead', 'lead_response_time'],
    ['faster follow-up on leads', 'lead_response_time'],
    ['MQL to SAL acceptance', 'mql_to_sal_rate'],
    ['better lead quality', 'mql_to_sal_rate'],
    ['customer acquisition cost', 'cac'],
    ['bigger deals', 'average_deal_size'],
    ['shorter sales cycle', 'sales_cycle_length'],
    ['content engagement', 'content_engagement'],
    ['win_rate', 'win_rate'],
  ])('"%s" names %s', (text, kind) => {
    expect(matchKpiKind(text)).toBe(kind);
  });

  it.each(['case studies', 'brand awareness', 'pipeline and win rate', '', '   ', '!!!'])('"%s" names no single kind and stays free text', (text) => {
    expect(matchKpiKind(text)).toBeNull();
  });

  // How people write what they expect of the other team: other words, other orders, filler. Each names one KPI.
  it.each([
    ['Follow-up speed on leads', 'lead_response_time'],
    ['Fast follow-up on MQLs', 'lead_response_time'],
    ['Respond to inbound leads quickly', 'lead_response_time'],
    ['How fast sales calls back inbound leads', 'lead_response_time'],
    ['Call back new leads within an hour', 'lead_response_time'],
    ['Lead response within 5 minutes', 'lead_response_time'],
    ['SLA on MQL follow-up', 'lead_response_time'],
    ['Time to first touch', 'lead_response_time'],
    ['Accept more of our MQLs', 'mql_to_sal_rate'],
    ['MQLs that sales accepts', 'mql_to_sal_rate'],
    ['Pipeline from marketing', 'marketing_sourced_pipeline'],
    ['Time to close deals', 'sales_cycle_length'],
    ['Faster sales cycle', 'sales_cycle_length'],
    ['Lower CAC', 'cac'],
    ['Cost to acquire a customer', 'cac'],
    ['Lots of new leads every month', 'mqls'],
    ['Demand gen', 'mqls'],
    ['Rate of deals won', 'win_rate'],
    ['Hit quota', 'revenue_closed'],
    ['Revenue', 'revenue_closed'],
    ['Pipeline coverage', 'pipeline_coverage'],
    ['Bigger deal sizes', 'average_deal_size'],
    ['Average deal value', 'average_deal_size'],
  ])('"%s" means %s', (text, kind) => {
    expect(matchKpiKind(text)).toBe(kind);
  });

  // A broad word inside a longer thought, or two things at once: no guess; someone chooses the KPI.
  it.each(['Cost per lead', 'Win more of the leads we send', 'Revenue from marketing-sourced pipeline', 'case studies for enterprise deals', 'events', 'webinars'])(
    '"%s" is not matched to a KPI',
    (text) => {
      expect(matchKpiKind(text)).toBeNull();
    },
  );

  it('matches a workspace kind added to the catalog', () => {
    const custom: KpiKind = {
      id: 'event_meetings',
      name: 'Event meetings',
      unit: 'count',
      direction: 'higher',
      aggregation: 'sum',
      defaultTeam: 'marketing',
      measuredAs: 'Meetings booked at trade shows.',
      aliases: ['trade show meetings', 'booth meetings'],
      builtIn: false,
    };
    expect(matchKpiKind('Booth meetings', [...kpiCatalog, custom])).toBe('event_meetings');
    expect(matchKpiKind('Booth meetings')).toBeNull();
  });
});
