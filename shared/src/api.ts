import { z } from 'zod';
import { BoardIdSchema } from './ids.ts';
import { MAX_TITLE_LENGTH } from './model/controlDoc.ts';
import { DeletionDateInputSchema, EngagementStatementInputSchema, EngagementStatementSchema, MAX_DELETE_AFTER_DAYS } from './model/statement.ts';
import { TRANSLATABLE_STATEMENT_FIELDS } from './model/statementTranslations.ts';
import { LanguageTagSchema } from './languageTag.ts';
import { RoleSchema } from './roles.ts';
import { TemplateIdSchema } from './templates/schema.ts';

/** Body of `POST /api/boards`. */
export const CreateBoardRequestSchema = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(MAX_TITLE_LENGTH, `title must be at most ${MAX_TITLE_LENGTH} characters`),
    /** The engagement statement shown before anyone joins (shared/src/model/statement.ts); a board may have none yet. */
    statement: EngagementStatementInputSchema.optional(),
    /** A shipped template to build the board from (`GET /api/templates`; shared/src/templates/). */
    template: TemplateIdSchema.optional(),
    /**
     * When the board and everything about it is erased (its retention
     * date, server/src/privacy): a day (`deleteOn`, `YYYY-MM-DD`) or a
     * number of days from today (`retentionDays`), not both. Without
     * either, the statement's `deleteOn` if there is a statement, else
     * DEFAULT_RETENTION_DAYS from today. With a statement, they must agree
     * with its `deleteOn`: what people read is what happens.
     */
    deleteOn: DeletionDateInputSchema.optional(),
    retentionDays: z.number().int().min(1, 'retentionDays must be at least 1').max(MAX_DELETE_AFTER_DAYS, `retentionDays must be at most ${MAX_DELETE_AFTER_DAYS}`).optional(),
  })
  .strict()
  .refine((body) => body.deleteOn === undefined || body.retentionDays === undefined, { message: 'give deleteOn or retentionDays, not both', path: ['retentionDays'] });
export type CreateBoardRequest = z.infer<typeof CreateBoardRequestSchema>;

/**
 * Response of `GET /api/boards/:id/statement` (any role's token):
 * `statement` null when the board has none; `revision` its fingerprint
 * (`statementRevision`), which changes whenever its words do.
 */
export const StatementResponseSchema = z.union([
  z.object({
    statement: EngagementStatementSchema,
    revision: z.string().regex(/^[0-9a-f]{8}$/),
    /** The statement in other languages, by language tag: each field only while it still translates the original (shared/src/model/statementTranslations.ts). */
    translations: z.record(LanguageTagSchema, z.partialRecord(z.enum(TRANSLATABLE_STATEMENT_FIELDS), z.string())).optional(),
  }),
  z.object({ statement: z.null(), revision: z.null() }),
]);
export type StatementResponse = z.infer<typeof StatementResponseSchema>;

/** Response of `POST /api/boards` (201). */
export const CreateBoardResponseSchema = z.object({
  id: BoardIdSchema,
  links: z.object({ facilitator: z.url(), participant: z.url(), observer: z.url() }),
  /** The board's retention date (`YYYY-MM-DD`): the day it is erased. */
  deleteOn: z.string().optional(),
});
export type CreateBoardResponse = z.infer<typeof CreateBoardResponseSchema>;

/** Response of `GET /api/boards/:id/session` (token in `Authorization: Bearer`). */
export const BoardSessionSchema = z.object({
  boardId: BoardIdSchema,
  role: RoleSchema,
  title: z.string(),
  /** Schema version the server migrated this board to; a client that knows an older one must reload. */
  schemaVersion: z.number().int(),
  /** Version of the sync protocol extensions; see shared/src/protocol.ts. */
  protocolVersion: z.number().int(),
});
export type BoardSession = z.infer<typeof BoardSessionSchema>;

/**
 * Body of `PUT /api/boards/:id/retention` (facilitator), and the response
 * of it and of `GET /api/boards/:id/retention` (any role): the board's
 * retention date, the day it and everything about it is erased.
 */
export const RetentionRequestSchema = z.object({ deleteOn: DeletionDateInputSchema }).strict();
export type RetentionRequest = z.infer<typeof RetentionRequestSchema>;
export const RetentionResponseSchema = z.object({ deleteOn: z.string() });
export type RetentionResponse = z.infer<typeof RetentionResponseSchema>;

/** Every HTTP error body has this shape; `code` is one of ApiErrorCode. */
export const ApiErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const ApiErrorCode = {
  BadRequest: 'BAD_REQUEST',
  Unauthorized: 'UNAUTHORIZED',
  NotFound: 'NOT_FOUND',
  /** Too many requests of one kind from one address this minute, or websocket connections from it at once (429, with Retry-After; docs/security.md). */
  RateLimited: 'RATE_LIMITED',
  /** A board at MAX_CONNECTIONS_PER_BOARD refuses further websocket upgrades with 503. */
  BoardFull: 'BOARD_FULL',
  /** A request body over the server's limit (413). */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** A request body of a content type the server does not parse (415). */
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Internal: 'INTERNAL',
  /** The token is valid but its role may not do this (an observer answering, a participant revealing) (403). */
  Forbidden: 'FORBIDDEN',
  /** The round no longer takes answers (409). */
  RoundClosed: 'ROUND_CLOSED',
  /** A reveal of a round with fewer answers than its threshold k (409). */
  BelowThreshold: 'BELOW_THRESHOLD',
  /** A reveal of a round already revealed (409). */
  AlreadyRevealed: 'ALREADY_REVEALED',
  /** A round already holding MAX_ANSWERS_PER_ROUND answers (409). */
  RoundFull: 'ROUND_FULL',
  /** An edit of an answer a facilitator hid; its author may still withdraw it (409). */
  AnswerHidden: 'ANSWER_HIDDEN',
  /** A ballot or code for a vote that has closed (409). */
  VoteClosed: 'VOTE_CLOSED',
  /** A ballot already counted in this vote (409). */
  AlreadyVoted: 'ALREADY_VOTED',
  /** A `codes` vote's ballot without a valid signature, or a voting code unknown or already used (403). */
  BallotRefused: 'BALLOT_REFUSED',
  /** An anonymous note where neither the board nor the frame at that point is in anonymous mode (409). */
  AnonymousNotesOff: 'ANONYMOUS_NOTES_OFF',
  /** A board already holding MAX_ANONYMOUS_NOTES_PER_BOARD anonymous notes (409). */
  AnonymousNotesFull: 'ANONYMOUS_NOTES_FULL',
  /** Revoking a board's last facilitator link, which would leave nobody able to run it (409). */
  LastFacilitatorLink: 'LAST_FACILITATOR_LINK',
  /** A board already holding MAX_LINKS_PER_BOARD links (409). */
  TooManyLinks: 'TOO_MANY_LINKS',
  /** Adding a template whose steps would take the board past MAX_BOARD_STEPS (409). */
  TooManySteps: 'TOO_MANY_STEPS',
  /** A findings export format this server does not build (501). */
  FormatUnavailable: 'FORMAT_UNAVAILABLE',
  /** A board already holding MAX_MONITORING_RESPONSES_PER_BOARD equality-monitoring responses (409). */
  MonitoringFull: 'MONITORING_FULL',
  /** A board already holding MAX_CONTACTS_PER_BOARD contacts (409). */
  ContactsFull: 'CONTACTS_FULL',
  /** A board already holding MAX_TRANSLATIONS_PER_BOARD translations (409). */
  TranslationsFull: 'TRANSLATIONS_FULL',
} as const;
