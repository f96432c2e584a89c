import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRoundStore } from '@clapboard/server';
import { Gate } from '../support/gate.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { api } from './support.ts';

/** A round store whose reads of a round can be held at the gate, to put an answer in the middle of a tick. */
class GatedReads extends MemoryRoundStore {
  readonly reads = new Gate();
  /** Only the next read waits at the gate; the submissions' own reads pass. */
  holdNextRead = false;
  override async getRound(boardId: string, roundId: string) {
    const round = await super.getRound(boardId, roundId);
    if (this.holdNextRead) {
      this.holdNextRead = false;
      this.reads.hold();
      await this.reads.pass();
    }
    return round;
  }
}

/**
 * The coarse count must catch up with an answer that is stored while a tick
 * is reading the round: that answer's mark must outlive the tick. Before the
 * fix the tick dropped the mark it had not seen, and the count stayed one
 * step behind until some later answer (seen once in CI as a flaky audit).
 */
describe('the count tick', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('publishes an answer stored while a tick was reading the round', async () => {
    const store = new GatedReads();
    server = await startTestServer({ roundStore: store, env: { ROUND_COUNT_TICK_MS: '3600000' } });
    const board = await server.createBoard('Tick');
    const base = `/api/boards/${board.id}/rounds`;
    const { roundId } = (await api(server, 'POST', base, board.tokens.facilitator, { prompt: 'Count?' })).body;
    const answer = async () => expect((await api(server, 'POST', `${base}/${roundId}/answers`, board.tokens.participant, { text: 'yes' })).status).toBe(201);
    const count = async () => (await api(server, 'GET', `${base}/${roundId}`, board.tokens.observer)).body.count as number;
    await answer();
    await answer();
    await answer();
    await server.app.rounds.tickNow();
    expect(await count()).toBe(3);

    // A fourth answer: one short of a step, so the tick reads the round and publishes nothing...
    await answer();
    store.holdNextRead = true;
    const tick = server.app.rounds.tickNow();
    await waitFor(() => expect(store.reads.waiting).toBe(1));
    // ...and while it reads (it has the round with four answers), a fifth is stored: together they make a step.
    await answer();
    store.reads.release();
    await tick;
    await server.app.rounds.tickNow();
    expect(await count()).toBe(5);
  });
});
