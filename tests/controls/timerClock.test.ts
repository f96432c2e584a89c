/**
 * The timer in server time: a page's clock offset from `GET /api/time`
 * samples (NTP-style midpoint, shortest round trip), and the facilitator's
 * transitions of `timers.main`, which every page reads with `timeLeftMs`.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTimer, timeLeftMs } from '@clapboard/shared';
import { ServerClock, offsetFromSamples } from '../../client/src/connection/serverClock.ts';
import { pauseTimer, resetTimer, setTimerDuration, startTimer, writeTimer } from '../../client/src/editor/timerCommands.ts';
import { formatDuration } from '../../client/src/panels/controls/formatDuration.ts';

const MINUTE = 60_000;

describe('clock offset from /api/time samples', () => {
  it('takes the midpoint of the shortest round trip', () => {
    // This page runs 2 minutes behind the server.
    const samples = [
      { sentAt: 1_000, serverNow: 1_000 + 2 * MINUTE + 400, receivedAt: 1_600 },
      { sentAt: 2_000, serverNow: 2_000 + 2 * MINUTE + 20, receivedAt: 2_040 },
      { sentAt: 3_000, serverNow: 3_000 + 2 * MINUTE + 900, receivedAt: 4_000 },
    ];
    expect(offsetFromSamples(samples)).toBe(2 * MINUTE);
    expect(offsetFromSamples([])).toBeNull();
    // A sample whose clock went backwards while in flight says nothing.
    expect(offsetFromSamples([{ sentAt: 10, serverNow: 99, receivedAt: 5 }])).toBeNull();
  });

  it('keeps the last offset when the server cannot be reached, and tells listeners of a new one', async () => {
    let answer: () => Promise<number> = async () => Date.now() - 5 * MINUTE;
    const clock = new ServerClock(() => answer());
    let told = 0;
    clock.subscribe(() => (told += 1));
    await clock.measure();
    expect(clock.measured).toBe(true);
    expect(Math.abs(clock.offset + 5 * MINUTE)).toBeLessThan(1_000);
    expect(Math.abs(clock.now() - (Date.now() - 5 * MINUTE))).toBeLessThan(1_000);
    expect(told).toBe(1);
    answer = () => Promise.reject(new Error('offline'));
    const before = clock.offset;
    expect(await clock.measure()).toBeNull();
    expect(clock.offset).toBe(before);
  });
});

describe('timer transitions, in server time', () => {
  it('set, start, pause, resume and reset give every reader the same time left', () => {
    const set = setTimerDuration(10 * MINUTE);
    expect(set).toEqual({ state: 'stopped', durationMs: 10 * MINUTE, remainingMs: 10 * MINUTE });
    const running = startTimer(set, 1_000_000);
    expect(timeLeftMs(running, 1_000_000 + 3 * MINUTE)).toBe(7 * MINUTE);
    expect(startTimer(running, 2_000_000)).toBe(running);
    const paused = pauseTimer(running, 1_000_000 + 4 * MINUTE);
    expect(paused).toEqual({ state: 'paused', durationMs: 10 * MINUTE, remainingMs: 6 * MINUTE });
    // Paused, the time left does not move, however late someone looks.
    expect(timeLeftMs(paused, 9_000_000)).toBe(6 * MINUTE);
    const resumed = startTimer(paused, 5_000_000);
    expect(timeLeftMs(resumed, 5_000_000 + MINUTE)).toBe(5 * MINUTE);
    expect(timeLeftMs(resumed, 5_000_000 + 60 * MINUTE)).toBe(0);
    expect(resetTimer(resumed)).toEqual(set);
  });

  it('writes timers.main as one value that readTimer reads back', () => {
    const doc = new Y.Doc();
    const timer = startTimer(setTimerDuration(90_000), 42_000);
    writeTimer(doc, timer);
    expect(readTimer(doc)).toEqual(timer);
    expect(() => writeTimer(doc, { ...timer, remainingMs: -1 })).toThrow();
  });

  it('shows the time as a clock face, rounded up to the second', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(1)).toBe('0:01');
    expect(formatDuration(5 * MINUTE)).toBe('5:00');
    expect(formatDuration(61 * MINUTE + 2_500)).toBe('1:01:03');
  });
});
