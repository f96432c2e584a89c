import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '@clapboard/shared';
import { startTestServer, type TestServer } from '../support/server.ts';

const clientDir = path.resolve(import.meta.dirname, '../../client');

/**
 * Source maps hand anyone the client's full source and comments; nothing in
 * production needs them. The production build is made here, as `pnpm build`
 * makes it, into a directory of this test's own.
 */
describe('source maps are not public', () => {
  let dist: string;
  let server: TestServer;
  let builtFiles: string[];

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-dist-'));
    const vite = path.join(clientDir, 'node_modules/vite/bin/vite.js');
    await promisify(execFile)(process.execPath, [vite, 'build', clientDir, '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn']);
    builtFiles = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' });
    server = await startTestServer({ env: { CLIENT_DIST: dist } });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const scripts = async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThan(0);
    return sources;
  };

  it('the production build emits none, and its scripts point to none', async () => {
    expect(builtFiles.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const source of await scripts()) {
      const response = await fetch(`${server.url}${source}`);
      expect(response.status).toBe(200);
      expect(await response.text()).not.toMatch(/sourceMappingURL/);
    }
  });

  it('the server does not serve a map even when one is in the build directory', async () => {
    // As a build made with `--mode development` would leave it.
    const [script] = await scripts();
    fs.writeFileSync(path.join(dist, `${script}.map`), JSON.stringify({ version: 3, sources: ['secret.ts'], mappings: '' }));
    const other = await startTestServer({ env: { CLIENT_DIST: dist } });
    try {
      for (const method of ['GET', 'HEAD']) {
        const response = await fetch(`${other.url}${script}.map`, { method });
        expect({ method, status: response.status }).toEqual({ method, status: 404 });
        if (method === 'GET') expect(ApiErrorSchema.parse(await response.json()).code).toBe('NOT_FOUND');
      }
      // The directory's other files are still served. (Read to the end: a
      // half-read response keeps its connection busy and close() waiting.)
      const served = await fetch(`${other.url}${script}`);
      expect(served.status).toBe(200);
      expect((await served.text()).length).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});
