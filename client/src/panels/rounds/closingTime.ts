/**
 * When a round stops taking answers: the facilitator's choices, the
 * `closesAt` they make, and how much time is left. Facilitators run sessions
 * by the clock ("five minutes for this one"), so the choices are short spans
 * from now, or a time of day.
 */

/** The spans offered, in minutes. */
export const CLOSE_IN_MINUTES = [5, 10, 15, 30] as const;

export type ClosingChoice = { kind: 'none' } | { kind: 'in'; minutes: number } | { kind: 'at'; time: string };

/** A choice as a `<select>` value and back: `none`, `in-5`, `at`. The time of day lives in its own input. */
export function choiceValue(choice: ClosingChoice): string {
  return choice.kind === 'in' ? `in-${choice.minutes}` : choice.kind;
}

export function choiceFromValue(value: string, time: string): ClosingChoice {
  if (value === 'at') return { kind: 'at', time };
  const minutes = /^in-(\d+)$/.exec(value)?.[1];
  return minutes ? { kind: 'in', minutes: Number(minutes) } : { kind: 'none' };
}

export type ClosingError = 'noTime' | 'past';

/**
 * The `closesAt` a choice means at `now`, or why it means none. A span is
 * counted from when the round is opened (call this at submit, not when the
 * choice is made). A time of day is today's: one that has already passed is
 * refused rather than taken as tomorrow, since a workshop question left open
 * overnight is almost certainly a slip.
 */
export function closesAtFor(choice: ClosingChoice, now: Date): { ok: true; closesAt: string | undefined } | { ok: false; error: ClosingError } {
  if (choice.kind === 'none') return { ok: true, closesAt: undefined };
  if (choice.kind === 'in') return { ok: true, closesAt: new Date(now.getTime() + choice.minutes * 60_000).toISOString() };
  // `<input type="time">` gives "HH:MM", or "HH:MM:SS" with a step under a minute.
  const match = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(choice.time);
  if (!match) return { ok: false, error: 'noTime' };
  const at = new Date(now.getTime());
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (at.getTime() <= now.getTime()) return { ok: false, error: 'past' };
  return { ok: true, closesAt: at.toISOString() };
}

export type TimeLeft = { kind: 'over' } | { kind: 'underMinute' } | { kind: 'minutes'; count: number } | { kind: 'hours'; count: number };

/**
 * How long until `closesAt`, as a person would say it: whole minutes
 * (rounded, so "5 minutes" right after choosing five), "less than a
 * minute" in the last one, whole hours (rounded down, "more than 2 hours")
 * beyond the first hour. Null when
 * `closesAt` is not a date.
 */
export function timeLeft(closesAt: string, now: number): TimeLeft | null {
  const end = Date.parse(closesAt);
  if (Number.isNaN(end)) return null;
  const ms = end - now;
  if (ms <= 0) return { kind: 'over' };
  if (ms < 60_000) return { kind: 'underMinute' };
  // Capped at 59 so the last seconds of an hour never read as "60 minutes".
  if (ms < 3_600_000) return { kind: 'minutes', count: Math.min(59, Math.round(ms / 60_000)) };
  return { kind: 'hours', count: Math.floor(ms / 3_600_000) };
}

/**
 * `iso` as a time of day in `language` ("14:35", "2:35 PM"), with the
 * weekday when it is not on `now`'s day, so a round left open overnight
 * does not read as closing in minutes.
 */
export function clockTime(iso: string, language: string, now: number): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay ? { hour: 'numeric', minute: '2-digit' } : { weekday: 'short', hour: 'numeric', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(language, options).format(at);
  } catch {
    // i18next's `cimode` and other non-locales: the browser's own format.
    return new Intl.DateTimeFormat(undefined, options).format(at);
  }
}
