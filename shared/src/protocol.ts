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
  /** The server could not store an edit; nothing unsaved was shown to anyone. */
  StorageFailure: 4500,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const CloseCodeName: Record<number, string> = Object.fromEntries(
  Object.entries(CloseCode).map(([name, code]) => [code, name]),
);
