// Keys written whole so tests/i18n can check every string a page shows (see README.md).

import type { MONITORING_QUESTIONS, MonitoringQuestion } from '@clapboard/shared';

type AnswerKeys = { readonly [Q in MonitoringQuestion]: Record<(typeof MONITORING_QUESTIONS)[Q][number], string> };

export const EXPORT_FORMAT_KEYS = {
  md: { name: 'export.format.md', help: 'export.help.md' },
  docx: { name: 'export.format.docx', help: 'export.help.docx' },
  csv: { name: 'export.format.csv', help: 'export.help.csv' },
  json: { name: 'export.format.json', help: 'export.help.json' },
  png: { name: 'export.format.png', help: 'export.help.png' },
} as const;

export const EXPORT_FAILED_KEY = {
  forbidden: 'export.failed.forbidden',
  'not-found': 'export.failed.not-found',
  network: 'export.failed.network',
  failed: 'export.failed.failed',
} as const;

export const HELD_EXPORT_KEYS = {
  'export-all': { name: 'export.held.export-all', help: 'export.held.help.export-all' },
  monitoring: { name: 'export.held.monitoring', help: 'export.held.help.monitoring' },
  contacts: { name: 'export.held.contacts', help: 'export.held.help.contacts' },
} as const;

export const MONITORING_QUESTION_KEY = {
  ageBand: 'monitoring.question.ageBand',
  gender: 'monitoring.question.gender',
  ethnicity: 'monitoring.question.ethnicity',
  disability: 'monitoring.question.disability',
} as const satisfies Record<MonitoringQuestion, string>;

/** By question, then answer: each question's answers are its own (shared/src/monitoring.ts). */
export const MONITORING_ANSWER_KEY = {
  ageBand: {
    under18: 'monitoring.answer.ageBand.under18',
    '18to24': 'monitoring.answer.ageBand.18to24',
    '25to34': 'monitoring.answer.ageBand.25to34',
    '35to49': 'monitoring.answer.ageBand.35to49',
    '50to64': 'monitoring.answer.ageBand.50to64',
    '65plus': 'monitoring.answer.ageBand.65plus',
    preferNotToSay: 'monitoring.answer.ageBand.preferNotToSay',
  },
  gender: {
    woman: 'monitoring.answer.gender.woman',
    man: 'monitoring.answer.gender.man',
    nonBinary: 'monitoring.answer.gender.nonBinary',
    selfDescribe: 'monitoring.answer.gender.selfDescribe',
    preferNotToSay: 'monitoring.answer.gender.preferNotToSay',
  },
  ethnicity: {
    asian: 'monitoring.answer.ethnicity.asian',
    black: 'monitoring.answer.ethnicity.black',
    mixed: 'monitoring.answer.ethnicity.mixed',
    white: 'monitoring.answer.ethnicity.white',
    arab: 'monitoring.answer.ethnicity.arab',
    other: 'monitoring.answer.ethnicity.other',
    preferNotToSay: 'monitoring.answer.ethnicity.preferNotToSay',
  },
  disability: {
    yes: 'monitoring.answer.disability.yes',
    no: 'monitoring.answer.disability.no',
    preferNotToSay: 'monitoring.answer.disability.preferNotToSay',
  },
} as const satisfies AnswerKeys;
