import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@clapboard/shared';
import * as encoding from 'lib0/encoding';

/** Who receives an awareness message: their role, and the presence id they speak for (their own entry is never stripped). */
export interface AwarenessViewer {
  role: string;
  clientId: number | null;
}

/**
 * An awareness message carrying `clients`' states. With `hideCursors` (the
 * facilitators' settings.hideCursors) a viewer who is not a facilitator
 * gets every state but their own without its `cursor`: the relay, not the
 * page, decides who sees where others point, so a page that ignores the
 * setting still shows no cursors. `viewer` null: a message for any
 * non-facilitator whose own entry is not among `clients`.
 *
 * Clocks are left as they are. y-protocols ignores a state whose clock is
 * not newer than the one it holds, so a cursor a participant saw before
 * cursors were hidden stays on their page until that person's next
 * presence change (a cursor move, or the 15 s renewal); the board client
 * hides cursors on the setting itself, at once.
 */
export function awarenessFor(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
  viewer: AwarenessViewer | null,
  hideCursors: boolean,
): Uint8Array {
  const hidden = hideCursors && viewer?.role !== 'facilitator';
  let states = awareness.getStates();
  if (hidden) {
    states = new Map(states);
    for (const clientId of clients) {
      const state = states.get(clientId);
      if (clientId === viewer?.clientId || !state || !('cursor' in state)) continue;
      const { cursor: _cursor, ...rest } = state;
      states.set(clientId, rest);
    }
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients, states));
  return encoding.toUint8Array(encoder);
}
