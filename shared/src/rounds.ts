import * as Y from 'yjs';
import { z } from 'zod';
import { ObjectIdSchema } from './ids.ts';
import { LanguageTagSchema } from './languageTag.ts';
import { CONTENT_ROOTS } from './model/boardDoc.ts';
import { CONTROL_ROOTS } from './model/controlDoc.ts';

/**
 * Anonymous written-response rounds: the HTTP bodies, the server-written
 * `rounds` (control) and `answers` (content) roots, and their readers.
 * Why it is built this way: docs/anonymity.md. Routes: docs/protocol.md
 * ("Rounds").
 *
 * An answer never passes through its author's Y.Doc: every item a Y.Doc
 * writes carries its Yjs client id in the stored bytes, even after deletion,
 * and awareness maps that id to a name. So answers go to the server as
 * their own HTTP requests and the server writes them, at reveal, with its
 * own Yjs client.
 */

declare module './origins.ts' {
  interface ServerWriteReasons {
    /** A round's public state in the control document (`rounds.<roundId>`): created, coarse count, closed, revealed. */
    round: true;
    /** A round's answers written onto the board at reveal, in shuffled order. */
    'round-reveal': true;
    /** A revealed answer changed by its author (by receipt), withdrawn, or hidden by a facilitator. */
    'answer-edit': true;
  }
}

/** Round ids: random, URL-safe (`randomId(16)`). */
export const RoundIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,32}$/, 'round id must be 16-32 URL-safe characters');

/** Longest prompt (and each translation), in UTF-16 code units: a question, not a briefing. */
export const MAX_PROMPT_LENGTH = 500;
/**
 * Longest answer. A few sentences fit a card on the board; the limit also
 * bounds what the server rewrites per answer (a round's answers are stored
 * as one record, docs/anonymity.md).
 */
export const MAX_ANSWER_LENGTH = 1000;
/** Longest reason a facilitator gives for hiding an answer; it is shown on the card. */
export const MAX_HIDE_REASON_LENGTH = 200;
/** Languages a prompt may be translated into at once. */
export const MAX_TRANSLATIONS = 20;
/**
 * Smallest reveal threshold. With one answer the only person who answered is
 * its author: revealing it names them to everyone who saw them answer.
 */
export const MIN_REVEAL_THRESHOLD = 2;
export const MAX_REVEAL_THRESHOLD = 1000;
export const DEFAULT_REVEAL_THRESHOLD = 3;

export { LanguageTagSchema };

const promptText = z
  .string()
  .trim()
  .min(1, 'prompt must not be empty')
  .max(MAX_PROMPT_LENGTH, `prompt must be at most ${MAX_PROMPT_LENGTH} characters`);

