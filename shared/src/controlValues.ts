import { z } from 'zod';
import { ObjectIdSchema } from './ids.ts';
import { ANONYMOUS_FRAMES_SETTING, ANONYMOUS_NOTES_SETTING } from './anonymousNotes.ts';
import { DELETE_OWN_ONLY_SETTING, HIDE_CURSORS_SETTING, LOCKED_FRAMES_SETTING, LOCKED_SETTING } from './controls.ts';
import { BoardSettingsSchema } from './model/controlDoc.ts';
import { EngagementStatementSchema, STATEMENT_SETTING } from './model/statement.ts';
import { STATEMENT_TRANSLATIONS_SETTING, StatementTranslationsSchema } from './model/statementTranslations.ts';
import { PHRASEBOOK_SETTING, PhrasebookSchema } from './model/phrasebook.ts';
import { CurrentStepSchema, STEP_SETTING } from './model/steps.ts';
import { TimerSchema } from './model/timer.ts';
import { BoardStepSchema, MAX_BOARD_STEPS, STEPS_SETTING } from './templates/stepList.ts';

/**
 * What each slot of the control document's `settings` and `timers` may hold,
 * as the server checks it before it stores or relays a facilitator's update
 * (server/src/sync/recordValidation.ts). Readers already skip what does not
 * parse; this keeps it from being stored at all, so a facilitator's link
 * cannot fill the board with a megabyte "title" that every joiner downloads.
 *
 * Each slot is judged on its own, only when an update touches it: junk an
 * old board already holds in one slot does not block edits of another.
 * Strict objects: a field no reader knows is bloat, not data.
 */
const flag = z.literal(true);
const frameSet = z.record(ObjectIdSchema, z.literal(true));

const SETTING_VALUES: Readonly<Record<string, z.ZodType>> = {
  title: BoardSettingsSchema.shape.title,
  [STEP_SETTING]: CurrentStepSchema.strict(),
  [STEPS_SETTING]: z.array(BoardStepSchema.strict()).max(MAX_BOARD_STEPS),
  [STATEMENT_SETTING]: EngagementStatementSchema.strict(),
  [STATEMENT_TRANSLATIONS_SETTING]: StatementTranslationsSchema,
  [PHRASEBOOK_SETTING]: PhrasebookSchema,
  [LOCKED_SETTING]: flag,
  [HIDE_CURSORS_SETTING]: flag,
  [DELETE_OWN_ONLY_SETTING]: flag,
  [ANONYMOUS_NOTES_SETTING]: flag,
  [LOCKED_FRAMES_SETTING]: frameSet,
  [ANONYMOUS_FRAMES_SETTING]: frameSet,
};

/** Whether `value` (a nested map read as a plain object) may be stored under `settings.<key>`. Unknown keys may not. */
export function isValidSettingValue(key: string, value: unknown): boolean {
  const schema = Object.hasOwn(SETTING_VALUES, key) ? SETTING_VALUES[key] : undefined;
  return schema !== undefined && schema.safeParse(value).success;
}

/** Whether `value` may be stored under `timers.<key>`: a timer, under an id. */
export function isValidTimerValue(key: string, value: unknown): boolean {
  return ObjectIdSchema.safeParse(key).success && TimerSchema.strict().safeParse(value).success;
}
