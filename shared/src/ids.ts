import { z } from 'zod';

/**
 * Board ids are random, URL-safe and long enough (>= 96 bits) that they cannot
 * be guessed; the capability token, not the id, is what grants access.
 */
export const BoardIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'board id must be 16-64 URL-safe characters');
export type BoardId = z.infer<typeof BoardIdSchema>;

/** Object ids inside a board: short random strings, unique per board. */
export const ObjectIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'object id must be 1-64 URL-safe characters');

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A random URL-safe id from the platform CSPRNG (works in browsers and Node). */
export function randomId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ID_ALPHABET[byte & 63];
  return out;
}

/**
 * Websocket room names. The content document is the board id itself so the
 * stock y-websocket client works unchanged; control state lives in its own
 * document, `<boardId>/control`, which only facilitators may write.
 */
export function roomName(boardId: string, doc: 'content' | 'control'): string {
  return doc === 'content' ? boardId : `${boardId}/control`;
}
