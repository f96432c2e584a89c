import { expect } from 'vitest';
import { ApiErrorSchema, insertObject, roomName } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import type { CreatedBoard, TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

export { api } from '../rounds/support.ts';

/** Asserts an ApiError body with this status and code, and a message a person can read. */
export function expectApiError(result: { status: number; body: unknown }, status: number, code: string): void {
  expect(result.status).toBe(status);
  const body = ApiErrorSchema.strict().parse(result.body);
  expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(3);
}

/**
 * Puts a frame holding `count` notes (and one note outside it) on the board
 * through a facilitator's own client, and waits until the server has them
 * (a second client sees them). Returns the ids and the clients to destroy.
 */
export async function boardWithNotes(server: Pick<TestServer, 'syncUrl'>, board: CreatedBoard, count: number): Promise<{ frameId: string; noteIds: string[]; outsideId: string; clients: Client[] }> {
  const writer = await connectSynced(server.syncUrl, roomName(board.id, 'content'), board.tokens.facilitator);
  const reader = await connectSynced(server.syncUrl, roomName(board.id, 'content'), board.tokens.observer);
  const noteIds: string[] = [];
  let frameId = '';
  let outsideId = '';
  writer.doc.transact(() => {
    frameId = insertObject(writer.doc, { type: 'frame', x: 0, y: 0, width: 1000, height: 400, z: 0, frameId: null, text: 'Ideas' });
    for (let index = 0; index < count; index += 1) {
      noteIds.push(insertObject(writer.doc, { type: 'note', x: 20 + index * 110, y: 20, width: 100, height: 100, z: index + 1, frameId, color: 'yellow', text: `idea ${index}` }));
    }
    outsideId = insertObject(writer.doc, { type: 'note', x: 2000, y: 2000, width: 100, height: 100, z: 99, frameId: null, color: 'blue', text: 'elsewhere' });
  });
  await waitFor(() => expect(reader.doc.getMap('objects').size).toBe(count + 2));
  return { frameId, noteIds: noteIds.sort(), outsideId, clients: [writer, reader] };
}
