import { ReceiptSchema } from '@clapboard/shared';
import { Observable } from './Observable.ts';

/** What this device keeps about one of its own answers. */
export interface StoredReceipt {
  /** The author's only handle on their answer: edit, withdraw, look up (docs/anonymity.md). */
  receipt: string;
  /** The words as last sent from this device, so an edit starts from them. */
  text: string;
}

const KEY_PREFIX = 'clapboard.receipt.';

/**
 * Receipts for this device's own answers on one board, in localStorage, one
 * key per round. They never leave the device except in the body of a
 * request about that answer, and nothing else on the page (documents,
 * awareness, the address) carries them. `forget` drops one for good.
 */
export class AnswerReceipts {
  /** roundId -> receipt; a new map on every change. */
  readonly byRound = new Observable<ReadonlyMap<string, StoredReceipt>>(new Map());

  constructor(
    private readonly boardId: string,
    /** Anonymous notes keep theirs apart, keyed by note (AnonymousNoteReceipts). */
    private readonly prefix: string = KEY_PREFIX,
  ) {
    this.byRound.set(this.load());
  }

  get(roundId: string): StoredReceipt | undefined {
    return this.byRound.get().get(roundId);
  }

  save(roundId: string, stored: StoredReceipt): void {
    try {
      localStorage.setItem(this.key(roundId), JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the receipt still lives for this page.
    }
    const next = new Map(this.byRound.get());
    next.set(roundId, stored);
    this.byRound.set(next);
  }

  forget(roundId: string): void {
    try {
      localStorage.removeItem(this.key(roundId));
    } catch {
      // Nothing stored to remove.
    }
    const next = new Map(this.byRound.get());
    next.delete(roundId);
    this.byRound.set(next);
  }

  private key(roundId: string): string {
    return `${this.prefix}${this.boardId}.${roundId}`;
  }

  private load(): Map<string, StoredReceipt> {
    const out = new Map<string, StoredReceipt>();
    const prefix = `${this.prefix}${this.boardId}.`;
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key?.startsWith(prefix)) continue;
        const stored = parseStored(localStorage.getItem(key));
        if (stored) out.set(key.slice(prefix.length), stored);
      }
    } catch {
      // No storage: no receipts from earlier visits.
    }
    return out;
  }
}

function parseStored(raw: string | null): StoredReceipt | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredReceipt>;
    if (!ReceiptSchema.safeParse(value.receipt).success) return null;
    return { receipt: value.receipt!, text: typeof value.text === 'string' ? value.text : '' };
  } catch {
    return null;
  }
}
