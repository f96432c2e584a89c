import type * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, MAIN_TIMER, MAX_TIMER_MS, TimerSchema, getTimersMap, timeLeftMs, type Timer } from '@clapboard/shared';

/**
 * The workshop timer's transitions (shared/src/model/timer.ts), in server
 * time: `serverNow` is the server's clock as this page measures it
 * (connection/serverClock.ts), never this page's own, so a facilitator
 * whose laptop clock is wrong still starts the same countdown for everyone.
 * Pure: each returns the next timer; `writeTimer` stores it.
 */
export function setTimerDuration(durationMs: number): Timer {
  const duration = Math.max(0, Math.min(MAX_TIMER_MS, Math.round(durationMs)));
  return { state: 'stopped', durationMs: duration, remainingMs: duration };
}

/** Runs from what is left (all of it when stopped); a running timer is left as it is. */
export function startTimer(timer: Timer, serverNow: number): Timer {
  if (timer.state === 'running') return timer;
  return { ...withoutStart(timer), state: 'running', startedAt: Math.round(serverNow) };
}

/** Stops the countdown where it is. */
export function pauseTimer(timer: Timer, serverNow: number): Timer {
  if (timer.state !== 'running') return timer;
  return { ...withoutStart(timer), state: 'paused', remainingMs: timeLeftMs(timer, serverNow) };
}

/** Back to the full duration, stopped. */
export function resetTimer(timer: Timer): Timer {
  return { ...withoutStart(timer), state: 'stopped', remainingMs: timer.durationMs };
}

function withoutStart({ startedAt: _startedAt, ...rest }: Timer): Timer {
  return rest;
}

/**
 * Stores the timer as one plain value, `timers.main`, replaced whole. Not a
 * nested map of fields: a timer's fields only make sense together, and two
 * facilitators pressing start and pause at once must leave one of the two
 * timers, not a mix of both (a running state with a paused remainder).
 */
export function writeTimer(controlDoc: Y.Doc, timer: Timer): void {
  const parsed = TimerSchema.parse(timer);
  controlDoc.transact(() => getTimersMap(controlDoc).set(MAIN_TIMER, parsed), LOCAL_USER_ORIGIN);
}
