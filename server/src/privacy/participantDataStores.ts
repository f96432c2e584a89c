import type { CompleteMonitoringAnswers } from '@clapboard/shared';
import type { MonitoringState } from './sqlitePrivacyShared.mjs';

export type { MonitoringState } from './sqlitePrivacyShared.mjs';

/** `added`, or why not: the board is gone (erased meanwhile), or it holds as many as it may. */
export type AddParticipantDataOutcome = 'added' | 'missing' | 'full';

/**
 * Equality-monitoring answers (docs/anonymity.md, "Equality monitoring and
 * contacts"), kept as counts only: per board, how many gave each answer to
 * each question, never a row per person, so nothing stored ties one
 * person's answers to each other, to a contact or to anything on the
 * board. Responses are released into the reported counts in groups of
 * `groupSize` (SMALLEST_REPORTED_GROUP), so a facilitator reading the
 * counts before and after someone submits cannot see what they answered.
 * One contract suite (tests/privacy/participantDataContract.ts) runs
 * against every implementation.
 */
export interface MonitoringStore {
  add(boardId: string, answers: CompleteMonitoringAnswers, limits: { groupSize: number; maxResponses: number }): Promise<AddParticipantDataOutcome>;
  /** The board's counts, or null when nobody has responded. */
  read(boardId: string): Promise<MonitoringState | null>;
  deleteBoard(boardId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Contact details participants chose to leave, to hear what happened (a
 * separate download for facilitators, never exported with findings). Kept
 * as a set per board, in no meaningful order, with nothing beside them: no
 * time, receipt, answer or monitoring response.
 */
export interface ContactStore {
  add(boardId: string, contact: string, maxContacts: number): Promise<AddParticipantDataOutcome>;
  /** The board's contacts, sorted (not in the order they came). */
  list(boardId: string): Promise<string[]>;
  deleteBoard(boardId: string): Promise<void>;
  close(): Promise<void>;
}
