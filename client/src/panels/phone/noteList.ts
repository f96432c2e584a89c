import type { BoardObject } from '@clapboard/shared';
import type { BoardStore } from '../../model/BoardStore.ts';

/** One heading of the list of notes: a frame (an "area"), or notes in none (`id` ''). */
export interface NoteListGroup {
  id: string;
  title: string;
  /** Notes and anonymous cards, in reading order. */
  ids: readonly string[];
}

/** What the list shows: notes, and the anonymous notes and answers the server put on the board. */
function listed(object: BoardObject): boolean {
  return object.type === 'note' || object.type === 'answer';
}

/**
 * The board as something to read: each frame in reading order (top to
 * bottom, then left to right) with its notes in reading order, then the
 * notes in no frame. `keep` narrows the notes ("my notes"); frames left
 * with none are then dropped, while the full list keeps empty frames, as
 * the board shows them.
 */
export function buildNoteList(store: BoardStore, keep?: (id: string) => boolean): NoteListGroup[] {
  const frames: { id: string; title: string; x: number; y: number }[] = [];
  const members = new Map<string, { id: string; x: number; y: number }[]>([['', []]]);
  const sorted = store.sorted();
  for (const object of sorted) {
    if (object.type !== 'frame') continue;
    frames.push({ id: object.id, title: object.text, x: object.x, y: object.y });
    members.set(object.id, []);
  }
  for (const object of sorted) {
    if (!listed(object) || !('x' in object) || (keep && !keep(object.id))) continue;
    const key = object.frameId && members.has(object.frameId) ? object.frameId : '';
    members.get(key)!.push(object);
  }
  const byReading = (a: { x: number; y: number }, b: { x: number; y: number }) => a.y - b.y || a.x - b.x;
  const groups = [...frames.sort(byReading), { id: '', title: '' }].map(({ id, title }) => ({
    id,
    title,
    ids: members.get(id)!.sort(byReading).map((note) => note.id),
  }));
  return groups.filter((group) => group.ids.length > 0 || (!keep && group.id !== ''));
}
