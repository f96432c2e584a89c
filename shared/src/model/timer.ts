import type * as Y from 'yjs';
import { z } from 'zod';
import { CONTROL_ROOTS } from './controlDoc.ts';

/**
 * The workshop timer (issue #8): one countdown everyone sees, under
 * `timers.main` in the control document. Times are the server's clock in
 * milliseconds since the epoch, never a client's: a phone whose clock is a
 * minute out must still show the same time left as the projector. Clients
 * learn their offset from the server's clock (`GET /api/time`) and pass
 * `serverNow` in.
 *
 * - `running`: `startedAt` is when it (re)started, with `remainingMs` left
 *   at that moment.
 * - `paused` / `stopped`: `remainingMs` is what is left; `startedAt` absent.
 */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;
export const TIMER_STATES = ['running', 'paused', 'stopped'] as const;

export const TimerSchema = z.object({
  state: z.enum(TIMER_STATES),
  durationMs: z.number().int().min(0).max(MAX_TIMER_MS),
  remainingMs: z.number().int().min(0).max(MAX_TIMER_MS),
  startedAt: z.number().int().nonnegative().optional(),
  label: z.string().max(200).optional(),
});
export type Timer = z.infer<typeof TimerSchema>;

export const MAIN_TIMER = 'main';

export function getTimersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_ROOTS.timers);
}

/** The main timer, or null when there is none or it does not parse. */
export function readTimer(controlDoc: Y.Doc, id: string = MAIN_TIMER): Timer | null {
  const value = getTimersMap(controlDoc).get(id);
  const plain = value && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
  const parsed = TimerSchema.safeParse(plain);
  return parsed.success ? parsed.data : null;
}

/** Time left at `serverNow` (server clock, ms), never below zero. */
export function timeLeftMs(timer: Timer, serverNow: number): number {
  if (timer.state !== 'running' || timer.startedAt === undefined) return timer.remainingMs;
  return Math.max(0, timer.remainingMs - Math.max(0, serverNow - timer.startedAt));
}
