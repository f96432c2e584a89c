import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@clapboard/server';

const serverDir = path.resolve(import.meta.dirname, '../../server');

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', maxPayloadBytes: 1024 * 1024, sqliteSynchronous: 'FULL' });
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.relayWindowMs).toBe(4);
    expect(loadConfig({ RELAY_WINDOW_MS: '0' }).relayWindowMs).toBe(0);
    expect(config.quietCollection).toEqual({ checkEveryMs: 1000, minGrowthBytes: 32 * 1024 * 1024 });
    expect(loadConfig({ QUIET_GC_CHECK_MS: '0', QUIET_GC_MIN_GROWTH_MB: '8' }).quietCollection).toEqual({ checkEveryMs: 0, minGrowthBytes: 8 * 1024 * 1024 });
    expect(config.pretenuring).toBe(false);
    expect(loadConfig({ V8_PRETENURING: 'on' }).pretenuring).toBe(true);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['MAX_PAYLOAD_BYTES', '10'],
    ['LOG_LEVEL', 'loud'],
    ['SQLITE_SYNCHRONOUS', 'OFF'],
    ['RELAY_WINDOW_MS', '-1'],
    ['RELAY_WINDOW_MS', '1000'],
    ['QUIET_GC_CHECK_MS', '-5'],
    ['QUIET_GC_MIN_GROWTH_MB', '0'],
    ['V8_PRETENURING', 'yes'],
  ])('rejects %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  it('the server refuses to start on a bad value and says which', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, PORT: 'abc', DATA_DIR: '/tmp/unused-clapboard' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT=');
  });
});
