import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { TranslatedPhrase } from './TranslatedPhrase.tsx';
import { useBoardSteps } from './useBoardSteps.ts';
import { useControlValue } from '../useControlValue.ts';
import { readPhrasebook } from '@clapboard/shared';

/**
 * What everyone who is not facilitating reads: the step the facilitator is
 * on, its title and prompt. A polite live region, so a screen reader says
 * the new question when the facilitator moves on. In the reader's language
 * where a facilitator translated the step's words.
 */
export function StepPrompt({ controlDoc }: { controlDoc: Y.Doc }) {
  const { t } = useTranslation();
  const id = useId();
  const { current } = useBoardSteps(controlDoc);
  const book = useControlValue(controlDoc, readPhrasebook);
  // The live region is always there, so its first content is announced too; only the step inside comes and goes.
  return (
    <div aria-live="polite" data-testid="step-prompt">
      {current && (
        <section className="step-prompt panel" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`} className="step-prompt-position">
            {t('steps.prompt.position', { number: current.index + 1, count: current.count })}
          </h2>
          <TranslatedPhrase book={book} original={current.title} className="step-prompt-title" data-testid="step-prompt-title" />
          {current.prompt && <TranslatedPhrase book={book} original={current.prompt} className="round-prompt" data-testid="step-prompt-text" />}
        </section>
      )}
    </div>
  );
}
