import * as Y from 'yjs';
import {
  addAction,
  createTheme,
  getAnswersMap,
  getObjectsMap,
  getRoundsMap,
  getSettingsMap,
  getVotesMap,
  insertObject,
  markDuplicate,
  setTags,
  updateAction,
  writeStatement,
  type EngagementStatement,
  type NewBoardObject,
} from '@clapboard/shared';

/**
 * Fixture boards for the findings tests, built in code with fixed ids, the
 * way the server and the clients write them: objects through insertObject,
 * themes and tags through the synthesis operations, actions through
 * addAction/updateAction, and the server-written roots (rounds, answers,
 * votes) as the server's services lay them out.
 *
 * `history: 'alternate'` builds the same content by another path: objects in
 * reverse order, by another Yjs client, with text typed in pieces, a note
 * added and deleted, a colour changed and changed back, a tag list set
 * twice. The findings must not see the difference.
 */
export interface FixtureBoard {
  content: Y.Doc;
  control: Y.Doc;
}

export interface FixtureOptions {
  history?: 'direct' | 'alternate';
}

interface AnswerSpec {
  id: string;
  text: string;
  lang?: string;
  roundId?: string;
  anonymousNote?: true;
  hiddenReason?: string;
  at: { x: number; y: number; frameId: string | null };
  color: 'yellow' | 'blue' | 'teal' | 'pink';
}

interface BoardSpec {
  title: string;
  statement: EngagementStatement;
  objects: NewBoardObject[];
  answers: AnswerSpec[];
  rounds: Array<{ id: string; prompt: string; translations?: Record<string, string>; k: number; count: number; state: 'open' | 'closed' | 'revealed'; frameId?: string }>;
  votes: Array<{ id: string; perPerson: number; targets: string[]; ballots: number | null; counts: Record<string, number> | null; state: 'open' | 'closed' }>;
  themes: Array<{ id: string; name: string; description: string; noteIds: string[]; color: 'gray' | 'teal' | 'violet'; origin: 'manual' | 'suggested' }>;
  tags: Record<string, string[]>;
  duplicates: Record<string, string>;
  actions: Array<{ id: string; themeId: string; kind: 'did' | 'will' | 'cannot'; text: string; reason?: string; owner: string; due: string | null; on: string; then?: { status: 'in-progress' | 'done' | 'not-possible'; text?: string; on: string } }>;
}

const note = (id: string, text: string, x: number, y: number, frameId: string | null, color: 'yellow' | 'orange' | 'green' | 'blue' | 'pink' = 'yellow'): NewBoardObject => ({
  type: 'note',
  id,
  x,
  y,
  width: 200,
  height: 200,
  z: 10,
  frameId,
  color,
  text,
});
const frame = (id: string, text: string, x: number, y: number): NewBoardObject => ({ type: 'frame', id, x, y, width: 1000, height: 800, z: 1, frameId: null, text });


