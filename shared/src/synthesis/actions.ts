import * as Y from 'yjs';
import { z } from 'zod';
import { ObjectIdSchema, randomId } from '../ids.ts';
import { CONTROL_ROOTS } from '../model/controlDoc.ts';

/**
 * Actions per theme (issue #10): what was done, will be done, or cannot be
 * done about a theme, and why. They live in the control document, so only
 * facilitators write them (the server drops anyone else's updates there).
 *
 *   Y.Map('actions')  actionId -> Y.Map {
 *                       themeId, kind, text, reason, status, owner, due,
 *                       history: Y.Map entryId -> { on, status, text, n },
 *                     }
 *
 * One nested map per action, so two facilitators editing different fields
 * of one action both keep their edit. The history is a nested map keyed by
 * a random entry id, not an array: two facilitators changing the status at
 * once each add their own key, and both entries survive the merge. An entry
 * is a plain value written once and never edited, so it needs no map of its
 * own. `n` orders entries (one more than the entries the writer saw); two
 * written at once share an `n` and fall back on their ids, the same order on
 * every client.
 *
 * Dates are calendar days only (`on`, `due`): "updated on 3 March" is what
 * the people who spoke need to read, and a time of day would only say more
 * about the facilitator's working hours.
 */
export const ACTIONS_ROOT = CONTROL_ROOTS.actions;
/** The key of an action's nested history map. */
export const ACTION_HISTORY_KEY = 'history';

export const ACTION_KINDS = ['did', 'will', 'cannot'] as const; // "we did", "we will", "we can't, because …"
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'not-possible'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Longest action text and reason: a short paragraph, read aloud at the next meeting. */
export const MAX_ACTION_TEXT = 2000;
/** Longest owner: "Housing team", "Council's translation service" — a role or team, not a paragraph. */
export const MAX_ACTION_OWNER = 120;
/**
 * History entries one action keeps. An action changes a few times over
 * months; the bound keeps a runaway script from growing one without end.
 * The oldest entries beyond it are dropped when a new one is added.
 */
export const MAX_ACTION_HISTORY = 200;

/** A calendar day, `YYYY-MM-DD`, that exists (no 2024-02-30). */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day must be YYYY-MM-DD')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'no such day');

export const ActionHistoryEntrySchema = z.object({
  /** The day of the change. */
  on: DaySchema,
  /** The status after the change. */
  status: z.enum(ACTION_STATUSES),
  /** The action's text after the change. */
  text: z.string().max(MAX_ACTION_TEXT),
});
export type ActionHistoryEntry = z.infer<typeof ActionHistoryEntrySchema>;

const ActionFieldsSchema = z.object({
  /** The theme it answers (shared/src/synthesis/themes.ts); an action of a theme that is gone is not shown. */
  themeId: ObjectIdSchema,
  /** Which of the three answers to "you said" it is. */
  kind: z.enum(ACTION_KINDS),
  /** What was or will be done, or what cannot be. */
  text: z.string().max(MAX_ACTION_TEXT),
  /** Why it cannot be done; required non-empty when kind === 'cannot' (a "no" without a reason is not feedback). */
  reason: z.string().max(MAX_ACTION_TEXT),
  status: z.enum(ACTION_STATUSES),
  /** A role or team ("Housing team"), never a participant's name: the page is read by everyone who spoke. */
  owner: z.string().max(MAX_ACTION_OWNER),
  /** When it is due, or null. */
  due: DaySchema.nullable(),
});

/** An action as readers see it: its fields, and its history oldest first. */
export const ThemeActionSchema = ActionFieldsSchema.extend({
  id: ObjectIdSchema,
  history: z.array(ActionHistoryEntrySchema),
}).refine((action) => action.kind !== 'cannot' || action.reason.trim() !== '', {
  message: "a \"we can't\" action needs a reason",
  path: ['reason'],
});
export type ThemeAction = z.infer<typeof ThemeActionSchema>;

/** A stored history entry: the entry and its order. */
const StoredHistoryEntrySchema = ActionHistoryEntrySchema.extend({ n: z.number().int().nonnegative() });

