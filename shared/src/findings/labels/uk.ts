import type { FindingsLabels } from './types.ts';

/** Ukrainian, in the interface's words (client/src/i18n/locales/uk.ts): rounds are "anonymous questions", frames "zones", dots "votes". */
export const uk = {
  dateLocale: 'uk',
  docxLanguage: 'uk-UA',
  direction: 'ltr',
  colon: ':',
  listSeparator: ', ',
  detailSeparator: '; ',
  quote: (text) => `«${text}»`,
  counts: {
    note: { one: '# нотатка', few: '# нотатки', many: '# нотаток', other: '# нотатки' },
    dot: { one: '# голос', few: '# голоси', many: '# голосів', other: '# голосу' },
    answer: { one: '# відповідь', few: '# відповіді', many: '# відповідей', other: '# відповіді' },
    ballot: { one: '# бюлетень', few: '# бюлетені', many: '# бюлетенів', other: '# бюлетеня' },
  },

  untitledBoard: 'Дошка без назви',
  intro: 'Результати, експортовані з Clapboard. Замість людей тут лише числа: ніщо тут не показує, хто що написав.',
  generatedOn: (day) => `Результати, створені ${day}. Замість людей тут лише числа: ніщо тут не показує, хто що написав.`,
  docxDescription: 'Результати, експортовані з Clapboard',

  about: { heading: 'Про цей процес залучення', level: 'Рівень участі (спектр IAP2)', none: 'Ця дошка не має опису залучення.' },
  levels: { inform: 'Інформування', consult: 'Консультування', involve: 'Залучення', collaborate: 'Співпраця', empower: 'Передача повноважень' },
  statement: {
    purpose: 'Мета',
    canChange: 'Що може змінитися',
    cannotChange: 'Що не може змінитися',
    inputUse: 'Як буде використано сказане людьми',
    feedback: 'Як люди дізнаються про результати',
    runBy: 'Хто проводить',
    deleteOn: 'Дата видалення даних',
  },

  participation: {
    heading: 'Участь',
    what: 'Що',
    count: 'Кількість',
    notes: 'Нотатки',
    anonymousNotes: 'Анонімні нотатки',
    answers: 'Відповіді на анонімні питання',
    rounds: 'Анонімні питання',
    votes: 'Голосування',
    themes: 'Теми',
    actions: 'Дії',
    round: (prompt, answers) => `Питання ${prompt}: ${answers}`,
    vote: (number, dots, access, ballots) => `Голосування ${number} (${dots} на людину, ${access}): ${ballots}`,
    access: { anyone: 'відкрите для всіх, хто має посилання', codes: 'з кодами для голосування' },
    stillOpen: 'ще триває',
  },

  themes: {
    heading: 'Теми',
    none: 'Тем ще немає.',
    untitled: 'Тема без назви',
    summary: (notes, dots, suggested) => `${notes}, ${dots} у голосуваннях${suggested ? ', запропоновано дошкою і прийнято фасилітатором' : ''}.`,
    quotes: 'Словами людей',
    saidDid: 'Ви сказали — ми зробили',
    nothingYet: 'Поки нічого не записано.',
    notes: 'Нотатки',
  },

  actions: {
    kinds: { did: 'Ми зробили', will: 'Ми зробимо', cannot: 'Ми не можемо' },
    statuses: { planned: 'заплановано', 'in-progress': 'виконується', done: 'зроблено', 'not-possible': 'неможливо' },
    owner: (owner) => `відповідальні: ${owner}`,
    due: (day) => `термін: ${day}`,
    because: (text, reason) => `${text}, тому що ${reason}`,
  },

  rounds: {
    heading: 'Анонімні питання',
    none: 'Анонімних питань не було.',
    appendix: 'Додаток: усі відповіді',
    appendixNone: 'На цій дошці не було анонімних питань.',
    states: { open: 'Відкрите', closed: 'Закрите, відповіді не оприлюднено', revealed: 'Відповіді оприлюднено' },
    summary: (state, answers) => `${state}; ${answers}.`,
  },

  hidden: (reason) => `Приховано фасилітатором: ${reason}`,

  unthemed: { heading: 'Нотатки поза темами', none: 'Кожна нотатка належить до якоїсь теми.' },
  frames: { heading: 'Зони', none: 'Зон немає.', untitled: 'Зона без назви' },

  notes: {
    note: (colour) => `нотатка (${colour})`,
    answer: 'анонімна відповідь',
    anonymousNote: 'анонімна нотатка',
    inFrame: (frame) => `у зоні ${frame}`,
    tags: (tags) => `мітки: ${tags}`,
    duplicate: 'дублікат',
    inThemes: (themes) => `у темах ${themes}`,
    empty: '(порожньо)',
  },
  colours: { yellow: 'жовтий', orange: 'помаранчевий', red: 'червоний', pink: 'рожевий', violet: 'фіолетовий', blue: 'синій', teal: 'бірюзовий', green: 'зелений', gray: 'сірий' },
} satisfies FindingsLabels;
