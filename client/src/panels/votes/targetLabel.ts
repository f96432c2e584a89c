import type { TFunction } from 'i18next';
import type { BoardStore } from '../../model/BoardStore.ts';

/** How a vote's target reads in a list: its words, cut to a line, or that it is gone. */
export function targetLabel(t: TFunction, store: BoardStore, id: string): string {
  const object = store.get(id);
  if (!object) return t('votes.targetGone');
  const text = store.textOf(object).trim().replace(/\s+/g, ' ');
  if (!text) return t('votes.targetEmpty');
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
