import type { FindingsLabels } from './types.ts';

/** Persian (also read by Dari speakers), in the interface's words (client/src/i18n/locales/fa.ts): rounds are "anonymous questions", frames "sections". */
export const fa = {
  dateLocale: 'fa',
  docxLanguage: 'fa-IR',
  direction: 'rtl',
  colon: ':',
  listSeparator: '، ',
  detailSeparator: '؛ ',
  quote: (text) => `«${text}»`,
  // A noun after a number stays singular in Persian.
  counts: {
    note: { one: '# یادداشت', other: '# یادداشت' },
    dot: { one: '# نقطه', other: '# نقطه' },
    answer: { one: '# پاسخ', other: '# پاسخ' },
    ballot: { one: '# برگه رأی', other: '# برگه رأی' },
  },

  untitledBoard: 'تخته بی‌نام',
  intro: 'یافته‌های صادرشده از Clapboard. به جای افراد فقط تعدادها آمده است: هیچ چیز در اینجا نشان نمی‌دهد چه کسی چه نوشته است.',
  generatedOn: (day) => `یافته‌ها، تهیه‌شده در ${day}. به جای افراد فقط تعدادها آمده است: هیچ چیز در اینجا نشان نمی‌دهد چه کسی چه نوشته است.`,
  docxDescription: 'یافته‌های صادرشده از Clapboard',

  about: { heading: 'درباره این مشارکت', level: 'سطح مشارکت (طیف IAP2)', none: 'این تخته بیانیه مشارکت ندارد.' },
  levels: { inform: 'آگاه‌سازی', consult: 'مشورت', involve: 'مشارکت دادن', collaborate: 'همکاری', empower: 'توانمندسازی' },
  statement: {
    purpose: 'هدف',
    canChange: 'چه چیزهایی می‌تواند عوض شود',
    cannotChange: 'چه چیزهایی نمی‌تواند عوض شود',
    inputUse: 'از گفته‌های افراد چگونه استفاده می‌شود',
    feedback: 'افراد چگونه از نتیجه باخبر می‌شوند',
    runBy: 'برگزارکننده',
    deleteOn: 'تاریخ حذف داده‌ها',
  },

  participation: {
    heading: 'مشارکت',
    what: 'مورد',
    count: 'تعداد',
    notes: 'یادداشت‌ها',
    anonymousNotes: 'یادداشت‌های ناشناس',
    answers: 'پاسخ‌ها به پرسش‌های ناشناس',
    rounds: 'پرسش‌های ناشناس',
    votes: 'رأی‌گیری‌ها',
    themes: 'موضوع‌ها',
    actions: 'اقدام‌ها',
    round: (prompt, answers) => `پرسش ${prompt}: ${answers}`,
    vote: (number, dots, access, ballots) => `رأی‌گیری ${number} (${dots} برای هر نفر، ${access}): ${ballots}`,
    access: { anyone: 'باز برای هر کسی که پیوند را دارد', codes: 'با کد رأی‌گیری' },
    stillOpen: 'هنوز باز است',
  },

  themes: {
    heading: 'موضوع‌ها',
    none: 'هنوز موضوعی نیست.',
    untitled: 'موضوع بی‌نام',
    summary: (notes, dots, suggested) => `${notes}، ${dots} در رأی‌گیری‌ها${suggested ? '، پیشنهادشده از سوی تخته و پذیرفته‌شده از سوی یک تسهیل‌گر' : ''}.`,
    quotes: 'به زبان خود افراد',
    saidDid: 'شما گفتید، ما انجام دادیم',
    nothingYet: 'هنوز چیزی ثبت نشده است.',
    notes: 'یادداشت‌ها',
  },

  actions: {
    kinds: { did: 'انجام دادیم', will: 'انجام خواهیم داد', cannot: 'نمی‌توانیم' },
    statuses: { planned: 'برنامه‌ریزی شده', 'in-progress': 'در حال انجام', done: 'انجام شد', 'not-possible': 'ممکن نیست' },
    owner: (owner) => `مسئول: ${owner}`,
    due: (day) => `مهلت: ${day}`,
    because: (text, reason) => `${text}، چون ${reason}`,
  },

  rounds: {
    heading: 'پرسش‌های ناشناس',
    none: 'پرسش ناشناسی نبود.',
    appendix: 'پیوست: همه پاسخ‌ها',
    appendixNone: 'این تخته پرسش ناشناسی نداشت.',
    states: { open: 'باز', closed: 'بسته، آشکار نشده', revealed: 'آشکار شده' },
    summary: (state, answers) => `${state}؛ ${answers}.`,
  },

  hidden: (reason) => `تسهیل‌گر این را پنهان کرده است: ${reason}`,

  unthemed: { heading: 'یادداشت‌های بیرون از موضوع‌ها', none: 'همه یادداشت‌ها در موضوعی هستند.' },
  frames: { heading: 'بخش‌ها', none: 'بخشی نیست.', untitled: 'بخش بی‌نام' },

  notes: {
    note: (colour) => `یادداشت ${colour}`,
    answer: 'پاسخ ناشناس',
    anonymousNote: 'یادداشت ناشناس',
    inFrame: (frame) => `در ${frame}`,
    tags: (tags) => `برچسب‌ها: ${tags}`,
    duplicate: 'تکراری',
    inThemes: (themes) => `در موضوع‌های ${themes}`,
    empty: '(خالی)',
  },
  colours: { yellow: 'زرد', orange: 'نارنجی', red: 'قرمز', pink: 'صورتی', violet: 'بنفش', blue: 'آبی', teal: 'سبزآبی', green: 'سبز', gray: 'خاکستری' },
} satisfies FindingsLabels;
