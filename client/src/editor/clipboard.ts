import { CLIPBOARD_FORMAT, ClipboardDataSchema, type BoardObject } from '@clapboard/shared';
import type { BoardStore } from '../model/BoardStore.ts';
import { expandWithFrameMembers } from './commands.ts';

/**
 * What a pasted string holds:
 * - `objects`: our format, every entry a valid object;
 * - `invalid`: our format, but some entry (or the list itself) is not valid
 *   here — another version's objects, or a damaged string. Pasting nothing
 *   is the only safe answer: a subset would be a paste nobody asked for;
 * - `foreign`: not ours at all (text from another app), so the in-app
 *   clipboard is pasted instead.
 */
export type ClipboardContent = { kind: 'objects'; objects: BoardObject[] } | { kind: 'invalid' } | { kind: 'foreign' };

export function readClipboard(text: string): ClipboardContent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'foreign' };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== CLIPBOARD_FORMAT) return { kind: 'foreign' };
  const data = ClipboardDataSchema.safeParse(parsed);
  return data.success ? { kind: 'objects', objects: data.data.objects } : { kind: 'invalid' };
}

export function writeClipboard(objects: readonly BoardObject[]): string {
  return JSON.stringify({ type: CLIPBOARD_FORMAT, objects });
}

/**
 * What copying `ids` takes: the objects, the members of any frame among
 * them, and connectors whose ends are both copied (or free points).
 */
export function copySet(store: BoardStore, ids: readonly string[]): BoardObject[] {
  const out = expandWithFrameMembers(store, ids);
  for (const id of [...out]) {
    for (const connectorId of store.connectorsAttachedTo(id)) {
      const connector = store.get(connectorId);
      if (connector?.type !== 'connector') continue;
      const ends = [connector.from, connector.to].map((end) => ('objectId' in end ? end.objectId : null));
      if (ends.every((end) => end === null || out.has(end))) out.add(connectorId);
    }
  }
  return [...out].map((id) => store.get(id)).filter((o): o is BoardObject => !!o);
}
