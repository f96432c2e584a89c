import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@clapboard/server';

describe('security settings from the environment', () => {
  it('production refuses to start without an explicit PUBLIC_URL, naming it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://board.example.org/' }).publicUrl).toBe('https://board.example.org');
    expect(loadConfig({}).publicUrl).toBeUndefined();
  });

  it('TRUST_PROXY takes false, true, a number of hops or a list of addresses, and nothing else', () => {
    expect(loadConfig({}).security.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).security.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).security.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).security.trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('every quota and rate limit has its default and can be set', () => {
    const defaults = loadConfig({});
    expect(defaults.limits).toMatchObject({ maxObjectsPerBoard: 20_000, maxBoardBytes: 32 * 1024 * 1024, maxConnectionsPerAddress: 1000, updatesPerSecond: 100, updateBurst: 600 });
    expect(defaults.security.rates).toEqual({ createBoards: 30, answers: 600, ballots: 600, receipts: 600, anonymousNotes: 600, links: 60, exports: 30, api: 6000 });
    expect(loadConfig({ RATE_ANSWERS_PER_MINUTE: '5' }).security.rates.answers).toBe(5);
    expect(() => loadConfig({ MAX_BOARD_BYTES: '10' })).toThrow(/MAX_BOARD_BYTES/);
  });
});
