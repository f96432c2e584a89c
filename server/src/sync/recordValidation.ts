import * as Y from 'yjs';
import {
  ACTION_HISTORY_KEY,
  BoardObjectSchema,
  CONTENT_ROOTS,
  CONTROL_ROOTS,
  MAX_OBJECT_TEXT,
  THEME_MEMBERS_KEY,
  isValidSettingValue,
  isValidStoredAction,
  isValidStoredTheme,
  isValidTimerValue,
} from '@clapboard/shared';
import type { Container, DecodedDeletions, InsertedItem, UpdateInspection } from './updateScope.ts';

/**
 * Would an allowed update leave a record (a board object, a theme, ...)
 * that fails its schema? Readers skip such records, but the server would
 * still store and relay them: a 54 MB note text, an object of no known type,
 * a coordinate of 1e300. So every record the update touches is judged as it
 * would be once the update is applied, and the update is refused whole
 * (CloseCode.InvalidRecord) before Yjs sees it.
 *
 * Yjs cannot undo an applied update, and a copy of the whole board per
 * keystroke costs as much as the board. So the resulting state is worked
 * out from the decoded update (updateScope.ts already says where each of
 * its items lands) and the server's document, touched records only:
 *
 * - a map key's value afterwards is one of: the value there now, unless the
 *   update deletes it, or a value the update writes there that it does not
 *   also delete. Yjs picks one by position and client id; rather than redo
 *   that, every candidate must be valid, so the check errs only towards
 *   refusing a concurrent edit that Yjs would have discarded anyway;
 * - a text's length afterwards is exact: its visible length now, less what
 *   the update deletes of it, plus what the update inserts into it and does
 *   not delete (a long text built from many small inserts is counted whole).
 *
 * A record must be valid after every update that touches it. One already
 * invalid (an old board's junk) can still be deleted, or repaired whole.
 */
export interface RecordRoot {
  /** Longest text (in UTF-16 code units, what zod counts) any text field of a record may hold. */
  maxTextLength: number;
  /** Fields that hold a Y.Text (readers read nothing else there); every other field holds a plain value, unless in `mapFields`. */
  textFields: ReadonlySet<string>;
  /** Fields that hold a nested map (read as a plain object of its entries). */
  mapFields: ReadonlySet<string>;
  /**
   * Whether a record, as a plain snapshot (texts as strings of their
   * resulting length, nested maps as plain objects), is valid, stored
   * under `key`. Fields it does not know must make it invalid.
   */
  validate(plain: Record<string, unknown>, key: string): boolean;
}

/**
 * Every field of `input` survived the parse: zod's objects drop keys they do
 * not know, and a stored unknown field is bloat; a field readers tolerate
 * (`.catch(undefined)`, a note's `lang`) comes out undefined, and a writer
 * must not store what readers would ignore.
 */
function noUnknownFields(input: Record<string, unknown>, output: unknown): boolean {
  if (typeof output !== 'object' || output === null) return false;
  const parsed = output as Record<string, unknown>;
  for (const key of Object.keys(input)) if (!(key in parsed) || (parsed[key] === undefined && input[key] !== undefined)) return false;
  return true;
}

/** `objects`: id -> board object (shared/src/model/records); the id is the key, as readObject reads it. */
export const OBJECT_RECORDS: RecordRoot = {
  maxTextLength: MAX_OBJECT_TEXT,
  textFields: new Set(['text']),
  mapFields: new Set(),
  validate(plain, key) {
    const record = { ...plain, id: key };
    const parsed = BoardObjectSchema.safeParse(record);
    return parsed.success && noUnknownFields(record, parsed.data);
  },
};

/**
 * A root whose entries are single values, each with its own rules per key
 * (`settings`, `timers`): a plain value, or one nested map read as a plain
 * object. No texts, no other types.
 */
export interface ValueRoot {
  kind: 'values';
  validate(key: string, plain: unknown): boolean;
}

/** Roots whose entries are records or values, per root name, in either document; roots not named here are only layout-checked. */
export type RecordRoots = Readonly<Record<string, RecordRoot | ValueRoot>>;

/** `themes` (content document): id -> theme, with its `members` map (shared/src/synthesis/themes.ts). */
export const THEME_RECORDS: RecordRoot = {
  maxTextLength: 0,
  textFields: new Set(),
  mapFields: new Set([THEME_MEMBERS_KEY]),
  validate: isValidStoredTheme,
};

/** `actions` (control document): id -> action, with its `history` map (shared/src/synthesis/actions.ts). */
export const ACTION_RECORDS: RecordRoot = {
  maxTextLength: 0,
  textFields: new Set(),
  mapFields: new Set([ACTION_HISTORY_KEY]),
  validate: isValidStoredAction,
};

/** `settings` (control document): one slot per setting (shared/src/controlValues.ts). */
export const SETTING_VALUES: ValueRoot = { kind: 'values', validate: isValidSettingValue };

/** `timers` (control document): timer id -> timer. */
export const TIMER_VALUES: ValueRoot = { kind: 'values', validate: isValidTimerValue };

