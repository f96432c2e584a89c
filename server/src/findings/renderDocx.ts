import { Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import {
  ACTION_KIND_LABELS,
  ACTION_STATUS_LABELS,
  LEVEL_LABELS,
  STATEMENT_LABELS,
  plural,
  type Findings,
  type FindingsAction,
  type FindingsNote,
} from '@clapboard/shared/findings';
import { textDirection } from '@clapboard/shared/render';

export interface DocxOptions {
  /** `YYYY-MM-DD`, printed on the title page. Only the DOCX carries a date: the text exports must be byte-identical. */
  generatedOn: string;
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

/**
 * A paragraph of people's words, right-to-left when the text starts in a
 * right-to-left script (Arabic, Persian, Hebrew…): Word then lays the line
 * out from the right and orders mixed Latin/Arabic runs correctly, which a
 * left-to-right paragraph of Arabic does not. Line breaks are kept.
 */
function words(text: string, options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bullet?: boolean; prefix?: string; style?: RunStyle; indent?: boolean } = {}): Paragraph {
  const rtl = textDirection(text) === 'rtl';
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const children: TextRun[] = [];
  if (options.prefix) children.push(new TextRun({ text: options.prefix, bold: true }));
  lines.forEach((line, index) => children.push(new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}), ...options.style, ...(rtl ? { rightToLeft: true } : {}) })));
  return new Paragraph({
    children,
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.bullet ? { bullet: { level: 0 } } : {}),
    ...(options.indent ? { indent: { start: 720 } } : {}),
    ...(rtl ? { bidirectional: true } : {}),
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false) =>
  new Paragraph({ children: [new TextRun({ text, ...(textDirection(text) === 'rtl' ? { rightToLeft: true } : {}) })], heading: level, pageBreakBefore, ...(textDirection(text) === 'rtl' ? { bidirectional: true } : {}) });
const plain = (text: string, style: RunStyle = {}) => new Paragraph({ children: [new TextRun({ text, ...style })] });

/**
 * The Word report (councils work in Word): a title page with the engagement
 * statement, participation counts, a section per theme with its quotes and
 * "you said, we did" actions and its notes, the notes in no theme, and an
 * appendix with every round's prompt, translations and answers. Built from
 * the findings only, so it holds nothing the JSON does not.
 */
