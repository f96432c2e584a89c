import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SQLITE_FILENAME, hashToken } from '@clapboard/server';
import { getAnswersMap, insertObject, readAllObjects, roomName, syncSubprotocols } from '@clapboard/shared';
import { blindBallot, randomBallot, unblindSignature } from '@clapboard/shared/blindBallot';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

/** better-sqlite3 is the server's dependency, not ours: borrow it to read the file as an attacker would. */
const Database = createRequire(path.resolve(import.meta.dirname, '../../server/package.json'))('better-sqlite3') as new (
  filename: string,
  options?: { readonly?: boolean },
) => { prepare(sql: string): { all(...args: unknown[]): any[] }; close(): void };

const NAMES = ['Amira Haddad', 'Berhane Tesfay', 'Chen Wei', 'Dilnoza Karimova', 'Emeka Obi'];
/** Each participant connects from their own loopback address, so an address anywhere can be told apart. */
const addressOf = (index: number) => `127.0.0.${21 + index}`;

interface Participant {
  name: string;
  address: string;
  content: { doc: Y.Doc; provider: WebsocketProvider };
  control: { doc: Y.Doc; provider: WebsocketProvider };
  /** Every websocket message this participant received, content and control. */
  received: Uint8Array[];
  /** Every awareness state this participant saw, by awareness client id. */
  seenStates: Map<number, unknown>;
  answer: string;
  receipt: string;
  /** The ballot secrets this participant's browser made, and what a voting code bought. */
  ballots: string[];
  code: string;
  signature: string;
}

/** The stock WebSocket, bound to one local address, recording what it receives. */
function socketClass(address: string, received: Uint8Array[]): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { localAddress: address });
      this.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    }
  } as unknown as typeof globalThis.WebSocket;
}

function request(url: string, method: string, token: string, body: unknown, localAddress: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, localAddress, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Every string an Item of a decoded update holds, with the item's client id and the map key it sits under. */
function itemsOf(update: Uint8Array): Array<{ client: number; key: string | null; strings: string[] }> {
  const out: Array<{ client: number; key: string | null; strings: string[] }> = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content as unknown as { str?: string; arr?: unknown[] };
    const strings = [content.str, ...(content.arr ?? []).map((value) => JSON.stringify(value))].filter((value): value is string => typeof value === 'string');
    out.push({ client: struct.id.client, key: struct.parentSub, strings });
  }
  return out;
}

/** Offsets where `bytes` holds a big-endian integer of `width` bytes in [low, high]. */
function bigEndianIn(bytes: Buffer, width: number, low: number, high: number): number[] {
  const hits: number[] = [];
  for (let offset = 0; offset + width <= bytes.length; offset += 1) {
    const value = bytes.readUIntBE(offset, width);
    if (value >= low && value <= high) hits.push(offset);
  }
  return hits;
}

/**
 * The anonymity audit (docs/anonymity.md). Five named participants, each
 * with their own Y.Doc, the stock y-websocket provider, their name in
 * awareness and their own address, write a note each and answer a round;
 * the facilitator reveals it; everyone votes in an open dot vote (closed
 * before the files are read) and, with a one-time code and a blind
 * signature, in a second vote (left open). Then the test reads everything the server
 * holds or said — the SQLite file with its -wal and -shm, every stored
 * update and snapshot decoded with Y.decodeUpdate, every message and
 * awareness state any client received, the server's log at debug level —
 * and looks for any link between an answer and its author.
 *
 * It can fail: with the answer also written from the author's own Y.Doc
 * (in `answerRound`, `insertObject(p.content.doc, { …, text: p.answer })`
 * after the POST), "no item holding answer text carries an author's client
 * id" failed, listing that participant's clientID; with the route's
 * `logLevel: 'warn'` removed (roundRoutes.ts), the log check failed on the
 * "/api/boards/:board/rounds/:roundId/answers" request lines. Both were
 * tried once and put back. Likewise for votes: storing each spent ballot's
 * hash with its choices (voteTally.mjs) failed "sorted sets of hashes", and
 * the votes routes at the default log level failed the log check.
 */
