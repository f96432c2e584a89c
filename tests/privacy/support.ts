import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WebsocketProvider } from 'y-websocket';

/** A marker no board could hold by chance: 128 random bits, hex. */
export function uniqueMarker(label: string): string {
  return `${label}-${randomBytes(16).toString('hex')}`;
}

/** Every file under `dir`, however deep (the database, its -wal and -shm, and anything else). */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The files under `dir` that hold `marker`, as UTF-8 or as UTF-16LE (how
 * SQLite would store text in a UTF-16 database, and how a JS string sits in
 * a heap dump), with how many copies each.
 */
export function filesHolding(dir: string, marker: string): Array<{ file: string; encoding: string; copies: number }> {
  const needles = [
    { encoding: 'utf8', bytes: Buffer.from(marker, 'utf8') },
    { encoding: 'utf16le', bytes: Buffer.from(marker, 'utf16le') },
  ];
  const found = [];
  for (const file of filesUnder(dir)) {
    const content = fs.readFileSync(file);
    for (const { encoding, bytes } of needles) {
      let copies = 0;
      for (let at = content.indexOf(bytes); at !== -1; at = content.indexOf(bytes, at + 1)) copies += 1;
      if (copies > 0) found.push({ file: path.relative(dir, file), encoding, copies });
    }
  }
  return found;
}

/** The application close codes (4000 and up) a provider has seen, as they arrive. */
export function closeCodes(provider: WebsocketProvider): number[] {
  const codes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event && event.code >= 4000) codes.push(event.code);
  });
  return codes;
}

/** One request with a bearer token; the status and the parsed JSON body, if any. */
export async function request(baseUrl: string, method: string, route: string, token: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}
