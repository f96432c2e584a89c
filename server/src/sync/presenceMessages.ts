import { decoding } from './messages.ts';
import type { MessageContext } from './MessageHandlers.ts';

/** y-websocket's message 1: an awareness update, checked and bound by the room's PresenceBinding. */
export function handleAwarenessMessage({ room, connection, decoder }: MessageContext): void {
  room.presence.receive(connection, decoding.readVarUint8Array(decoder));
}

/** y-websocket's message 3: "send me everyone's presence", a whole-board read. */
export function handleQueryAwarenessMessage({ room, connection }: MessageContext): void {
  connection.spendFullRead();
  connection.send(room.awarenessMessageFor(connection, [...room.awareness.getStates().keys()]));
}
