/**
 * Where a note added by point (N, the note tool) lands: at the requested
 * spot if it is free, else at the nearest free spot, never on top of content.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, NOTE_SIZE, freeSpotNear, insertObject, nearestFreeSpot, rectsIntersect, type NewBoardObject, type Rect } from '@clapboard/shared';
import { BoardStore } from '../../client/src/model/BoardStore.ts';
import { createObject } from '../../client/src/editor/commands.ts';
import { useAnimationFrames } from './support/frames.ts';

const note = (id: string, x: number, y: number, frameId: string | null = null): NewBoardObject => ({
  id, type: 'note', x, y, width: NOTE_SIZE, height: NOTE_SIZE, z: 1, frameId, color: 'yellow', text: id,
});

function boardWith(objects: NewBoardObject[]): { doc: Y.Doc; store: BoardStore } {
  const doc = new Y.Doc();
  doc.transact(() => objects.forEach((object) => insertObject(doc, object)), LOCAL_USER_ORIGIN);
  return { doc, store: new BoardStore(doc) };
}

const square = (x: number, y: number): Rect => ({ x, y, width: 100, height: 100 });
const overlapsAny = (rect: Rect, others: Rect[]) => others.some((other) => rectsIntersect(rect, other));

describe('nearestFreeSpot', () => {
  const step = { x: 120, y: 120 };

  it('keeps a free spot as it is', () => {
    expect(nearestFreeSpot(square(10, 20), () => true, step)).toEqual({ x: 10, y: 20 });
  });

  it('steps to the nearest free neighbour, right first on a tie', () => {
    const taken = [square(0, 0)];
    expect(nearestFreeSpot(square(0, 0), (r) => !overlapsAny(r, taken), step)).toEqual({ x: 120, y: 0 });
  });

  it('prefers a nearer spot in another direction over a farther one to the right', () => {
    const taken = [square(0, 0), square(120, 0), square(240, 0)];
    expect(nearestFreeSpot(square(0, 0), (r) => !overlapsAny(r, taken), step)).toEqual({ x: 0, y: 120 });
  });

  it('gives up after the bounded search instead of wandering off', () => {
    let probes = 0;
    const result = nearestFreeSpot(square(0, 0), () => (probes++, false), step, 2);
    expect(result).toBeNull();
    expect(probes).toBe(25);
  });
});

describe('new notes on the board', () => {
  useAnimationFrames();
  const centredAt = (x: number, y: number) => ({ x: x + NOTE_SIZE / 2, y: y + NOTE_SIZE / 2 });

  it('pressing N twice at one view centre gives two notes side by side', () => {
    const { doc, store } = boardWith([note('a', 0, 0)]);
    const first = createObject(doc, store, 'note', centredAt(0, 0));
    store.flush();
    const second = createObject(doc, store, 'note', centredAt(0, 0));
    store.flush();
    const rects = ['a', first, second].map((id) => store.rectOf(id)!);
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) expect(rectsIntersect(rects[i]!, rects[j]!), `${i} vs ${j}`).toBe(false);
    }
    // Nearest: one step beside the existing note, not somewhere far away.
    expect(Math.hypot(rects[1]!.x, rects[1]!.y)).toBeLessThanOrEqual(NOTE_SIZE + 20);
    store.destroy();
  });

  it('lands exactly at the centre when nothing is there, and joins the frame it lands in', () => {
    const frame: NewBoardObject = { id: 'f', type: 'frame', x: -500, y: -500, width: 1000, height: 1000, z: 0, frameId: null, text: 'F' };
    const { doc, store } = boardWith([frame]);
    const id = createObject(doc, store, 'note', { x: 0, y: 0 });
    store.flush();
    expect(store.get(id)).toMatchObject({ x: -NOTE_SIZE / 2, y: -NOTE_SIZE / 2, frameId: 'f' });
    store.destroy();
  });

  it('ignores frames and arrows but not text and shapes', () => {
    const { store } = boardWith([
      { id: 'f', type: 'frame', x: -500, y: -500, width: 1000, height: 1000, z: 0, frameId: null, text: '' },
      { id: 't', type: 'text', x: 0, y: 0, width: 240, height: 60, z: 2, frameId: null, color: 'black', fontSize: 28, text: 'x' },
    ]);
    const rect = { x: 0, y: 0, width: NOTE_SIZE, height: NOTE_SIZE };
    const spot = freeSpotNear(store, rect);
    expect(spot).not.toEqual({ x: 0, y: 0 });
    expect(rectsIntersect({ ...rect, ...spot }, store.rectOf('t')!)).toBe(false);
    store.destroy();
  });

  it('keeps the requested spot when the whole neighbourhood is full', () => {
    const crowd: NewBoardObject[] = [];
    for (let i = -20; i <= 20; i++) for (let j = -20; j <= 20; j++) crowd.push(note(`n${i}_${j}`, i * 100, j * 100));
    const { store } = boardWith(crowd);
    expect(freeSpotNear(store, { x: 0, y: 0, width: NOTE_SIZE, height: NOTE_SIZE })).toEqual({ x: 0, y: 0 });
    store.destroy();
  });

  it('places notes from the outline exactly where asked (an explicit rect)', () => {
    const { doc, store } = boardWith([note('a', 0, 0)]);
    const id = createObject(doc, store, 'note', { x: 0, y: 0 }, { rect: { x: 0, y: 0, width: NOTE_SIZE, height: NOTE_SIZE } });
    store.flush();
    expect(store.get(id)).toMatchObject({ x: 0, y: 0 });
    store.destroy();
  });
});

