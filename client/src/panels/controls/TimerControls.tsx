import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TIMER_MS } from '@clapboard/shared';
import type { ServerClock } from '../../connection/serverClock.ts';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import { useClockMeasured } from './useServerNow.ts';

const MAX_MINUTES = MAX_TIMER_MS / 60_000;

/**
 * A facilitator's timer: set minutes, start, pause, resume, reset. Every
 * change is written in the server's time (`clock.now()`), never this
 * laptop's, so the countdown is the same on every page.
 */
export function TimerControls({ clock }: { clock: ServerClock }) {
  const { t } = useTranslation();
  const controls = useEditor().controls;
  const timer = useObservable(controls.model.timer);
  const [minutes, setMinutes] = useState('5');
  // Start and pause write the server's time: not before this page knows it.
  const measured = useClockMeasured(clock);
  const id = useId();
  const parsed = Number(minutes);
  const valid = Number.isFinite(parsed) && parsed > 0 && parsed <= MAX_MINUTES;
  return (
    <fieldset className="timer-controls" data-testid="timer-controls">
      <legend>{t('timer.heading')}</legend>
      <p className="round-note">{t('timer.help')}</p>
      <form
        className="timer-set"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) controls.setTimer(parsed * 60_000);
        }}
      >
        <label htmlFor={`${id}-minutes`}>{t('timer.minutes')}</label>
        <input
          id={`${id}-minutes`}
          data-testid="timer-minutes"
          type="number"
          inputMode="decimal"
          min="0.1"
          max={MAX_MINUTES}
          step="any"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
        <button type="submit" data-testid="timer-set" disabled={!valid}>{t('timer.set')}</button>
      </form>
      {timer && (
        <div className="timer-buttons">
          {timer.state === 'running' ? (
            <button type="button" data-testid="timer-pause" disabled={!measured} onClick={() => controls.pauseTimer(clock.now())}>{t('timer.pause')}</button>
          ) : (
            <button type="button" data-testid="timer-start" disabled={!measured || timer.remainingMs === 0} onClick={() => controls.startTimer(clock.now())}>
              {timer.state === 'paused' ? t('timer.resume') : t('timer.start')}
            </button>
          )}
          <button type="button" data-testid="timer-reset" onClick={() => controls.resetTimer()}>{t('timer.reset')}</button>
        </div>
      )}
    </fieldset>
  );
}
