import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readVote, roomName } from '@clapboard/shared';
import { blindBallot, randomBallot, unblindSignature } from '@clapboard/shared/blindBallot';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { api, boardWithNotes, expectApiError } from './support.ts';

describe('votes over HTTP', () => {
  let server: TestServer;
  let board: CreatedBoard;
  let notes: Awaited<ReturnType<typeof boardWithNotes>>;
  const clients: Client[] = [];
  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Votes');
    notes = await boardWithNotes(server, board, 4);
    clients.push(...notes.clients);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  const base = () => `/api/boards/${board.id}`;
  const createVote = async (body: Record<string, unknown>) => {
    const created = await api(server, 'POST', `${base()}/votes`, board.tokens.facilitator, body);
    expect(created.status).toBe(201);
    return created.body as { voteId: string; codes?: string[] };
  };
  const cast = (voteId: string, body: Record<string, unknown>, token = board.tokens.participant) => api(server, 'POST', `${base()}/votes/${voteId}/ballots`, token, body);

  it('opens a vote over a frame (facilitator only), its public record in the control document without counts', async () => {
    for (const token of [board.tokens.participant, board.tokens.observer]) {
      expectApiError(await api(server, 'POST', `${base()}/votes`, token, { targets: notes.frameId, perPerson: 2 }), 403, 'FORBIDDEN');
    }
    expectApiError(await api(server, 'POST', `${base()}/votes`, null, { targets: notes.frameId, perPerson: 2 }), 401, 'UNAUTHORIZED');
    expectApiError(await api(server, 'POST', `${base()}/votes`, board.tokens.facilitator, { targets: notes.frameId, perPerson: 0 }), 400, 'BAD_REQUEST');
    expectApiError(await api(server, 'POST', `${base()}/votes`, board.tokens.facilitator, { targets: [], perPerson: 1 }), 400, 'BAD_REQUEST');
    expectApiError(await api(server, 'POST', `${base()}/votes`, board.tokens.facilitator, { targets: ['nosuchnote'], perPerson: 1 }), 400, 'BAD_REQUEST');
    expectApiError(await api(server, 'POST', `${base()}/votes`, board.tokens.facilitator, { targets: notes.noteIds[0], perPerson: 1 }), 400, 'BAD_REQUEST');
    expectApiError(await api(server, 'POST', `${base()}/votes`, board.tokens.facilitator, { targets: notes.frameId, perPerson: 1, extra: true }), 400, 'BAD_REQUEST');

    const { voteId, codes } = await createVote({ targets: notes.frameId, perPerson: 2 });
    expect(codes).toBeUndefined();
    const expected = { state: 'open', access: 'anyone', perPerson: 2, targets: notes.noteIds, publicKey: null, ballots: null, counts: null };
    expect((await api(server, 'GET', `${base()}/votes/${voteId}`, board.tokens.observer)).body).toEqual(expected);
    const control = await connectSynced(server.syncUrl, roomName(board.id, 'control'), board.tokens.participant);
    clients.push(control);
    await waitFor(() => expect(readVote(control.doc, voteId)).toEqual(expected));
    // The refused requests opened nothing.
    expect(control.doc.getMap('votes').size).toBe(1);
    expectApiError(await api(server, 'GET', `${base()}/votes/unknownunknownxx`, board.tokens.observer), 404, 'NOT_FOUND');
  });

  it('counts each ballot once, hides the tally until close, then writes the counts onto the board', async () => {
    const [a, b, c] = notes.noteIds as [string, string, string];
    const { voteId } = await createVote({ targets: [a, b, c, a], perPerson: 2 });
    const ballots = [randomBallot(), randomBallot(), randomBallot()];
    expect(await cast(voteId, { ballot: ballots[0], choices: [a, b] })).toEqual({ status: 201, body: { counted: true } });
    expect((await cast(voteId, { ballot: ballots[1], choices: [a] })).status).toBe(201);
    expectApiError(await cast(voteId, { ballot: ballots[0], choices: [c] }), 409, 'ALREADY_VOTED');
    expectApiError(await cast(voteId, { ballot: ballots[2], choices: [a, b, c] }), 400, 'BAD_REQUEST');
    expectApiError(await cast(voteId, { ballot: ballots[2], choices: [a, a] }), 400, 'BAD_REQUEST');
    expectApiError(await cast(voteId, { ballot: ballots[2], choices: [notes.outsideId] }), 400, 'BAD_REQUEST');
    expectApiError(await cast(voteId, { ballot: 'short', choices: [a] }), 400, 'BAD_REQUEST');
    expectApiError(await cast(voteId, { ballot: ballots[2], choices: [a] }, board.tokens.observer), 403, 'FORBIDDEN');
    expectApiError(await cast(voteId, { ballot: ballots[2], choices: [a] }, board.tokens.facilitator), 403, 'FORBIDDEN');
    // Still hidden, to everyone, the facilitator included.
    expect((await api(server, 'GET', `${base()}/votes/${voteId}`, board.tokens.facilitator)).body).toMatchObject({ state: 'open', ballots: null, counts: null });

    expectApiError(await api(server, 'POST', `${base()}/votes/${voteId}/close`, board.tokens.participant), 403, 'FORBIDDEN');
    const closed = await api(server, 'POST', `${base()}/votes/${voteId}/close`, board.tokens.facilitator);
    expect(closed.body).toMatchObject({ state: 'closed', ballots: 2, counts: { [a]: 2, [b]: 1, [c]: 0 } });
    expectApiError(await cast(voteId, { ballot: ballots[2], choices: [c] }), 409, 'VOTE_CLOSED');
    const control = await connectSynced(server.syncUrl, roomName(board.id, 'control'), board.tokens.observer);
    clients.push(control);
    await waitFor(() => expect(readVote(control.doc, voteId)).toMatchObject({ state: 'closed', ballots: 2, counts: { [a]: 2, [b]: 1, [c]: 0 } }));
    // Closing again changes nothing and answers the same results.
    expect((await api(server, 'POST', `${base()}/votes/${voteId}/close`, board.tokens.facilitator)).body).toEqual(closed.body);
  });

  it('with one-time codes: a code buys one blind signature, only signed ballots count, and a code works once', async () => {
    const [a, b] = notes.noteIds as [string, string];
    const { voteId, codes } = await createVote({ targets: notes.frameId, perPerson: 1, codes: 3 });
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    for (const code of codes!) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const { publicKey } = (await api(server, 'GET', `${base()}/votes/${voteId}`, board.tokens.participant)).body as { publicKey: string };
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{300,}$/);

    // An unsigned ballot, or one with a made-up signature, is refused.
    expectApiError(await cast(voteId, { ballot: randomBallot(), choices: [a] }), 403, 'BALLOT_REFUSED');
    const pending = await blindBallot(publicKey);
    expectApiError(await cast(voteId, { ballot: pending.ballot, signature: pending.blindedBallot, choices: [a] }), 403, 'BALLOT_REFUSED');

    const redeem = (code: string, blinded: string) => api(server, 'POST', `${base()}/votes/${voteId}/tokens`, board.tokens.participant, { code, blindedBallot: blinded });
    expectApiError(await redeem('0000-0000-0000', pending.blindedBallot), 403, 'BALLOT_REFUSED');
    expectApiError(await redeem(codes![0]!, 'A'.repeat(40)), 400, 'BAD_REQUEST');
    // Lower case and without dashes, as someone might type it from paper; the failed attempts above did not spend it.
    const signed = await redeem(codes![0]!.toLowerCase().replace(/-/g, ''), pending.blindedBallot);
    expect(signed.status).toBe(201);
    expectApiError(await redeem(codes![0]!, pending.blindedBallot), 403, 'BALLOT_REFUSED');
    const signature = await unblindSignature(publicKey, pending, signed.body.blindSignature);
    // The signed ballot carries no code: the server sees it for the first time here.
    expect((await cast(voteId, { ballot: pending.ballot, signature, choices: [b] })).status).toBe(201);
    expectApiError(await cast(voteId, { ballot: pending.ballot, signature, choices: [a] }), 409, 'ALREADY_VOTED');

    const second = await blindBallot(publicKey);
    const secondSigned = await redeem(codes![1]!, second.blindedBallot);
    expect((await cast(voteId, { ballot: second.ballot, signature: await unblindSignature(publicKey, second, secondSigned.body.blindSignature), choices: [b] })).status).toBe(201);

    const closed = await api(server, 'POST', `${base()}/votes/${voteId}/close`, board.tokens.facilitator);
    expect(closed.body).toMatchObject({ state: 'closed', access: 'codes', ballots: 2 });
    expect(closed.body.counts[b]).toBe(2);
    // The unused third code died with the vote.
    expectApiError(await redeem(codes![2]!, (await blindBallot(publicKey)).blindedBallot), 409, 'VOTE_CLOSED');
  });
});
