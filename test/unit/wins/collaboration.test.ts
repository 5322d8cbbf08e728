// When a win is collaborative (SPEC S5): the people credited span sales and marketing; leadership counts as neither.
import { describe, expect, it } from 'vitest';
import { collaborationOf } from '../../../src/capabilities/wins/domain/collaboration.js';

describe('collaborationOf', () => {
  it('is collaborative only when sales and marketing are both credited', () => {
    expect(collaborationOf(['sales', 'marketing'])).toEqual({ collaborative: true, teams: ['sales', 'marketing'] });
    expect(collaborationOf(['marketing', 'leadership', 'sales', 'sales'])).toEqual({ collaborative: true, teams: ['sales', 'marketing'] });
    expect(collaborationOf(['sales', 'sales'])).toEqual({ collaborative: false, teams: ['sales'] });
    expect(collaborationOf(['marketing'])).toEqual({ collaborative: false, teams: ['marketing'] });
  });

  it('counts leadership as neither team', () => {
    expect(collaborationOf(['leadership', 'sales'])).toEqual({ collaborative: false, teams: ['sales'] });
    expect(collaborationOf(['leadership'])).toEqual({ collaborative: false, teams: [] });
    expect(collaborationOf([])).toEqual({ collaborative: false, teams: [] });
  });
});
