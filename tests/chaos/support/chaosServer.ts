import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleServer } from '../../../server/scripts/bundleServer.mjs';
import type { ServerProcess } from '../../support/serverProcess.ts';
import { startServerProcess } from '../../support/serverProcess.ts';

const serverDir = path.resolve(import.meta.dirname, '../../../server');

let bundled: Promise<string | null> | null = null;

/**
 * The server's own `src/main.ts` and its SQLite worker, built as `pnpm start`
 * builds them (server/scripts/bundleServer.mjs) into a temp directory.
 * Why: `node --import tsx src/main.ts` takes 1.5–2.5 s to start on this
 * machine, nearly all of it resolving and transforming modules; the bundle
 * starts in about 0.4 s, which is what lets 200 kill -9 restarts fit in a
 * few minutes. Packages with native addons (better-sqlite3, ...) stay
 * outside, loaded from the server's own node_modules. If the build fails
 * (a new dependency it cannot bundle), null: the suites then start the
 * server with tsx, slower but the same code. CHAOS_SERVER=tsx does that on
 * purpose, to rule the bundling out when a seed fails.
 */
function bundledServer(): Promise<string | null> {
  bundled ??= (async () => {
    try {
      return await bundleServer(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-chaos-server-')));
    } catch (error) {
      console.warn(`chaos: could not bundle the server, starting it with tsx instead (slower): ${String(error).slice(0, 500)}`);
      return null;
    }
  })();
  return bundled;
}

/**
 * The real server as its own OS process, on a free port, for suites that
 * kill it or read its memory. Same contract as tests/support/serverProcess.ts.
 */
export async function startChaosServer(env: Record<string, string>): Promise<ServerProcess> {
  const main = process.env.CHAOS_SERVER === 'tsx' ? null : await bundledServer();
  if (!main) return startServerProcess(env);
  const child = spawn(process.execPath, [main], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stdout!.off('data', onData);
        // Keep draining, so a chatty server never blocks on a full pipe.
        child.stdout!.resume();
        resolve({ url: match[1], syncUrl: `${match[1].replace(/^http/, 'ws')}/sync`, child, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      if (output.length < 64 * 1024) output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

/** Resident memory of a process in bytes (VmRSS in /proc/<pid>/status), or null once it is gone. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
