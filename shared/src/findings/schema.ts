import { z } from 'zod';
import { ObjectIdSchema } from '../ids.ts';
import { IAP2_LEVELS } from '../model/statement.ts';
import { NOTE_COLORS } from '../model/palette.ts';
import { ROUND_STATES } from '../rounds.ts';
import { ACTION_KINDS, ACTION_STATUSES } from '../synthesis/actions.ts';
import { THEME_ORIGINS } from '../synthesis/themes.ts';
import { VOTE_ACCESS, VOTE_STATES } from '../votes.ts';

/**
 * The findings of a board (issue #10): what a report to decision-makers is
 * built from, and what the JSON export is. Versioned and published as a JSON
 * Schema (docs/findings.schema.json, generated from this file) so other
 * tools can read exports without this code.
 *
 * What it never holds: who wrote anything. No Yjs client ids, names from
 * presence, receipts, tokens or times; counts stand in for people. Ordinary
 * notes are not anonymous on the board (their author's device can be traced
 * in the document), but an export is read far from the board, so it drops
 * that too.
 *
 * Every field is derived from the documents' content, sorted by content and
 * ids, never by arrival or edit order: the same board gives the same
 * findings, whatever history built it.
 *
 * Version 2 (issue #12): translations beside the words they translate
 * (`translations` on notes and answers, `promptTranslations` on rounds),
 * and the language of ordinary notes.
 */
export const FINDINGS_VERSION = 2;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();

export const FindingsStatementSchema = z
  .object({
    purpose: z.string(),
    level: z.enum(IAP2_LEVELS).meta({ description: 'How much say people have, on the IAP2 spectrum of public participation.' }),
    canChange: z.string(),
    cannotChange: z.string(),
    inputUse: z.string(),
    feedback: z.string(),
    runBy: z.string(),
    deleteOn: day.meta({ description: 'The day the board’s data is to be deleted.' }),
  })
  .meta({ description: 'The engagement statement people read before joining (docs/protocol.md, "Engagement statement").' });

export const FindingsParticipationSchema = z
  .object({
    notes: count.meta({ description: 'Ordinary sticky notes.' }),
    anonymousNotes: count.meta({ description: 'Anonymous sticky notes (written by the server).' }),
    answers: count.meta({ description: 'Revealed anonymous answers on the board, all rounds.' }),
    rounds: z.array(z.object({ roundId: z.string(), answers: count.meta({ description: 'The round’s published count: coarse while open, exact once closed.' }) })),
    votes: z.array(z.object({ voteId: z.string(), ballots: count.nullable().meta({ description: 'Ballots cast; null until the vote closes.' }) })),
    themes: count,
    actions: count,
  })
  .meta({ description: 'How many took part, in counts only: never who.' });

export const FindingsFrameSchema = z.object({
  id: ObjectIdSchema,
  title: z.string(),
});

export const FindingsTranslationSchema = z
  .object({
    lang: z.string().meta({ description: 'Language tag of the translation.' }),
    text: z.string(),
  })
  .meta({ description: 'A translation an interpreter or facilitator wrote beside the original, which stays as it was written. Says nothing about who translated.' });

const translations = (description: string) => z.array(FindingsTranslationSchema).meta({ description });

export const FINDINGS_NOTE_KINDS = ['note', 'answer', 'anonymous-note'] as const;

export const FindingsNoteSchema = z
  .object({
    id: ObjectIdSchema,
    kind: z.enum(FINDINGS_NOTE_KINDS).meta({ description: '`note`: an ordinary sticky note; `answer`: a revealed answer of a round; `anonymous-note`: an anonymous sticky note.' }),
    text: z.string().meta({ description: 'Empty for an answer a facilitator hid (see `hiddenReason`).' }),
    lang: z.string().nullable().meta({ description: 'Language tag of `text`, when the writer gave one.' }),
    translations: translations('Translations of `text`, by language tag; none for a hidden answer.'),
    color: z.enum(NOTE_COLORS),
    frameId: ObjectIdSchema.nullable(),
    roundId: z.string().nullable(),
    tags: z.array(z.string()),
    duplicateOf: ObjectIdSchema.nullable().meta({ description: 'The note this one repeats.' }),
    votes: count.meta({ description: 'Dots it received, over every closed vote.' }),
    themeIds: z.array(ObjectIdSchema),
    hiddenReason: z.string().nullable(),
  })
  .meta({ description: 'One contribution: a note or an anonymous answer card.' });

export const FindingsAnswerSchema = z.object({
  noteId: ObjectIdSchema,
  text: z.string(),
  lang: z.string().nullable(),
  translations: translations('Translations of `text` (its note’s), by language tag; none for a hidden answer.'),
  hiddenReason: z.string().nullable(),
});

