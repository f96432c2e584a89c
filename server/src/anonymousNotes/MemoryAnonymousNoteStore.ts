import type { AddNoteOutcome, AnonymousNoteStore } from './AnonymousNoteStore.ts';

/** Non-durable AnonymousNoteStore for tests; same contract as SqliteAnonymousNoteStore. */
export class MemoryAnonymousNoteStore implements AnonymousNoteStore {
  /** boardId -> receiptHash -> answerId. */
  private readonly boards = new Map<string, Map<string, string>>();
  private closed = false;

  async add(boardId: string, receiptHash: string, answerId: string, maxPerBoard: number): Promise<AddNoteOutcome> {
    this.assertOpen();
    let notes = this.boards.get(boardId);
    if (!notes) {
      notes = new Map();
      this.boards.set(boardId, notes);
    }
    if (notes.has(receiptHash)) throw new Error('receipt hash exists');
    if (notes.size >= maxPerBoard) return 'full';
    notes.set(receiptHash, answerId);
    return 'added';
  }

  async find(boardId: string, receiptHash: string): Promise<string | null> {
    return this.boards.get(boardId)?.get(receiptHash) ?? null;
  }

  async remove(boardId: string, receiptHash: string): Promise<string | null> {
    this.assertOpen();
    const notes = this.boards.get(boardId);
    const answerId = notes?.get(receiptHash) ?? null;
    if (answerId !== null) notes!.delete(receiptHash);
    return answerId;
  }

  async deleteBoard(boardId: string): Promise<void> {
    this.assertOpen();
    this.boards.delete(boardId);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('store is closed');
  }
}
