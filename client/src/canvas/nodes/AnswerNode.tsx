import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerRecord, NoteRecord } from '@clapboard/shared';
import { useEditor } from '../../editor/EditorContext.ts';
import type { NoteSpriteCache } from '../sprites/NoteSpriteCache.ts';
import { NoteNode } from './NoteNode.tsx';

/**
 * A revealed anonymous answer: drawn as a note whose words come from the
 * server-written `answers` root, never from the card itself, and which no
 * one can edit on the board. A hidden answer shows the facilitator's reason.
 */
export function AnswerNode({ answer, sprites, offScreenSkipped }: { answer: AnswerRecord; sprites: NoteSpriteCache; offScreenSkipped: boolean }) {
  const { store } = useEditor();
  const { t } = useTranslation();
  const revealed = useSyncExternalStore(
    (listener) => store.answers.subscribe(answer.answerId, listener),
    () => store.answers.get(answer.answerId),
  );
  const text = revealed?.hidden ? t('answer.hidden', { reason: revealed.hiddenReason ?? '' }) : (revealed?.text ?? '');
  const note = useMemo<NoteRecord>(() => {
    const { answerId: _answerId, ...card } = answer;
    return { ...card, type: 'note', text };
  }, [answer, text]);
  return <NoteNode note={note} sprites={sprites} hideText={false} offScreenSkipped={offScreenSkipped} />;
}
