import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readCurrentStep } from '@clapboard/shared';
import { useControlValue } from './useControlValue.ts';

/** The step the facilitator is on and its prompt (`settings.step`), in type meant to be read across a room. */
export function RoomStep({ controlDoc }: { controlDoc: Y.Doc }) {
  const { t } = useTranslation();
  const step = useControlValue(controlDoc, readCurrentStep);
  if (!step) return null;
  return (
    <section className="room-step" data-testid="room-step" aria-labelledby="room-step-title">
      <p className="room-step-count">{t('roomDisplay.step', { number: step.index + 1, count: step.count })}</p>
      <h2 id="room-step-title" className="room-step-title" dir="auto">{step.title}</h2>
      {step.prompt && <p className="room-step-prompt" dir="auto" data-testid="room-step-prompt">{step.prompt}</p>}
    </section>
  );
}
