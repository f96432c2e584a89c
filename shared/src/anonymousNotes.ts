import * as Y from 'yjs';
import { z } from 'zod';
import { ObjectIdSchema } from './ids.ts';
import { getSettingsMap } from './model/controlDoc.ts';
import { NoteColorSchema } from './model/palette.ts';
import { coordinate } from './model/records/common.ts';
import { LanguageTagSchema, MAX_ANSWER_LENGTH, ReceiptSchema } from './rounds.ts';

/**
 * Anonymous sticky notes (issue #9): where a facilitator has switched the
 * board, or a frame, to anonymous mode, a new note is not written by its
 * author's Y.Doc (every Yjs item carries its author's client id, and
 * awareness maps that id to a name). It goes to the server as its own HTTP
 * request and the server writes it, from its own Yjs client, as an `answer`
 * card whose words live in the server-written `answers` root, the same
 * representation as a revealed round answer. Why: docs/anonymity.md
 * ("Anonymous notes"). Routes: docs/protocol.md ("Anonymous notes").
 */

declare module './origins.ts' {
  interface ServerWriteReasons {
    /** An anonymous note written onto the board, edited or withdrawn by its receipt. */
    'anonymous-note': true;
  }
}

/**
 * Keys in the control document's `settings` map, which only facilitators'
 * clients may write (the server drops everyone else's updates to it).
 * `anonymousNotes: true` makes the whole board anonymous; `anonymousFrames`
 * is a nested map `frameId -> true` (the settings layout allows one level of
 * maps of plain values, shared/src/model/layout.ts).
 */
export const ANONYMOUS_NOTES_SETTING = 'anonymousNotes';
export const ANONYMOUS_FRAMES_SETTING = 'anonymousFrames';

/** Longest anonymous note: the `answers` root holds at most this (RevealedAnswerSchema). */
export const MAX_ANONYMOUS_NOTE_LENGTH = MAX_ANSWER_LENGTH;

/** Where new notes are anonymous: the whole board, and/or some frames. */
export interface AnonymousNotesMode {
  board: boolean;
  frames: ReadonlySet<string>;
}

export const ANONYMOUS_NOTES_OFF: AnonymousNotesMode = Object.freeze({ board: false, frames: new Set<string>() });

/**
 * The mode from the control document. Tolerant: anything but `true` is off,
 * and frame entries that are not `id -> true` are ignored, since a
 * facilitator's client may be any version.
 */
export function readAnonymousNotesMode(controlDoc: Y.Doc): AnonymousNotesMode {
  const settings = getSettingsMap(controlDoc);
  const frames = new Set<string>();
  const stored = settings.get(ANONYMOUS_FRAMES_SETTING);
  if (stored instanceof Y.Map) {
    for (const [id, on] of stored.entries() as IterableIterator<[string, unknown]>) {
      if (on === true && ObjectIdSchema.safeParse(id).success) frames.add(id);
    }
  }
  return { board: settings.get(ANONYMOUS_NOTES_SETTING) === true, frames };
}

/** Whether a new note in `frameId` (null: in no frame) is anonymous. */
export function anonymousNotesApply(mode: AnonymousNotesMode, frameId: string | null): boolean {
  return mode.board || (frameId !== null && mode.frames.has(frameId));
}

const noteText = z
  .string()
  .trim()
  .min(1, 'text must not be empty')
  .max(MAX_ANONYMOUS_NOTE_LENGTH, `text must be at most ${MAX_ANONYMOUS_NOTE_LENGTH} characters`);

/**
 * Body of `POST /api/boards/:id/anonymous-notes`. `x, y` is the board point
 * where the note was added: the server uses it only to find the frame there
 * (and so whether anonymous mode applies), never to place the card, and
 * stores it nowhere. A card at the tapped point would sit in its author's
 * viewport, which presence shows everyone.
 */
export const AddAnonymousNoteRequestSchema = z
  .object({
    text: noteText,
    lang: LanguageTagSchema.optional(),
    x: coordinate,
    y: coordinate,
    color: NoteColorSchema.optional(),
  })
  .strict();
export type AddAnonymousNoteRequest = z.infer<typeof AddAnonymousNoteRequestSchema>;

/** `201` answer: sent only once the note is durably on the board and its receipt stored. */
export const AddAnonymousNoteResponseSchema = z.object({ receipt: ReceiptSchema, answerId: ObjectIdSchema });
export type AddAnonymousNoteResponse = z.infer<typeof AddAnonymousNoteResponseSchema>;

/** Body of `PUT /api/boards/:id/anonymous-notes`. */
export const EditAnonymousNoteRequestSchema = z.object({ receipt: ReceiptSchema, text: noteText, lang: LanguageTagSchema.optional() }).strict();
export type EditAnonymousNoteRequest = z.infer<typeof EditAnonymousNoteRequestSchema>;

/** Body of `DELETE /api/boards/:id/anonymous-notes`. */
export const WithdrawAnonymousNoteRequestSchema = z.object({ receipt: ReceiptSchema }).strict();
export type WithdrawAnonymousNoteRequest = z.infer<typeof WithdrawAnonymousNoteRequestSchema>;