export const ENGLISH_SPEC: BoardSpec = {
  title: 'Housing advice workshop, March',
  statement: {
    purpose: 'Improve how the council gives housing advice to people seeking asylum.',
    level: 'consult',
    canChange: 'Opening hours, interpreters, how appointments are booked.',
    cannotChange: 'Eligibility rules set by national law.',
    inputUse: 'The housing team reads every note and reports to the advice board.',
    feedback: 'A "you said, we did" page on this board within six weeks.',
    runBy: 'City Council housing team with Refugee Action Group',
    deleteOn: '2027-06-30',
  },
  objects: [
    frame('frameWorks', 'What works', 0, 0),
    frame('frameChange', 'What needs to change', 1200, 0),
    frame('round-rnd0000000000001', 'What would make advice easier to get?', 2400, 0),
    note('noteA', 'Interpreters at the advice desk made all the difference', 40, 100, 'frameWorks', 'green'),
    note('noteB', 'Drop-in on Saturdays, "no appointment" needed', 300, 100, 'frameWorks', 'green'),
    note('noteC', 'We need interpreters for Tigrinya and Dari at every appointment', 1240, 100, 'frameChange', 'orange'),
    note('noteD', 'Bus fares to the office cost more than a day of food,\nplease refund travel', 1500, 100, 'frameChange', 'orange'),
    note('noteE', 'We need interpreters for Tigrinya at every appointment', 1240, 400, 'frameChange', 'pink'),
    note('noteF', '=HYPERLINK("http://example.invalid") travel costs', 1500, 400, 'frameChange', 'blue'),
    note('noteG', 'Letters are only in English', 200, 1200, null, 'yellow'),
  ],
  answers: [
    { id: 'ans00000000000001', roundId: 'rnd0000000000001', text: 'An interpreter who calls back within a week', lang: 'en', at: { x: 2440, y: 100, frameId: 'round-rnd0000000000001' }, color: 'teal' },
    { id: 'ans00000000000002', roundId: 'rnd0000000000001', text: 'Written on paper at the drop-in: advice by phone in Arabic', at: { x: 2700, y: 100, frameId: 'round-rnd0000000000001' }, color: 'teal' },
    { id: 'ans00000000000003', roundId: 'rnd0000000000001', text: '', hiddenReason: 'Named a member of staff', at: { x: 2440, y: 400, frameId: 'round-rnd0000000000001' }, color: 'teal' },
    { id: 'ans00000000000004', anonymousNote: true, text: 'I was afraid to ask twice', at: { x: 600, y: 1200, frameId: null }, color: 'pink' },
  ],
  rounds: [
    {
      id: 'rnd0000000000001',
      prompt: 'What would make advice easier to get?',
      translations: { fa: 'چه چیزی دریافت مشاوره را آسان‌تر می‌کند؟', ar: 'ما الذي يجعل الحصول على المشورة أسهل؟' },
      k: 3,
      count: 3,
      state: 'revealed',
      frameId: 'round-rnd0000000000001',
    },
  ],
  votes: [
    { id: 'vote000000000001', perPerson: 2, targets: ['noteA', 'noteB', 'noteC', 'noteD'], ballots: 4, counts: { noteA: 3, noteB: 1, noteC: 4, noteD: 0 }, state: 'closed' },
    { id: 'vote000000000002', perPerson: 1, targets: ['noteG'], ballots: null, counts: null, state: 'open' },
  ],
  themes: [
    { id: 'themeInterp', name: 'Interpreters', description: 'Language support at the desk and at appointments.', noteIds: ['noteA', 'noteC', 'noteE', 'ans00000000000001', 'ans00000000000002'], color: 'teal', origin: 'manual' },
    { id: 'themeTravel', name: 'Travel costs', description: '', noteIds: ['noteD', 'noteF'], color: 'violet', origin: 'suggested' },
  ],
  tags: { noteC: ['languages', 'urgent'], noteD: ['money'] },
  duplicates: { noteE: 'noteC' },
  actions: [
    {
      id: 'actInterp1',
      themeId: 'themeInterp',
      kind: 'will',
      text: 'Book a Tigrinya and a Dari interpreter for every Tuesday clinic',
      owner: 'Housing team',
      due: '2027-02-01',
      on: '2026-12-01',
      then: { status: 'in-progress', on: '2026-12-15' },
    },
    { id: 'actTravel1', themeId: 'themeTravel', kind: 'cannot', text: 'Refund bus fares', reason: 'the advice budget cannot pay for travel this year', owner: 'Advice board', due: null, on: '2026-12-02' },
  ],
};

export const ARABIC_SPEC: BoardSpec = {
  title: 'ورشة السكن',
  statement: {
    purpose: 'تحسين خدمات السكن لطالبي اللجوء.',
    level: 'involve',
    canChange: 'مواعيد العمل والمترجمون.',
    cannotChange: 'القوانين الوطنية.',
    inputUse: 'يقرأ فريق السكن كل ملاحظة.',
    feedback: 'صفحة "قلتم، فعلنا" خلال ستة أسابيع.',
    runBy: 'مجلس المدينة',
    deleteOn: '2027-06-30',
  },
  objects: [
    frame('frameAr1', 'ما الذي ينجح', 0, 0),
    note('noteAr1', 'المترجمون في المكتب ساعدونا كثيرا', 40, 100, 'frameAr1', 'green'),
    note('noteAr2', 'نحتاج مترجمين في كل موعد', 300, 100, 'frameAr1', 'green'),
    note('noteFa1', 'به مترجم در هر جلسه نیاز داریم', 40, 400, 'frameAr1', 'blue'),
    note('noteAr3', 'الرسائل بالإنجليزية فقط', 300, 400, null, 'yellow'),
  ],
  answers: [{ id: 'ansAr0000000001', roundId: 'rndAr00000000001', text: 'مكالمة هاتفية باللغة العربية', lang: 'ar', at: { x: 40, y: 1000, frameId: null }, color: 'teal' }],
  rounds: [{ id: 'rndAr00000000001', prompt: 'ما الذي يساعدك أكثر؟', translations: { en: 'What helps you most?' }, k: 2, count: 2, state: 'revealed' }],
  votes: [{ id: 'voteAr0000000001', perPerson: 1, targets: ['noteAr1', 'noteAr2'], ballots: 3, counts: { noteAr1: 1, noteAr2: 2 }, state: 'closed' }],
  themes: [{ id: 'themeAr1', name: 'المترجمون', description: 'الدعم اللغوي', noteIds: ['noteAr1', 'noteAr2', 'noteFa1', 'ansAr0000000001'], color: 'teal', origin: 'manual' }],
  tags: { noteAr2: ['لغة'] },
  duplicates: {},
  actions: [{ id: 'actAr1', themeId: 'themeAr1', kind: 'did', text: 'عيّنا مترجما يوم الثلاثاء', owner: 'فريق السكن', due: null, on: '2026-12-01', then: { status: 'done', on: '2026-12-10' } }],
};

