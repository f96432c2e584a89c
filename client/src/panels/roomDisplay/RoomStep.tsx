import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readCurrentStep, readPhrasebook } from '@clapboard/shared';
import { TranslatedPhrase } from '../templates/TranslatedPhrase.tsx';
import { useControlValue } from '../useControlValue.ts';

/** The step the facilitator is on and its prompt (`settings.step`), in type meant to be read across a room. */
export function RoomStep({ controlDoc }: { controlDoc: Y.Doc }) {
  const { t } = useTranslation();
  const step = useControlValue(controlDoc, readCurrentStep);
  const book = useControlValue(controlDoc, readPhrasebook);
  if (!step) return null;
  return (
    <section className="room-step" data-testid="room-step" aria-labelledby="room-step-title">
      <p className="room-step-count">{t('roomDisplay.step', { number: step.index + 1, count: step.count })}</p>
      <TranslatedPhrase as="h2" book={book} original={step.title} id="room-step-title" className="room-step-title" />
      {step.prompt && <TranslatedPhrase book={book} original={step.prompt} className="room-step-prompt" data-testid="room-step-prompt" />}
    </section>
  );
}
