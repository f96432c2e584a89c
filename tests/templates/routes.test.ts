/**
 * The templates HTTP API (docs/protocol.md, "Templates"): a real server on
 * port 0 and real y-websocket clients. Templates are built by the server,
 * from its own Yjs client, into a new board or a live one, and the steps
 * they bring land in the control document where facilitators can step
 * through them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiErrorSchema,
  MAX_BOARD_STEPS,
  MAX_TEMPLATE_FILE_BYTES,
  TemplateListSchema,
  currentStepFor,
  findShippedTemplate,
  getSettingsMap,
  isPositioned,
  readAllObjects,
  readBoardSteps,
  readCurrentStep,
  rectsIntersect,
  roomName,
  shippedTemplates,
  STEP_SETTING,
  type BoardObject,
  type TemplateData,
} from '@clapboard/shared';
import { api } from '../rounds/support.ts';
import { itemsOf } from '../anonymousNotes/support.ts';
import { connectSynced, type Client } from '../support/clients.ts';
import { createBoard, startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const focusGroup = findShippedTemplate('focus-group')!;
const retrospective = findShippedTemplate('retrospective')!;

/** A small template, as an imported file would hold it. */
function imported(steps = 1): TemplateData {
  return {
    schemaVersion: 1,
    id: 'our-check-in',
    version: 3,
    name: 'Our check-in',
    description: 'A frame we use at the start of every meeting.',
    frames: [{ key: 'check-in', title: 'How are you arriving today?', x: 0, y: 0, width: 460, height: 320, notes: [{ text: 'One word', color: 'teal' }] }],
    steps: Array.from({ length: steps }, (_, index) => ({ title: `Check-in ${index + 1}`, prompt: 'One word for how you are arriving.', frame: 'check-in' })),
  };
}

const frames = (doc: Y.Doc) => readAllObjects(doc).filter((object): object is Extract<BoardObject, { type: 'frame' }> => object.type === 'frame');