export function buildFixture(spec: BoardSpec, options: FixtureOptions = {}): FixtureBoard {
  const alternate = options.history === 'alternate';
  const content = new Y.Doc();
  const control = new Y.Doc();
  const order = <T>(list: readonly T[]) => (alternate ? [...list].reverse() : [...list]);

  control.transact(() => {
    if (alternate) getSettingsMap(control).set('title', 'Draft title');
    getSettingsMap(control).set('title', spec.title);
    writeStatement(control, alternate ? { ...spec.statement, purpose: 'draft' } : spec.statement);
    if (alternate) writeStatement(control, spec.statement);
  });

  for (const object of order(spec.objects)) {
    content.transact(() => {
      if (!alternate || !('text' in object)) {
        insertObject(content, object);
        return;
      }
      // Typed in two pieces, the way a person types.
      const text = object.text;
      const id = insertObject(content, { ...object, text: text.slice(0, Math.ceil(text.length / 2)) });
      const ytext = (getObjectsMap(content).get(id) as Y.Map<unknown>).get('text') as Y.Text;
      ytext.insert(ytext.length, text.slice(Math.ceil(text.length / 2)));
      if (object.type === 'note') {
        const map = getObjectsMap(content).get(id) as Y.Map<unknown>;
        map.set('color', 'gray');
        map.set('color', object.color);
      }
    });
  }
  if (alternate) {
    content.transact(() => insertObject(content, { ...(note('scratch', 'deleted later', 0, 0, null) as object), id: 'scratch' } as NewBoardObject));
    content.transact(() => getObjectsMap(content).delete('scratch'));
  }

  // The server's writes: rounds (control), answer cards and their words (content), votes (control).
  control.transact(() => {
    for (const round of order(spec.rounds)) {
      const map = new Y.Map<unknown>();
      getRoundsMap(control).set(round.id, map);
      map.set('state', round.state);
      map.set('prompt', round.prompt);
      map.set('count', round.count);
      map.set('k', round.k);
      if (round.translations) map.set('translations', round.translations);
      if (round.frameId) map.set('frameId', round.frameId);
    }
    for (const vote of order(spec.votes)) {
      const map = new Y.Map<unknown>();
      getVotesMap(control).set(vote.id, map);
      for (const [field, value] of Object.entries({ state: vote.state, access: 'anyone', perPerson: vote.perPerson, targets: vote.targets, publicKey: null, ballots: vote.ballots, counts: vote.counts })) map.set(field, value);
    }
  });
  content.transact(() => {
    for (const answer of order(spec.answers)) {
      insertObject(content, { type: 'answer', id: answer.id, x: answer.at.x, y: answer.at.y, width: 200, height: 200, z: 20, frameId: answer.at.frameId, color: answer.color, answerId: answer.id });
      const words = new Y.Map<unknown>();
      getAnswersMap(content).set(answer.id, words);
      words.set('text', answer.text);
      if (answer.lang) words.set('lang', answer.lang);
      if (answer.roundId) words.set('roundId', answer.roundId);
      if (answer.anonymousNote) words.set('anonymousNote', true);
      if (answer.hiddenReason) {
        words.set('hidden', true);
        words.set('hiddenReason', answer.hiddenReason);
      }
    }
  });

  content.transact(() => {
    for (const theme of order(spec.themes)) {
      createTheme(content, { id: theme.id, name: theme.name, description: theme.description, noteIds: alternate ? [...theme.noteIds].reverse() : theme.noteIds, color: theme.color, origin: theme.origin });
    }
    for (const [noteId, tags] of Object.entries(spec.tags)) {
      if (alternate) setTags(content, noteId, ['placeholder']);
      setTags(content, noteId, tags);
    }
    for (const [noteId, original] of Object.entries(spec.duplicates)) markDuplicate(content, noteId, original);
  });

  for (const action of order(spec.actions)) {
    const added = addAction(control, { id: action.id, themeId: action.themeId, kind: action.kind, text: action.text, reason: action.reason ?? '', owner: action.owner, due: action.due }, action.on);
    if (!added.ok) throw new Error(`fixture action ${action.id}: ${added.message}`);
    if (action.then) {
      const updated = updateAction(control, action.id, { status: action.then.status, ...(action.then.text ? { text: action.then.text } : {}) }, action.then.on);
      if (!updated.ok) throw new Error(`fixture action ${action.id}: ${updated.message}`);
    }
  }
  return { content, control };
}

export const englishBoard = (options?: FixtureOptions) => buildFixture(ENGLISH_SPEC, options);
export const arabicBoard = (options?: FixtureOptions) => buildFixture(ARABIC_SPEC, options);
