import type { ElementType } from 'react';
import { useTranslation } from 'react-i18next';
import { phraseFor, type Phrasebook } from '@clapboard/shared';

/** Words of the board's own (a step's title or prompt) in the reader's language when a facilitator translated them, marked with that `lang`. */
export function TranslatedPhrase({ as: Tag = 'p', book, original, ...rest }: {
  as?: ElementType;
  book: Phrasebook;
  original: string;
  className?: string;
  id?: string;
  'data-testid'?: string;
}) {
  const { i18n } = useTranslation();
  const phrase = phraseFor(book, i18n.language, original);
  return (
    <Tag dir="auto" lang={phrase?.lang} data-translated={phrase ? '' : undefined} {...rest}>
      {phrase?.text ?? original}
    </Tag>
  );
}