export const FindingsRoundSchema = z
  .object({
    id: z.string(),
    prompt: z.string(),
    translations: z.array(z.object({ lang: z.string(), prompt: z.string() })).meta({ description: 'The prompt in other languages, as the facilitator gave it with the round (what participants were shown), by language tag.' }),
    promptTranslations: translations('Translations of the prompt written beside the round by an interpreter or facilitator, by language tag (alongside `translations`, which came with the round).'),
    state: z.enum(ROUND_STATES),
    count,
    frameId: ObjectIdSchema.nullable(),
    answers: z.array(FindingsAnswerSchema).meta({
      description:
        'Its revealed answers, by id. Whether an answer was typed in from paper is not recorded anywhere (it would set the people without a phone apart: docs/anonymity.md), so answers are not marked as transcribed.',
    }),
  })
  .meta({ description: 'An anonymous written-response round.' });

export const FindingsQuoteSchema = z.object({ noteId: ObjectIdSchema, text: z.string() });

export const FindingsThemeSchema = z.object({
  id: ObjectIdSchema,
  name: z.string(),
  description: z.string(),
  color: z.enum(NOTE_COLORS),
  origin: z.enum(THEME_ORIGINS).meta({ description: '`suggested`: accepted from the board’s automatic suggestions.' }),
  noteIds: z.array(ObjectIdSchema).meta({ description: 'Its members, in the order of `notes`.' }),
  quotes: z.array(FindingsQuoteSchema).meta({
    description: 'Representative members: those sharing most words with the rest of the theme (ties: longer, then by id); duplicates and hidden answers are never quoted.',
  }),
  votes: count.meta({ description: 'Dots its members received, over every closed vote.' }),
  actionIds: z.array(ObjectIdSchema),
});

export const FindingsActionSchema = z.object({
  id: ObjectIdSchema,
  themeId: ObjectIdSchema,
  kind: z.enum(ACTION_KINDS).meta({ description: '"we did", "we will", "we can’t, because …"' }),
  text: z.string(),
  reason: z.string(),
  status: z.enum(ACTION_STATUSES),
  owner: z.string().meta({ description: 'A role or team, never a participant’s name.' }),
  due: day.nullable(),
  history: z.array(z.object({ on: day, status: z.enum(ACTION_STATUSES), text: z.string() })),
});

export const FindingsVoteSchema = z.object({
  id: z.string(),
  state: z.enum(VOTE_STATES),
  access: z.enum(VOTE_ACCESS),
  perPerson: z.number().int().positive(),
  ballots: count.nullable(),
  counts: z.array(z.object({ noteId: ObjectIdSchema, dots: count })).meta({ description: 'Dots per target, most first; empty until the vote closes.' }),
});

export const FindingsSchema = z
  .object({
    version: z.literal(FINDINGS_VERSION),
    board: z.object({ title: z.string() }),
    statement: FindingsStatementSchema.nullable(),
    participation: FindingsParticipationSchema,
    frames: z.array(FindingsFrameSchema).meta({ description: 'Frames in reading order: top to bottom, then left to right.' }),
    themes: z.array(FindingsThemeSchema).meta({ description: 'Sorted by name, then id.' }),
    actions: z.array(FindingsActionSchema).meta({ description: 'Sorted by theme, then id.' }),
    rounds: z.array(FindingsRoundSchema),
    votes: z.array(FindingsVoteSchema),
    notes: z.array(FindingsNoteSchema).meta({ description: 'Every note and answer card: by frame (in frame order, then no frame), then reading order, then id.' }),
    unthemedNoteIds: z.array(ObjectIdSchema).meta({ description: 'Notes in no theme, in the order of `notes`.' }),
  })
  .meta({ title: 'Clapboard findings', description: 'A board’s findings (issue #10): themes, actions, rounds, votes and notes, with counts instead of identities.' });

export type Findings = z.infer<typeof FindingsSchema>;
export type FindingsNote = z.infer<typeof FindingsNoteSchema>;
export type FindingsTheme = z.infer<typeof FindingsThemeSchema>;
export type FindingsRound = z.infer<typeof FindingsRoundSchema>;
export type FindingsAction = z.infer<typeof FindingsActionSchema>;
export type FindingsAnswer = z.infer<typeof FindingsAnswerSchema>;
export type FindingsTranslation = z.infer<typeof FindingsTranslationSchema>;

/** The published JSON Schema (docs/findings.schema.json), as committed: 2-space indent, trailing newline. */
export function findingsJsonSchemaText(): string {
  const schema = z.toJSONSchema(FindingsSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
