import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertObject, roomName } from '@clapboard/shared';
import { FINDINGS_FORMATS } from '../../server/src/findings/formats.ts';
import { connectSynced, type Client } from '../support/clients.ts';
import { postJson } from '../support/postJson.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const TEXT_FORMATS = ['json', 'md', 'csv'] as const;

async function getFindings(server: TestServer, board: CreatedBoard, query: string, token: string | null = board.tokens.facilitator) {
  const response = await fetch(`${server.url}/api/boards/${board.id}/findings?${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** What a reader of the export could search: the bytes of text formats, every part of a DOCX. */
function searchable(format: string, bytes: Uint8Array): string {
  if (format !== 'docx') return Buffer.from(bytes).toString('utf8');
  return Object.values(unzipSync(bytes))
    .map((part) => strFromU8(part))
    .join('\n');
}

describe('GET /api/boards/:id/findings, on a real server', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const people: Client[] = [];
  const receipts: string[] = [];
  const names = ['Amina Yusuf', 'Dawit Tesfaye'];
  const clientIds: string[] = [];
  const ballot = 'Qm9hcmQtYmFsbG90LW9mLWEtcGFydGljaXBhbnQtMDEyMzQ1';

  beforeAll(async () => {
    server = await startTestServer();
    board = await server.createBoard('Advice café — حلقة نقاش');
    // Two participants, present under their names, each writing an ordinary note.
    for (const [index, name] of names.entries()) {
      const person = await connectSynced(server.syncUrl, roomName(board.id, 'content'), board.tokens.participant);
      person.provider.awareness.setLocalStateField('user', { name, color: '#123456' });
      person.doc.transact(() => insertObject(person.doc, { type: 'note', x: index * 300, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: `Ordinary note ${index + 1}` }));
      people.push(person);
      clientIds.push(String(person.doc.clientID));
    }
    // An anonymous round: two answers from the participants, one typed in from paper by the facilitator, revealed.
    const round = await postJson(server.url, `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { prompt: 'What would help?', k: 2 });
    expect(round.status).toBe(201);
    const roundId = round.body.roundId as string;
    for (const [index, text] of ['Answer from a phone', 'Another answer from a phone'].entries()) {
      const answer = await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/answers`, board.tokens.participant, { text, lang: index === 0 ? 'en' : undefined });
      expect(answer.status).toBe(201);
      receipts.push(answer.body.receipt);
    }
    const paper = await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/answers`, board.tokens.facilitator, { text: 'Answer from paper', transcribed: true });
    expect(paper.status).toBe(201);
    receipts.push(paper.body.receipt);
    expect((await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/reveal`, board.tokens.facilitator)).status).toBe(200);
    // A dot vote with one ballot, closed.
    // Both notes and the revealed round (a frame and three cards) have reached the first participant.
    await waitFor(() => {
      if (people[0]!.doc.getMap('objects').size < 2 + 1 + 3) throw new Error('board not complete yet');
    });
    const targets = [...people[0]!.doc.getMap('objects').entries()].filter(([, map]) => (map as { get(key: string): unknown }).get('type') === 'note').map(([id]) => id);
    expect(targets).toHaveLength(2);
    const vote = await postJson(server.url, `/api/boards/${board.id}/votes`, board.tokens.facilitator, { targets, perPerson: 1 });
    expect(vote.status).toBe(201);
    expect((await postJson(server.url, `/api/boards/${board.id}/votes/${vote.body.voteId}/ballots`, board.tokens.participant, { ballot, choices: [targets[0]] })).status).toBe(201);
    expect((await postJson(server.url, `/api/boards/${board.id}/votes/${vote.body.voteId}/close`, board.tokens.facilitator)).status).toBe(200);
  });

  afterAll(async () => {
    for (const person of people) person.destroy();
    await server?.close();
  });

  it('gives a facilitator every text format with its type and a download name from the title', async () => {
    await waitFor(async () => {
      const json = await getFindings(server, board, 'format=json');
      const findings = JSON.parse(Buffer.from(json.bytes).toString('utf8'));
      if (findings.participation.notes !== 2) throw new Error('notes not there yet');
    });
    const expected = { json: 'application/json', md: 'text/markdown', csv: 'text/csv' };
    for (const format of TEXT_FORMATS) {
      const response = await getFindings(server, board, `format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(expected[format]);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="advice-caf-findings.${format}"; filename*=UTF-8''${encodeURIComponent(`advice-café-حلقة-نقاش-findings.${format}`)}`,
      );
    }
  });

  it('gives a facilitator a DOCX, and PNG when this server builds it', async () => {
    const docx = await getFindings(server, board, 'format=docx');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(searchable('docx', docx.bytes)).toContain('What would help?');
    const png = await getFindings(server, board, 'format=png');
    if (FINDINGS_FORMATS.png) {
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
    } else {
      expect(png.status).toBe(501);
      expect(JSON.parse(Buffer.from(png.bytes).toString('utf8')).code).toBe('FORMAT_UNAVAILABLE');
    }
  });

  it('carries the answers, and nothing that identifies who wrote them, in any format', async () => {
    const secrets = [...names, ...receipts, ...clientIds, ballot, board.tokens.facilitator, board.tokens.participant, board.tokens.observer];
    expect(receipts).toHaveLength(3);
    for (const format of [...TEXT_FORMATS, 'docx'] as const) {
      const response = await getFindings(server, board, `format=${format}`);
      expect(response.status).toBe(200);
      const text = searchable(format, response.bytes);
      // The export is not empty of people's words: the check below would pass on nothing.
      for (const answer of ['Answer from a phone', 'Another answer from a phone', 'Answer from paper', 'Ordinary note 1']) expect(text, `${format} has ${answer}`).toContain(answer);
      for (const secret of secrets) expect(text.includes(secret), `${format} must not contain ${secret}`).toBe(false);
    }
  });

  it('refuses participants and observers (403), a missing or wrong token (401), a bad format or frame (400)', async () => {
    for (const role of ['participant', 'observer'] as const) {
      for (const format of ['json', 'docx', 'png']) {
        const response = await getFindings(server, board, `format=${format}`, board.tokens[role]);
        expect(response.status).toBe(403);
        expect(JSON.parse(Buffer.from(response.bytes).toString('utf8')).code).toBe('FORBIDDEN');
      }
    }
    expect((await getFindings(server, board, 'format=json', null)).status).toBe(401);
    expect((await getFindings(server, board, 'format=json', 'not-a-token')).status).toBe(401);
    const unknownBoard = await fetch(`${server.url}/api/boards/AAAAAAAAAAAAAAAAAAAAAA/findings?format=json`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } });
    expect(unknownBoard.status).toBe(401);
    for (const query of ['format=pdf', '', 'format=json&format=md', 'format=json&frame=abc', 'format=png&frame=not%20an%20id']) {
      const response = await getFindings(server, board, query);
      expect(response.status, query).toBe(400);
      expect(JSON.parse(Buffer.from(response.bytes).toString('utf8')).code).toBe('BAD_REQUEST');
    }
  });

  it('reads a board nobody has open from storage, giving the same JSON as while it was loaded', async () => {
    const loaded = await getFindings(server, board, 'format=json');
    for (const person of people.splice(0)) person.destroy();
    await waitFor(() => {
      if (server.app.rooms.get({ boardId: board.id, doc: 'content' })) throw new Error('still loaded');
    });
    const stored = await getFindings(server, board, 'format=json');
    expect(stored.status).toBe(200);
    expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })).toBeUndefined();
    expect(Buffer.from(stored.bytes).toString('utf8')).toBe(Buffer.from(loaded.bytes).toString('utf8'));
  });
});
