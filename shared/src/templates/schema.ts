import { z } from 'zod';
import { NoteColorSchema } from '../model/palette.ts';
import { MAX_PROMPT_LENGTH, MAX_REVEAL_THRESHOLD, MIN_REVEAL_THRESHOLD } from '../rounds.ts';
import { MAX_DOTS_PER_PERSON } from '../votes.ts';
import { layoutFrameContent } from './frameLayout.ts';

/**
 * A workshop template: frames with titles and instructions, starter notes,
 * and the steps a facilitator walks through ("next question"), each of
 * which may open an anonymous round or a dot vote. Templates are data, never
 * code: the shipped ones (./data/) and a file a facilitator saved from a
 * board are read by this one schema, and built onto a board by one function
 * (./buildTemplate.ts). Positions are relative to the template's own
 * top-left; the builder decides where on the board it goes.
 *
 * Every field is bounded: an imported file is untrusted input, and a
 * template is written into a live board that every participant's phone
 * must load.
 */

/**
 * Version of this file format. A file of a newer format is refused with a
 * message saying so, rather than half-read; a change to the format gets a
 * new number and a migration beside it, as board schemas do.
 */
export const TEMPLATE_SCHEMA_VERSION = 1;

export const MAX_TEMPLATE_NAME_LENGTH = 80;
export const MAX_TEMPLATE_DESCRIPTION_LENGTH = 500;
/** A frame title is one line in the frame's header. The same limit as a step title, which often repeats it. */
export const MAX_FRAME_TITLE_LENGTH = 200;
/** Instructions are a short paragraph under the title, not a briefing document. */
export const MAX_INSTRUCTIONS_LENGTH = 1000;
/** A starter note is a prompt or an example, a sentence or two. */
export const MAX_STARTER_NOTE_LENGTH = 500;
/** Frames one template may hold: a day's workshop, not a whole programme. */
export const MAX_TEMPLATE_FRAMES = 30;
export const MAX_NOTES_PER_FRAME = 24;
/** Starter notes in all: a template seeds a board, it does not fill it. */
export const MAX_TEMPLATE_NOTES = 150;
export const MAX_TEMPLATE_STEPS = 40;
export const MAX_STEP_TITLE_LENGTH = 200;
export const MAX_STEP_PROMPT_LENGTH = 1000;
/** Largest distance from a template's top-left to the far edge of any frame, in board units. */
export const MAX_TEMPLATE_EXTENT = 40_000;
/** Smallest frame side: anything smaller cannot show its own title. */
export const MIN_FRAME_SIDE = 100;

