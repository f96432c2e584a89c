import type * as Y from 'yjs';
import { NO_LOCKS, getSettingsMap, getTimersMap, readBoardLocks, readDeleteOwnOnly, readHideCursors, readTimer, sameLocks, type BoardLocks, type Timer } from '@clapboard/shared';
import { Observable } from './Observable.ts';

/**
 * The facilitators' controls (issue #8), read from the control document and
 * kept current: what is locked, whether cursors are hidden, and the timer.
 * The server enforces the first two; pages follow them so people see why.
 */
export class BoardControlsModel {
  readonly locks = new Observable<BoardLocks>(NO_LOCKS);
  readonly hideCursors = new Observable<boolean>(false);
  /** Participants may delete only notes their own browser added (a page-side courtesy; see DELETE_OWN_ONLY_SETTING). */
  readonly deleteOwnOnly = new Observable<boolean>(false);
  readonly timer = new Observable<Timer | null>(null);
  private readonly settings: Y.Map<unknown>;
  private readonly timers: Y.Map<unknown>;

  constructor(private readonly controlDoc: Y.Doc) {
    this.settings = getSettingsMap(controlDoc);
    this.timers = getTimersMap(controlDoc);
    this.settings.observeDeep(this.handleSettings);
    this.timers.observeDeep(this.handleTimers);
    this.handleSettings();
    this.handleTimers();
  }

  destroy(): void {
    this.settings.unobserveDeep(this.handleSettings);
    this.timers.unobserveDeep(this.handleTimers);
  }

  private readonly handleSettings = (): void => {
    const locks = readBoardLocks(this.controlDoc);
    // A title change lands here too: keep the same objects, so nothing re-renders for it.
    if (!sameLocks(locks, this.locks.get())) this.locks.set(locks);
    this.hideCursors.set(readHideCursors(this.controlDoc));
    this.deleteOwnOnly.set(readDeleteOwnOnly(this.controlDoc));
  };

  private readonly handleTimers = (): void => {
    const timer = readTimer(this.controlDoc);
    const current = this.timer.get();
    if (JSON.stringify(timer) !== JSON.stringify(current)) this.timer.set(timer);
  };
}
