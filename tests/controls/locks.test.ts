import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  LOCAL_USER_ORIGIN,
  LOCKED_FRAMES_SETTING,
  LOCKED_SETTING,
  getObjectText,
  getObjectsMap,
  getSettingsMap,
  insertObject,
  readAllObjects,
  readBoardLocks,
  roomName,
  updateObject,
} from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { closeCodes } from './support.ts';

const frame = (id: string) => ({ id, type: 'frame' as const, x: 0, y: 0, width: 800, height: 600, z: 0, frameId: null, text: 'Ideas' });
const note = (id: string, frameId: string | null, text: string) => ({ id, type: 'note' as const, x: 40, y: 80, width: 200, height: 200, z: 1, frameId, color: 'yellow' as const, text });
const textOf = (doc: Y.Doc, id: string) => getObjectText(getObjectsMap(doc).get(id))?.toString() ?? null;
const contains = (bytes: Uint8Array, word: string) => Buffer.from(bytes).includes(Buffer.from(word, 'utf8'));

describe('locks: participants cannot change what a facilitator locked', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  let facilitator: Client;
  let controls: Client;
  let participant: Client;
  let other: Client;
  /** Every value the other participant's page ever held for each note's text. */
  let seenByOther: Map<string, Set<string | null>>;
  let participantCloses: number[];

  const join = async (room: string, token: string) => {
    const client = await connectSynced(server.syncUrl, room, token);
    clients.push(client);
    return client;
  };
  const contentRoom = () => server.app.rooms.get({ boardId: board.id, doc: 'content' })!;
  const controlRoom = () => server.app.rooms.get({ boardId: board.id, doc: 'control' })!;
  /** A facilitator's settings change, once the server has it. */
  const setting = async (change: (settings: Y.Map<unknown>) => void) => {
    controls.doc.transact(() => change(getSettingsMap(controls.doc)), LOCAL_USER_ORIGIN);
    const expected = JSON.stringify(getSettingsMap(controls.doc).toJSON());
    await waitFor(() => JSON.stringify(getSettingsMap(controlRoom().doc).toJSON()) === expected);
  };
  const lockFrame = (id: string, on = true) =>
    setting((settings) => {
      let frames = settings.get(LOCKED_FRAMES_SETTING);
      if (!(frames instanceof Y.Map)) {
        frames = new Y.Map<unknown>();
        settings.set(LOCKED_FRAMES_SETTING, frames);
      }
      if (on) (frames as Y.Map<unknown>).set(id, true);
      else (frames as Y.Map<unknown>).delete(id);
    });
  /** Waits until the server, both participants and the facilitator hold the same objects; returns them. */
  const settled = async () => {
    await waitFor(() => {
      const server = JSON.stringify(readAllObjects(contentRoom().doc));
      for (const client of [facilitator, participant, other]) expect(JSON.stringify(readAllObjects(client.doc))).toBe(server);
    });
    return readAllObjects(contentRoom().doc);
  };

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Locks');
    facilitator = await join(board.id, board.tokens.facilitator);
    controls = await join(roomName(board.id, 'control'), board.tokens.facilitator);
    participant = await join(board.id, board.tokens.participant);
    other = await join(board.id, board.tokens.participant);
    participantCloses = closeCodes(participant.provider);
    facilitator.doc.transact(() => {
      insertObject(facilitator.doc, frame('frameA'));
      insertObject(facilitator.doc, note('inside', 'frameA', 'locked words'));
      insertObject(facilitator.doc, note('outside', null, 'free words'));
    }, LOCAL_USER_ORIGIN);
    await settled();
    seenByOther = new Map();
    other.doc.on('afterTransaction', () => {
      for (const id of ['frameA', 'inside', 'outside', 'sneaky']) {
        const seen = seenByOther.get(id) ?? new Set();
        seen.add(textOf(other.doc, id));
        seenByOther.set(id, seen);
      }
    });
    await lockFrame('frameA');
    expect(readBoardLocks(controlRoom().doc).frames.has('frameA')).toBe(true);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('a participant’s edit of a note in a locked frame reaches neither other clients nor storage, and their own page springs back', async () => {
    const before = await settled();
    participant.doc.transact(() => getObjectText(getObjectsMap(participant.doc).get('inside'))!.insert(0, 'SCRAWL '), LOCAL_USER_ORIGIN);
    expect(textOf(participant.doc, 'inside')).toBe('SCRAWL locked words');
    await waitFor(() => expect(textOf(participant.doc, 'inside')).toBe('locked words'));
    expect(await settled()).toEqual(before);
    expect([...seenByOther.get('inside')!]).toEqual(['locked words']);
    // Still connected: refused by undoing, not by closing.
    expect(participant.provider.wsconnected).toBe(true);
    expect(participantCloses).toEqual([]);

    // Nothing of the words is in what the server stores, and a reload shows the note as it was.
    await contentRoom().drained();
    const stored = await server.app.store.loadDocument({ boardId: board.id, doc: 'content' });
    for (const update of [...stored.updates, ...(stored.snapshot ? [stored.snapshot] : [])]) expect(contains(update, 'SCRAWL')).toBe(false);
    const replayed = new Y.Doc();
    for (const update of [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]) Y.applyUpdate(replayed, update);
    expect(textOf(replayed, 'inside')).toBe('locked words');
  });

  it('one update touching a locked and an unlocked note keeps only the unlocked change', async () => {
    participant.doc.transact(() => {
      getObjectText(getObjectsMap(participant.doc).get('inside'))!.delete(0, 7);
      getObjectText(getObjectsMap(participant.doc).get('outside'))!.insert(0, 'more ');
      updateObject(participant.doc, 'inside', { x: 400 });
    }, LOCAL_USER_ORIGIN);
    await waitFor(() => expect(textOf(other.doc, 'outside')).toBe('more free words'));
    const objects = await settled();
    expect(objects.find((object) => object.id === 'inside')).toMatchObject({ x: 40, text: 'locked words' });
    expect([...seenByOther.get('inside')!]).toEqual(['locked words']);
  });

  it('refuses creating a note in a locked frame, moving one into it, and deleting the frame or what is in it', async () => {
    const before = await settled();
    participant.doc.transact(() => insertObject(participant.doc, note('sneaky', 'frameA', 'new in a locked frame')), LOCAL_USER_ORIGIN);
    expect(await settled()).toEqual(before);
    participant.doc.transact(() => updateObject(participant.doc, 'outside', { frameId: 'frameA', x: 60 }), LOCAL_USER_ORIGIN);
    expect(await settled()).toEqual(before);
    participant.doc.transact(() => getObjectsMap(participant.doc).delete('inside'), LOCAL_USER_ORIGIN);
    await waitFor(() => expect(textOf(participant.doc, 'inside')).toBe('locked words'));
    expect(await settled()).toEqual(before);
    // Overwriting the key with a new map: the new item names no key of its own (Yjs takes it from its left origin).
    participant.doc.transact(() => insertObject(participant.doc, note('inside', null, 'replaced')), LOCAL_USER_ORIGIN);
    await waitFor(() => expect(textOf(participant.doc, 'inside')).toBe('locked words'));
    expect(await settled()).toEqual(before);
    participant.doc.transact(() => getObjectText(getObjectsMap(participant.doc).get('frameA'))!.insert(0, 'Not '), LOCAL_USER_ORIGIN);
    participant.doc.transact(() => getObjectsMap(participant.doc).delete('frameA'), LOCAL_USER_ORIGIN);
    expect(await settled()).toEqual(before);
    expect([...seenByOther.get('sneaky')!]).toEqual([null]);
    expect([...seenByOther.get('frameA')!]).toEqual(['Ideas']);
    expect(participantCloses).toEqual([]);
    // The restored note is an ordinary one again for the facilitator: editable, and synced.
    getObjectText(getObjectsMap(facilitator.doc).get('inside'))!.insert(0, 'still ');
    await waitFor(() => expect(textOf(participant.doc, 'inside')).toBe('still locked words'));
  });

  it('facilitators are never locked; unlocking the frame lets participants edit again', async () => {
    getObjectText(getObjectsMap(facilitator.doc).get('inside'))!.insert(0, 'facilitator: ');
    await waitFor(() => expect(textOf(other.doc, 'inside')).toBe('facilitator: locked words'));
    await lockFrame('frameA', false);
    getObjectText(getObjectsMap(participant.doc).get('inside'))!.insert(0, 'now mine: ');
    await waitFor(() => expect(textOf(other.doc, 'inside')).toBe('now mine: facilitator: locked words'));
    const objects = await settled();
    expect(objects.find((object) => object.id === 'inside')).toMatchObject({ text: 'now mine: facilitator: locked words' });
  });

  it('a locked board refuses every participant change, outside frames too, until it is unlocked', async () => {
    await setting((settings) => settings.set(LOCKED_SETTING, true));
    const before = await settled();
    participant.doc.transact(() => {
      getObjectText(getObjectsMap(participant.doc).get('outside'))!.insert(0, 'no ');
      insertObject(participant.doc, note('sneaky', null, 'anywhere'));
    }, LOCAL_USER_ORIGIN);
    await waitFor(() => expect(textOf(participant.doc, 'outside')).toBe('free words'));
    expect(await settled()).toEqual(before);
    expect([...seenByOther.get('outside')!]).toEqual(['free words']);

    await setting((settings) => settings.delete(LOCKED_SETTING));
    getObjectText(getObjectsMap(participant.doc).get('outside'))!.insert(0, 'yes ');
    await waitFor(() => expect(textOf(other.doc, 'outside')).toBe('yes free words'));
  });
});