/** The fields an action's editor may change. */
export type ThemeActionPatch = Partial<z.infer<typeof ActionFieldsSchema>>;

/** An action to create: everything but `id` and `history`; optional fields start empty. */
export interface NewThemeAction {
  id?: string;
  themeId: string;
  kind: ActionKind;
  text: string;
  reason?: string;
  status?: ActionStatus;
  owner?: string;
  due?: string | null;
}

/**
 * What an operation did. `reason-required`: a "we can't" action without a
 * reason; `invalid`: a field out of bounds (the message says which);
 * `not-found`: no valid action under that id.
 */
export type ActionOutcome = { ok: true; id: string } | { ok: false; error: 'reason-required' | 'invalid' | 'not-found'; message: string };

export function getActionsMap(controlDoc: Y.Doc): Y.Map<unknown> {
  return controlDoc.getMap<unknown>(ACTIONS_ROOT);
}

/** The local calendar day of `date`: the day the facilitator making the change sees on their own calendar. */
export function localDay(date: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Adds an action with a first history entry (`on`: today's day), and
 * returns its id; refuses invalid fields and a "we can't" with no reason.
 * Runs in one transaction with `origin` (nested in the caller's when there is one).
 */
export function addAction(controlDoc: Y.Doc, action: NewThemeAction, on: string, origin: unknown = null): ActionOutcome {
  const id = action.id ?? randomId();
  const fields = {
    themeId: action.themeId,
    kind: action.kind,
    text: action.text,
    reason: action.reason ?? '',
    status: action.status ?? 'planned',
    owner: action.owner ?? '',
    due: action.due ?? null,
  };
  const checked = checkAction({ id, ...fields, history: [] }, on);
  if (!checked.ok) return checked;
  controlDoc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(ActionFieldsSchema.parse(fields))) map.set(key, value);
    map.set(ACTION_HISTORY_KEY, new Y.Map<unknown>());
    getActionsMap(controlDoc).set(id, map);
    appendHistory(map, { on, status: fields.status, text: fields.text });
  }, origin);
  return { ok: true, id };
}

/**
 * Changes some fields of an action. Only fields that differ are written (an
 * unchanged field written again would overwrite a colleague's concurrent
 * edit of it). A change of status or text adds a history entry dated `on`.
 * The result must be a valid action: a "we can't" keeps a reason.
 */
export function updateAction(controlDoc: Y.Doc, id: string, patch: ThemeActionPatch, on: string, origin: unknown = null): ActionOutcome {
  const map = getActionMap(controlDoc, id);
  const current = map ? readAction(id, map) : null;
  if (!map || !current) return { ok: false, error: 'not-found', message: 'no such action' };
  const next = { ...current, ...patch };
  const checked = checkAction(next, on);
  if (!checked.ok) return checked;
  const changed = (Object.keys(ActionFieldsSchema.shape) as Array<keyof ThemeActionPatch>).filter((key) => patch[key] !== undefined && patch[key] !== current[key]);
  if (changed.length === 0) return { ok: true, id };
  controlDoc.transact(() => {
    for (const key of changed) map.set(key, next[key]);
    if (changed.includes('status') || changed.includes('text')) appendHistory(map, { on, status: next.status, text: next.text });
  }, origin);
  return { ok: true, id };
}

/** Removes an action and its history; false when there was none. */
export function removeAction(controlDoc: Y.Doc, id: string, origin: unknown = null): boolean {
  const actions = getActionsMap(controlDoc);
  if (!actions.has(id)) return false;
  controlDoc.transact(() => actions.delete(id), origin);
  return true;
}

/**
 * Every valid action, sorted by (themeId, id). An action whose fields fail
 * their schema (a peer on another version, a hostile write) is skipped, not
 * thrown on; a history entry that fails its schema is left out of the history.
 */
export function readThemeActions(controlDoc: Y.Doc): ThemeAction[] {
  const out: ThemeAction[] = [];
  for (const [id, value] of getActionsMap(controlDoc).entries() as IterableIterator<[string, unknown]>) {
    if (!(value instanceof Y.Map)) continue;
    const action = readAction(id, value);
    if (action) out.push(action);
  }
  return out.sort((a, b) => compare(a.themeId, b.themeId) || compare(a.id, b.id));
}

