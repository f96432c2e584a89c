import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode } from '@clapboard/shared';
import { applyReverting } from './lockRevert.ts';
import { decoding } from './messages.ts';
import type { MessageContext } from './MessageHandlers.ts';
import { ProtocolError } from './ProtocolError.ts';
import { recordsStayValid } from './recordValidation.ts';
import { inspectUpdate, type ScopeVerdict } from './updateScope.ts';

/** How a refused update closes its connection (see CloseCode and docs/protocol.md, "Write scope"). */
const REFUSAL_CODES: Record<Exclude<ScopeVerdict, 'allowed'>, CloseCode> = {
  forbidden: CloseCode.ForbiddenScope,
  layout: CloseCode.InvalidLayout,
  'too-large': CloseCode.UpdateTooLarge,
  missing: CloseCode.MissingDependencies,
  malformed: CloseCode.InvalidUpdate,
};

/** The server's own write that undoes a participant's change to a locked object (lockRevert.ts). */
const LOCK_ORIGIN = Object.freeze({ kind: 'server', reason: 'lock' } as const);

/** y-websocket's message 0: sync step 1 (a state vector), step 2 and update (a Yjs update). */
export function handleSyncMessage({ room, connection, decoder }: MessageContext): void {
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    connection.spendFullRead();
    let reply: Uint8Array[];
    try {
      reply = room.replies.reply(payload);
    } catch {
      throw new ProtocolError(CloseCode.MalformedMessage, 'bad state vector');
    }
    // Answered only once everything received before it is durable: that is
    // what makes the answer a receipt (docs/protocol.md, "Receipts").
    room.outbox.whenDurable(() => {
      for (const message of reply) connection.send(message);
    });
    return;
  }
  if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
    throw new ProtocolError(CloseCode.MalformedMessage, `sync type ${syncType}`);
  }
  // Read-only connections (observers; participants on the control document)
  // still answer the server's sync step 1, so their updates are dropped
  // quietly rather than treated as an attack.
  if (!connection.canWrite) return;
  if (!connection.updates.take()) throw new ProtocolError(CloseCode.RateLimited, 'too many updates');
  // Judged before Yjs sees it: Yjs applies what it can of an update, so a
  // refused one must never reach applyUpdate, not even in part.
  const inspection = inspectUpdate(room.doc, payload, room.writableLayout, room.updateLimits);
  const { verdict, advancedClients, touched } = inspection;
  if (verdict !== 'allowed') throw new ProtocolError(REFUSAL_CODES[verdict]);
  // Then what the records it touches would look like, and whether the board has room for them.
  if (!recordsStayValid(room.doc, inspection)) throw new ProtocolError(CloseCode.InvalidRecord);
  if (!room.quota.admits(inspection, payload.byteLength)) throw new ProtocolError(CloseCode.BoardQuotaExceeded);
  if (!room.writers.claim(connection, advancedClients)) throw new ProtocolError(CloseCode.ClientIdTaken);
  // A participant's change to a locked object is applied and undone in one
  // transaction of the server's, which everyone (the sender too) receives:
  // it never shows, and the sender's page springs back (lockRevert.ts).
  const locked = room.locks?.lockedObjects(connection.role, touched) ?? [];
  try {
    if (locked.length > 0) applyReverting(room.doc, payload, locked, LOCK_ORIGIN);
    else Y.applyUpdate(room.doc, payload, connection.origin);
  } catch {
    throw new ProtocolError(CloseCode.InvalidUpdate);
  }
}
