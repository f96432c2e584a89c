import type { TFunction } from 'i18next';
import type { BoardObject } from '@clapboard/shared';
import type { BoardStore } from '../model/BoardStore.ts';
import { isolate } from '../i18n/isolate.ts';
import { COLOR_NAME_KEY, SHAPE_DESCRIPTION_KEY } from '../i18n/keys/objectKeys.ts';

/** Longest run of an object's text read out; the outline has the rest. */
const SPOKEN_TEXT = 80;

function spoken(t: TFunction, text: string): string {
  return text.trim() ? isolate(text.trim().slice(0, SPOKEN_TEXT)) : t('describe.empty');
}

/**
 * An object in words, for people who cannot see the canvas: what it is, its
 * colour by name, its text, and the frame it is in.
 */
export function describeObject(t: TFunction, store: BoardStore, object: BoardObject): string {
  const what = (() => {
    switch (object.type) {
      case 'note':
        return t('describe.note', { colour: t(COLOR_NAME_KEY[object.color]), text: spoken(t, object.text) });
      case 'text':
        return t('describe.text', { text: spoken(t, object.text) });
      case 'shape':
        return t(SHAPE_DESCRIPTION_KEY[object.shape], { text: spoken(t, object.text) });
      case 'frame':
        return t('describe.frame', { title: spoken(t, object.text) });
      case 'answer': {
        const revealed = store.answers.get(object.answerId);
        // An anonymous note (shared/src/anonymousNotes.ts) is read out as a note, not as an answer to a question.
        const note = !!revealed && 'anonymousNote' in revealed;
        if (revealed?.hidden) return t(note ? 'anonymousNotes.describe.hidden' : 'describe.hiddenAnswer', { reason: spoken(t, revealed.hiddenReason ?? '') });
        return t(note ? 'anonymousNotes.describe.note' : 'describe.answer', { colour: t(COLOR_NAME_KEY[object.color]), text: spoken(t, store.textOf(object)) });
      }
      case 'connector': {
        const end = (value: typeof object.from) => {
          const target = 'objectId' in value ? store.get(value.objectId) : null;
          return target && target.type !== 'connector' ? spoken(t, store.textOf(target)) : t('describe.freeEnd');
        };
        return t('describe.connector', { from: end(object.from), to: end(object.to) });
      }
    }
  })();
  const frame = object.frameId ? store.get(object.frameId) : null;
  return frame?.type === 'frame' ? t('describe.inFrame', { object: what, frame: spoken(t, frame.text) }) : what;
}
