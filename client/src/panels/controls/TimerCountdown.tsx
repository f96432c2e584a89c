import { useTranslation } from 'react-i18next';
import { timeLeftMs } from '@clapboard/shared';
import type { ServerClock } from '../../connection/serverClock.ts';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import { formatDuration } from './formatDuration.ts';
import { useServerNow } from './useServerNow.ts';
import { TIMER_STATE_KEY } from '../../i18n/keys/panelKeys.ts';

/**
 * The workshop timer, for everyone on the board: time left by the server's
 * clock, so a late joiner and a phone whose clock is wrong show the same as
 * the projector. Nothing while no facilitator has set one.
 */
export function TimerCountdown({ clock }: { clock: ServerClock }) {
  const { t } = useTranslation();
  const timer = useObservable(useEditor().controls.model.timer);
  const now = useServerNow(clock, timer?.state === 'running');
  if (!timer) return null;
  const left = timeLeftMs(timer, now);
  const time = formatDuration(left);
  const text = left === 0 && timer.durationMs > 0 ? t('timer.done') : t(TIMER_STATE_KEY[timer.state], { time });
  return (
    <div className={`timer-countdown timer-${timer.state}`} data-testid="timer" data-state={timer.state} data-remaining-ms={left}>
      <span className="timer-face" aria-hidden="true">{time}</span>
      {/* Read out when the state changes, not on every second. */}
      <span className="visually-hidden" role="status">{left === 0 || timer.state !== 'running' ? text : t('timer.running', { time: formatDuration(timer.remainingMs) })}</span>
    </div>
  );
}
