import path from 'node:path';
import { createRequire } from 'node:module';
import * as Y from 'yjs';
import { ANONYMOUS_FRAMES_SETTING, ANONYMOUS_NOTES_SETTING, getSettingsMap, LOCAL_USER_ORIGIN } from '@clapboard/shared';
import type { Client } from '../support/clients.ts';
import { waitFor } from '../support/waitFor.ts';

/** better-sqlite3 is the server's dependency, not ours: borrow it to read the file as an attacker would. */
export const Database = createRequire(path.resolve(import.meta.dirname, '../../server/package.json'))('better-sqlite3') as new (
  filename: string,
  options?: { readonly?: boolean },
) => { prepare(sql: string): { all(...args: unknown[]): any[]; get(...args: unknown[]): any }; close(): void };

/** Switches a frame to anonymous notes (or back) from a control-document client, as a facilitator's page does. */
export function setFrameAnonymous(control: Y.Doc, frameId: string, on: boolean): void {
  control.transact(() => {
    const settings = getSettingsMap(control);
    let frames = settings.get(ANONYMOUS_FRAMES_SETTING);
    if (!(frames instanceof Y.Map)) {
      frames = new Y.Map<unknown>();
      settings.set(ANONYMOUS_FRAMES_SETTING, frames);
    }
    if (on) (frames as Y.Map<unknown>).set(frameId, true);
    else (frames as Y.Map<unknown>).delete(frameId);
  }, LOCAL_USER_ORIGIN);
}

export function setBoardAnonymous(control: Y.Doc, on: boolean): void {
  control.transact(() => getSettingsMap(control).set(ANONYMOUS_NOTES_SETTING, on), LOCAL_USER_ORIGIN);
}

/**
 * Messages on one socket are handled in order, so once `watcher` sees an
 * awareness change `sender` made after its edits, the server has handled
 * (and maybe dropped) those edits.
 */
export async function barrier(sender: Client, watcher: Client): Promise<void> {
  const name = `barrier-${Math.random().toString(36).slice(2)}`;
  sender.provider.awareness.setLocalStateField('user', { name, color: '#123456' });
  await waitFor(() => {
    const state = watcher.provider.awareness.getStates().get(sender.doc.clientID) as { user?: { name: string } } | undefined;
    if (state?.user?.name !== name) throw new Error('barrier not reached');
  });
}

/** Every string an Item of a decoded update holds, with the item's client id and the map key it sits under. */
export function itemsOf(update: Uint8Array): Array<{ client: number; key: string | null; strings: string[] }> {
  const out: Array<{ client: number; key: string | null; strings: string[] }> = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content as unknown as { str?: string; arr?: unknown[] };
    const strings = [content.str, ...(content.arr ?? []).map((value) => JSON.stringify(value))].filter((value): value is string => typeof value === 'string');
    out.push({ client: struct.id.client, key: struct.parentSub, strings });
  }
  return out;
}
