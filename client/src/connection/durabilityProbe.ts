import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '@clapboard/shared';

/**
 * Tells when the server has stored everything this client sent, using only
 * the stock protocol. The server answers a sync step 1 only once every
 * update it received before it is durable (docs/protocol.md, durability),
 * and a connection's messages are handled in order. So after our reply to
 * the server's own step 1 — which carries the edits made offline — one more
 * step 1 is sent, and the step 2 answering it is the receipt.
 *
 * Without this the "unsynced" count would drop to zero when the provider
 * reports synced, which only means we have the server's state: our offline
 * edits can still be in flight, one round trip from safe.
 */
export class DurabilityProbe {
  /** Step 1 messages sent on the current socket (the provider sends the first on open). */
  private step1Sent = 0;
  private step2Received = 0;
  /** Which step 2, counted on this socket, is the receipt we wait for, and what it confirms. */
  private receipt: { at: number; checkpoint: number } | null = null;

  /**
   * `checkpoint` is read as the probe is sent; `onStored` gets it back when
   * the receipt arrives (see ConnectionTracker.checkpoint / storedUpTo).
   */
  constructor(
    private readonly provider: WebsocketProvider,
    private readonly checkpoint: () => number,
    private readonly onStored: (checkpoint: number) => void,
  ) {
    provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      this.step1Sent = 1;
      this.step2Received = 0;
      this.receipt = null;
    });
    const handleSync = provider.messageHandlers[MessageType.Sync]!;
    provider.messageHandlers[MessageType.Sync] = (encoder, decoder, ...rest) => {
      const syncType = decoding.peekVarUint(decoder);
      handleSync(encoder, decoder, ...rest);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // The provider sends our step 2 when this handler returns; the probe must follow it.
        queueMicrotask(() => this.sendProbe());
      } else if (syncType === syncProtocol.messageYjsSyncStep2) {
        this.step2Received += 1;
        if (this.receipt && this.step2Received >= this.receipt.at) {
          const { checkpoint } = this.receipt;
          this.receipt = null;
          this.onStored(checkpoint);
          // Edits made after the probe went out but before we were live were
          // counted and sent too; they need a receipt of their own. Once live,
          // edits are not counted, so this stops after one more round.
          if (this.checkpoint() > checkpoint) this.sendProbe();
        }
      }
    };
  }

  private sendProbe(): void {
    const socket = this.provider.ws;
    if (!socket || socket.readyState !== socket.OPEN) return;
    // Read before sending: every edit counted so far was sent before this probe.
    const checkpoint = this.checkpoint();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.provider.doc);
    socket.send(encoding.toUint8Array(encoder));
    this.step1Sent += 1;
    this.receipt = { at: this.step1Sent, checkpoint };
  }
}