describe('anonymity audit', () => {
  let server: TestServer;
  const participants: Participant[] = [];
  afterAll(async () => {
    for (const p of participants) {
      p.content.provider.destroy();
      p.control.provider.destroy();
    }
    await server?.close();
  });

  it('finds no link between any answer and its author in anything the server holds or sends', async () => {
    const started = Date.now();
    server = await startTestServer({ env: { LOG_LEVEL: 'debug', ROUND_COUNT_TICK_MS: '50', ROOM_IDLE_MS: '600000' } });
    const board = await server.createBoard('Audit');
    const base = `${server.url}/api/boards/${board.id}`;

    for (const [index, name] of NAMES.entries()) {
      const received: Uint8Array[] = [];
      const seenStates = new Map<number, unknown>();
      const connect = (room: string) => {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(server.syncUrl, room, doc, {
          protocols: syncSubprotocols(board.tokens.participant),
          WebSocketPolyfill: socketClass(addressOf(index), received),
          disableBc: true,
          maxBackoffTime: 200,
        });
        provider.awareness.on('change', () => {
          for (const [id, state] of provider.awareness.getStates()) seenStates.set(id, structuredClone(state));
        });
        return { doc, provider };
      };
      // The stock provider's awareness lives on the content doc: its awareness id is the doc's Yjs client id, next to the name.
      const content = connect(board.id);
      const control = connect(roomName(board.id, 'control'));
      content.provider.awareness.setLocalStateField('user', { name, color: '#1565c0' });
      participants.push({ name, address: addressOf(index), content, control, received, seenStates, answer: `ANSWER-${randomUUID()} what would help me most is a caseworker who calls back`, receipt: '', ballots: [], code: '', signature: '' });
    }
    await waitFor(() => participants.every((p) => p.content.provider.synced && p.control.provider.synced));
    // Everyone writes an ordinary note, so each author's client id is in storage: the audit must find it nowhere near an answer.
    for (const [index, p] of participants.entries()) {
      insertObject(p.content.doc, { type: 'note', x: index * 220, y: 0, width: 200, height: 200, z: index + 1, frameId: null, color: 'yellow', text: `note by participant ${index}` });
    }
    await waitFor(() => participants.every((p) => p.seenStates.size >= NAMES.length));

    const created = await request(`${base}/rounds`, 'POST', board.tokens.facilitator, { prompt: 'What would help most?', k: 3 }, '127.0.0.30');
    expect(created.status).toBe(201);
    const roundId = created.body.roundId as string;
    const answerRound = async (p: Participant) => {
      const answered = await request(`${base}/rounds/${roundId}/answers`, 'POST', board.tokens.participant, { text: p.answer, lang: 'en' }, p.address);
      expect(answered.status).toBe(201);
      p.receipt = answered.body.receipt;
    };
    for (const p of participants) await answerRound(p);
    // The coarse count reaches clients on the tick.
    await waitFor(() => expect((participants[0]!.control.doc.getMap('rounds').get(roundId) as Y.Map<unknown>)?.get('count')).toBeGreaterThanOrEqual(4));
    // One author edits before reveal.
    const first = participants[0]!;
    first.answer = `ANSWER-${randomUUID()} edited: a caseworker who calls back within a week`;
    expect((await request(`${base}/rounds/${roundId}/answers`, 'PUT', board.tokens.participant, { receipt: first.receipt, text: first.answer }, first.address)).status).toBe(204);

    const revealed = await request(`${base}/rounds/${roundId}/reveal`, 'POST', board.tokens.facilitator, {}, '127.0.0.30');
    expect(revealed.status).toBe(200);
    await waitFor(() => participants.every((p) => getAnswersMap(p.content.doc).size === NAMES.length));
    // And one edits after reveal, by receipt.
    const second = participants[1]!;
    second.answer = `ANSWER-${randomUUID()} edited after reveal`;
    expect((await request(`${base}/rounds/${roundId}/answers`, 'PUT', board.tokens.participant, { receipt: second.receipt, text: second.answer }, second.address)).status).toBe(204);
    await waitFor(() => participants.every((p) => JSON.stringify(getAnswersMap(p.content.doc).toJSON()).includes(second.answer)));

    // Two votes. An open one over everyone's notes, closed before the files are read; and one with
    // one-time codes, left open, so its spent ballots and unspent codes are on disk when they are read.
    const noteIds = readAllObjects(first.content.doc).filter((object) => object.type === 'note').map((object) => object.id).sort();
    expect(noteIds).toHaveLength(NAMES.length);
    const openVote = await request(`${base}/votes`, 'POST', board.tokens.facilitator, { targets: noteIds, perPerson: 2 }, '127.0.0.30');
    expect(openVote.status).toBe(201);
    const codesVote = await request(`${base}/votes`, 'POST', board.tokens.facilitator, { targets: noteIds, perPerson: 1, codes: NAMES.length + 1 }, '127.0.0.30');
    expect(codesVote.status).toBe(201);
    const codes = codesVote.body.codes as string[];
    const publicKey = (await request(`${base}/votes/${codesVote.body.voteId}`, 'GET', board.tokens.participant, undefined, first.address)).body.publicKey as string;
    const answersAndNotes: string[] = [];
    const choicesOf = (index: number) => [noteIds[index]!, noteIds[(index + 1) % noteIds.length]!];
    for (const [index, p] of participants.entries()) {
      const ballot = randomBallot();
      p.ballots.push(ballot);
      expect((await request(`${base}/votes/${openVote.body.voteId}/ballots`, 'POST', board.tokens.participant, { ballot, choices: choicesOf(index) }, p.address)).status).toBe(201);
      p.code = codes[index]!;
      const pending = await blindBallot(publicKey);
      const signed = await request(`${base}/votes/${codesVote.body.voteId}/tokens`, 'POST', board.tokens.participant, { code: p.code, blindedBallot: pending.blindedBallot }, p.address);
      expect(signed.status).toBe(201);
      p.signature = await unblindSignature(publicKey, pending, signed.body.blindSignature);
      p.ballots.push(pending.ballot, pending.blindedBallot, signed.body.blindSignature);
      expect((await request(`${base}/votes/${codesVote.body.voteId}/ballots`, 'POST', board.tokens.participant, { ballot: pending.ballot, signature: p.signature, choices: [noteIds[index]!] }, p.address)).status).toBe(201);
    }
    const closedVote = await request(`${base}/votes/${openVote.body.voteId}/close`, 'POST', board.tokens.facilitator, {}, '127.0.0.30');
    expect(closedVote.body.counts).toEqual(Object.fromEntries(noteIds.map((id) => [id, 2])));
    const voteSecrets = participants.flatMap((p) => [...p.ballots, p.code, p.code.replace(/-/g, ''), p.signature]);

    // Anonymous sticky notes: the facilitator switches the board to anonymous mode from their own
    // client; each participant then adds a note, which the server writes.
    const facilitatorControl = new Y.Doc();
    const facilitatorProvider = new WebsocketProvider(server.syncUrl, roomName(board.id, 'control'), facilitatorControl, {
      protocols: syncSubprotocols(board.tokens.facilitator),
      WebSocketPolyfill: socketClass('127.0.0.30', []),
      disableBc: true,
      maxBackoffTime: 200,
    });
    await waitFor(() => facilitatorProvider.synced);
    facilitatorControl.getMap('settings').set('anonymousNotes', true);
    await waitFor(() => participants.every((p) => p.control.doc.getMap('settings').get('anonymousNotes') === true));
    facilitatorProvider.destroy();
    const noteWords: string[] = [];
    const anonymousNoteIds: string[] = [];
    const noteReceipts: string[] = [];
    for (const [index, p] of participants.entries()) {
      const words = `ANONNOTE-${randomUUID()} the food is cold`;
      const added = await request(`${base}/anonymous-notes`, 'POST', board.tokens.participant, { text: words, x: index * 50, y: 900 }, p.address);
      expect(added.status).toBe(201);
      noteWords.push(words);
      anonymousNoteIds.push(added.body.answerId);
      noteReceipts.push(added.body.receipt);
    }
    await waitFor(() => participants.every((p) => anonymousNoteIds.every((id) => getAnswersMap(p.content.doc).has(id))));
    answersAndNotes.push(...noteWords);

    const serverClients = new Set(
      (['content', 'control'] as const).map((doc) => server.app.rooms.get({ boardId: board.id, doc })!.doc.clientID),
    );
    const authorClients = new Map<number, string>();
    for (const p of participants) {
      authorClients.set(p.content.doc.clientID, p.name);
      authorClients.set(p.control.doc.clientID, p.name);
      authorClients.set(p.content.provider.awareness.clientID, p.name);
    }
    const answers = [...participants.map((p) => p.answer), ...answersAndNotes];
    const secrets = [...NAMES, ...participants.map((p) => p.receipt), ...noteReceipts, ...Object.values(board.tokens), ...participants.map((p) => p.address)];

    // Before closing the server, and after: a live server's WAL and shm, and what shutdown leaves.
    const databaseFiles = ['', '-wal', '-shm'].map((suffix) => path.join(server.dataDir, SQLITE_FILENAME + suffix));
    const checkFiles = () => {
      const finished = Date.now();
      for (const file of databaseFiles) {
        if (!fs.existsSync(file)) continue;
        const bytes = fs.readFileSync(file);
        const text = bytes.toString('latin1');
        for (const secret of [...secrets, ...voteSecrets]) expect({ file: path.basename(file), holds: text.includes(secret) }).toEqual({ file: path.basename(file), holds: false });
        // Receipts are stored only as hashes: the hash is there, the receipt is not (checked above).
        // Addresses in binary too.
        for (const p of participants) expect(bytes.includes(Buffer.from(p.address.split('.').map(Number)))).toBe(false);
        // No fine timestamp of this test's minutes anywhere: as text (seconds or ms since the epoch, ISO dates) or as big-endian integers.
        const decimals = [...text.matchAll(/\d{10,13}/g)].map((match) => Number(match[0]));
        expect(decimals.filter((value) => (value >= started / 1000 - 1 && value <= finished / 1000 + 1) || (value >= started - 1000 && value <= finished + 1000))).toEqual([]);
        expect(text).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:\d\d/);
        expect(bigEndianIn(bytes, 6, started - 1000, finished + 1000)).toEqual([]);
        expect(bigEndianIn(bytes, 4, Math.floor(started / 1000) - 1, Math.ceil(finished / 1000) + 1)).toEqual([]);
      }
      const db = new Database(databaseFiles[0]!, { readonly: true });
      try {
        // Nothing stored next to an answer but its id, its receipt's hash, its words and language.
        expect(db.prepare("SELECT name FROM pragma_table_info('round_answers')").all().map((row) => row.name)).toEqual(['board_id', 'round_id', 'answer_count', 'answers']);
        for (const row of db.prepare('SELECT answers FROM round_answers').all()) {
          const entries = JSON.parse(row.answers) as Array<Record<string, unknown>>;
          expect(entries).toHaveLength(NAMES.length);
          for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(['id', 'lang', 'receipt', 'text']);
          expect(new Set(entries.map((entry) => entry.receipt))).toEqual(new Set(participants.map((p) => hashToken(p.receipt))));
        }
        expect(db.prepare('SELECT closes_at FROM rounds').all()).toEqual([{ closes_at: null }]);
        // A vote is one row: hashes of spent ballots and of unspent codes as sorted sets, and counts per
        // target, apart. No row, column or position holds a ballot next to its choices.
        expect(db.prepare("SELECT name FROM pragma_table_info('votes')").all().map((row) => row.name)).toEqual(
          ['board_id', 'vote_id', 'access', 'per_person', 'targets', 'state', 'public_key', 'signing_key', 'ballot_count', 'counts', 'spent', 'codes'],
        );
        for (const vote of db.prepare('SELECT * FROM votes').all()) {
          const spent = JSON.parse(vote.spent) as string[];
          const unspent = JSON.parse(vote.codes) as string[];
          for (const set of [spent, unspent]) {
            expect(set).toEqual([...set].sort());
            for (const hash of set) expect(hash).toMatch(/^[0-9a-f]{64}$/);
          }
          expect(Object.keys(JSON.parse(vote.counts))).toEqual(noteIds);
          if (vote.access === 'anyone') expect({ state: vote.state, spent: spent.length }).toEqual({ state: 'closed', spent: 0 });
          else expect({ state: vote.state, spent: spent.length, unspent: unspent.length, ballots: vote.ballot_count }).toEqual({ state: 'open', spent: NAMES.length, unspent: 1, ballots: NAMES.length });
        }
        // Every stored update and snapshot, decoded: an item holding an answer's words, or sitting under an
        // answer's id, was written by the server's own client, never by an author's.
        const stored = [
          ...db.prepare('SELECT data FROM doc_updates').all().map((row) => row.data as Uint8Array),
          ...db.prepare('SELECT snapshot FROM doc_snapshots').all().map((row) => row.snapshot as Uint8Array),
        ];
        expect(stored.length).toBeGreaterThanOrEqual(2);
        const answerIds = new Set<string>([...JSON.parse(db.prepare('SELECT answers FROM round_answers').all()[0].answers).map((entry: { id: string }) => entry.id), ...anonymousNoteIds]);
        let answerItems = 0;
        const authorsNearAnswers: string[] = [];
        let authorItems = 0;
        for (const update of stored) {
          for (const item of itemsOf(update)) {
            if (authorClients.has(item.client)) authorItems += 1;
            const holdsAnswer = item.strings.some((value) => answers.some((answer) => value.includes(answer.slice(0, 43))));
            if (!holdsAnswer && !(item.key && answerIds.has(item.key))) continue;
            answerItems += 1;
            if (!serverClients.has(item.client)) authorsNearAnswers.push(`${item.client}${authorClients.has(item.client) ? ` (${authorClients.get(item.client)})` : ''}`);
          }
        }
        expect(authorItems, 'the authors’ own notes are stored with their client ids').toBeGreaterThanOrEqual(NAMES.length);
        expect(answerItems).toBeGreaterThanOrEqual(NAMES.length * 4);
        expect(authorsNearAnswers, 'no item holding answer text carries an author’s client id').toEqual([]);
      } finally {
        db.close();
      }
    };
    checkFiles();

    // What every client received: answers, yes (after reveal), but no awareness state with answer words or
    // a receipt, and no presence for the server's own client.
    for (const p of participants) {
      const states = JSON.stringify([...p.seenStates.values()]);
      for (const secret of [...answers, ...participants.map((q) => q.receipt)]) expect(states.includes(secret)).toBe(false);
      for (const id of serverClients) expect(p.seenStates.has(id)).toBe(false);
      const bytes = Buffer.concat(p.received).toString('latin1');
      for (const secret of [...participants.map((q) => q.receipt), ...voteSecrets]) expect(bytes.includes(secret)).toBe(false);
    }

    // The log, at debug: no words, receipt, answer id, name, token or address; no line about the answer routes.
    const logs = server.logs();
    expect(logs.length).toBeGreaterThan(500);
    const answerIds = [...participants[0]!.content.doc.getMap('answers').keys()];
    for (const secret of [...answers.map((answer) => answer.slice(0, 43)), ...answerIds, ...secrets, ...voteSecrets, ...participants.map((p) => hashToken(p.receipt))]) {
      expect({ secret, logged: logs.includes(secret) }).toEqual({ secret, logged: false });
    }
    expect(logs).not.toMatch(/\/rounds|\/receipts|\/answers|\/votes|\/ballots|\/tokens/);

    const everyone = participants.splice(0);
    for (const p of everyone) {
      p.content.provider.destroy();
      p.control.provider.destroy();
    }
    await server.close();
    participants.length = 0;
    participants.push(...everyone.map((p) => ({ ...p, content: { ...p.content, provider: { destroy() {} } as never }, control: { ...p.control, provider: { destroy() {} } as never } })));
    checkFiles();
  });
});
