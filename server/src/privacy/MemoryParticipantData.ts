import type { CompleteMonitoringAnswers } from '@clapboard/shared';
import { addResponse, emptyCounts, type MonitoringState } from './sqlitePrivacyShared.mjs';
import type { AddParticipantDataOutcome, ContactStore, MonitoringStore } from './participantDataStores.ts';

/** Non-durable MonitoringStore for tests; same contract, and the same release rule, as the SQLite one. */
export class MemoryMonitoringStore implements MonitoringStore {
  private readonly boards = new Map<string, MonitoringState>();
  private closed = false;

  async add(boardId: string, answers: CompleteMonitoringAnswers, limits: { groupSize: number; maxResponses: number }): Promise<AddParticipantDataOutcome> {
    this.assertOpen();
    const state = this.boards.get(boardId) ?? { released: 0, pending: 0, releasedCounts: emptyCounts(), pendingCounts: emptyCounts() };
    if (state.released + state.pending >= limits.maxResponses) return 'full';
    this.boards.set(boardId, addResponse(state, answers, limits.groupSize));
    return 'added';
  }

  async read(boardId: string): Promise<MonitoringState | null> {
    const state = this.boards.get(boardId);
    return state ? structuredClone(state) : null;
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

/** Non-durable ContactStore for tests; same contract as the SQLite one. */
export class MemoryContactStore implements ContactStore {
  private readonly boards = new Map<string, string[]>();
  private closed = false;

  async add(boardId: string, contact: string, maxContacts: number): Promise<AddParticipantDataOutcome> {
    this.assertOpen();
    const contacts = this.boards.get(boardId) ?? [];
    if (contacts.length >= maxContacts) return 'full';
    this.boards.set(boardId, [...contacts, contact].sort());
    return 'added';
  }

  async list(boardId: string): Promise<string[]> {
    return [...(this.boards.get(boardId) ?? [])];
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
