import * as Y from 'yjs';
import { z } from 'zod';
import { getSettingsMap } from './controlDoc.ts';

/**
 * A board's engagement statement (issue #8): what people are joining,
 * shown before anyone joins. People with lived experience of asylum often
 * have good reason to distrust authorities; a board that says plainly what
 * it is for, how much say they have, what it cannot change and when their
 * words are deleted asks for less trust than one that does not.
 *
 * Stored under `settings.statement` in the control document, one nested
 * `Y.Map` of plain values (the settings layout allows it), so two
 * facilitators editing different fields at once both keep their change.
 * Written at creation by the server's own Yjs client and later by
 * facilitators; readers validate it with `EngagementStatementSchema`.
 */
export const STATEMENT_SETTING = 'statement';

/**
 * The levels of the IAP2 spectrum of public participation, from least to
 * most say. Each comes with the spectrum's own promise to the public
 * (wording in the client's strings), so a level cannot be claimed without
 * the promise that goes with it.
 */
export const IAP2_LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'empower'] as const;
export type Iap2Level = (typeof IAP2_LEVELS)[number];

/**
 * Longest free-text answer. A statement is read on a phone before joining:
 * a short paragraph per question, not a policy document (link to that from
 * the purpose if there is one).
 */
export const MAX_STATEMENT_TEXT_LENGTH = 1000;
/** Who runs it: names of an organisation or two and a contact, not a paragraph. */
export const MAX_RUN_BY_LENGTH = 300;
/**
 * Latest deletion date, in days from today (about five years). The date is
 * a promise about people's words; one decades away promises nothing.
 */
export const MAX_DELETE_AFTER_DAYS = 5 * 366;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date, or null if it is not one (2025-02-30). */
export function calendarDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(time / DAY_MS);
}

