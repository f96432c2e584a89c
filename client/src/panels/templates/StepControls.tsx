import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentStepFor, readPhrasebook } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { clearCurrentStep, setCurrentStep } from '../../editor/stepCommands.ts';
import { readableZodMessage } from '../apiMessages.ts';
import { openStepActivity, type StepActivityOutcome } from './stepActivity.ts';
import { StepTranslateForm } from './StepTranslateForm.tsx';
import { useBoardSteps } from './useBoardSteps.ts';
import { useControlValue } from '../useControlValue.ts';
import { STEP_ALREADY_OPEN_KEY, STEP_OPENED_KEY, STEP_OPEN_FAILED_KEY } from '../../i18n/keys/workshopKeys.ts';

/**
 * A facilitator steps through the board's sessions or questions ("next
 * question"): the step goes into `settings.step`, which every page shows
 * and moves its view to (presence/StepFollower.ts), and a step that opens
 * an anonymous question or a vote opens it.
 */
export function StepControls({ connection }: { connection: BoardConnection }) {
  const { t } = useTranslation();
  const id = useId();
  const editor = useEditor();
  const { steps, current } = useBoardSteps(connection.controlDoc);
  const book = useControlValue(connection.controlDoc, readPhrasebook);
  const [status, setStatus] = useState('');
  const [translating, setTranslating] = useState(false);

  const goTo = async (index: number) => {
    const next = currentStepFor(steps, index);
    const step = steps[index];
    if (!next || !step) return;
    setStatus('');
    setCurrentStep(connection.controlDoc, next);
    const outcome = await openStepActivity(step, { controlDoc: connection.controlDoc, store: editor.store, rounds: connection.rounds, votes: connection.votes });
    setStatus(describeOutcome(t, outcome));
  };

  const index = current && current.index < steps.length ? current.index : null;
  return (
    <section className="round-controls panel step-controls" aria-labelledby={`${id}-heading`} data-testid="step-controls">
      <h2 id={`${id}-heading`}>{t('steps.heading')}</h2>
      {steps.length === 0 ? (
        <p className="round-note">{t('steps.none')}</p>
      ) : (
        <>
          <p className="step-position" data-testid="step-position">
            {index === null ? t('steps.notStarted', { count: steps.length }) : t('steps.position', { number: index + 1, count: steps.length, title: steps[index]!.title })}
          </p>
          {index !== null && steps[index]!.prompt && <p className="round-prompt" dir="auto">{steps[index]!.prompt}</p>}
          <p className="round-note">{t('steps.help')}</p>
          <div className="round-actions">
            <button type="button" data-testid="step-previous" disabled={index === null || index === 0} onClick={() => void goTo((index ?? 0) - 1)}>
              {t('steps.previous')}
            </button>
            <button type="button" className="primary" data-testid="step-next" disabled={index !== null && index >= steps.length - 1} onClick={() => void goTo(index === null ? 0 : index + 1)}>
              {index === null ? t('steps.start') : t('steps.next')}
            </button>
          </div>
          <label className="step-jump">
            <span>{t('steps.goTo')}</span>
            <select data-testid="step-select" value={index ?? ''} onChange={(event) => event.target.value !== '' && void goTo(Number(event.target.value))}>
              {index === null && <option value="">{t('steps.choose')}</option>}
              {steps.map((step, i) => (
                <option key={i} value={i}>
                  {t('steps.option', { number: i + 1, title: step.title })}
                </option>
              ))}
            </select>
          </label>
          {index !== null && (
            <div className="round-actions">
              <button type="button" data-testid="step-end" onClick={() => clearCurrentStep(connection.controlDoc)}>
                {t('steps.end')}
              </button>
            </div>
          )}
          {translating ? (
            <StepTranslateForm
              controlDoc={connection.controlDoc}
              steps={steps}
              book={book}
              onDone={(saved) => {
                setTranslating(false);
                setStatus(saved ? t('steps.translate.saved') : '');
              }}
            />
          ) : (
            <div className="round-actions">
              <button type="button" data-testid="steps-translate" onClick={() => setTranslating(true)}>
                {t('steps.translate.open')}
              </button>
            </div>
          )}
        </>
      )}
      <p role="status" className="round-status" data-testid="step-status">
        {status}
      </p>
    </section>
  );
}

/** What the facilitator is told about the step's round or vote. */
function describeOutcome(t: TFunction, outcome: StepActivityOutcome): string {
  switch (outcome.kind) {
    case 'none':
      return '';
    case 'opened':
      return t(STEP_OPENED_KEY[outcome.what]);
    case 'already-open':
      return t(STEP_ALREADY_OPEN_KEY[outcome.what]);
    case 'failed':
      return t(STEP_OPEN_FAILED_KEY[outcome.what], {
        message: outcome.error.status === null ? t('steps.offline') : readableZodMessage(outcome.error.message),
      });
  }
}
