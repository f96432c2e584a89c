/** Someone who writes under Yjs client ids: a connection, identified by object identity. */
export interface Writer {
  /** Hash of the browser's writer key (see WRITER_SUBPROTOCOL_PREFIX), or null for clients that send none. */
  readonly writerKey: string | null;
}

interface Claim {
  /** The live connection writing under the id, or null once it has gone. */
  writer: Writer | null;
  writerKey: string | null;
}

/**
 * Which connection may add new changes under which Yjs client id.
 *
 * Every Yjs change is stamped with a client id and a clock, and a document
 * keeps only the first struct it receives for each (client, clock). So
 * whoever first sends structs at someone's next clocks owns that range: a
 * participant who sends a garbage-collected range under another person's id
 * makes that person's unsynced note vanish (the server already "has" those
 * clocks, and the victim's own document drops the note when it syncs).
 *
 * So an id belongs to the first connection that advances it. While that
 * connection lives nobody else may advance it; when it closes, the id stays
 * reserved for the same browser's writer key if it sent one (it reconnects
 * with a new connection, and its offline edits were made under the old id),
 * otherwise it is free again. The server's own client id is never writable.
 *
 * Claims are in memory, per loaded document: they say nothing after the board
 * is unloaded, and nothing about other server processes.
 */
export class WriterClaims {
  private readonly claims = new Map<number, Claim>();
  private readonly reserved: ReadonlySet<number>;

  constructor(reserved: Iterable<number>) {
    this.reserved = new Set(reserved);
  }

  /**
   * Whether `writer` may add new structs under every one of `clientIds`;
   * if so, it now holds all of them. All or nothing, like the update.
   */
  claim(writer: Writer, clientIds: readonly number[]): boolean {
    for (const clientId of clientIds) if (!this.mayWrite(writer, clientId)) return false;
    for (const clientId of clientIds) this.claims.set(clientId, { writer, writerKey: writer.writerKey });
    return true;
  }

  /** The writer's connection closed. */
  release(writer: Writer): void {
    for (const [clientId, claim] of this.claims) {
      if (claim.writer !== writer) continue;
      if (claim.writerKey === null) this.claims.delete(clientId);
      else claim.writer = null;
    }
  }

  private mayWrite(writer: Writer, clientId: number): boolean {
    if (this.reserved.has(clientId)) return false;
    const claim = this.claims.get(clientId);
    if (claim === undefined || claim.writer === writer) return true;
    // The same browser (another tab, or a reconnect before the old socket timed out).
    return claim.writerKey !== null && claim.writerKey === writer.writerKey;
  }
}