const text = (field: string, max: number, min = 1) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(min, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A template's id: lower-case words joined by hyphens (`focus-group`), stable across its versions. */
export const TemplateIdSchema = z
  .string({ error: 'id must be text' })
  .max(64, 'id must be at most 64 characters')
  .regex(kebab, 'id must be lower-case letters and digits joined by single hyphens, such as "focus-group"');

/** A frame's name inside its template, for steps to point at; the board gets fresh random ids. */
export const FrameKeySchema = z
  .string({ error: 'key must be text' })
  .max(40, 'key must be at most 40 characters')
  .regex(kebab, 'key must be lower-case letters and digits joined by single hyphens, such as "question-1"');

const relative = (field: string) =>
  z.number({ error: `${field} must be a number` }).finite().min(0, `${field} must not be negative`).max(MAX_TEMPLATE_EXTENT, `${field} must be at most ${MAX_TEMPLATE_EXTENT}`);
const side = (field: string) =>
  z.number({ error: `${field} must be a number` }).finite().min(MIN_FRAME_SIDE, `${field} must be at least ${MIN_FRAME_SIDE}`).max(MAX_TEMPLATE_EXTENT, `${field} must be at most ${MAX_TEMPLATE_EXTENT}`);

export const StarterNoteSchema = z
  .object({
    text: text('text', MAX_STARTER_NOTE_LENGTH),
    color: NoteColorSchema,
  })
  .strict();
export type StarterNote = z.infer<typeof StarterNoteSchema>;

export const TemplateFrameSchema = z
  .object({
    key: FrameKeySchema,
    title: text('title', MAX_FRAME_TITLE_LENGTH),
    /** Shown as a text block under the title: what to do in this frame. */
    instructions: text('instructions', MAX_INSTRUCTIONS_LENGTH).optional(),
    /** Top-left, relative to the template's top-left. */
    x: relative('x'),
    y: relative('y'),
    width: side('width'),
    height: side('height'),
    /** Notes already in the frame when it is built, laid out in reading order (./frameLayout.ts). */
    notes: z.array(StarterNoteSchema).max(MAX_NOTES_PER_FRAME, `a frame holds at most ${MAX_NOTES_PER_FRAME} starter notes`),
  })
  .strict();
export type TemplateFrame = z.infer<typeof TemplateFrameSchema>;

/**
 * What reaching a step opens: an anonymous written-response round with this
 * question (the same limits as `POST /api/boards/:id/rounds`), or a dot vote
 * over the notes in the step's frame.
 */
export const StepOpensSchema = z.union([
  z
    .object({
      round: z
        .object({
          prompt: text('prompt', MAX_PROMPT_LENGTH),
          /** Answers needed before a reveal (default 3); below 2 the one answer names its author. */
          k: z.number().int().min(MIN_REVEAL_THRESHOLD, `k must be at least ${MIN_REVEAL_THRESHOLD}`).max(MAX_REVEAL_THRESHOLD, `k must be at most ${MAX_REVEAL_THRESHOLD}`).optional(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      vote: z.object({ perPerson: z.number().int().min(1, 'perPerson must be at least 1').max(MAX_DOTS_PER_PERSON, `perPerson must be at most ${MAX_DOTS_PER_PERSON}`) }).strict(),
    })
    .strict(),
], { error: 'opens must be either { "round": { "prompt" } } or { "vote": { "perPerson" } }' });
export type StepOpens = z.infer<typeof StepOpensSchema>;

export const TemplateStepSchema = z
  .object({
    title: text('title', MAX_STEP_TITLE_LENGTH),
    /** What everyone reads while on this step: the question, or what to do now. */
    prompt: text('prompt', MAX_STEP_PROMPT_LENGTH).optional(),
    /** Key of the frame everyone's view moves to. */
    frame: FrameKeySchema.optional(),
    opens: StepOpensSchema.optional(),
  })
  .strict();
export type TemplateStep = z.infer<typeof TemplateStepSchema>;

const TemplateFieldsSchema = z
  .object({
    schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION, {
      error: `schemaVersion must be ${TEMPLATE_SCHEMA_VERSION}: this file is not a template, or was saved by a newer version of Clapboard`,
    }),
    id: TemplateIdSchema,
    /** This template's own revision, raised when its content changes; a board built from it keeps what it got. */
    version: z.number({ error: 'version must be a number' }).int('version must be a whole number').min(1, 'version must be at least 1').max(1_000_000),
    name: text('name', MAX_TEMPLATE_NAME_LENGTH),
    description: text('description', MAX_TEMPLATE_DESCRIPTION_LENGTH),
    frames: z
      .array(TemplateFrameSchema)
      .min(1, 'a template needs at least one frame')
      .max(MAX_TEMPLATE_FRAMES, `a template holds at most ${MAX_TEMPLATE_FRAMES} frames`),
    steps: z.array(TemplateStepSchema).max(MAX_TEMPLATE_STEPS, `a template holds at most ${MAX_TEMPLATE_STEPS} steps`),
  })
  .strict();

export const TemplateSchema = TemplateFieldsSchema.superRefine(checkTemplate);
export type Template = z.infer<typeof TemplateSchema>;
/** A template as written in a data file or JSON (defaults not yet applied). */
export type TemplateData = z.input<typeof TemplateSchema>;

/** The rules between fields: keys, references, and whether each frame holds what it promises. */
function checkTemplate(template: z.infer<typeof TemplateFieldsSchema>, context: z.RefinementCtx): void {
  const keys = new Set<string>();
  let notes = 0;
  template.frames.forEach((frame, index) => {
    if (keys.has(frame.key)) context.addIssue({ code: 'custom', path: ['frames', index, 'key'], message: `key "${frame.key}" is used by two frames` });
    keys.add(frame.key);
    notes += frame.notes.length;
    if (frame.x + frame.width > MAX_TEMPLATE_EXTENT || frame.y + frame.height > MAX_TEMPLATE_EXTENT) {
      context.addIssue({ code: 'custom', path: ['frames', index], message: `the frame reaches beyond ${MAX_TEMPLATE_EXTENT} from the template's top-left` });
    }
    const layout = layoutFrameContent({ width: frame.width, instructions: frame.instructions, noteCount: frame.notes.length });
    if (layout.neededWidth > frame.width) {
      context.addIssue({ code: 'custom', path: ['frames', index, 'width'], message: `the frame is too narrow for starter notes: make it at least ${layout.neededWidth} wide` });
    }
    if (layout.neededHeight > frame.height) {
      context.addIssue({ code: 'custom', path: ['frames', index, 'height'], message: `the frame is too short for its instructions and notes: make it at least ${Math.ceil(layout.neededHeight)} tall` });
    }
  });
  if (notes > MAX_TEMPLATE_NOTES) context.addIssue({ code: 'custom', path: ['frames'], message: `a template holds at most ${MAX_TEMPLATE_NOTES} starter notes in all` });
  template.steps.forEach((step, index) => {
    if (step.frame !== undefined && !keys.has(step.frame)) {
      context.addIssue({ code: 'custom', path: ['steps', index, 'frame'], message: `no frame has the key "${step.frame}"` });
    }
    if (step.opens && 'vote' in step.opens && step.frame === undefined) {
      context.addIssue({ code: 'custom', path: ['steps', index, 'opens'], message: 'a step that opens a vote needs a frame: the vote is over the notes in it' });
    }
  });
}
