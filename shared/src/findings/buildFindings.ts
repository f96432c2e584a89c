import type * as Y from 'yjs';
import { getObjectMap, readAllObjects } from '../model/boardDoc.ts';
import { readBoardTitle } from '../model/controlDoc.ts';
import type { BoardObject, FrameRecord } from '../model/records/index.ts';
import { readStatement } from '../model/statement.ts';
import { LanguageTagSchema, getRoundsMap, readRevealedAnswer, readRound } from '../rounds.ts';
import { readThemeActions } from '../synthesis/actions.ts';
import { readThemes, themesByNote } from '../synthesis/themes.ts';
import { createTokenizer } from '../synthesis/tokenize.ts';
import { readTranslations, type TranslationKind } from '../translations.ts';
import { readVotes } from '../votes.ts';
import { compareCodeUnits, representativeQuotes } from './quotes.ts';
import {
  FINDINGS_VERSION,
  type Findings,
  type FindingsAction,
  type FindingsNote,
  type FindingsRound,
  type FindingsTheme,
  type FindingsTranslation,
} from './schema.ts';

export interface FindingsSource {
  /** The board's content document (objects, answers, themes). */
  content: Y.Doc;
  /** The board's control document (title, statement, rounds, votes, actions). */
  control: Y.Doc;
}

type Placed = { x: number; y: number; id: string };
/** Reading order: top to bottom, then left to right, then id (the outline's order, made total). */
const byReading = (a: Placed, b: Placed) => a.y - b.y || a.x - b.x || compareCodeUnits(a.id, b.id);

/** A target's translations, by language tag (then text, so the order is total). */
type TranslationsOf = (kind: TranslationKind, targetId: string) => FindingsTranslation[];

/**
 * The findings of a board, read from its two documents. Pure: no clock, no
 * network, no randomness, and nothing from the documents' history (who
 * wrote what, in which order) — only what the board says now, sorted by
 * content and ids. See ./schema.ts for what each field means.
 */
export function buildFindings({ content, control }: FindingsSource): Findings {
  const objects = readAllObjects(content);
  const frames = objects.filter((object): object is FrameRecord => object.type === 'frame').sort(byReading);
  const frameOrder = new Map(frames.map((frame, index) => [frame.id, index]));

  const dots = new Map<string, number>();
  const votes = readVotes(control)
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .map(({ id, vote }) => {
      const counts = Object.entries(vote.counts ?? {})
        .map(([noteId, count]) => ({ noteId, dots: count }))
        .sort((a, b) => b.dots - a.dots || compareCodeUnits(a.noteId, b.noteId));
      if (vote.state === 'closed') for (const { noteId, dots: n } of counts) dots.set(noteId, (dots.get(noteId) ?? 0) + n);
      return { id, state: vote.state, access: vote.access, perPerson: vote.perPerson, ballots: vote.ballots, counts };
    });

  const themes = readThemes(content);
  const themeIdsOf = themesByNote(themes);
  const translationsOf = readTranslationIndex(content);
  const notes = readContributions(content, objects, frameOrder, (id) => dots.get(id) ?? 0, (id) => themeIdsOf.get(id) ?? [], translationsOf);

  const themeIds = new Set(themes.map((theme) => theme.id));
  const actions: FindingsAction[] = readThemeActions(control)
    .filter((action) => themeIds.has(action.themeId))
    .map(({ id, themeId, kind, text, reason, status, owner, due, history }) => ({ id, themeId, kind, text, reason, status, owner, due, history }));

  const tokenize = createTokenizer();
  const findingsThemes: FindingsTheme[] = themes.map((theme) => {
    // In the notes' order (by frame, then reading order), the order people laid them out in.
    const memberIds = new Set(theme.noteIds);
    const members = notes.filter((note) => memberIds.has(note.id));
    return {
      id: theme.id,
      name: theme.name,
      description: theme.description,
      color: theme.color,
      origin: theme.origin,
      noteIds: members.map((note) => note.id),
      quotes: representativeQuotes(members, undefined, tokenize).map(({ id, text }) => ({ noteId: id, text })),
      votes: members.reduce((sum, note) => sum + note.votes, 0),
      actionIds: actions.filter((action) => action.themeId === theme.id).map((action) => action.id),
    };
  });

  const rounds = readRounds(control, notes, frameOrder, translationsOf);
  const statement = readStatement(control);

  return {
    version: FINDINGS_VERSION,
    board: { title: readBoardTitle(control) },
    statement: statement && {
      purpose: statement.purpose,
      level: statement.level,
      canChange: statement.canChange,
      cannotChange: statement.cannotChange,
      inputUse: statement.inputUse,
      feedback: statement.feedback,
      runBy: statement.runBy,
      deleteOn: statement.deleteOn,
    },
    participation: {
      notes: notes.filter((note) => note.kind === 'note').length,
      anonymousNotes: notes.filter((note) => note.kind === 'anonymous-note').length,
      answers: notes.filter((note) => note.kind === 'answer').length,
      rounds: rounds.map((round) => ({ roundId: round.id, answers: round.count })),
      votes: votes.map((vote) => ({ voteId: vote.id, ballots: vote.ballots })),
      themes: findingsThemes.length,
      actions: actions.length,
    },
    frames: frames.map((frame) => ({ id: frame.id, title: frame.text })),
    themes: findingsThemes,
    actions,
    rounds,
    votes,
    notes,
    unthemedNoteIds: notes.filter((note) => note.themeIds.length === 0).map((note) => note.id),
  };
}

