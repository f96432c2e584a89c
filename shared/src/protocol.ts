/**
 * The websocket protocol is y-websocket's, unchanged: every binary frame
 * starts with a varUint message type. Clapboard's own messages (anonymous
 * submissions, votes) will get new numbers from 100 up in their own modules,
 * so the sync layer is never forked.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/**
 * Clapboard's own message kinds take numbers from here up, each registered
 * by its own server module (`app.syncMessages.register`); y-websocket's
 * numbers stay below, so its clients and its sync layer are never forked.
 */
export const FIRST_EXTENSION_MESSAGE_TYPE = 100;

/** Bumped when a Clapboard extension message changes incompatibly. */
export const PROTOCOL_VERSION = 1;

/**
 * Close codes the server uses. 4000-4999 is the range RFC 6455 leaves to
 * applications; the reason string repeats the name for people reading logs.
 */
export const CloseCode = {
  /** Server is shutting down; clients should reconnect later (RFC 6455 "going away"). */
  GoingAway: 1001,
  /** Frame larger than the server's maxPayload (RFC 6455 "message too big"). */
  MessageTooBig: 1009,
  /** A frame could not be decoded as a y-websocket message. */
  MalformedMessage: 4000,
  /** Text frames are not part of the protocol. */
  TextFrame: 4001,
  /** A message type the server does not know. */
  UnknownMessageType: 4002,
  /** Awareness for a client id this connection does not own. */
  AwarenessForged: 4003,
  /** Awareness state that fails the AwarenessState schema. */
  AwarenessInvalid: 4004,
  /** A document update Yjs could not apply (or could not even be read as one). */
  InvalidUpdate: 4005,
  /**
   * A document update that touches a root type this connection may not write
   * (the content document's `meta`, a new root, ...). Refused whole: nothing
   * of it is applied, stored or relayed.
   */
  ForbiddenScope: 4006,
  /**
   * A document update that depends on changes the server has not seen. Yjs
   * would hold it back as "pending" and apply it later unchecked, so it is
   * refused; the stock client reconnects and its sync step 2 then carries
   * everything the server lacks, so nothing is lost.
   */
  MissingDependencies: 4007,
  /** The client did not read fast enough; the server will not buffer without bound. */
  SlowConsumer: 4008,
  /**
   * A document update that would break the document's layout: nesting deeper
   * than `objects` -> object -> field allows, or a value of the wrong kind
   * (anything but a map directly under `objects`). Refused whole.
   */
  InvalidLayout: 4009,
  /** A document update carrying more structs or new types than one update may (MAX_UPDATE_STRUCTS, MAX_UPDATE_TYPES). */
  UpdateTooLarge: 4010,
  /** More messages, or more requests for the whole board or everyone's presence, than the connection's rate allows. */
  RateLimited: 4011,
  /**
   * New changes under a Yjs client id that another live connection writes
   * under (or that a disconnected writer's browser has reserved). Refused so
   * nobody can take someone else's clock range and make their unsynced
   * edits vanish; the stock client reconnects and retries.
   */
  ClientIdTaken: 4012,
  /** The board already has as many connections as MAX_CONNECTIONS_PER_BOARD allows. */
  BoardFull: 4013,
  /**
   * A document update that would leave a record (a board object, a theme)
   * failing its schema: an unknown type, a text longer than its limit
   * (MAX_OBJECT_TEXT), a coordinate out of range, a field of the wrong type
   * or one the record does not have. Refused whole before it is applied,
   * stored or relayed.
   */
  InvalidRecord: 4014,
  /**
   * A document update that would grow a board past its quota
   * (MAX_OBJECTS_PER_BOARD, MAX_BOARD_BYTES). Refused whole; the board stays
   * usable: moving, editing down and deleting still go through, for everyone.
   * The page says "This board is full".
   */
  BoardQuotaExceeded: 4015,
  /** The server could not store an edit; nothing unsaved was shown to anyone. */
  StorageFailure: 4500,
  /**
   * The link this connection was opened with was revoked, or rotated, by a
   * facilitator. Sent at once to connections already open; the token opens
   * nothing any more (HTTP 401). In 4400-4499, which y-websocket (3.1, by
   * default) treats as final, mirroring HTTP 4xx: the stock client stops
   * reconnecting and emits `closed`, where every other code here makes it
   * retry.
   */
  TokenRevoked: 4401,
  /**
   * The board was erased: a facilitator deleted it, or its retention date
   * came (server/src/privacy). Final, like TokenRevoked: nothing is left to
   * reconnect to.
   */
  BoardDeleted: 4404,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const CloseCodeName: Record<number, string> = Object.fromEntries(
  Object.entries(CloseCode).map(([name, code]) => [code, name]),
);

/**
 * The websocket token travels in `Sec-WebSocket-Protocol`, not the URL:
 * reverse proxies keep URLs (query strings included) in their access logs,
 * and rarely headers. The client offers two subprotocols, `SYNC_SUBPROTOCOL`
 * and `TOKEN_SUBPROTOCOL_PREFIX + token`; the server answers with
 * `SYNC_SUBPROTOCOL` only, so the token is never echoed back. The stock
 * y-websocket client sends them with its `protocols` option on every
 * (re)connect. Tokens are base64url, which is valid in a subprotocol name.
 */
export const SYNC_SUBPROTOCOL = 'clapboard';
export const TOKEN_SUBPROTOCOL_PREFIX = 'clapboard.token.';
/**
 * Optional third subprotocol: a random key the browser keeps per board and
 * role (never stored by the server). Yjs client ids this browser wrote under
 * stay reserved for it while the board is loaded, so after it reconnects its
 * unsynced edits cannot have been pre-empted by someone else writing under
 * the same id. Without it, an id is protected only while its connection lives.
 */
export const WRITER_SUBPROTOCOL_PREFIX = 'clapboard.writer.';

/** The subprotocols a client offers to authenticate with `token`. */
export function syncSubprotocols(token: string, writerKey?: string): string[] {
  const protocols = [SYNC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + token];
  if (writerKey) protocols.push(WRITER_SUBPROTOCOL_PREFIX + writerKey);
  return protocols;
}

/** The value after `prefix` among the offered subprotocols, if any. */
export function subprotocolValue(offered: Iterable<string>, prefix: string): string | null {
  for (const protocol of offered) {
    if (protocol.startsWith(prefix)) return protocol.slice(prefix.length);
  }
  return null;
}

/** The token among the offered subprotocols, if any. */
export function tokenFromSubprotocols(offered: Iterable<string>): string | null {
  return subprotocolValue(offered, TOKEN_SUBPROTOCOL_PREFIX);
}