export const DEFAULT_RECORD_ROOTS: RecordRoots = {
  [CONTENT_ROOTS.objects]: OBJECT_RECORDS,
  [CONTENT_ROOTS.themes]: THEME_RECORDS,
  [CONTROL_ROOTS.actions]: ACTION_RECORDS,
  [CONTROL_ROOTS.settings]: SETTING_VALUES,
  [CONTROL_ROOTS.timers]: TIMER_VALUES,
};

// Yjs types its own type tree with `any` events; `unknown` does not fit it.
type AnyType = Y.AbstractType<any>;

/** What one candidate value of a field is: a plain value, or a type (the server's, or one the update creates). */
type Candidate = { value: unknown } | { type: AnyType } | { created: Y.Item };

/**
 * Whether every record the update touches under `roots` stays valid.
 * `inspection` is the allowed verdict of inspectUpdate on the same doc.
 */
export function recordsStayValid(doc: Y.Doc, inspection: UpdateInspection, roots: RecordRoots = DEFAULT_RECORD_ROOTS): boolean {
  let view: UpdateView | null = null;
  for (const [rootName, entries] of inspection.touched) {
    const root = roots[rootName];
    if (!root) continue;
    view ??= new UpdateView(doc, inspection);
    const rootType = doc.share.get(rootName) as AnyType | undefined;
    for (const key of entries.keys()) {
      for (const candidate of view.candidates(rootName, rootType, key)) {
        const valid = 'kind' in root ? view.valueValid(candidate, key, root) : view.recordValid(candidate, key, root);
        if (!valid) return false;
      }
    }
  }
  return true;
}

