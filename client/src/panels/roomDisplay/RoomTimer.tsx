import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readTimer, timeLeftMs } from '@clapboard/shared';
import type { ServerClock } from '../../connection/serverClock.ts';
import { useControlValue } from '../useControlValue.ts';

/** `m:ss`, or `h:mm:ss` from an hour up; whole seconds rounded up, so 0:00 means the time is up. */
export function formatTimeLeft(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * The workshop timer, big: time left by the server's clock (`timers.main`,
 * shared/src/model/timer.ts), so the projector and every phone agree.
 * Nothing is shown while there is no timer.
 */
export function RoomTimer({ controlDoc, clock }: { controlDoc: Y.Doc; clock: ServerClock }) {
  const { t } = useTranslation();
  const timer = useControlValue(controlDoc, readTimer);
  const [, setTick] = useState(0);
  const running = timer?.state === 'running';
  useEffect(() => {
    if (!running) return;
    // A few times a second, so the seconds turn over close to when they do on the server.
    const interval = window.setInterval(() => setTick((tick) => tick + 1), 250);
    return () => window.clearInterval(interval);
  }, [running]);
  // A new measurement of the server's clock moves the time left at once.
  useEffect(() => clock.subscribe(() => setTick((tick) => tick + 1)), [clock]);
  if (!timer) return null;
  const left = timeLeftMs(timer, clock.now());
  return (
    <div className="room-timer" data-testid="room-timer" data-state={timer.state}>
      <p className="room-timer-label">{timer.label || t('roomDisplay.timer')}</p>
      <p className="room-timer-time" role="timer" data-testid="room-timer-time">{formatTimeLeft(left)}</p>
      {left === 0 ? <p className="room-timer-state">{t('roomDisplay.timeUp')}</p> : timer.state === 'paused' && <p className="room-timer-state">{t('roomDisplay.paused')}</p>}
    </div>
  );
}
