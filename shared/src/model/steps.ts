import type * as Y from 'yjs';
import { z } from 'zod';
import { ObjectIdSchema } from '../ids.ts';
import { getSettingsMap } from './controlDoc.ts';

/**
 * The step a facilitator is on (issue #8): a template's session or
 * question, stepped through with "next", under `settings.step` in the
 * control document. The room display and every participant's page show
 * its title and prompt; `frameId` is the frame everyone's view moves to.
 */
export const CurrentStepSchema = z.object({
  index: z.number().int().nonnegative(),
  count: z.number().int().positive(),
  title: z.string().max(200),
  prompt: z.string().max(1000).optional(),
  frameId: ObjectIdSchema.optional(),
});
export type CurrentStep = z.infer<typeof CurrentStepSchema>;

export const STEP_SETTING = 'step';

/** The current step, or null when the board is not being stepped through. */
export function readCurrentStep(controlDoc: Y.Doc): CurrentStep | null {
  const value = getSettingsMap(controlDoc).get(STEP_SETTING);
  const plain = value && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
  const parsed = CurrentStepSchema.safeParse(plain);
  return parsed.success ? parsed.data : null;
}