/**
 * The `translations` root (shared/src/translations.ts), indexed by target.
 * Only a translation's language and words are kept: the root records no
 * translator, and neither does an export. Blank ones are left out.
 */
function readTranslationIndex(content: Y.Doc): TranslationsOf {
  const byTarget = new Map<string, FindingsTranslation[]>();
  for (const { kind, targetId, lang, text } of readTranslations(content)) {
    if (text.trim() === '') continue;
    const key = `${kind}:${targetId}`;
    const list = byTarget.get(key) ?? [];
    list.push({ lang, text });
    byTarget.set(key, list);
  }
  for (const list of byTarget.values()) list.sort((a, b) => compareCodeUnits(a.lang, b.lang) || compareCodeUnits(a.text, b.text));
  return (kind, targetId) => (byTarget.get(`${kind}:${targetId}`) ?? []).map((translation) => ({ ...translation }));
}

/**
 * Notes and answer cards, each with its words and their translations. An
 * answer card's words are in the server-written `answers` root, and so are
 * translated by answer id; a card whose words are missing or not valid (a
 * write in flight from another server, a hostile peer) is left out rather
 * than exported empty. A hidden answer's translations are left out with its
 * words.
 */
function readContributions(
  content: Y.Doc,
  objects: readonly BoardObject[],
  frameOrder: ReadonlyMap<string, number>,
  votesOf: (id: string) => number,
  themeIdsOf: (id: string) => string[],
  translationsOf: TranslationsOf,
): FindingsNote[] {
  const placed: Array<FindingsNote & { x: number; y: number; frame: number }> = [];
  for (const object of objects) {
    if (object.type !== 'note' && object.type !== 'answer') continue;
    const frameId = object.frameId !== null && frameOrder.has(object.frameId) ? object.frameId : null;
    const common = {
      id: object.id,
      color: object.color,
      frameId,
      tags: [...(object.tags ?? [])],
      duplicateOf: object.duplicateOf ?? null,
      votes: votesOf(object.id),
      themeIds: themeIdsOf(object.id),
    };
    const position = { x: object.x, y: object.y, frame: frameId === null ? Number.MAX_SAFE_INTEGER : frameOrder.get(frameId)! };
    if (object.type === 'note') {
      // A note's language is an optional plain field of its record, which the record schema does not keep.
      const lang = LanguageTagSchema.safeParse(getObjectMap(content, object.id)?.get('lang'));
      placed.push({ ...common, ...position, kind: 'note', text: object.text, lang: lang.success ? lang.data : null, translations: translationsOf('object', object.id), roundId: null, hiddenReason: null });
      continue;
    }
    const answer = readRevealedAnswer(content, object.answerId);
    if (!answer) continue;
    placed.push({
      ...common,
      ...position,
      kind: 'roundId' in answer ? 'answer' : 'anonymous-note',
      text: answer.hidden ? '' : answer.text,
      lang: answer.lang ?? null,
      translations: answer.hidden ? [] : translationsOf('answer', object.answerId),
      roundId: 'roundId' in answer ? answer.roundId : null,
      hiddenReason: answer.hidden ? (answer.hiddenReason ?? '') : null,
    });
  }
  placed.sort((a, b) => a.frame - b.frame || byReading(a, b));
  return placed.map(({ x: _x, y: _y, frame: _frame, ...note }) => ({
    id: note.id,
    kind: note.kind,
    text: note.text,
    lang: note.lang,
    translations: note.translations,
    color: note.color,
    frameId: note.frameId,
    roundId: note.roundId,
    tags: note.tags,
    duplicateOf: note.duplicateOf,
    votes: note.votes,
    themeIds: note.themeIds,
    hiddenReason: note.hiddenReason,
  }));
}

/** Every valid round, its revealed answers by id; rounds in the order of their frames, then by prompt and id. */
function readRounds(control: Y.Doc, notes: readonly FindingsNote[], frameOrder: ReadonlyMap<string, number>, translationsOf: TranslationsOf): FindingsRound[] {
  const rounds: Array<FindingsRound & { order: number }> = [];
  for (const id of getRoundsMap(control).keys()) {
    const round = readRound(control, id);
    if (!round) continue;
    const frameId = round.frameId !== undefined && frameOrder.has(round.frameId) ? round.frameId : null;
    const answers = notes
      .filter((note) => note.roundId === id)
      .sort((a, b) => compareCodeUnits(a.id, b.id))
      .map((note) => ({ noteId: note.id, text: note.text, lang: note.lang, translations: note.translations.map((translation) => ({ ...translation })), hiddenReason: note.hiddenReason }));
    rounds.push({
      id,
      prompt: round.prompt,
      translations: Object.entries(round.translations ?? {})
        .sort(([a], [b]) => compareCodeUnits(a, b))
        .map(([lang, prompt]) => ({ lang, prompt })),
      promptTranslations: translationsOf('prompt', id),
      state: round.state,
      count: round.count,
      frameId,
      answers,
      order: frameId === null ? Number.MAX_SAFE_INTEGER : frameOrder.get(frameId)!,
    });
  }
  rounds.sort((a, b) => a.order - b.order || compareCodeUnits(a.prompt, b.prompt) || compareCodeUnits(a.id, b.id));
  return rounds.map(({ order: _order, ...round }) => round);
}
