import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardSessionSchema, getSettingsMap, roomName } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

describe('the board title lives in the control document alone', () => {
  let server: TestServer;
  let board: CreatedBoard;
  let facilitator: Client;

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('First title');
    facilitator = await connectSynced(server.syncUrl, roomName(board.id, 'control'), board.tokens.facilitator);
  });
  afterEach(async () => {
    facilitator.destroy();
    await server.close();
  });

  const sessionTitle = async () => {
    const response = await fetch(`${server.url}/api/boards/${board.id}/session`, { headers: { authorization: `Bearer ${board.tokens.participant}` } });
    return BoardSessionSchema.parse(await response.json()).title;
  };

  it('a facilitator’s rename is what the session reports to the next person who opens the board', async () => {
    expect(await sessionTitle()).toBe('First title');
    getSettingsMap(facilitator.doc).set('title', 'Renamed in the workshop');
    await waitFor(async () => expect(await sessionTitle()).toBe('Renamed in the workshop'));
  });
});
