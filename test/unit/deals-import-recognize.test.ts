// Which CRM wrote an export, from its header row (issue 11): HubSpot's and Salesforce's documented headers, case- and
// space-insensitively; anything else gets a suggested mapping and the required fields it lacks.
import { describe, expect, it } from 'vitest';
import { recognizeHeaders } from '../../src/capabilities/deals/import/recognize.js';

describe('recognizeHeaders', () => {
  it('a HubSpot deals export', () => {
    const r = recognizeHeaders(['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner', 'Pipeline', 'Original Source Type', 'Closed Won Reason', 'Closed Lost Reason', 'Currency']);
    expect(r).toEqual({
      format: 'hubspot',
      missing: [],
      mapping: {
        externalId: 'Record ID',
        name: 'Deal Name',
        stage: 'Deal Stage',
        amount: 'Amount',
        currency: 'Currency',
        closeDate: 'Close Date',
        createdDate: 'Create Date',
        owner: 'Deal owner',
        pipeline: 'Pipeline',
        source: 'Original Source Type',
        winReason: 'Closed Won Reason',
        lossReason: 'Closed Lost Reason',
      },
    });
  });

  it('HubSpot: the company-currency amount wins, without the deal currency; Original Traffic Source is the source', () => {
    const r = recognizeHeaders(['record id', 'DEAL NAME', 'Deal  Stage', 'Amount', 'Amount in company currency', 'Currency', 'Original Traffic Source']);
    expect(r.format).toBe('hubspot');
    expect(r.mapping).toMatchObject({ externalId: 'record id', name: 'DEAL NAME', stage: 'Deal  Stage', amount: 'Amount in company currency', source: 'Original Traffic Source' });
    expect(r.mapping.currency).toBeUndefined();
  });

  it('a Salesforce opportunities report, with Won and Closed', () => {
    const r = recognizeHeaders(['Opportunity Owner', 'Opportunity Name', 'Opportunity ID', 'Stage', 'Amount Currency', 'Amount', 'Close Date', 'Created Date', 'Lead Source', 'Won', 'Closed', 'Loss Reason']);
    expect(r).toEqual({
      format: 'salesforce',
      missing: [],
      mapping: {
        externalId: 'Opportunity ID',
        name: 'Opportunity Name',
        stage: 'Stage',
        amount: 'Amount',
        currency: 'Amount Currency',
        closeDate: 'Close Date',
        createdDate: 'Created Date',
        owner: 'Opportunity Owner',
        source: 'Lead Source',
        lossReason: 'Loss Reason',
        won: 'Won',
        closed: 'Closed',
      },
    });
  });

  it('a Salesforce Data Loader export by API names', () => {
    const r = recognizeHeaders(['Id', 'Name', 'StageName', 'Amount', 'CloseDate', 'CreatedDate', 'LeadSource', 'IsWon', 'IsClosed', 'CurrencyIsoCode']);
    expect(r.format).toBe('salesforce');
    expect(r.mapping).toMatchObject({ externalId: 'Id', name: 'Name', stage: 'StageName', won: 'IsWon', closed: 'IsClosed', currency: 'CurrencyIsoCode' });
  });

  it('a vendor header lacking a required column is not that vendor: a suggestion and what is missing', () => {
    const r = recognizeHeaders(['Deal Name', 'Deal Stage', 'Amount']);
    expect(r.format).toBeNull();
    expect(r.missing).toEqual(['externalId']);
    expect(r.mapping).toMatchObject({ name: 'Deal Name', stage: 'Deal Stage', amount: 'Amount' });
  });

  it('any other CSV gets a suggestion from common names, each header used once', () => {
    const r = recognizeHeaders(['ID', 'Title', 'Status', 'Value', 'Owner']);
    expect(r).toEqual({ format: null, missing: [], mapping: { externalId: 'ID', name: 'Title', stage: 'Status', amount: 'Value', owner: 'Owner' } });
    const none = recognizeHeaders(['foo', 'bar']);
    expect(none).toEqual({ format: null, mapping: {}, missing: ['externalId', 'name', 'stage', 'amount'] });
  });
});
