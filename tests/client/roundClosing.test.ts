/**
 * A round's closing time: the facilitator's choices ("in 5 minutes", "at
 * 14:30"), the `closesAt` each makes, and the time left everyone is shown.
 */
import { describe, expect, it } from 'vitest';
import { CreateRoundRequestSchema } from '@clapboard/shared';
import { choiceFromValue, choiceValue, closesAtFor, timeLeft } from '../../client/src/panels/rounds/closingTime.ts';

/** A local 14:20:30, whatever the machine's time zone. */
const NOW = new Date(2030, 4, 6, 14, 20, 30);
const MINUTE = 60_000;

describe('closing choices', () => {
  it('round-trips through the select’s values', () => {
    expect(choiceFromValue(choiceValue({ kind: 'in', minutes: 10 }), '')).toEqual({ kind: 'in', minutes: 10 });
    expect(choiceFromValue(choiceValue({ kind: 'none' }), '09:00')).toEqual({ kind: 'none' });
    expect(choiceFromValue('at', '15:45')).toEqual({ kind: 'at', time: '15:45' });
    expect(choiceFromValue('nonsense', '')).toEqual({ kind: 'none' });
  });

  it('counts a span from now, and gives a closesAt the server’s schema takes', () => {
    const result = closesAtFor({ kind: 'in', minutes: 5 }, NOW);
    expect(result).toEqual({ ok: true, closesAt: new Date(NOW.getTime() + 5 * MINUTE).toISOString() });
    expect(CreateRoundRequestSchema.safeParse({ prompt: 'Q', closesAt: result.ok ? result.closesAt : '' }).success).toBe(true);
    expect(closesAtFor({ kind: 'none' }, NOW)).toEqual({ ok: true, closesAt: undefined });
  });

  it('takes a time of day as today’s, and refuses one that has passed or is missing', () => {
    const later = closesAtFor({ kind: 'at', time: '15:45' }, NOW);
    expect(later).toEqual({ ok: true, closesAt: new Date(2030, 4, 6, 15, 45).toISOString() });
    expect(closesAtFor({ kind: 'at', time: '15:45:00' }, NOW)).toEqual(later);
    expect(closesAtFor({ kind: 'at', time: '14:20' }, NOW)).toEqual({ ok: false, error: 'past' });
    expect(closesAtFor({ kind: 'at', time: '09:00' }, NOW)).toEqual({ ok: false, error: 'past' });
    expect(closesAtFor({ kind: 'at', time: '' }, NOW)).toEqual({ ok: false, error: 'noTime' });
  });
});

describe('time left', () => {
  const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
  const now = NOW.getTime();

  it('reads as whole minutes, rounded, under an hour', () => {
    expect(timeLeft(at(5 * MINUTE), now)).toEqual({ kind: 'minutes', count: 5 });
    expect(timeLeft(at(4 * MINUTE + 40_000), now)).toEqual({ kind: 'minutes', count: 5 });
    expect(timeLeft(at(MINUTE + 10_000), now)).toEqual({ kind: 'minutes', count: 1 });
    expect(timeLeft(at(59 * MINUTE + 50_000), now)).toEqual({ kind: 'minutes', count: 59 });
  });

  it('says less than a minute in the last one, and over once it has passed', () => {
    expect(timeLeft(at(59_000), now)).toEqual({ kind: 'underMinute' });
    expect(timeLeft(at(0), now)).toEqual({ kind: 'over' });
    expect(timeLeft(at(-MINUTE), now)).toEqual({ kind: 'over' });
  });

  it('reads as whole hours, rounded down, from an hour on; nothing for a non-date', () => {
    expect(timeLeft(at(60 * MINUTE), now)).toEqual({ kind: 'hours', count: 1 });
    expect(timeLeft(at(150 * MINUTE), now)).toEqual({ kind: 'hours', count: 2 });
    expect(timeLeft('soon', now)).toBeNull();
  });
});
