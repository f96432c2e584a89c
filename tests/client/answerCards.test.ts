/**
 * Revealed anonymous answers on the board: a card in `objects` carries only
 * an answerId; its words live in the server-written `answers` root. The read
 * model must show those words, follow the server's edits and hides, and
 * never offer the card's text for editing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getAnswersMap, getObjectsMap } from '@clapboard/shared';
import { BoardStore } from '../../client/src/model/BoardStore.ts';
import { useAnimationFrames } from './support/frames.ts';

const ROUND = 'round-0123456789abcdef';

/** What the server's reveal writes: a card, and its words under answers.<answerId>. */
function reveal(doc: Y.Doc, answerId: string, text: string): string {
  const id = `card-${answerId}`;
  doc.transact(() => {
    const words = new Y.Map<unknown>();
    getAnswersMap(doc).set(answerId, words);
    words.set('text', text);
    words.set('roundId', ROUND);
    const card = new Y.Map<unknown>();
    getObjectsMap(doc).set(id, card);
    for (const [key, value] of Object.entries({ type: 'answer', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'teal', answerId })) card.set(key, value);
  });
  return id;
}

describe('answer cards in the read model', () => {
  useAnimationFrames();
  const stores: BoardStore[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.destroy();
  });
  const storeFor = (doc: Y.Doc) => {
    const store = new BoardStore(doc);
    stores.push(store);
    return store;
  };

  it('shows the revealed words, and follows the server’s edit and hide', () => {
    const doc = new Y.Doc();
    const id = reveal(doc, 'answerAAAAAAAAAAAAAAAA', 'The heating has not worked since March');
    const store = storeFor(doc);
    const card = store.get(id)!;
    expect(card.type).toBe('answer');
    expect(store.textOf(card)).toBe('The heating has not worked since March');

    let told = 0;
    const unsubscribe = store.answers.subscribe('answerAAAAAAAAAAAAAAAA', () => (told += 1));
    const before = store.answers.get('answerAAAAAAAAAAAAAAAA');
    (getAnswersMap(doc).get('answerAAAAAAAAAAAAAAAA') as Y.Map<unknown>).set('text', 'The heating has not worked since February');
    expect(told).toBe(1);
    expect(store.answers.get('answerAAAAAAAAAAAAAAAA')).not.toBe(before);
    expect(store.textOf(card)).toBe('The heating has not worked since February');

    doc.transact(() => {
      const words = getAnswersMap(doc).get('answerAAAAAAAAAAAAAAAA') as Y.Map<unknown>;
      words.set('text', '');
      words.set('hidden', true);
      words.set('hiddenReason', 'names a member of staff');
    });
    expect(store.answers.get('answerAAAAAAAAAAAAAAAA')).toMatchObject({ hidden: true, hiddenReason: 'names a member of staff' });
    expect(store.textOf(card)).toBe('');
    unsubscribe();
  });

  it('only the changed answer’s subscribers are told; a card without words reads as empty', () => {
    const doc = new Y.Doc();
    reveal(doc, 'answerBBBBBBBBBBBBBBBB', 'first');
    reveal(doc, 'answerCCCCCCCCCCCCCCCC', 'second');
    const store = storeFor(doc);
    const calls: string[] = [];
    store.answers.subscribe('answerBBBBBBBBBBBBBBBB', () => calls.push('B'));
    store.answers.subscribe('answerCCCCCCCCCCCCCCCC', () => calls.push('C'));
    (getAnswersMap(doc).get('answerCCCCCCCCCCCCCCCC') as Y.Map<unknown>).set('text', 'second, edited');
    expect(calls).toEqual(['C']);
    getAnswersMap(doc).delete('answerBBBBBBBBBBBBBBBB');
    expect(calls).toEqual(['C', 'B']);
    const orphan = store.get('card-answerBBBBBBBBBBBBBBBB')!;
    expect(store.textOf(orphan)).toBe('');
  });
});