/** Body of `POST /api/boards/:id/rounds` (facilitator). */
export const CreateRoundRequestSchema = z
  .object({
    prompt: promptText,
    /** Reveal threshold: the round is revealed only once it has at least k answers. */
    k: z.number().int().min(MIN_REVEAL_THRESHOLD).max(MAX_REVEAL_THRESHOLD).default(DEFAULT_REVEAL_THRESHOLD),
    /** The prompt in other languages, by language tag. */
    translations: z
      .record(LanguageTagSchema, promptText)
      .refine((value) => Object.keys(value).length <= MAX_TRANSLATIONS, `at most ${MAX_TRANSLATIONS} translations`)
      .optional(),
    /** When the round stops taking answers (ISO 8601 with an offset); it can also be closed by hand. */
    closesAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type CreateRoundRequest = z.input<typeof CreateRoundRequestSchema>;

/** `201` answer of `POST /api/boards/:id/rounds`. */
export const CreateRoundResponseSchema = z.object({ roundId: RoundIdSchema });
export type CreateRoundResponse = z.infer<typeof CreateRoundResponseSchema>;

const answerText = z
  .string()
  .trim()
  .min(1, 'text must not be empty')
  .max(MAX_ANSWER_LENGTH, `text must be at most ${MAX_ANSWER_LENGTH} characters`);

/**
 * Body of `POST /api/boards/:id/rounds/:roundId/answers`. `transcribed`
 * marks a paper answer a facilitator types in; only facilitators send it,
 * and it is not stored (it would set paper answers apart from the others).
 */
export const SubmitAnswerRequestSchema = z
  .object({
    text: answerText,
    lang: LanguageTagSchema.optional(),
    transcribed: z.boolean().optional(),
  })
  .strict();
export type SubmitAnswerRequest = z.infer<typeof SubmitAnswerRequestSchema>;

/**
 * A receipt: 256 random bits, base64url. Whoever holds it can edit, withdraw
 * and look up that one answer, so it is sent in bodies only, never in a URL.
 * The server stores only its SHA-256.
 */
export const ReceiptSchema = z.string().min(1, 'receipt must not be empty').max(128, 'receipt is too long');

/** `201` answer of a submission: sent only once the answer is durably stored. */
export const SubmitAnswerResponseSchema = z.object({ receipt: ReceiptSchema });
export type SubmitAnswerResponse = z.infer<typeof SubmitAnswerResponseSchema>;

/** Body of `PUT /api/boards/:id/rounds/:roundId/answers`. */
export const EditAnswerRequestSchema = z.object({ receipt: ReceiptSchema, text: answerText, lang: LanguageTagSchema.optional() }).strict();
export type EditAnswerRequest = z.infer<typeof EditAnswerRequestSchema>;

/** Body of `DELETE /api/boards/:id/rounds/:roundId/answers`. */
export const WithdrawAnswerRequestSchema = z.object({ receipt: ReceiptSchema }).strict();
export type WithdrawAnswerRequest = z.infer<typeof WithdrawAnswerRequestSchema>;

/** Body of `POST /api/boards/:id/receipts/lookup`. */
export const ReceiptLookupRequestSchema = z.object({ receipt: ReceiptSchema }).strict();

/** What became of an answer, as its receipt holder may see it. */
export const ReceiptLookupResponseSchema = z.object({
  roundId: RoundIdSchema,
  /** Whether the round has been revealed with this answer on the board. */
  revealed: z.boolean(),
  /** Its card's key (`objects` and `answers`) once revealed, else null. */
  answerId: ObjectIdSchema.nullable(),
  /** Hidden by a facilitator, and why (shown on its card); null when not hidden. */
  hiddenReason: z.string().nullable(),
  /** Later: the theme the answer was grouped under. Always null for now. */
  theme: z.null(),
  /** Later: actions agreed from it. Always empty for now. */
  actions: z.array(z.never()),
});
export type ReceiptLookupResponse = z.infer<typeof ReceiptLookupResponseSchema>;

/** Body of `POST /api/boards/:id/answers/:answerId/hide` (facilitator). */
export const HideAnswerRequestSchema = z
  .object({ reason: z.string().trim().min(1, 'reason must not be empty').max(MAX_HIDE_REASON_LENGTH, `reason must be at most ${MAX_HIDE_REASON_LENGTH} characters`) })
  .strict();

export const ROUND_STATES = ['open', 'closed', 'revealed'] as const;
export const RoundStateSchema = z.enum(ROUND_STATES);
export type RoundState = z.infer<typeof RoundStateSchema>;

/**
 * `GET /api/boards/:id/rounds/:roundId`, and what `rounds.<roundId>` in the
 * control document holds. `count` is the coarse count (docs/anonymity.md):
 * it moves on the server's tick, by at least two, and is exact once closed.
 * No answer text, before reveal, for anyone.
 */
export const RoundSummarySchema = z.object({
  state: RoundStateSchema,
  prompt: z.string().max(MAX_PROMPT_LENGTH),
  count: z.number().int().nonnegative(),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

/** The map under `rounds.<roundId>`, field by field; written by the server only. */
export const RoundRecordSchema = RoundSummarySchema.extend({
  k: z.number().int().min(MIN_REVEAL_THRESHOLD).max(MAX_REVEAL_THRESHOLD),
  translations: z.record(z.string(), z.string()).optional(),
  closesAt: z.string().optional(),
  /** Once revealed: the frame its answers were laid out in. */
  frameId: ObjectIdSchema.optional(),
});
export type RoundRecord = z.infer<typeof RoundRecordSchema>;

const revealedAnswerFields = {
  text: z.string().max(MAX_ANSWER_LENGTH),
  lang: LanguageTagSchema.optional(),
  /** Hidden by a facilitator: `text` is then empty (removed from every copy of the board) and the reason is shown instead. */
  hidden: z.boolean().optional(),
  hiddenReason: z.string().max(MAX_HIDE_REASON_LENGTH).optional(),
};

/**
 * The map under `answers.<answerId>` in the content document; written by the
 * server only. Either a round's answer (`roundId`) or an anonymous sticky
 * note (`anonymousNote: true`, shared/src/anonymousNotes.ts): both are drawn
 * the same way, and an entry with neither is not read.
 */
export const RevealedAnswerSchema = z.union([
  z.object({ ...revealedAnswerFields, roundId: RoundIdSchema }),
  z.object({ ...revealedAnswerFields, anonymousNote: z.literal(true) }),
]);
export type RevealedAnswer = z.infer<typeof RevealedAnswerSchema>;

export function getRoundsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_ROOTS.rounds);
}

export function getAnswersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTENT_ROOTS.answers);
}

function plainMap(value: unknown): Record<string, unknown> | null {
  return value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : null;
}

/** A round's public state from the control document, or null when absent or not valid. */
export function readRound(controlDoc: Y.Doc, roundId: string): RoundRecord | null {
  const parsed = RoundRecordSchema.safeParse(plainMap(getRoundsMap(controlDoc).get(roundId)));
  return parsed.success ? parsed.data : null;
}

/** A revealed answer's words from the content document, or null when absent or not valid. */
export function readRevealedAnswer(contentDoc: Y.Doc, answerId: string): RevealedAnswer | null {
  const parsed = RevealedAnswerSchema.safeParse(plainMap(getAnswersMap(contentDoc).get(answerId)));
  return parsed.success ? parsed.data : null;
}