describe('templates over HTTP', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];

  const join = async (room: string, token: string) => {
    const client = await connectSynced(server.syncUrl, room, token);
    clients.push(client);
    return client;
  };
  const add = (body: unknown, token: string | null = board.tokens.facilitator) => api(server, 'POST', `/api/boards/${board.id}/templates`, token, body);
  const expectError = (result: { status: number; body: unknown }, status: number, code: string) => {
    expect(result.status).toBe(status);
    const body = ApiErrorSchema.strict().parse(result.body);
    expect(body.code).toBe(code);
    return body.message;
  };

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Templates');
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('GET /api/templates lists every shipped template, with no token', async () => {
    const response = await fetch(`${server.url}/api/templates`);
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    const list = TemplateListSchema.parse(body);
    expect(list).toEqual(shippedTemplates().map(({ id, version, name, description }) => ({ id, version, name, description })));
    for (const entry of body as object[]) expect(Object.keys(entry).sort()).toEqual(['description', 'id', 'name', 'version']);
    expect(list.map((entry) => entry.id)).toEqual(expect.arrayContaining(['workshop-plan', 'ideas-board', 'anonymous-round', 'focus-group', 'affinity-map', 'retrospective', 'you-said-we-did']));
  });

  describe('POST /api/boards with a template', () => {
    it('builds the template into the new board, from the server’s client', async () => {
      const response = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Focus group, 3 June', template: 'focus-group' }),
      });
      expect(response.status).toBe(201);
      const { id, links } = (await response.json()) as { id: string; links: Record<string, string> };
      const token = new URL(links.participant!).hash.replace('#token=', '');
      const content = await join(id, token);
      const control = await join(roomName(id, 'control'), token);
      expect(frames(content.doc).map((frame) => frame.text).sort()).toEqual(focusGroup.frames.map((frame) => frame.title).sort());
      expect(readBoardSteps(control.doc).map((step) => step.title)).toEqual(focusGroup.steps.map((step) => step.title));
      expect(getSettingsMap(control.doc).get('title')).toBe('Focus group, 3 June');

      // The client that wrote the schema version is the server's; it wrote every frame title too.
      const items = itemsOf(Y.encodeStateAsUpdate(content.doc));
      const serverClient = items.find((item) => item.key === 'schemaVersion')!.client;
      for (const title of focusGroup.frames.map((frame) => frame.title)) {
        const writers = new Set(items.filter((item) => item.strings.some((text) => title.includes(text) && text.length > 3)).map((item) => item.client));
        expect(writers).toEqual(new Set([serverClient]));
      }
      expect(serverClient).not.toBe(content.doc.clientID);
    });

    it('answers 400 for an id no shipped template has, and for a malformed one', async () => {
      const post = (template: unknown) => api(server, 'POST', '/api/boards', null, { title: 'x', template });
      expect(expectError(await post('no-such-template'), 400, 'BAD_REQUEST')).toContain('no shipped template has this id');
      expect(expectError(await post('Focus Group'), 400, 'BAD_REQUEST')).toContain('lower-case letters and digits');
    });
  });

  describe('POST /api/boards/:id/templates', () => {
    it('adds a shipped template at the point asked, written by the server, visible to everyone', async () => {
      const participant = await join(board.id, board.tokens.participant);
      const controlClient = await join(roomName(board.id, 'control'), board.tokens.participant);
      const result = await add({ templateId: 'retrospective', at: { x: 5000, y: -2000 } });
      expect(result.status).toBe(201);
      const frameIds: string[] = result.body.frameIds;
      expect(frameIds).toHaveLength(retrospective.frames.length);
      await waitFor(() => expect(frames(participant.doc).map((frame) => frame.id).sort()).toEqual([...frameIds].sort()));
      const bounds = frames(participant.doc);
      const left = Math.min(...bounds.map((frame) => frame.x));
      const right = Math.max(...bounds.map((frame) => frame.x + frame.width));
      expect((left + right) / 2).toBeCloseTo(5000);
      await waitFor(() => expect(readBoardSteps(controlClient.doc).map((step) => step.frameId)).toEqual(retrospective.steps.map((step) => frameIds[retrospective.frames.findIndex((frame) => frame.key === step.frame)])));

      const serverClient = server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc.clientID;
      const writers = new Set(itemsOf(Y.encodeStateAsUpdate(participant.doc)).filter((item) => item.strings.includes('Challenges')).map((item) => item.client));
      expect(writers).toEqual(new Set([serverClient]));
    });

    it('adds an imported template beside what is already there', async () => {
      const participant = await join(board.id, board.tokens.participant);
      expect((await add({ templateId: 'focus-group', at: { x: 0, y: 0 } })).status).toBe(201);
      await waitFor(() => expect(frames(participant.doc)).toHaveLength(focusGroup.frames.length));
      const before = readAllObjects(participant.doc);
      const result = await add({ template: imported(), at: { x: 0, y: 0 } });
      expect(result.status).toBe(201);
      await waitFor(() => expect(readAllObjects(participant.doc).length).toBe(before.length + 2));
      const added = readAllObjects(participant.doc).filter((object) => !before.some((old) => old.id === object.id));
      expect(added.map((object) => object.type).sort()).toEqual(['frame', 'note']);
      for (const object of added) for (const old of before) if (isPositioned(object) && isPositioned(old)) expect(rectsIntersect(object, old)).toBe(false);
    });

    it('keeps the control document in a shape facilitators can go on writing', async () => {
      const facilitatorControl = await join(roomName(board.id, 'control'), board.tokens.facilitator);
      const participantControl = await join(roomName(board.id, 'control'), board.tokens.participant);
      expect((await add({ templateId: 'focus-group', at: { x: 0, y: 0 } })).status).toBe(201);
      await waitFor(() => expect(readBoardSteps(facilitatorControl.doc)).toHaveLength(focusGroup.steps.length));
      facilitatorControl.doc.transact(() => getSettingsMap(facilitatorControl.doc).set(STEP_SETTING, currentStepFor(readBoardSteps(facilitatorControl.doc), 1)));
      await waitFor(() => expect(readCurrentStep(participantControl.doc)).toMatchObject({ index: 1, count: focusGroup.steps.length, title: 'Question 1: Finding help' }));
      expect(facilitatorControl.provider.wsconnected).toBe(true);
    });

    it('refuses a missing or wrong token (401) and anyone but a facilitator (403)', async () => {
      const body = { templateId: 'focus-group', at: { x: 0, y: 0 } };
      expectError(await add(body, null), 401, 'UNAUTHORIZED');
      const other = await createBoard(server.url, 'Another board');
      expectError(await add(body, other.tokens.facilitator), 401, 'UNAUTHORIZED');
      expectError(await api(server, 'POST', '/api/boards/not-a-board-id-at-all/templates', board.tokens.facilitator, body), 401, 'UNAUTHORIZED');
      expectError(await add(body, board.tokens.participant), 403, 'FORBIDDEN');
      expectError(await add(body, board.tokens.observer), 403, 'FORBIDDEN');
    });

    it('refuses a bad body (400) with a message that says what is wrong, and changes nothing', async () => {
      const control = await join(roomName(board.id, 'control'), board.tokens.facilitator);
      const at = { x: 0, y: 0 };
      expect(expectError(await add({ at }), 400, 'BAD_REQUEST')).toContain('either templateId or template');
      expect(expectError(await add({ templateId: 'focus-group', template: imported(), at }), 400, 'BAD_REQUEST')).toContain('either templateId or template');
      expect(expectError(await add({ templateId: 'no-such-template', at }), 400, 'BAD_REQUEST')).toContain('no shipped template has this id');
      expect(expectError(await add({ templateId: 'focus-group', at: { x: 'left', y: 0 } }), 400, 'BAD_REQUEST')).toContain('at.x');
      expect(expectError(await add({ templateId: 'focus-group', at, extra: true }), 400, 'BAD_REQUEST')).toContain('extra');
      const broken = { ...imported(), steps: [{ title: 'Vote', frame: 'nowhere' }] };
      expect(expectError(await add({ template: broken, at }), 400, 'BAD_REQUEST')).toContain('no frame has the key "nowhere"');
      const server2 = server.app.rooms.get({ boardId: board.id, doc: 'content' });
      expect(server2 ? readAllObjects(server2.doc) : []).toEqual([]);
      expect(readBoardSteps(control.doc)).toEqual([]);
    });

    it('refuses a template that would take the board past its step limit (409), adding nothing', async () => {
      const content = await join(board.id, board.tokens.facilitator);
      const forty = imported(40);
      expect((await add({ template: forty, at: { x: 0, y: 0 } })).status).toBe(201);
      expect((await add({ template: forty, at: { x: 0, y: 0 } })).status).toBe(201);
      await waitFor(() => expect(frames(content.doc)).toHaveLength(2));
      const message = expectError(await add({ template: forty, at: { x: 0, y: 0 } }), 409, 'TOO_MANY_STEPS');
      expect(message).toContain(String(MAX_BOARD_STEPS));
      expect(frames(server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc)).toHaveLength(2);
    });

    it('takes an imported template up to the file limit, and no more (413)', async () => {
      const huge = { ...imported(), description: 'x'.repeat(MAX_TEMPLATE_FILE_BYTES + 10_000) };
      expectError(await add({ template: huge, at: { x: 0, y: 0 } }), 413, 'PAYLOAD_TOO_LARGE');
      // Past the 64 KiB every other route allows, under the templates limit: the schema, not the parser, answers.
      const long = { ...imported(), description: 'x'.repeat(100 * 1024) };
      expect(expectError(await add({ template: long, at: { x: 0, y: 0 } }), 400, 'BAD_REQUEST')).toContain('description must be at most');
    });
  });
});
