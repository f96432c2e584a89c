import type { ActionKind, ActionStatus } from '../synthesis/actions.ts';
import type { Iap2Level } from '../model/statement.ts';

/**
 * Words the text exports print. English for now: the report is written for
 * the commissioning body; people's own words are always exported as they
 * wrote them, in their own language.
 */
export const LEVEL_LABELS: Record<Iap2Level, string> = {
  inform: 'Inform',
  consult: 'Consult',
  involve: 'Involve',
  collaborate: 'Collaborate',
  empower: 'Empower',
};

/** "You said, we did": how each kind of action reads. */
export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  did: 'We did',
  will: 'We will',
  cannot: 'We can’t',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'planned',
  'in-progress': 'in progress',
  done: 'done',
  'not-possible': 'not possible',
};

/** The statement's fields, in the order people read them before joining. */
export const STATEMENT_LABELS = [
  ['purpose', 'Purpose'],
  ['canChange', 'What can change'],
  ['cannotChange', 'What cannot change'],
  ['inputUse', 'How what people say will be used'],
  ['feedback', 'How people will hear back'],
  ['runBy', 'Run by'],
  ['deleteOn', 'Data to be deleted on'],
] as const;

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
