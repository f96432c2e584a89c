import type { BoardObject, FrameRecord, NoteRecord, TextRecord } from '../model/records/index.ts';
import { compareStacking } from '../model/boardDoc.ts';
import { layoutFrameContent } from './frameLayout.ts';
import {
  MAX_FRAME_TITLE_LENGTH,
  MAX_INSTRUCTIONS_LENGTH,
  MAX_NOTES_PER_FRAME,
  MAX_STARTER_NOTE_LENGTH,
  MAX_STEP_PROMPT_LENGTH,
  MAX_STEP_TITLE_LENGTH,
  MAX_TEMPLATE_DESCRIPTION_LENGTH,
  MAX_TEMPLATE_EXTENT,
  MAX_TEMPLATE_FRAMES,
  MAX_TEMPLATE_NAME_LENGTH,
  MAX_TEMPLATE_NOTES,
  MAX_TEMPLATE_STEPS,
  MIN_FRAME_SIDE,
  TEMPLATE_SCHEMA_VERSION,
  TemplateSchema,
  type StarterNote,
  type Template,
  type TemplateFrame,
  type TemplateStep,
} from './schema.ts';
import type { BoardStep } from './stepList.ts';

/** What the person saving chose to call it, and words the board cannot supply. */
export interface TemplateDetails {
  name: string;
  description: string;
  /** Title for a frame whose own is empty (a template frame must have one). */
  untitledFrame: string;
  /** Title for a step whose own is empty. */
  untitledStep: string;
}

export type TemplateExport =
  | {
      ok: true;
      template: Template;
      /** Notes that did not fit their frame's grid, or the limits, and were left out. */
      notesLeftOut: number;
    }
  /** `invalid`: the result failed the schema all the same (a board past the limits in some way not foreseen here). */
  | { ok: false; reason: 'no-frames' | 'too-many-frames' | 'too-spread-out' | 'invalid' };

const cut = (text: string, max: number) => text.trim().slice(0, max).trim();

/** Reading order: top to bottom, then start to end (left to right here; board space does not flip). */
const readingOrder = (a: { x: number; y: number }, b: { x: number; y: number }) => a.y - b.y || a.x - b.x;

/** A template id from the name: ASCII words joined by hyphens, or `saved-board` for a name with none (Arabic, Tigrinya). */
export function templateIdFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'saved-board';
}

/**
 * A board's frames as a new template, the inverse of buildTemplate: each
 * frame with its title, the text blocks in it as its instructions, and the
 * notes in it as starter notes (in reading order, as many as its grid holds),
 * plus the board's steps, frame ids turned back into keys. Building the
 * result gives the same frames back.
 *
 * Anonymous answer cards are never copied: their words belong to the
 * server-written `answers` root, and a file passed around after the
 * workshop is the last place they should travel. Shapes and connectors are
 * not part of a template either.
 */
export function templateFromBoard(objects: readonly BoardObject[], steps: readonly BoardStep[], details: TemplateDetails): TemplateExport {
  const frames = objects.filter((object): object is FrameRecord => object.type === 'frame').sort(compareStacking);
  if (frames.length === 0) return { ok: false, reason: 'no-frames' };
  if (frames.length > MAX_TEMPLATE_FRAMES) return { ok: false, reason: 'too-many-frames' };
  const left = Math.min(...frames.map((frame) => frame.x));
  const top = Math.min(...frames.map((frame) => frame.y));
  const right = Math.max(...frames.map((frame) => frame.x + Math.max(frame.width, MIN_FRAME_SIDE)));
  const bottom = Math.max(...frames.map((frame) => frame.y + Math.max(frame.height, MIN_FRAME_SIDE)));
  if (right - left > MAX_TEMPLATE_EXTENT || bottom - top > MAX_TEMPLATE_EXTENT) return { ok: false, reason: 'too-spread-out' };

  const keys = new Map<string, string>();
  let notesLeftOut = 0;
  let notesKept = 0;
  const templateFrames: TemplateFrame[] = frames.map((frame, index) => {
    const key = `frame-${index + 1}`;
    keys.set(frame.id, key);
    const members = objects.filter((object) => 'frameId' in object && object.frameId === frame.id);
    const instructions = cut(
      members
        .filter((object): object is TextRecord => object.type === 'text')
        .sort(readingOrder)
        .map((text) => text.text.trim())
        .filter(Boolean)
        .join('\n\n'),
      MAX_INSTRUCTIONS_LENGTH,
    );
    const width = Math.max(frame.width, MIN_FRAME_SIDE);
    // A frame always keeps room for its instructions; notes take what is left.
    const height = Math.max(frame.height, MIN_FRAME_SIDE, layoutFrameContent({ width, instructions, noteCount: 0 }).neededHeight);
    const candidates: StarterNote[] = members
      .filter((object): object is NoteRecord => object.type === 'note')
      .sort(readingOrder)
      .map((note) => ({ text: cut(note.text, MAX_STARTER_NOTE_LENGTH), color: note.color }))
      .filter((note) => note.text.length > 0);
    const allowed = Math.max(0, Math.min(candidates.length, MAX_NOTES_PER_FRAME, MAX_TEMPLATE_NOTES - notesKept));
    const notes = candidates.slice(0, fittingNotes(width, height, instructions, allowed));
    notesKept += notes.length;
    notesLeftOut += candidates.length - notes.length;
    return {
      key,
      title: cut(frame.text, MAX_FRAME_TITLE_LENGTH) || details.untitledFrame,
      ...(instructions ? { instructions } : {}),
      x: frame.x - left,
      y: frame.y - top,
      width,
      height,
      notes,
    };
  });

  const templateSteps: TemplateStep[] = steps.slice(0, MAX_TEMPLATE_STEPS).map((step) => {
    const frame = step.frameId === undefined ? undefined : keys.get(step.frameId);
    // A vote is over a frame's notes: without the frame there is nothing to open it over.
    const opens = step.opens && ('round' in step.opens || frame !== undefined) ? step.opens : undefined;
    const prompt = step.prompt === undefined ? '' : cut(step.prompt, MAX_STEP_PROMPT_LENGTH);
    return {
      title: cut(step.title, MAX_STEP_TITLE_LENGTH) || details.untitledStep,
      ...(prompt ? { prompt } : {}),
      ...(frame !== undefined ? { frame } : {}),
      ...(opens !== undefined ? { opens } : {}),
    };
  });

  const name = cut(details.name, MAX_TEMPLATE_NAME_LENGTH) || details.untitledFrame;
  const parsed = TemplateSchema.safeParse({
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    id: templateIdFor(name),
    version: 1,
    name,
    description: cut(details.description, MAX_TEMPLATE_DESCRIPTION_LENGTH) || name,
    frames: templateFrames,
    steps: templateSteps,
  });
  return parsed.success ? { ok: true, template: parsed.data, notesLeftOut } : { ok: false, reason: 'invalid' };
}

/** How many of `wanted` notes the frame's grid holds at this size (0 if it is too narrow for one). */
function fittingNotes(width: number, height: number, instructions: string, wanted: number): number {
  let count = wanted;
  // Counting down from at most MAX_NOTES_PER_FRAME: a few dozen layouts, once per frame.
  while (count > 0) {
    const layout = layoutFrameContent({ width, instructions, noteCount: count });
    if (layout.neededWidth <= width && layout.neededHeight <= height) return count;
    count--;
  }
  return 0;
}
