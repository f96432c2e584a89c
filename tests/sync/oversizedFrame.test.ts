import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType, insertObject } from '@clapboard/shared';
import { connectSynced } from '../support/clients.ts';
import { openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const MAX_PAYLOAD_BYTES = 64 * 1024;

/** A sync step 1 with an empty state vector: "send me the whole board". */
function wholeBoardRequest(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
  return encoding.toUint8Array(encoder);
}

/**
 * A frame over the payload limit closes its connection with 1009, even when
 * the server still has the board queued for that client: the close frame
 * goes out behind what was queued before it, and the socket is not cut off
 * first (which the client would see as 1006, no code at all).
 */
describe('a frame over the payload limit', () => {
  let server: TestServer;
  let board: CreatedBoard;
  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD_BYTES), MAX_CONNECTIONS_PER_ADDRESS: '1000' } });
    board = await server.createBoard('Big board');
    const writer = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    // In batches: one update per batch, each under the payload limit.
    for (let batch = 0; batch < 40; batch += 1) {
      writer.doc.transact(() => {
        for (let i = batch * 50; i < (batch + 1) * 50; i += 1) {
          insertObject(writer.doc, { type: 'note', x: i, y: 0, width: 200, height: 200, z: i, frameId: null, color: 'yellow', text: `note ${i} `.padEnd(400, 'x') });
        }
      });
    }
    await waitFor(() => expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc.getMap('objects').size).toBe(2_000));
    writer.destroy();
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('closes with 1009 while the board is still queued for that client, every time', async () => {
    const codes: number[] = [];
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const raw = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
      raw.socket.send(wholeBoardRequest());
      raw.socket.send(wholeBoardRequest());
      raw.socket.send(new Uint8Array(MAX_PAYLOAD_BYTES + 1));
      codes.push(await raw.closed);
    }
    expect(codes.filter((code) => code !== CloseCode.MessageTooBig)).toEqual([]);
  }, 120_000);
});
