// TRUST_PROXY (docs/decisions/013): off unless set; a list of proxies whose X-Forwarded-* headers count.
import { describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '../../../src/server/config.js';

describe('TRUST_PROXY', () => {
  it('is off when unset or empty', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: ' , ' }).trustProxy).toBe(false);
    expect(testConfig().trustProxy).toBe(false);
  });

  it('takes a comma-separated list of addresses, CIDR ranges and range names', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1,fd00::/8 , loopback,uniquelocal' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
      'uniquelocal',
    ]);
  });

  it.each(['true', '*', '1', 'nonsense', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1', '10.0.0.1/x', '300.1.1.1'])('refuses %j, naming the variable and the entry', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(new RegExp(`TRUST_PROXY: "${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" is not an address`));
  });
});
