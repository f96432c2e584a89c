import { useTranslation } from 'react-i18next';
import { clockTime, timeLeft } from './closingTime.ts';
import { useNow } from './useNow.ts';

/**
 * When an open round stops taking answers, and how long is left, for
 * everyone who sees the round. Not a live region: a screen reader would
 * otherwise be interrupted every few seconds; the text is there when read.
 */
export function ClosingTime({ closesAt }: { closesAt: string }) {
  const { t, i18n } = useTranslation();
  const now = useNow(5_000);
  const left = timeLeft(closesAt, now);
  if (!left) return null;
  const time = clockTime(closesAt, i18n.language, now);
  const text =
    left.kind === 'over'
      ? t('rounds.closing.over', { time })
      : left.kind === 'underMinute'
        ? t('rounds.closing.underMinute', { time })
        : t(left.kind === 'minutes' ? 'rounds.closing.minutes' : 'rounds.closing.hours', { time, count: left.count });
  return (
    <p className="round-closing" data-testid="round-closing" data-left={left.kind}>
      <time dateTime={closesAt}>{text}</time>
    </p>
  );
}
