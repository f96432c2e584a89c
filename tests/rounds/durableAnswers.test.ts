import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRoundStore, type RoundStore } from '@clapboard/server';
import { startTestServer, type TestServer } from '../support/server.ts';
import { Gate } from '../support/gate.ts';
import { waitFor } from '../support/waitFor.ts';
import { api } from './support.ts';

/** A round store whose answer writes can be held, to see what the route does before the write is durable. */
class GatedRoundStore extends MemoryRoundStore {
  readonly gate = new Gate();
  override async addAnswer(...args: Parameters<RoundStore['addAnswer']>): ReturnType<RoundStore['addAnswer']> {
    await this.gate.pass();
    return super.addAnswer(...args);
  }
}

/**
 * `201 { receipt }` only once the answer is stored. Shown to fail with the
 * route answering before `store.addAnswer` resolved (RoundService.submit
 * returning the receipt without awaiting it): the 201 arrived while the
 * write was held. The same with a real process and kill -9:
 * tests/crash/roundsKill9.test.ts.
 */
describe('an answer is acknowledged only once stored', () => {
  let server: TestServer;
  afterEach(async () => server.close());

  it('sends no 201 while the write is held', async () => {
    const roundStore = new GatedRoundStore();
    server = await startTestServer({ roundStore });
    const board = await server.createBoard('Durable');
    const roundId = (await api(server, 'POST', `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { prompt: 'Held?' })).body.roundId as string;
    roundStore.gate.hold();
    let answered = false;
    const answering = api(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/answers`, board.tokens.participant, { text: 'held answer' }).then((result) => {
      answered = true;
      return result;
    });
    await waitFor(() => expect(roundStore.gate.waiting).toBe(1));
    // Give the route every chance to answer early: a full round trip of another request.
    await api(server, 'GET', `/api/boards/${board.id}/rounds/unknownunknownxx`, board.tokens.observer);
    expect(answered).toBe(false);
    roundStore.gate.release();
    expect((await answering).status).toBe(201);
    expect((await roundStore.listAnswers(board.id, roundId)).map((answer) => answer.text)).toEqual(['held answer']);
  });
});
