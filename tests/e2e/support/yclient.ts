import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  getObjectsMap,
  insertObject,
  parseBoardLink,
  roomName,
  NOTE_COLORS,
  NOTE_SIZE,
  LOCAL_USER_ORIGIN,
} from '@clapboard/shared';
import { waitFor } from './browser.ts';

/** The board id and capability token inside a board link. */
export function parseLink(link: string): { boardId: string; token: string } {
  const parsed = parseBoardLink(link);
  if (!parsed?.token) throw new Error(`not a board link with a token: ${link}`);
  return { boardId: parsed.boardId, token: parsed.token };
}

/** `http://127.0.0.1:PORT` -> `ws://127.0.0.1:PORT/sync` (y-websocket appends `/<room>?token=`). */
export function syncUrl(serverUrl: string): string {
  return serverUrl.replace(/^http/, 'ws').replace(/\/+$/, '') + '/sync';
}

export interface NodeClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  close(): void;
}

/**
 * A real y-websocket client in Node, as a second person or a seeding script
 * would be. BroadcastChannel is disabled: lib0's Node fallback would otherwise
 * let two providers in this process talk to each other without the server.
 */
export async function connectNodeClient(
  serverUrl: string,
  link: string,
  options: { doc?: 'content' | 'control'; timeout?: number } = {},
): Promise<NodeClient> {
  const { boardId, token } = parseLink(link);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(serverUrl), roomName(boardId, options.doc ?? 'content'), doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  try {
    await waitFor(() => provider.synced, { timeout: options.timeout ?? 15_000, message: `node client sync with ${boardId}` });
  } catch (error) {
    close();
    throw error;
  }
  return { doc, provider, close };
}

/** Plain JSON of every object in a doc, keyed by id (text read out of Y.Text). */
export function objectsJson(doc: Y.Doc): Record<string, Record<string, unknown>> {
  return getObjectsMap(doc).toJSON() as Record<string, Record<string, unknown>>;
}

export interface GridOptions {
  count: number;
  /** Notes per row. */
  columns?: number;
  /** Distance between note origins. */
  pitch?: number;
  originX?: number;
  originY?: number;
  frameId?: string | null;
  text?: (index: number) => string;
  /** Notes per transaction. */
  batch?: number;
  idPrefix?: string;
}

/** Inserts `count` notes in a grid, ~1000 per transaction. Returns their ids in order. */
export function seedNoteGrid(doc: Y.Doc, options: GridOptions): string[] {
  const {
    count,
    columns = Math.ceil(Math.sqrt(count)),
    pitch = NOTE_SIZE + 40,
    originX = 0,
    originY = 0,
    frameId = null,
    text = (index) => `Note ${index + 1}`,
    batch = 1000,
    idPrefix = 'n',
  } = options;
  const ids: string[] = [];
  for (let start = 0; start < count; start += batch) {
    doc.transact(() => {
      for (let index = start; index < Math.min(count, start + batch); index++) {
        const id = `${idPrefix}${index}`;
        insertObject(doc, {
          id,
          type: 'note',
          x: originX + (index % columns) * pitch,
          y: originY + Math.floor(index / columns) * pitch,
          width: NOTE_SIZE,
          height: NOTE_SIZE,
          z: index + 1,
          frameId,
          color: NOTE_COLORS[index % NOTE_COLORS.length]!,
          text: text(index),
        });
        ids.push(id);
      }
    }, LOCAL_USER_ORIGIN);
  }
  return ids;
}

export function insertFrame(
  doc: Y.Doc,
  frame: { id: string; x: number; y: number; width: number; height: number; title: string; z?: number },
): string {
  return insertObject(doc, {
    id: frame.id,
    type: 'frame',
    x: frame.x,
    y: frame.y,
    width: frame.width,
    height: frame.height,
    z: frame.z ?? 0,
    frameId: null,
    text: frame.title,
  });
}

/**
 * Waits until the server holds a document satisfying `predicate`, checked
 * through a fresh connection (so local state of the writer does not count).
 * The fresh client stays connected and is re-checked on every update, because
 * the server may store an update before it relays it.
 */
export async function waitForServerDoc(
  serverUrl: string,
  link: string,
  predicate: (doc: Y.Doc) => boolean,
  options: { timeout?: number; message?: string } = {},
): Promise<void> {
  const client = await connectNodeClient(serverUrl, link, { timeout: options.timeout ?? 30_000 });
  try {
    await waitFor(() => predicate(client.doc), {
      timeout: options.timeout ?? 30_000,
      message: options.message ?? 'server document',
    });
  } finally {
    client.close();
  }
}

/** Number of objects of a type in a doc. */
export function countObjects(doc: Y.Doc, type?: string): number {
  if (!type) return getObjectsMap(doc).size;
  let count = 0;
  for (const map of getObjectsMap(doc).values()) if (map.get('type') === type) count++;
  return count;
}

/** A snapshot of the server's current document through a fresh connection. */
export async function fetchServerDoc(serverUrl: string, link: string): Promise<Y.Doc> {
  const client = await connectNodeClient(serverUrl, link);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  client.close();
  return copy;
}

/**
 * Puts a heading on a fresh board before anyone opens it. The client fits
 * its camera to the content once, when the first object appears; on a board
 * that is empty at load that happens mid-test (see the "first note" test), so
 * tests that drive the camera themselves start from a non-empty board.
 */
export async function seedHeading(serverUrl: string, link: string, text = 'Workshop'): Promise<string> {
  const client = await connectNodeClient(serverUrl, link);
  const id = 'heading';
  try {
    client.doc.transact(() => {
      insertObject(client.doc, { id, type: 'text', x: 20, y: 20, width: 240, height: 60, z: 0, frameId: null, color: 'black', fontSize: 28, text });
    }, LOCAL_USER_ORIGIN);
  } finally {
    client.close();
  }
  await waitForServerDoc(serverUrl, link, (doc) => getObjectsMap(doc).has(id), { message: 'heading on the server' });
  return id;
}
