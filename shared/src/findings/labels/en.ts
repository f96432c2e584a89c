import type { FindingsLabels } from './types.ts';

/** English: the reference set; every other language gives the same labels. */
export const en = {
  dateLocale: 'en-GB',
  docxLanguage: 'en-GB',
  direction: 'ltr',
  colon: ':',
  listSeparator: ', ',
  detailSeparator: '; ',
  quote: (text) => `“${text}”`,
  counts: {
    note: { one: '# note', other: '# notes' },
    dot: { one: '# dot', other: '# dots' },
    answer: { one: '# answer', other: '# answers' },
    ballot: { one: '# ballot', other: '# ballots' },
  },

  untitledBoard: 'Untitled board',
  intro: 'Findings exported from Clapboard. Counts stand in for people: nothing here says who wrote what.',
  generatedOn: (day) => `Findings, generated on ${day}. Counts stand in for people: nothing here says who wrote what.`,
  docxDescription: 'Findings exported from Clapboard',

  about: { heading: 'About this engagement', level: 'Level of participation (IAP2 spectrum)', none: 'This board has no engagement statement.' },
  levels: { inform: 'Inform', consult: 'Consult', involve: 'Involve', collaborate: 'Collaborate', empower: 'Empower' },
  statement: {
    purpose: 'Purpose',
    canChange: 'What can change',
    cannotChange: 'What cannot change',
    inputUse: 'How what people say will be used',
    feedback: 'How people will hear back',
    runBy: 'Run by',
    deleteOn: 'Data to be deleted on',
  },

  participation: {
    heading: 'Participation',
    what: 'What',
    count: 'Count',
    notes: 'Notes',
    anonymousNotes: 'Anonymous notes',
    answers: 'Answers to rounds',
    rounds: 'Rounds',
    votes: 'Votes',
    themes: 'Themes',
    actions: 'Actions',
    round: (prompt, answers) => `Round ${prompt}: ${answers}`,
    vote: (number, dots, access, ballots) => `Vote ${number} (${dots} each, ${access}): ${ballots}`,
    access: { anyone: 'open to anyone with the link', codes: 'with voting codes' },
    stillOpen: 'still open',
  },

  themes: {
    heading: 'Themes',
    none: 'No themes yet.',
    untitled: 'Untitled theme',
    summary: (notes, dots, suggested) => `${notes}, ${dots} in votes${suggested ? ', suggested by the board and accepted by a facilitator' : ''}.`,
    quotes: 'In people’s words',
    saidDid: 'You said, we did',
    nothingYet: 'Nothing recorded yet.',
    notes: 'Notes',
  },

  actions: {
    kinds: { did: 'We did', will: 'We will', cannot: 'We can’t' },
    statuses: { planned: 'planned', 'in-progress': 'in progress', done: 'done', 'not-possible': 'not possible' },
    owner: (owner) => `owner: ${owner}`,
    due: (day) => `due ${day}`,
    because: (text, reason) => `${text}, because ${reason}`,
  },

  rounds: {
    heading: 'Rounds',
    none: 'No rounds.',
    appendix: 'Appendix: every answer',
    appendixNone: 'This board had no rounds.',
    states: { open: 'Open', closed: 'Closed, not revealed', revealed: 'Revealed' },
    summary: (state, answers) => `${state}; ${answers}.`,
  },

  hidden: (reason) => `Hidden by a facilitator: ${reason}`,

  unthemed: { heading: 'Notes in no theme', none: 'Every note is in a theme.' },
  frames: { heading: 'Frames', none: 'No frames.', untitled: 'Untitled frame' },

  notes: {
    note: (colour) => `${colour} note`,
    answer: 'anonymous answer',
    anonymousNote: 'anonymous note',
    inFrame: (frame) => `in ${frame}`,
    tags: (tags) => `tags: ${tags}`,
    duplicate: 'a duplicate',
    inThemes: (themes) => `in themes ${themes}`,
    empty: '(empty)',
  },
  colours: { yellow: 'yellow', orange: 'orange', red: 'red', pink: 'pink', violet: 'violet', blue: 'blue', teal: 'teal', green: 'green', gray: 'grey' },
} satisfies FindingsLabels;
