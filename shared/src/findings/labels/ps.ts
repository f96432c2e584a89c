import type { FindingsLabels } from './types.ts';

/** Pashto, in the interface's words (client/src/i18n/locales/ps.ts): rounds are "anonymous questions", frames "areas". */
export const ps = {
  dateLocale: 'ps',
  docxLanguage: 'ps-AF',
  direction: 'rtl',
  colon: ':',
  listSeparator: '، ',
  detailSeparator: '؛ ',
  quote: (text) => `«${text}»`,
  counts: {
    note: { one: '# یادښت', other: '# یادښتونه' },
    dot: { one: '# ټکی', other: '# ټکي' },
    answer: { one: '# ځواب', other: '# ځوابونه' },
    ballot: { one: '# رایه پاڼه', other: '# رایه پاڼې' },
  },

  untitledBoard: 'بې نومه تخته',
  intro: 'له Clapboard څخه صادرې شوې موندنې. د خلکو پر ځای یوازې شمېرې راغلې دي: دلته هېڅ شی نه ښيي چې چا څه لیکلي دي.',
  generatedOn: (day) => `موندنې، په ${day} چمتو شوې. د خلکو پر ځای یوازې شمېرې راغلې دي: دلته هېڅ شی نه ښيي چې چا څه لیکلي دي.`,
  docxDescription: 'له Clapboard څخه صادرې شوې موندنې',

  about: { heading: 'د دې ګډون په اړه', level: 'د ګډون کچه (IAP2 طیف)', none: 'دا تخته د ګډون بیانیه نه لري.' },
  levels: { inform: 'خبرول', consult: 'مشوره', involve: 'شاملول', collaborate: 'همکاري', empower: 'واک ورکول' },
  statement: {
    purpose: 'موخه',
    canChange: 'څه بدلېدای شي',
    cannotChange: 'څه نه شي بدلېدای',
    inputUse: 'د خلکو خبرې به څنګه وکارول شي',
    feedback: 'خلک به څنګه خبر شي',
    runBy: 'چلوونکی',
    deleteOn: 'د معلوماتو د ړنګولو نېټه',
  },

  participation: {
    heading: 'ګډون',
    what: 'څه',
    count: 'شمېر',
    notes: 'یادښتونه',
    anonymousNotes: 'بې نومه یادښتونه',
    answers: 'بې نومو پوښتنو ته ځوابونه',
    rounds: 'بې نومه پوښتنې',
    votes: 'رایه ګیرۍ',
    themes: 'موضوعګانې',
    actions: 'کړنې',
    round: (prompt, answers) => `پوښتنه ${prompt}: ${answers}`,
    vote: (number, dots, access, ballots) => `رایه ګیري ${number} (هر کس ته ${dots}، ${access}): ${ballots}`,
    access: { anyone: 'هر چا ته پرانیستې چې لینک لري', codes: 'د رایې له کوډونو سره' },
    stillOpen: 'لا پرانیستې ده',
  },

  themes: {
    heading: 'موضوعګانې',
    none: 'تر اوسه موضوع نشته.',
    untitled: 'بې نومه موضوع',
    summary: (notes, dots, suggested) => `${notes}، په رایه ګیرۍ کې ${dots}${suggested ? '، د تختې وړاندیز چې یوه تسهیلوونکي منلی' : ''}.`,
    quotes: 'د خلکو په خپلو خبرو',
    saidDid: 'تاسو وویل، موږ وکړل',
    nothingYet: 'تر اوسه هېڅ نه دي ثبت شوي.',
    notes: 'یادښتونه',
  },

  actions: {
    kinds: { did: 'موږ وکړل', will: 'موږ به یې وکړو', cannot: 'موږ یې نه شو کولی' },
    statuses: { planned: 'پلان شوی', 'in-progress': 'روان دی', done: 'شوی', 'not-possible': 'ممکن نه دی' },
    owner: (owner) => `مسؤل: ${owner}`,
    due: (day) => `تر ${day} پورې`,
    because: (text, reason) => `${text}، ځکه چې ${reason}`,
  },

  rounds: {
    heading: 'بې نومه پوښتنې',
    none: 'بې نومه پوښتنې نه وې.',
    appendix: 'ضمیمه: ټول ځوابونه',
    appendixNone: 'په دې تخته کې بې نومه پوښتنې نه وې.',
    states: { open: 'پرانیستې', closed: 'بنده، نه ده ښکاره شوې', revealed: 'ښکاره شوې' },
    summary: (state, answers) => `${state}؛ ${answers}.`,
  },

  hidden: (reason) => `د تسهیلوونکي لخوا پټ شوی: ${reason}`,

  unthemed: { heading: 'هغه یادښتونه چې په هېڅ موضوع کې نه دي', none: 'هر یادښت په یوه موضوع کې دی.' },
  frames: { heading: 'ساحې', none: 'ساحې نشته.', untitled: 'بې نومه ساحه' },

  notes: {
    note: (colour) => `${colour} یادښت`,
    answer: 'بې نومه ځواب',
    anonymousNote: 'بې نومه یادښت',
    inFrame: (frame) => `په ${frame} کې`,
    tags: (tags) => `ټګونه: ${tags}`,
    duplicate: 'تکراري',
    inThemes: (themes) => `په موضوعګانو ${themes} کې`,
    empty: '(تش)',
  },
  colours: { yellow: 'ژیړ', orange: 'نارنجي', red: 'سور', pink: 'ګلابي', violet: 'بنفش', blue: 'آبي', teal: 'فیروزه‌يي', green: 'شین', gray: 'خړ' },
} satisfies FindingsLabels;
