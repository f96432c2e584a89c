import type * as decoding from 'lib0/decoding';
import { FIRST_EXTENSION_MESSAGE_TYPE, MessageType } from '@clapboard/shared';
import type { DocumentRoom } from './DocumentRoom.ts';
import type { SyncConnection } from './SyncConnection.ts';
import { handleAwarenessMessage, handleQueryAwarenessMessage } from './presenceMessages.ts';
import { handleSyncMessage } from './syncMessages.ts';

/** One incoming message, after its varUint type was read. */
export interface MessageContext {
  room: DocumentRoom;
  connection: SyncConnection;
  /** Positioned after the message type. */
  decoder: decoding.Decoder;
}

/**
 * Handles one message kind. Throw a ProtocolError to close the connection
 * with its code; any other throw closes it with MalformedMessage. Either
 * way only this connection is affected.
 */
export type MessageHandler = (context: MessageContext) => void;

/**
 * The message kinds a server understands: y-websocket's, and any a feature
 * module registers (anonymous submissions, votes) from
 * FIRST_EXTENSION_MESSAGE_TYPE up. One registry per server instance.
 */
export class MessageHandlers {
  private readonly handlers = new Map<number, MessageHandler>([
    [MessageType.Sync, handleSyncMessage],
    [MessageType.Awareness, handleAwarenessMessage],
    [MessageType.QueryAwareness, handleQueryAwarenessMessage],
  ]);

  /** Adds a message kind; its number must be free and at least FIRST_EXTENSION_MESSAGE_TYPE. */
  register(type: number, handler: MessageHandler): void {
    if (!Number.isInteger(type) || type < FIRST_EXTENSION_MESSAGE_TYPE) {
      throw new Error(`extension message types start at ${FIRST_EXTENSION_MESSAGE_TYPE}; got ${type}`);
    }
    if (this.handlers.has(type)) throw new Error(`message type ${type} is already registered`);
    this.handlers.set(type, handler);
  }

  handlerFor(type: number): MessageHandler | undefined {
    return this.handlers.get(type);
  }
}
