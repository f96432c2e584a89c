import { Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun, type ParagraphChild } from 'docx';
import {
  DEFAULT_FINDINGS_LANGUAGE,
  STATEMENT_LABEL_FIELDS,
  findingsLocale,
  type Findings,
  type FindingsAction,
  type FindingsLanguage,
  type FindingsLocale,
  type FindingsNote,
  type FindingsTranslation,
} from '@clapboard/shared/findings';
import { textDirection } from '@clapboard/shared/render';

export interface DocxOptions {
  /** `YYYY-MM-DD`, printed on the title page. Only the DOCX carries a date: the text exports must be byte-identical. */
  generatedOn: string;
  /** The language of the headings and labels (people's words are as written); English when absent. */
  lang?: FindingsLanguage;
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
}

type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];

interface ParagraphStyle {
  heading?: Heading;
  bullet?: boolean;
  indent?: boolean;
  pageBreakBefore?: boolean;
}

/** First strong character in a right-to-left script (Arabic, Persian, Hebrew…). */
const isRtl = (text: string) => textDirection(text) === 'rtl';

/** Unicode first-strong isolate: keeps a language code or a run of details from being reordered into the words around it. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * The DOCX's paragraphs and runs, in one language. A report in a
 * right-to-left language (Arabic, Persian, Pashto) is laid out in
 * right-to-left paragraphs, its own words in right-to-left runs. In any
 * report, a paragraph of people's words that start in a right-to-left
 * script is right-to-left too, and those words in right-to-left runs: Word
 * then lays the line out from the right and orders mixed Latin/Arabic runs
 * correctly, which a left-to-right paragraph of Arabic does not. Line
 * breaks in people's words are kept.
 */
function docxWriter({ labels }: FindingsLocale) {
  const rtlReport = labels.direction === 'rtl';
  /** Words of the report itself (headings, labels), in the report's direction. */
  const label = (text: string, style: RunStyle = {}) => new TextRun({ text, ...style, ...(rtlReport ? { rightToLeft: true } : {}) });
  /** People's words, line by line, in their own direction. */
  const words = (text: string, style: RunStyle = {}): TextRun[] => {
    const rtl = isRtl(text);
    return text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}), ...style, ...(rtl ? { rightToLeft: true } : {}) }));
  };
  /** A paragraph: right-to-left in a right-to-left report, or when the people's words it holds (`text`) start right-to-left. */
  const paragraph = (children: ParagraphChild[], style: ParagraphStyle = {}, text = '') =>
    new Paragraph({
      children,
      ...(style.heading ? { heading: style.heading } : {}),
      ...(style.bullet ? { bullet: { level: 0 } } : {}),
      ...(style.indent ? { indent: { start: 720 } } : {}),
      ...(style.pageBreakBefore ? { pageBreakBefore: true } : {}),
      ...(rtlReport || isRtl(text) ? { bidirectional: true } : {}),
    });
  return {
    /** A heading of the report's own words. */
    heading: (text: string, level: Heading, pageBreakBefore = false) => paragraph([label(text)], { heading: level, pageBreakBefore }),
    /** A heading that is people's words (a title, a theme's name, a prompt). */
    wordsHeading: (text: string, level: Heading, pageBreakBefore = false) => paragraph(words(text), { heading: level, pageBreakBefore }, text),
    /** A paragraph of the report's own words. */
    plain: (text: string, style: RunStyle = {}) => paragraph([label(text, style)]),
    /** People's words, after an optional bold label. */
    words: (text: string, options: ParagraphStyle & { prefix?: string; style?: RunStyle } = {}) =>
      paragraph([...(options.prefix ? [label(options.prefix, { bold: true })] : []), ...words(text, options.style)], options, text),
    /** A translation beneath its original: the language code, then its words, in italics, indented. */
    translation: ({ lang, text }: FindingsTranslation) => paragraph([label(`${isolate(`(${lang})`)} `, { italics: true }), ...words(text, { italics: true })], { indent: true }, text),
    /** A count with its label: "Notes: 7". */
    counted: (name: string, count: number) => paragraph([label(`${name}${labels.colon} `), label(String(count), { bold: true })], { bullet: true }),
    label,
    paragraph,
    wordsRuns: words,
  };
}

