import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getAnswersMap, readObject, readRevealedAnswer } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { api } from './support.ts';

const ANSWERS = 40;

/** Spearman's rank correlation of a permutation of 0..n-1 against the identity. */
function spearman(order: number[]): number {
  const n = order.length;
  const squares = order.reduce((sum, value, position) => sum + (value - position) ** 2, 0);
  return 1 - (6 * squares) / (n * (n * n - 1));
}

/** How many answers sent one after the other (i, i+1) end up next to each other, either way round. */
function neighboursKept(order: number[]): number {
  const position = new Map(order.map((value, index) => [value, index]));
  let kept = 0;
  for (let value = 0; value + 1 < order.length; value += 1) if (Math.abs(position.get(value)! - position.get(value + 1)!) === 1) kept += 1;
  return kept;
}

/**
 * The board must not show the order answers came in, in any order a
 * reader can recover: where the cards sit (reading order of the grid), and
 * the order the server's Yjs client wrote them in (their clocks, which
 * every copy of the board keeps).
 *
 * The statistics, for 40 answers sent one by one: Spearman's ρ between
 * arrival and revealed position, and the number of arrival neighbours that
 * stay neighbours. For a uniformly random order ρ has mean 0 and standard
 * deviation 1/√39 ≈ 0.16, so |ρ| ≥ 0.7 has probability about 1e-5; kept
 * neighbours are about Poisson(2), so ≥ 10 has probability about 5e-5.
 * Arrival order gives ρ = 1 and 39 neighbours; reversed, ρ = −1; rotated,
 * 38 neighbours.
 *
 * Shown to fail: with `shuffled()` in RoundService.reveal replaced by the
 * identity and answer ids made sequential (so the store's id order was the
 * arrival order), ρ was 1 and 39 neighbours were kept.
 */
describe('reveal order', () => {
  let server: TestServer;
  let board: CreatedBoard;
  let reader: Client;
  beforeAll(async () => {
    server = await startTestServer({ env: { ROUND_COUNT_TICK_MS: '3600000' } });
    board = await server.createBoard('Order');
    reader = await connectSynced(server.syncUrl, board.id, board.tokens.observer);
  });
  afterAll(async () => {
    reader.destroy();
    await server.close();
  });

  it('does not follow submission order, on the grid or in the Yjs clocks', async () => {
    const roundId = (await api(server, 'POST', `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { prompt: 'Order?' })).body.roundId as string;
    for (let index = 0; index < ANSWERS; index += 1) {
      expect((await api(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/answers`, board.tokens.participant, { text: `answer ${index}` })).status).toBe(201);
    }
    expect((await api(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/reveal`, board.tokens.facilitator)).status).toBe(200);
    await waitFor(() => expect(getAnswersMap(reader.doc).size).toBe(ANSWERS));

    const arrival = (answerId: string) => Number(readRevealedAnswer(reader.doc, answerId)!.text.slice('answer '.length));
    const cards = [...reader.doc.getMap('objects').entries()]
      .map(([id, map]) => ({ object: readObject(map, id), clock: (map as Y.Map<unknown>)._item!.id.clock }))
      .filter((card): card is { object: Extract<NonNullable<typeof card.object>, { type: 'answer' }>; clock: number } => card.object?.type === 'answer');
    expect(cards).toHaveLength(ANSWERS);
    const onGrid = [...cards].sort((a, b) => a.object.y - b.object.y || a.object.x - b.object.x).map((card) => arrival(card.object.answerId));
    const byClock = [...cards].sort((a, b) => a.clock - b.clock).map((card) => arrival(card.object.answerId));
    for (const order of [onGrid, byClock]) {
      expect(new Set(order).size).toBe(ANSWERS);
      expect(Math.abs(spearman(order))).toBeLessThan(0.7);
      expect(neighboursKept(order)).toBeLessThan(10);
    }
  });

  it('the statistics do catch arrival, reversed and rotated orders', () => {
    const identity = Array.from({ length: ANSWERS }, (_, index) => index);
    expect(spearman(identity)).toBe(1);
    expect(spearman([...identity].reverse())).toBe(-1);
    expect(neighboursKept([...identity.slice(20), ...identity.slice(0, 20)])).toBe(ANSWERS - 2);
  });
});