/** The actions of one theme, in reading order. */
export function actionsOfTheme(actions: readonly ThemeAction[], themeId: string): ThemeAction[] {
  return actions.filter((action) => action.themeId === themeId);
}

function getActionMap(controlDoc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value: unknown = getActionsMap(controlDoc).get(id);
  return value instanceof Y.Map ? value : null;
}

function readAction(id: string, map: Y.Map<unknown>): ThemeAction | null {
  const plain: Record<string, unknown> = { id };
  for (const key of Object.keys(ActionFieldsSchema.shape)) plain[key] = map.get(key);
  plain.history = readHistory(map).map(({ on, status, text }) => ({ on, status, text }));
  const parsed = ThemeActionSchema.safeParse(plain);
  return parsed.success ? parsed.data : null;
}

interface OrderedEntry extends ActionHistoryEntry {
  key: string;
  n: number;
}

/** Valid entries oldest first: by `n`, then by entry id. */
function readHistory(map: Y.Map<unknown>): OrderedEntry[] {
  const history = map.get(ACTION_HISTORY_KEY);
  if (!(history instanceof Y.Map)) return [];
  const entries: OrderedEntry[] = [];
  for (const [key, value] of history.entries() as IterableIterator<[string, unknown]>) {
    const parsed = StoredHistoryEntrySchema.safeParse(value);
    if (parsed.success) entries.push({ key, ...parsed.data });
  }
  return entries.sort((a, b) => a.n - b.n || compare(a.key, b.key));
}

function appendHistory(map: Y.Map<unknown>, entry: ActionHistoryEntry): void {
  let history = map.get(ACTION_HISTORY_KEY);
  if (!(history instanceof Y.Map)) {
    history = new Y.Map<unknown>();
    map.set(ACTION_HISTORY_KEY, history);
  }
  const historyMap = history as Y.Map<unknown>;
  const existing = readHistory(map);
  const n = existing.reduce((highest, stored) => Math.max(highest, stored.n), 0) + 1;
  historyMap.set(randomId(), { on: entry.on, status: entry.status, text: entry.text, n });
  for (const old of existing.slice(0, Math.max(0, existing.length + 1 - MAX_ACTION_HISTORY))) historyMap.delete(old.key);
}

function checkAction(action: unknown, on: string): ActionOutcome {
  if (!DaySchema.safeParse(on).success) return { ok: false, error: 'invalid', message: 'the day of the change must be YYYY-MM-DD' };
  const parsed = ThemeActionSchema.safeParse(action);
  if (parsed.success) return { ok: true, id: parsed.data.id };
  const reasonMissing = parsed.error.issues.some((issue) => issue.path[0] === 'reason' && issue.code === 'custom');
  if (reasonMissing) return { ok: false, error: 'reason-required', message: "a \"we can't\" action needs a reason" };
  return { ok: false, error: 'invalid', message: z.prettifyError(parsed.error) };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether an action map, as a plain snapshot (its history map as a plain
 * object), is what this build writes: known fields only, each in bounds, and
 * at most MAX_ACTION_HISTORY history entries. For a server that judges
 * records before storing them (the key is the action id). A "we can't"
 * without a reason is not refused here: two facilitators' concurrent edits
 * can make one, and the reader shows it; the editor asks for the reason.
 */
export function isValidStoredAction(plain: Record<string, unknown>, key: string): boolean {
  if (!ObjectIdSchema.safeParse(key).success) return false;
  const { [ACTION_HISTORY_KEY]: history, ...fields } = plain;
  if (history !== undefined) {
    if (typeof history !== 'object' || history === null) return false;
    const entries = Object.values(history);
    if (entries.length > MAX_ACTION_HISTORY || !entries.every((entry) => StoredHistoryEntrySchema.strict().safeParse(entry).success)) return false;
  }
  return ActionFieldsSchema.strict().safeParse(fields).success;
}
