import { useSyncExternalStore } from 'react';
import type { RoundRecord, TranslationRecord } from '@clapboard/shared';
import { useEditor } from '../../editor/EditorContext.ts';

const NONE: readonly TranslationRecord[] = [];

/**
 * A round's prompt in every language it is translated into: the
 * facilitator's own (given when the round was opened), then interpreters'
 * (the `translations` root, kind `prompt`), which win for a language both
 * wrote, being the later and usually the fluent one.
 */
export function usePromptTranslations(roundId: string | undefined, round: Pick<RoundRecord, 'translations'>): Readonly<Record<string, string>> | undefined {
  const translations = useEditor().store.translations;
  const all = useSyncExternalStore(translations.subscribe, () => (roundId ? translations.all() : NONE));
  const interpreters = all.filter((entry) => entry.kind === 'prompt' && entry.targetId === roundId);
  if (interpreters.length === 0) return round.translations;
  return { ...round.translations, ...Object.fromEntries(interpreters.map((entry) => [entry.lang, entry.text])) };
}
