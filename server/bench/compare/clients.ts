import * as Y from 'yjs';
import { getObjectMap, getObjectText, insertObject } from '@clapboard/shared';
import type { Ledger, MessageKind } from './ledger.ts';
import { KIND_CURSOR, KIND_EDIT, marker } from './ledger.ts';
import { RawWebSocket } from './rawWebSocket.ts';
import type { BoardTarget } from './servers.ts';
import { encodeAwareness, encodeSync, isLiveMessage, isStep1, isStep2, readStep1StateVector, STEP1_EMPTY, STEP2_EMPTY, SYNC_STEP2, SYNC_UPDATE } from './wire.ts';

let nextSocketId = 1;

/** Close codes seen on sockets the bench did not close itself: a refused message shows up here. */
export const unexpectedCloses = new Map<number, number>();

/**
 * One client, kept cheap: a RawWebSocket and no Y.Doc unless it writes. It
 * speaks the y-websocket handshake (step 1 with an empty state vector on
 * open, an answer to the server's step 1) and hands every live update to the
 * ledger, which finds the markers in the raw bytes.
 */
export class BenchSocket {
  readonly id = nextSocketId++;
  /** Resolves with the first sync step 2 (the document), timed from the step 1 sent on open. */
  readonly synced: Promise<{ ms: number; bytes: number }>;
  /** Sync update frames received (seeding waits on them). */
  updatesSeen = 0;
  /** Clients on the same board besides this one: how many receive what it sends. */
  fanout = 0;
  private readonly ws: RawWebSocket;
  private step1SentAt = NaN;
  private closing = false;

  constructor(
    target: BoardTarget,
    private readonly ledger: Ledger | null,
    /** A writer's document: answers the server's step 1 with it. */
    private readonly doc: Y.Doc | null = null,
  ) {
    let resolveSynced!: (value: { ms: number; bytes: number }) => void;
    let rejectSynced!: (error: Error) => void;
    this.synced = new Promise((resolve, reject) => {
      resolveSynced = resolve;
      rejectSynced = reject;
    });
    this.synced.catch(() => {});
    this.ws = new RawWebSocket(target.url, target.protocols, {
      onOpen: () => {
        this.ws.send(STEP1_EMPTY);
        this.step1SentAt = performance.now();
      },
      onBinary: (data, now) => {
        if (isLiveMessage(data)) {
          if (data[0] === 0) this.updatesSeen += 1;
          this.ledger?.scan(data, this.id, now);
        } else if (isStep1(data)) {
          this.ws.send(this.doc ? encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, readStep1StateVector(data))) : STEP2_EMPTY);
        } else if (isStep2(data)) {
          resolveSynced({ ms: now - this.step1SentAt, bytes: data.byteLength });
        }
      },
      onRefused: (error) => rejectSynced(error),
      onClose: (code) => {
        rejectSynced(new Error(`closed ${code} before sync`));
        if (!this.closing) unexpectedCloses.set(code, (unexpectedCloses.get(code) ?? 0) + 1);
      },
    });
  }

  send(message: Uint8Array): void {
    this.ws.send(message);
  }

  close(): Promise<void> {
    this.closing = true;
    return this.ws.close();
  }
}

/** Opens sockets `limit` at a time and waits for each to be synced. */
export async function openAll<T>(items: T[], open: (item: T) => BenchSocket, limit = 50): Promise<BenchSocket[]> {
  const sockets: BenchSocket[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const socket = open(items[index]!);
      sockets[index] = socket;
      await socket.synced;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return sockets;
}

/** Something on the open-loop schedule: sends one marked message per call. */
export interface Sender {
  readonly socket: BenchSocket;
  readonly kind: MessageKind;
  send(scheduledAt: number): void;
}

/**
 * A writer: a real Yjs client of its own note only (it never applies what
 * others send, so its document stays one note). Each write replaces the
 * note's text with a new marker, a real Yjs update into `objects` built by
 * shared/src's helpers, so the server's scope and record checks pass.
 */
export class Writer implements Sender {
  readonly kind = KIND_EDIT;
  readonly doc = new Y.Doc();
  readonly socket: BenchSocket;
  private noteId = '';
  private last: Uint8Array | null = null;

  constructor(target: BoardTarget, private readonly ledger: Ledger) {
    this.socket = new BenchSocket(target, ledger, this.doc);
    this.doc.on('update', (update: Uint8Array) => {
      this.last = update;
    });
  }

  /** Creates this writer's note (once synced); index spreads notes over the board. */
  createNote(index: number): void {
    this.noteId = insertObject(this.doc, { type: 'note', x: (index % 20) * 220, y: Math.floor(index / 20) * 220, width: 200, height: 200, z: index, frameId: null, color: 'yellow', text: '' });
    this.flush();
  }

  send(scheduledAt: number): void {
    const seq = this.ledger.issue(KIND_EDIT, this.socket.id, scheduledAt, this.socket.fanout);
    this.writeText(marker(seq));
  }

  /** Replaces the note's text (an edit not on the schedule: seeding, join scenario). */
  writeText(text: string): void {
    const yText = getObjectText(getObjectMap(this.doc, this.noteId));
    if (!yText) throw new Error('writer has no note');
    this.doc.transact(() => {
      yText.delete(0, yText.length);
      yText.insert(0, text);
    });
    this.flush();
  }

  private flush(): void {
    if (!this.last) return;
    this.socket.send(encodeSync(SYNC_UPDATE, this.last));
    this.last = null;
  }
}

/**
 * A cursor sender: valid presence (shared/src/awareness.ts) under its own
 * awareness client id, the marker as its display name, the cursor moving.
 */
export class CursorSender implements Sender {
  readonly kind = KIND_CURSOR;
  readonly socket: BenchSocket;
  private readonly clientId = 1 + Math.floor(Math.random() * 0x7ffffffe);
  private clock = 0;
  private readonly color = `#${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`;

  constructor(target: BoardTarget, private readonly ledger: Ledger) {
    this.socket = new BenchSocket(target, ledger);
  }

  send(scheduledAt: number): void {
    const seq = this.ledger.issue(KIND_CURSOR, this.socket.id, scheduledAt, this.socket.fanout);
    this.clock += 1;
    const state = { user: { name: marker(seq), color: this.color }, cursor: { x: (this.clock * 7) % 4000, y: (this.clock * 13) % 3000 } };
    this.socket.send(encodeAwareness(this.clientId, this.clock, JSON.stringify(state)));
  }
}
