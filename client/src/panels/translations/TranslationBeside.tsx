import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { sameBaseLanguage, translationFor, type TranslationKind } from '@clapboard/shared';
import { useEditor } from '../../editor/EditorContext.ts';
import { readingLanguages } from './readingLanguages.ts';

/**
 * An interpreter's translation into the reader's language (the interface's,
 * else one of the browser's: readingLanguages), shown under the
 * original (which stays as written), marked with its own `lang` so a screen
 * reader switches voice. Nothing when there is none, or when the original is
 * already in the reader's language.
 */
export function TranslationBeside({ kind, targetId, originalLang }: { kind: TranslationKind; targetId: string; originalLang?: string | null }) {
  const { t, i18n } = useTranslation();
  const translations = useEditor().store.translations;
  const all = useSyncExternalStore(translations.subscribe, () => translations.all());
  const entry = readingLanguages(i18n.language).reduce<ReturnType<typeof translationFor>>((found, language) => found ?? translationFor(all, kind, targetId, language), null);
  if (!entry || sameBaseLanguage(entry.lang, originalLang)) return null;
  return (
    <p className="translation-beside" data-testid="translation">
      <span className="translation-label">{t('translation.label')}</span>{' '}
      <span lang={entry.lang} dir="auto">
        {entry.text}
      </span>
    </p>
  );
}
