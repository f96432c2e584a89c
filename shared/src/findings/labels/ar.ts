import type { FindingsLabels } from './types.ts';

/** Arabic (Modern Standard Arabic), in the interface's words (client/src/i18n/locales/ar.ts): rounds are "questions", frames "areas". */
export const ar = {
  dateLocale: 'ar',
  docxLanguage: 'ar-SA',
  direction: 'rtl',
  colon: ':',
  listSeparator: '، ',
  detailSeparator: '؛ ',
  quote: (text) => `«${text}»`,
  counts: {
    // One and two are said without the number, as in the interface ("ملاحظة واحدة", "ملاحظتان").
    note: { zero: '# ملاحظة', one: 'ملاحظة واحدة', two: 'ملاحظتان', few: '# ملاحظات', many: '# ملاحظة', other: '# ملاحظة' },
    dot: { zero: '# نقطة', one: 'نقطة واحدة', two: 'نقطتان', few: '# نقاط', many: '# نقطة', other: '# نقطة' },
    answer: { zero: '# إجابة', one: 'إجابة واحدة', two: 'إجابتان', few: '# إجابات', many: '# إجابة', other: '# إجابة' },
    ballot: { zero: '# بطاقة اقتراع', one: 'بطاقة اقتراع واحدة', two: 'بطاقتا اقتراع', few: '# بطاقات اقتراع', many: '# بطاقة اقتراع', other: '# بطاقة اقتراع' },
  },

  untitledBoard: 'لوحة بلا عنوان',
  intro: 'نتائج صُدِّرت من Clapboard. الأعداد تقوم مقام الأشخاص: لا شيء هنا يدل على من كتب ماذا.',
  generatedOn: (day) => `نتائج أُعدّت بتاريخ ${day}. الأعداد تقوم مقام الأشخاص: لا شيء هنا يدل على من كتب ماذا.`,
  docxDescription: 'نتائج صُدِّرت من Clapboard',

  about: { heading: 'عن هذه المشاركة', level: 'مستوى المشاركة (طيف IAP2)', none: 'ليس لهذه اللوحة بيان مشاركة.' },
  levels: { inform: 'الإعلام', consult: 'الاستشارة', involve: 'الإشراك', collaborate: 'التعاون', empower: 'التمكين' },
  statement: {
    purpose: 'الغرض',
    canChange: 'ما الذي يمكن أن يتغيّر',
    cannotChange: 'ما الذي لا يمكن أن يتغيّر',
    inputUse: 'كيف سيُستخدم ما يقوله الناس',
    feedback: 'كيف سيصل الرد إلى الناس',
    runBy: 'الجهة المنظِّمة',
    deleteOn: 'تاريخ حذف البيانات',
  },

  participation: {
    heading: 'المشاركة',
    what: 'البند',
    count: 'العدد',
    notes: 'الملاحظات',
    anonymousNotes: 'الملاحظات مجهولة الهوية',
    answers: 'الإجابات عن الأسئلة',
    rounds: 'الأسئلة ذات الإجابات مجهولة الهوية',
    votes: 'عمليات التصويت',
    themes: 'المواضيع',
    actions: 'الإجراءات',
    round: (prompt, answers) => `السؤال ${prompt}: ${answers}`,
    vote: (number, dots, access, ballots) => `التصويت ${number} (${dots} لكل شخص، ${access}): ${ballots}`,
    access: { anyone: 'مفتوح لكل من لديه الرابط', codes: 'برموز تصويت' },
    stillOpen: 'ما زال مفتوحًا',
  },

  themes: {
    heading: 'المواضيع',
    none: 'لا توجد مواضيع بعد.',
    untitled: 'موضوع بلا عنوان',
    summary: (notes, dots, suggested) => `${notes}، ${dots} في التصويت${suggested ? '، اقترحته اللوحة وقبله أحد الميسّرين' : ''}.`,
    quotes: 'بكلمات الناس',
    saidDid: 'قلتم، وفعلنا',
    nothingYet: 'لم يُسجَّل شيء بعد.',
    notes: 'الملاحظات',
  },

  actions: {
    kinds: { did: 'فعلنا', will: 'سنفعل', cannot: 'لا نستطيع' },
    statuses: { planned: 'مخطط له', 'in-progress': 'قيد التنفيذ', done: 'تم', 'not-possible': 'غير ممكن' },
    owner: (owner) => `المسؤول: ${owner}`,
    due: (day) => `الموعد: ${day}`,
    because: (text, reason) => `${text}، لأن ${reason}`,
  },

  rounds: {
    heading: 'الأسئلة ذات الإجابات مجهولة الهوية',
    none: 'لا توجد أسئلة.',
    appendix: 'ملحق: كل الإجابات',
    appendixNone: 'لم تُطرح على هذه اللوحة أسئلة.',
    states: { open: 'مفتوح', closed: 'مغلق، ولم تُكشف الإجابات', revealed: 'الإجابات مكشوفة' },
    summary: (state, answers) => `${state}؛ ${answers}.`,
  },

  hidden: (reason) => `أخفاها أحد الميسّرين: ${reason}`,

  unthemed: { heading: 'ملاحظات خارج المواضيع', none: 'كل الملاحظات ضمن مواضيع.' },
  frames: { heading: 'المناطق', none: 'لا توجد مناطق.', untitled: 'منطقة بلا اسم' },

  notes: {
    note: (colour) => `ملاحظة لونها ${colour}`,
    answer: 'إجابة مجهولة الهوية',
    anonymousNote: 'ملاحظة مجهولة الهوية',
    inFrame: (frame) => `في ${frame}`,
    tags: (tags) => `الوسوم: ${tags}`,
    duplicate: 'مكرّرة',
    inThemes: (themes) => `في المواضيع ${themes}`,
    empty: '(فارغة)',
  },
  colours: { yellow: 'أصفر', orange: 'برتقالي', red: 'أحمر', pink: 'وردي', violet: 'بنفسجي', blue: 'أزرق', teal: 'فيروزي', green: 'أخضر', gray: 'رمادي' },
} satisfies FindingsLabels;