/** Today (UTC) as a `YYYY-MM-DD` date. */
export function todayDate(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

function text(field: string, max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be text`) })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);
}

const deleteOn = z
  .string({ error: (issue) => (issue.input === undefined ? 'deleteOn is required' : 'deleteOn must be text') })
  .refine((value) => calendarDay(value) !== null, 'deleteOn must be a date written YYYY-MM-DD');

/**
 * A statement as stored and read back: every field present and within its
 * limit. Fields from a later version are dropped, not refused.
 */
export const EngagementStatementSchema = z.object({
  /** Why this board exists: the question or service being worked on. */
  purpose: text('purpose', MAX_STATEMENT_TEXT_LENGTH),
  /** How much say people have, on the IAP2 spectrum; shown with that level's promise. */
  level: z.enum(IAP2_LEVELS, { error: `level must be one of ${IAP2_LEVELS.join(', ')}` }),
  /** What can change as a result: the room people's input has to move things. */
  canChange: text('canChange', MAX_STATEMENT_TEXT_LENGTH),
  /** What cannot (a law, a budget, a decision already taken): said before, not discovered after. */
  cannotChange: text('cannotChange', MAX_STATEMENT_TEXT_LENGTH),
  /** How input will be used: who reads it, what it feeds into. */
  inputUse: text('inputUse', MAX_STATEMENT_TEXT_LENGTH),
  /** How and when people will hear back about what happened with it. */
  feedback: text('feedback', MAX_STATEMENT_TEXT_LENGTH),
  /** Who runs it: the organisations behind the board, and how to reach them. */
  runBy: text('runBy', MAX_RUN_BY_LENGTH),
  /**
   * The day the board's data is to be deleted (`YYYY-MM-DD`). A copy, for
   * reading with the rest: the date the server erases the board on is its
   * retention date in storage (server/src/privacy), which the server writes
   * here too whenever it is set, and which `GET /api/boards/:id/statement`
   * answers with in place of this one.
   */
  deleteOn,
});
export type EngagementStatement = z.infer<typeof EngagementStatementSchema>;
export type StatementField = keyof EngagementStatement;
export const STATEMENT_FIELDS = Object.keys(EngagementStatementSchema.shape) as StatementField[];

/**
 * A statement as a facilitator sends or writes it: also strict (a misspelt
 * field is an error, not silently lost), and its deletion date no earlier
 * than yesterday (UTC, so a facilitator west of Greenwich can still pick
 * their own today) and at most `MAX_DELETE_AFTER_DAYS` ahead. Checked
 * against the clock when parsed.
 */
export const EngagementStatementInputSchema = EngagementStatementSchema.strict().superRefine((statement, context) => {
  const day = calendarDay(statement.deleteOn);
  if (day === null) return;
  const today = Math.floor(Date.now() / DAY_MS);
  if (day < today - 1) context.addIssue({ code: 'custom', path: ['deleteOn'], message: 'deleteOn must not be in the past' });
  if (day > today + MAX_DELETE_AFTER_DAYS) {
    context.addIssue({ code: 'custom', path: ['deleteOn'], message: `deleteOn must be at most ${MAX_DELETE_AFTER_DAYS} days from today` });
  }
});

/** Why a deletion date a facilitator gives is refused (past, or too far ahead), or null. Checked against the clock. */
export function deletionDateProblem(value: string, now: number = Date.now()): string | null {
  const day = calendarDay(value);
  if (day === null) return 'must be a date written YYYY-MM-DD';
  const today = Math.floor(now / DAY_MS);
  if (day < today - 1) return 'must not be in the past';
  if (day > today + MAX_DELETE_AFTER_DAYS) return `must be at most ${MAX_DELETE_AFTER_DAYS} days from today`;
  return null;
}

/** A deletion date as a facilitator sends it (`POST /api/boards`, `PUT /api/boards/:id/retention`): the statement's rules. */
export const DeletionDateInputSchema = z.string({ error: 'deleteOn must be text' }).superRefine((value, context) => {
  const problem = deletionDateProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: `deleteOn ${problem}` });
});

/** The date `days` days after today (UTC), `YYYY-MM-DD`. */
export function dateInDays(days: number, now: number = Date.now()): string {
  return todayDate(now + days * DAY_MS);
}

/** The board's statement, or null when it has none or what is stored does not parse. */
export function readStatement(controlDoc: Y.Doc): EngagementStatement | null {
  const value = getSettingsMap(controlDoc).get(STATEMENT_SETTING);
  const plain = value instanceof Y.Map ? value.toJSON() : value;
  const parsed = EngagementStatementSchema.safeParse(plain);
  return parsed.success ? parsed.data : null;
}

/**
 * Writes a statement into the control document, field by field: only the
 * fields that differ are set, so an edit of one field does not overwrite
 * another facilitator's concurrent edit of another. Call inside a
 * transaction with the writer's origin.
 */
export function writeStatement(controlDoc: Y.Doc, statement: EngagementStatement): void {
  const settings = getSettingsMap(controlDoc);
  const current = settings.get(STATEMENT_SETTING);
  if (!(current instanceof Y.Map)) {
    settings.set(STATEMENT_SETTING, new Y.Map<unknown>(STATEMENT_FIELDS.map((field) => [field, statement[field]])));
    return;
  }
  for (const field of STATEMENT_FIELDS) {
    if (current.get(field) !== statement[field]) current.set(field, statement[field]);
  }
}

/**
 * A short fingerprint of a statement's words (FNV-1a over its fields, 8 hex
 * digits). The same words give the same revision on every device and the
 * server, so "has it changed since I read it" needs no counter that two
 * facilitators could both bump to the same number.
 */
export function statementRevision(statement: EngagementStatement): string {
  let hash = 0x811c9dc5;
  const canonical = JSON.stringify(STATEMENT_FIELDS.map((field) => statement[field]));
  for (let i = 0; i < canonical.length; i++) {
    hash ^= canonical.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The fields whose words differ between two versions of a statement, in display order. */
export function changedStatementFields(before: EngagementStatement, after: EngagementStatement): StatementField[] {
  return STATEMENT_FIELDS.filter((field) => before[field] !== after[field]);
}
