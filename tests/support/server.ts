import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp, listenApp, loadConfig, type BuildAppOptions, type ClapboardApp } from '@clapboard/server';
import { CreateBoardResponseSchema, parseBoardLink, type CreateBoardRequest, type CreateBoardResponse, type CreationRole } from '@clapboard/shared';

export interface CreatedBoard extends CreateBoardResponse {
  tokens: Record<CreationRole, string>;
}

export interface TestServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** ws://127.0.0.1:PORT/sync — the serverUrl to give WebsocketProvider */
  syncUrl: string;
  app: ClapboardApp;
  dataDir: string;
  /** Every log line the server wrote, as text. */
  logs: () => string;
  createBoard(title?: string): Promise<CreatedBoard>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  dataDir?: string;
  env?: Record<string, string>;
  store?: BuildAppOptions['store'];
  roundStore?: BuildAppOptions['roundStore'];
  fanout?: BuildAppOptions['fanout'];
  revocations?: BuildAppOptions['revocations'];
  deletions?: BuildAppOptions['deletions'];
  /** The retention sweep's clock. */
  now?: BuildAppOptions['now'];
  /** Runs after buildApp, before listen: register a test route or message handler. */
  beforeListen?: (app: ClapboardApp) => void | Promise<void>;
}

/**
 * CLIENT_DIST from the environment, so someone running browser tests while
 * another build of client/dist is under way can point at a private build
 * (`vite build client --outDir <dir>`).
 */
function clientDistOverride(): Record<string, string> {
  return process.env.CLIENT_DIST ? { CLIENT_DIST: process.env.CLIENT_DIST } : {};
}

/** A real server on 127.0.0.1, port 0, with a temp SQLite directory. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-test-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ROOM_IDLE_MS: '100', ...clientDistOverride(), ...options.env });
  const chunks: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const app = await buildApp({ config, logStream, ...(options.store ? { store: options.store } : {}), ...(options.roundStore ? { roundStore: options.roundStore } : {}), ...(options.fanout ? { fanout: options.fanout } : {}), ...(options.revocations ? { revocations: options.revocations } : {}), ...(options.deletions ? { deletions: options.deletions } : {}), ...(options.now ? { now: options.now } : {}) });
  await options.beforeListen?.(app);
  const url = await listenApp(app, config);
  return {
    url,
    syncUrl: `${url.replace(/^http/, 'ws')}/sync`,
    app,
    dataDir,
    logs: () => chunks.join(''),
    createBoard: (title = 'Test board') => createBoard(url, title),
    close: () => app.close(),
  };
}

export async function createBoard(baseUrl: string, title = 'Test board'): Promise<CreatedBoard> {
  return createBoardWith(baseUrl, { title });
}

/** A board from any `POST /api/boards` body (a statement, a template, a retention date). */
export async function createBoardWith(baseUrl: string, request: CreateBoardRequest): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  const body = CreateBoardResponseSchema.parse(await response.json());
  const tokens = Object.fromEntries(
    (Object.entries(body.links) as Array<[CreationRole, string]>).map(([role, link]) => [role, parseBoardLink(link)!.token!]),
  ) as Record<CreationRole, string>;
  return { ...body, tokens };
}
