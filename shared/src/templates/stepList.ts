import type * as Y from 'yjs';
import { z } from 'zod';
import { ObjectIdSchema } from '../ids.ts';
import { getSettingsMap } from '../model/controlDoc.ts';
import type { CurrentStep } from '../model/steps.ts';
import { MAX_STEP_PROMPT_LENGTH, MAX_STEP_TITLE_LENGTH, StepOpensSchema } from './schema.ts';

/**
 * The board's steps: every template's sessions or questions, in the order
 * they were added, under `settings.steps` in the control document. The
 * current one is `settings.step` (../model/steps.ts), which the facilitator
 * writes when they move on; this is the list they move through.
 *
 * One plain JSON array in one settings slot, not a Y.Map per step: the
 * settings layout allows plain values and one level of maps only
 * (../model/layout.ts), the list is written whole by the server when a
 * template is added, and nobody edits one step's fields alongside another
 * person.
 */
export const STEPS_SETTING = 'steps';

/** Steps one board may hold: several templates' worth, still a list a facilitator can scroll. */
export const MAX_BOARD_STEPS = 100;

/** One step as stored on a board: a template step whose frame key became the frame's id there. */
export const BoardStepSchema = z.object({
  title: z.string().min(1).max(MAX_STEP_TITLE_LENGTH),
  prompt: z.string().max(MAX_STEP_PROMPT_LENGTH).optional(),
  frameId: ObjectIdSchema.optional(),
  opens: StepOpensSchema.optional(),
});
export type BoardStep = z.infer<typeof BoardStepSchema>;

/**
 * The board's steps. Entries that do not parse are skipped rather than
 * failing the list: a facilitator's client of another version may have
 * written one. Skipping shifts later indexes, which only matters for a
 * board that is already broken.
 */
export function readBoardSteps(controlDoc: Y.Doc): BoardStep[] {
  const value: unknown = getSettingsMap(controlDoc).get(STEPS_SETTING);
  if (!Array.isArray(value)) return [];
  const steps: BoardStep[] = [];
  for (const entry of value.slice(0, MAX_BOARD_STEPS)) {
    const parsed = BoardStepSchema.safeParse(entry);
    if (parsed.success) steps.push(parsed.data);
  }
  return steps;
}

/** Writes the whole list. Call inside a transaction with the writer's origin. */
export function writeBoardSteps(controlDoc: Y.Doc, steps: readonly BoardStep[]): void {
  // Plain copies: Yjs stores the value as JSON, and undefined fields would be kept as nulls by some encoders.
  getSettingsMap(controlDoc).set(STEPS_SETTING, steps.map((step) => JSON.parse(JSON.stringify(step)) as BoardStep));
}

/** What `settings.step` holds while the board is on step `index` of `steps`. */
export function currentStepFor(steps: readonly BoardStep[], index: number): CurrentStep | null {
  const step = steps[index];
  if (!step) return null;
  return {
    index,
    count: steps.length,
    title: step.title,
    ...(step.prompt !== undefined ? { prompt: step.prompt } : {}),
    ...(step.frameId !== undefined ? { frameId: step.frameId } : {}),
  };
}