/** The update, indexed for the questions above: what it inserts into each type, and what it deletes. */
class UpdateView {
  private readonly byContainer = new Map<Container, InsertedItem[]>();
  /** Per client, the deleted ranges [start, end), sorted and merged: a hostile update's delete set may be neither. */
  private readonly deleted = new Map<number, Array<[number, number]>>();
  private visibleDeletions: Map<AnyType, number> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    inspection: UpdateInspection,
  ) {
    for (const inserted of inspection.inserted) {
      const list = this.byContainer.get(inserted.container);
      if (list) list.push(inserted);
      else this.byContainer.set(inserted.container, [inserted]);
    }
    for (const [client, items] of (inspection.deletions as DecodedDeletions).clients) {
      const ranges = items.map(({ clock, len }) => [clock, clock + len] as [number, number]).sort((a, b) => a[0] - b[0]);
      const merged: Array<[number, number]> = [];
      for (const range of ranges) {
        const last = merged.at(-1);
        if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
        else merged.push(range);
      }
      this.deleted.set(client, merged);
    }
  }

  /** How much of [clock, clock + length) of `client` the update deletes. */
  deletedLength(client: number, clock: number, length: number): number {
    const ranges = this.deleted.get(client);
    if (!ranges) return 0;
    const end = clock + length;
    let total = 0;
    for (const [start, stop] of ranges) {
      if (start >= end) break;
      total += Math.max(0, Math.min(stop, end) - Math.max(start, clock));
    }
    return total;
  }

  private deletesItem(item: Y.Item, offset = 0): boolean {
    return this.deletedLength(item.id.client, item.id.clock + offset, item.length - offset) === item.length - offset;
  }

  /** What a map key may hold afterwards (nothing: the key is gone). */
  candidates(containerName: string | null, type: AnyType | Y.Item | undefined, key: string): Candidate[] {
    const out: Candidate[] = [];
    if (type instanceof Y.AbstractType) {
      const current = type._map.get(key);
      if (current && !current.deleted && !this.deletesItem(current)) out.push(candidateOf(current));
    }
    const containerKey: Container | undefined = containerName ?? type;
    for (const inserted of (containerKey !== undefined ? this.byContainer.get(containerKey) : undefined) ?? []) {
      if (inserted.sub !== key || inserted.item.content instanceof Y.ContentDeleted || this.deletesItem(inserted.item, inserted.offset)) continue;
      out.push(candidateOf(inserted.item));
    }
    return out;
  }

  /** Every field's every candidate, each tried in the record beside the first candidate of every other field. */
  recordValid(candidate: Candidate, key: string, root: RecordRoot): boolean {
    const map = mapOf(candidate);
    if (map === null) return false;
    const fields = new Map<string, unknown[]>();
    for (const field of this.keysOf(map)) {
      const values: unknown[] = [];
      for (const value of this.candidates(null, map, field)) {
        // A string where readers expect a Y.Text (or the reverse) reads, then breaks whoever edits it.
        if (kindOfCandidate(value) !== (root.textFields.has(field) ? 'text' : root.mapFields.has(field) ? 'map' : 'value')) return false;
        const plain = this.plainOf(value, root.maxTextLength);
        if (plain === TOO_LONG) return false;
        values.push(plain);
      }
      if (values.length > 0) fields.set(field, values);
    }
    const base: Record<string, unknown> = {};
    for (const [field, values] of fields) base[field] = values[0];
    if (!root.validate(base, key)) return false;
    for (const [field, values] of fields) {
      for (const value of values.slice(1)) if (!root.validate({ ...base, [field]: value }, key)) return false;
    }
    return true;
  }

  /** A value root's entry: a plain value or a nested map of plain values, judged whole by its key's rules. */
  valueValid(candidate: Candidate, key: string, root: ValueRoot): boolean {
    const kind = kindOfCandidate(candidate);
    if (kind !== 'value' && kind !== 'map') return false;
    const plain = this.plainOf(candidate, 0);
    return plain !== TOO_LONG && plain !== CONFLICTING && root.validate(key, plain);
  }

  /** Keys a map may have afterwards: its current ones and those the update writes. */
  private keysOf(map: AnyType | Y.Item): Set<string> {
    const keys = new Set<string>();
    if (map instanceof Y.AbstractType) for (const key of map._map.keys()) keys.add(key);
    for (const inserted of this.byContainer.get(map) ?? []) if (inserted.sub !== null) keys.add(inserted.sub);
    return keys;
  }

  /** A candidate as the schema reads it: a text as a string of its resulting length, a nested map as a plain object. */
  private plainOf(candidate: Candidate, maxTextLength: number): unknown {
    if ('value' in candidate) return candidate.value;
    const type = 'type' in candidate ? candidate.type : candidate.created;
    const isText = 'type' in candidate ? candidate.type instanceof Y.Text : (candidate.created.content as Y.ContentType).type instanceof Y.Text;
    if (isText) {
      const length = this.textLength(type);
      return length > maxTextLength ? TOO_LONG : 'x'.repeat(length);
    }
    const plain: Record<string, unknown> = {};
    for (const field of this.keysOf(type)) {
      const values = this.candidates(null, type, field).map((value) => this.plainOf(value, maxTextLength));
      if (values.includes(TOO_LONG)) return TOO_LONG;
      // A nested map's entries are each checked with the first value; a nested map with several values per key is refused.
      if (values.length > 1 && values.some((value) => value !== values[0])) return CONFLICTING;
      if (values.length > 0) plain[field] = values[0];
    }
    return plain;
  }

  /** A text's visible length once the update is applied (Y.Text.length counts the same: strings and embeds). */
  private textLength(text: AnyType | Y.Item): number {
    let length = text instanceof Y.Text ? text.length - this.deletedVisible(text) : 0;
    for (const { item, offset } of this.byContainer.get(text) ?? []) {
      if (!item.content.isCountable()) continue;
      const own = item.length - offset;
      length += own - this.deletedLength(item.id.client, item.id.clock + offset, own);
    }
    return length;
  }

  /** How much of a text the server has, and shows, the update deletes. */
  private deletedVisible(text: AnyType): number {
    this.visibleDeletions ??= this.countVisibleDeletions();
    return this.visibleDeletions.get(text) ?? 0;
  }

  /** Per type: how much the update deletes of what the server has and shows there. One pass over the deletions. */
  private countVisibleDeletions(): Map<AnyType, number> {
    const counts = new Map<AnyType, number>();
    for (const [client, ranges] of this.deleted) {
      const structs = this.doc.store.clients.get(client);
      if (!structs) continue;
      const state = Y.getState(this.doc.store, client);
      for (const [start, rangeEnd] of ranges) {
        const stop = Math.min(rangeEnd, state);
        if (start >= stop) continue;
        for (let i = Y.findIndexSS(structs, start); i < structs.length && structs[i]!.id.clock < stop; i += 1) {
          const struct = structs[i]!;
          if (!(struct instanceof Y.Item) || struct.deleted || !struct.countable) continue;
          const parent = struct.parent as AnyType;
          const length = Math.min(stop, struct.id.clock + struct.length) - Math.max(start, struct.id.clock);
          counts.set(parent, (counts.get(parent) ?? 0) + length);
        }
      }
    }
    return counts;
  }
}

/** Markers no schema accepts: a text over the limit, a nested map whose key may end up with either of two values. */
const TOO_LONG = Symbol('too long');
const CONFLICTING = Symbol('conflicting');

function candidateOf(item: Y.Item): Candidate {
  const content = item.content;
  if (content instanceof Y.ContentType) {
    // Integrated: the server's own type; decoded from the update: the item that creates it.
    return content.type._item === item ? { type: content.type } : { created: item };
  }
  const values = content.getContent();
  return { value: values[values.length - 1] };
}

function kindOfCandidate(candidate: Candidate): 'text' | 'map' | 'value' | 'other' {
  if ('value' in candidate) return 'value';
  const type = 'type' in candidate ? candidate.type : (candidate.created.content as Y.ContentType).type;
  if (type.constructor === Y.Text) return 'text';
  if (type.constructor === Y.Map) return 'map';
  return 'other';
}

/** The record's map, if the candidate is one. */
function mapOf(candidate: Candidate): AnyType | Y.Item | null {
  if ('type' in candidate) return candidate.type instanceof Y.Map ? candidate.type : null;
  if ('created' in candidate) return (candidate.created.content as Y.ContentType).type.constructor === Y.Map ? candidate.created : null;
  return null;
}
