import * as Y from 'yjs';
import {
  DELETE_OWN_ONLY_SETTING,
  HIDE_CURSORS_SETTING,
  hasParticipantRights,
  LOCAL_USER_ORIGIN,
  LOCKED_FRAMES_SETTING,
  LOCKED_SETTING,
  frameAt,
  getSettingsMap,
  isObjectLocked,
  type Point,
  type Role,
  type Timer,
} from '@clapboard/shared';
import type { BoardStore } from '../model/BoardStore.ts';
import { BoardControlsModel } from '../model/BoardControlsModel.ts';
import { pauseTimer, resetTimer, setTimerDuration, startTimer, writeTimer } from './timerCommands.ts';

/**
 * The facilitators' controls in the editor (issue #8): their commands
 * (locks, hidden cursors, the timer), and the questions the editor's own
 * commands ask before they change anything, so a participant's page never
 * sends a change the server would undo (server/src/sync/ContentLocks.ts
 * holds the same rule: shared `isObjectLocked`). Facilitators are never
 * locked; observers change nothing anyway.
 */
export class BoardControls {
  readonly model: BoardControlsModel;

  constructor(
    private readonly controlDoc: Y.Doc,
    private readonly store: BoardStore,
    private readonly role: Role,
  ) {
    this.model = new BoardControlsModel(controlDoc);
  }

  destroy(): void {
    this.model.destroy();
  }

  get canControl(): boolean {
    return this.role === 'facilitator';
  }

  /** Whether this person may not change the object `id` now. */
  isLocked(id: string): boolean {
    if (!hasParticipantRights(this.role)) return false;
    return isObjectLocked(this.model.locks.get(), id, this.store.get(id)?.frameId ?? null);
  }

  /** Whether a new object in `frameId` (null: in none) would be refused. */
  isFrameLocked(frameId: string | null): boolean {
    if (!hasParticipantRights(this.role)) return false;
    const locks = this.model.locks.get();
    return locks.board || (frameId !== null && locks.frames.has(frameId));
  }

  /** Whether a new object at `point` would land somewhere locked. */
  isLockedAt(point: Point): boolean {
    return this.isFrameLocked(frameAt(this.store, point));
  }

  setBoardLocked(on: boolean): void {
    if (this.canControl) this.setFlag(LOCKED_SETTING, on);
  }

  setHideCursors(on: boolean): void {
    if (this.canControl) this.setFlag(HIDE_CURSORS_SETTING, on);
  }

  setDeleteOwnOnly(on: boolean): void {
    if (this.canControl) this.setFlag(DELETE_OWN_ONLY_SETTING, on);
  }

  setFrameLocked(frameId: string, on: boolean): void {
    if (!this.canControl) return;
    this.controlDoc.transact(() => {
      const settings = getSettingsMap(this.controlDoc);
      let frames = settings.get(LOCKED_FRAMES_SETTING);
      if (!(frames instanceof Y.Map)) {
        if (!on) return;
        frames = new Y.Map<unknown>();
        settings.set(LOCKED_FRAMES_SETTING, frames);
      }
      const map = frames as Y.Map<unknown>;
      if (on) map.set(frameId, true);
      else if (map.has(frameId)) map.delete(frameId);
    }, LOCAL_USER_ORIGIN);
  }

  /** Timer commands take the server's time (connection/serverClock.ts), never this page's clock. */
  setTimer(durationMs: number): void {
    if (this.canControl) writeTimer(this.controlDoc, setTimerDuration(durationMs));
  }

  startTimer(serverNow: number): void {
    this.changeTimer((timer) => startTimer(timer, serverNow));
  }

  pauseTimer(serverNow: number): void {
    this.changeTimer((timer) => pauseTimer(timer, serverNow));
  }

  resetTimer(): void {
    this.changeTimer(resetTimer);
  }

  private changeTimer(change: (timer: Timer) => Timer): void {
    const timer = this.model.timer.get();
    if (!this.canControl || !timer) return;
    const next = change(timer);
    if (next !== timer) writeTimer(this.controlDoc, next);
  }

  private setFlag(key: string, on: boolean): void {
    this.controlDoc.transact(() => {
      const settings = getSettingsMap(this.controlDoc);
      if (on) settings.set(key, true);
      else if (settings.has(key)) settings.delete(key);
    }, LOCAL_USER_ORIGIN);
  }
}