type DocxWriter = ReturnType<typeof docxWriter>;

/**
 * The Word report (councils work in Word): a title page with the engagement
 * statement, participation counts, a section per theme with its quotes and
 * "you said, we did" actions and its notes, the notes in no theme, and an
 * appendix with every round's prompt, translations and answers. Headings
 * and labels in `lang`, the document's language set to it; people's words
 * as they wrote them, each with its translations beneath. Built from the
 * findings only, so it holds nothing the JSON does not.
 */
export async function findingsToDocx(findings: Findings, options: DocxOptions): Promise<Uint8Array> {
  const locale = findingsLocale(options.lang ?? DEFAULT_FINDINGS_LANGUAGE);
  const { labels: L, count, day } = locale;
  const w = docxWriter(locale);
  const title = findings.board.title || L.untitledBoard;
  const notes = new Map(findings.notes.map((note) => [note.id, note]));
  const frames = new Map(findings.frames.map((frame) => [frame.id, frame.title]));
  const body: Paragraph[] = [];

  body.push(w.wordsHeading(title, HeadingLevel.TITLE));
  body.push(w.plain(L.generatedOn(day(options.generatedOn)), { italics: true }));
  body.push(w.heading(L.about.heading, HeadingLevel.HEADING_1));
  if (findings.statement) {
    const statement = findings.statement;
    body.push(w.paragraph([w.label(`${L.about.level}${L.colon} `, { bold: true }), w.label(L.levels[statement.level])]));
    for (const field of STATEMENT_LABEL_FIELDS) {
      const prefix = `${L.statement[field]}${L.colon} `;
      body.push(field === 'deleteOn' ? w.paragraph([w.label(prefix, { bold: true }), w.label(day(statement.deleteOn))]) : w.words(statement[field], { prefix }));
    }
  } else {
    body.push(w.plain(L.about.none));
  }
  const p = findings.participation;
  body.push(w.heading(L.participation.heading, HeadingLevel.HEADING_1));
  for (const [name, n] of [
    [L.participation.notes, p.notes],
    [L.participation.anonymousNotes, p.anonymousNotes],
    [L.participation.answers, p.answers],
    [L.participation.rounds, p.rounds.length],
    [L.participation.votes, p.votes.length],
    [L.participation.themes, p.themes],
    [L.participation.actions, p.actions],
  ] as const) {
    body.push(w.counted(name, n));
  }

  findings.themes.forEach((theme, index) => {
    body.push(theme.name ? w.wordsHeading(theme.name, HeadingLevel.HEADING_1, index === 0) : w.heading(L.themes.untitled, HeadingLevel.HEADING_1, index === 0));
    if (theme.description) body.push(w.words(theme.description));
    body.push(w.plain(L.themes.summary(count('note', theme.noteIds.length), count('dot', theme.votes), theme.origin === 'suggested'), { italics: true }));
    if (theme.quotes.length > 0) {
      body.push(w.heading(L.themes.quotes, HeadingLevel.HEADING_2));
      for (const quote of theme.quotes) {
        body.push(w.words(L.quote(quote.text), { style: { italics: true }, indent: true }));
        for (const translation of notes.get(quote.noteId)?.translations ?? []) body.push(w.translation(translation));
      }
    }
    body.push(w.heading(L.themes.saidDid, HeadingLevel.HEADING_2));
    const actions = theme.actionIds.flatMap((id) => findings.actions.find((action) => action.id === id) ?? []);
    if (actions.length === 0) body.push(w.plain(L.themes.nothingYet));
    for (const action of actions) body.push(...actionParagraphs(action, locale, w));
    body.push(w.heading(L.themes.notes, HeadingLevel.HEADING_2));
    for (const id of theme.noteIds) {
      const note = notes.get(id);
      if (note) body.push(...noteParagraphs(note, frames, locale, w));
    }
  });

  body.push(w.heading(L.unthemed.heading, HeadingLevel.HEADING_1, true));
  if (findings.unthemedNoteIds.length === 0) body.push(w.plain(L.unthemed.none));
  for (const id of findings.unthemedNoteIds) {
    const note = notes.get(id);
    if (note) body.push(...noteParagraphs(note, frames, locale, w));
  }

  body.push(w.paragraph([new PageBreak()]));
  body.push(w.heading(L.rounds.appendix, HeadingLevel.HEADING_1));
  if (findings.rounds.length === 0) body.push(w.plain(L.rounds.appendixNone));
  for (const round of findings.rounds) {
    body.push(w.wordsHeading(round.prompt, HeadingLevel.HEADING_2));
    body.push(w.plain(L.rounds.summary(L.rounds.states[round.state], count('answer', round.count)), { italics: true }));
    for (const translation of round.translations) body.push(w.words(translation.prompt, { prefix: `${isolate(translation.lang)}${L.colon} `, bullet: true }));
    for (const translation of round.promptTranslations) body.push(w.translation(translation));
    for (const answer of round.answers) {
      if (answer.hiddenReason !== null) {
        body.push(w.words(L.hidden(answer.hiddenReason), { style: { italics: true }, bullet: true }));
        continue;
      }
      body.push(w.words(answer.text, { bullet: true }));
      for (const translation of answer.translations) body.push(w.translation(translation));
    }
  }

  const rtl = L.direction === 'rtl';
  const document = new Document({
    creator: 'Clapboard',
    lastModifiedBy: 'Clapboard',
    title,
    description: L.docxDescription,
    // The document's language, for Word's proofing and its choice of fonts and layout; `bidirectional` is the language of complex-script runs.
    styles: { default: { document: { run: { language: { value: L.docxLanguage, ...(rtl ? { bidirectional: L.docxLanguage } : {}) } } } } },
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function actionParagraphs(action: FindingsAction, { labels: L, day }: FindingsLocale, w: DocxWriter): Paragraph[] {
  const details = [L.actions.statuses[action.status]];
  if (action.owner) details.push(L.actions.owner(action.owner));
  if (action.due) details.push(L.actions.due(day(action.due)));
  const said = action.kind === 'cannot' && action.reason ? L.actions.because(action.text, action.reason) : action.text;
  const head = w.words(`${said} (${details.join(L.detailSeparator)})`, { prefix: `${L.actions.kinds[action.kind]}${L.colon} `, bullet: true });
  const history = action.history.map((entry) =>
    w.words(entry.text, { prefix: `${day(entry.on)}${L.listSeparator}${L.actions.statuses[entry.status]}${L.colon} `, indent: true, style: { italics: true } }),
  );
  return [head, ...history];
}

function noteParagraphs(note: FindingsNote, frames: ReadonlyMap<string, string>, { labels: L, count }: FindingsLocale, w: DocxWriter): Paragraph[] {
  const details: string[] = [note.kind === 'note' ? L.notes.note(L.colours[note.color]) : note.kind === 'answer' ? L.notes.answer : L.notes.anonymousNote];
  if (note.frameId !== null) details.push(L.notes.inFrame(L.quote(frames.get(note.frameId) ?? '')));
  if (note.votes > 0) details.push(count('dot', note.votes));
  if (note.tags.length > 0) details.push(L.notes.tags(note.tags.join(L.listSeparator)));
  if (note.duplicateOf !== null) details.push(L.notes.duplicate);
  const text = note.hiddenReason !== null ? L.hidden(note.hiddenReason) : note.text || L.notes.empty;
  // The details are in the report's language; an isolate keeps them from being reordered into the note's words.
  const paragraph = w.paragraph([...w.wordsRuns(text), w.label(` ${isolate(`(${details.join(L.listSeparator)})`)}`, { color: '555555' })], { bullet: true }, text);
  return [paragraph, ...note.translations.map((translation) => w.translation(translation))];
}
