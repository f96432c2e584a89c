// Keys written whole so tests/i18n can check every string a page shows (see README.md).

import type { ActionKind, ActionStatus, Iap2Level, RoundState, StatementField } from '@clapboard/shared';

export const ROUND_STATE_KEY = {
  open: 'rounds.controls.state.open',
  closed: 'rounds.controls.state.closed',
  revealed: 'rounds.controls.state.revealed',
} as const satisfies Record<RoundState, string>;

export const STEP_OPENED_KEY = { round: 'steps.opened.round', vote: 'steps.opened.vote' } as const;
export const STEP_ALREADY_OPEN_KEY = { round: 'steps.alreadyOpen.round', vote: 'steps.alreadyOpen.vote' } as const;
export const STEP_OPEN_FAILED_KEY = { round: 'steps.openFailed.round', vote: 'steps.openFailed.vote' } as const;

export const ACTION_KIND_KEY = {
  did: 'actions.kind.did',
  will: 'actions.kind.will',
  cannot: 'actions.kind.cannot',
} as const satisfies Record<ActionKind, string>;

export const ACTION_STATUS_KEY = {
  planned: 'actions.status.planned',
  'in-progress': 'actions.status.in-progress',
  done: 'actions.status.done',
  'not-possible': 'actions.status.not-possible',
} as const satisfies Record<ActionStatus, string>;

export const STATEMENT_HEADING_KEY = {
  purpose: 'statement.heading.purpose',
  level: 'statement.heading.level',
  canChange: 'statement.heading.canChange',
  cannotChange: 'statement.heading.cannotChange',
  inputUse: 'statement.heading.inputUse',
  feedback: 'statement.heading.feedback',
  runBy: 'statement.heading.runBy',
  deleteOn: 'statement.heading.deleteOn',
} as const satisfies Record<StatementField, string>;

export const STATEMENT_FIELD_LABEL_KEY = {
  purpose: 'statement.form.label.purpose',
  canChange: 'statement.form.label.canChange',
  cannotChange: 'statement.form.label.cannotChange',
  inputUse: 'statement.form.label.inputUse',
  feedback: 'statement.form.label.feedback',
  runBy: 'statement.form.label.runBy',
  deleteOn: 'statement.form.label.deleteOn',
} as const satisfies Record<Exclude<StatementField, 'level'>, string>;

/** Each IAP2 level's name, what it means in plain words, and the spectrum's promise. */
export const STATEMENT_LEVEL_KEYS = {
  inform: { name: 'statement.level.inform.name', plain: 'statement.level.inform.plain', promise: 'statement.level.inform.promise' },
  consult: { name: 'statement.level.consult.name', plain: 'statement.level.consult.plain', promise: 'statement.level.consult.promise' },
  involve: { name: 'statement.level.involve.name', plain: 'statement.level.involve.plain', promise: 'statement.level.involve.promise' },
  collaborate: { name: 'statement.level.collaborate.name', plain: 'statement.level.collaborate.plain', promise: 'statement.level.collaborate.promise' },
  empower: { name: 'statement.level.empower.name', plain: 'statement.level.empower.plain', promise: 'statement.level.empower.promise' },
} as const satisfies Record<Iap2Level, { name: string; plain: string; promise: string }>;