export async function findingsToDocx(findings: Findings, options: DocxOptions): Promise<Uint8Array> {
  const title = findings.board.title || 'Untitled board';
  const notes = new Map(findings.notes.map((note) => [note.id, note]));
  const frames = new Map(findings.frames.map((frame) => [frame.id, frame.title]));
  const body: Paragraph[] = [];

  body.push(heading(title, HeadingLevel.TITLE));
  body.push(plain(`Findings, generated on ${options.generatedOn}. Counts stand in for people: nothing here says who wrote what.`, { italics: true }));
  body.push(heading('About this engagement', HeadingLevel.HEADING_1));
  if (findings.statement) {
    const statement = findings.statement;
    body.push(words(LEVEL_LABELS[statement.level], { prefix: 'Level of participation (IAP2 spectrum): ' }));
    for (const [field, label] of STATEMENT_LABELS) body.push(words(statement[field], { prefix: `${label}: ` }));
  } else {
    body.push(plain('This board has no engagement statement.'));
  }
  const p = findings.participation;
  body.push(heading('Participation', HeadingLevel.HEADING_1));
  for (const [label, count] of [
    ['Notes', p.notes],
    ['Anonymous notes', p.anonymousNotes],
    ['Answers to rounds', p.answers],
    ['Rounds', p.rounds.length],
    ['Votes', p.votes.length],
    ['Themes', p.themes],
    ['Actions', p.actions],
  ] as const) {
    body.push(new Paragraph({ children: [new TextRun({ text: `${label}: ` }), new TextRun({ text: String(count), bold: true })], bullet: { level: 0 } }));
  }

  findings.themes.forEach((theme, index) => {
    body.push(heading(theme.name || 'Untitled theme', HeadingLevel.HEADING_1, index === 0));
    if (theme.description) body.push(words(theme.description));
    const origin = theme.origin === 'suggested' ? ', suggested by the board and accepted by a facilitator' : '';
    body.push(plain(`${plural(theme.noteIds.length, 'note')}, ${plural(theme.votes, 'dot')} in votes${origin}.`, { italics: true }));
    if (theme.quotes.length > 0) {
      body.push(heading('In people’s words', HeadingLevel.HEADING_2));
      for (const quote of theme.quotes) body.push(words(`“${quote.text}”`, { style: { italics: true }, indent: true }));
    }
    body.push(heading('You said, we did', HeadingLevel.HEADING_2));
    const actions = theme.actionIds.flatMap((id) => findings.actions.find((action) => action.id === id) ?? []);
    if (actions.length === 0) body.push(plain('Nothing recorded yet.'));
    for (const action of actions) body.push(...actionParagraphs(action));
    body.push(heading('Notes', HeadingLevel.HEADING_2));
    for (const id of theme.noteIds) {
      const note = notes.get(id);
      if (note) body.push(noteParagraph(note, frames));
    }
  });

  body.push(heading('Notes in no theme', HeadingLevel.HEADING_1, true));
  if (findings.unthemedNoteIds.length === 0) body.push(plain('Every note is in a theme.'));
  for (const id of findings.unthemedNoteIds) {
    const note = notes.get(id);
    if (note) body.push(noteParagraph(note, frames));
  }

  body.push(new Paragraph({ children: [new PageBreak()] }));
  body.push(heading('Appendix: every answer', HeadingLevel.HEADING_1));
  if (findings.rounds.length === 0) body.push(plain('This board had no rounds.'));
  for (const round of findings.rounds) {
    body.push(heading(round.prompt, HeadingLevel.HEADING_2));
    const state = round.state === 'revealed' ? 'Revealed' : round.state === 'closed' ? 'Closed, not revealed' : 'Open';
    body.push(plain(`${state}; ${plural(round.count, 'answer')}.`, { italics: true }));
    for (const translation of round.translations) body.push(words(translation.prompt, { prefix: `${translation.lang}: `, bullet: true }));
    for (const answer of round.answers) {
      body.push(answer.hiddenReason !== null ? words(`Hidden by a facilitator: ${answer.hiddenReason}`, { style: { italics: true }, bullet: true }) : words(answer.text, { bullet: true }));
    }
  }

  const document = new Document({
    creator: 'Clapboard',
    lastModifiedBy: 'Clapboard',
    title,
    description: 'Findings exported from Clapboard',
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function actionParagraphs(action: FindingsAction): Paragraph[] {
  const details = [ACTION_STATUS_LABELS[action.status]];
  if (action.owner) details.push(`owner: ${action.owner}`);
  if (action.due) details.push(`due ${action.due}`);
  const reason = action.kind === 'cannot' && action.reason ? `, because ${action.reason}` : '';
  const head = words(`${action.text}${reason} (${details.join('; ')})`, { prefix: `${ACTION_KIND_LABELS[action.kind]}: `, bullet: true });
  const history = action.history.map((entry) => words(entry.text, { prefix: `${entry.on}, ${ACTION_STATUS_LABELS[entry.status]}: `, indent: true, style: { italics: true } }));
  return [head, ...history];
}

function noteParagraph(note: FindingsNote, frames: ReadonlyMap<string, string>): Paragraph {
  const details: string[] = [note.kind === 'note' ? `${note.color} note` : note.kind === 'answer' ? 'anonymous answer' : 'anonymous note'];
  if (note.frameId !== null) details.push(`in “${frames.get(note.frameId) ?? ''}”`);
  if (note.votes > 0) details.push(plural(note.votes, 'dot'));
  if (note.tags.length > 0) details.push(`tags: ${note.tags.join(', ')}`);
  if (note.duplicateOf !== null) details.push('a duplicate');
  const text = note.hiddenReason !== null ? `Hidden by a facilitator: ${note.hiddenReason}` : note.text || '(empty)';
  const rtl = textDirection(text) === 'rtl';
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return new Paragraph({
    bullet: { level: 0 },
    ...(rtl ? { bidirectional: true } : {}),
    children: [
      ...lines.map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}), ...(rtl ? { rightToLeft: true } : {}) })),
      // The details are English; an isolate keeps them from being reordered into an Arabic sentence.
      new TextRun({ text: ` \u2068(${details.join(', ')})\u2069`, color: '555555' }),
    ],
  });
}
