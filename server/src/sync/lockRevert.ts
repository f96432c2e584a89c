import { simpleDiffString } from 'lib0/diff';
import * as Y from 'yjs';
import { getObjectsMap, type TransactionOrigin } from '@clapboard/shared';

/**
 * How a participant's change to a locked object is refused (docs/protocol.md,
 * "Locks"): the update is applied and, in the same transaction, the server's
 * own client puts every locked object it touched back as it was. Yjs leaves
 * no better way. Each client's changes form one unbroken run of clocks, so a
 * dropped update leaves a gap behind which every later edit of that client
 * is refused as `MissingDependencies`, and its next sync step 2 offers the
 * locked change again; closing the connection loops the same way; and the
 * client cannot take back a change once made. Applied and reverted in one
 * transaction, the update fills its clock range, nothing of it ever shows
 * (other clients and storage get the one update of that transaction, in
 * which the participant's items are already deleted and, the server's
 * document collecting garbage, carry no content), and the participant's own
 * page receives the reversal and springs back, still connected, with the
 * rest of the same update (edits outside the lock) kept.
 *
 * Putting back: an object that did not exist is deleted again; one deleted
 * or replaced is rebuilt from a copy taken before the update (a new map
 * with the same fields, its text in a new Y.Text); one changed in place has
 * each changed field set back and its text edited back to the copy.
 */
export function applyReverting(doc: Y.Doc, update: Uint8Array, lockedIds: readonly string[], origin: Extract<TransactionOrigin, { kind: 'server' }>): void {
  const objects = getObjectsMap(doc) as Y.Map<unknown>;
  const copies = lockedIds.map((id) => [id, copyEntry(objects.get(id))] as const);
  doc.transact(() => {
    Y.applyUpdate(doc, update);
    for (const [id, copy] of copies) restoreEntry(objects, id, copy);
  }, origin);
}

/** A field as it was: a text's content (delta), a plain value, or a type we do not rebuild (kept only if untouched). */
type FieldCopy = { text: Y.Text; delta: unknown[] } | { value: unknown } | { type: Y.AbstractType<any> };

type EntryCopy = { kind: 'absent' } | { kind: 'map'; map: Y.Map<unknown>; fields: Map<string, FieldCopy> } | { kind: 'other'; value: unknown };

function copyEntry(value: unknown): EntryCopy {
  if (value === undefined) return { kind: 'absent' };
  if (!(value instanceof Y.Map)) return { kind: 'other', value };
  const fields = new Map<string, FieldCopy>();
  for (const [key, field] of value.entries() as IterableIterator<[string, unknown]>) {
    if (field instanceof Y.Text) fields.set(key, { text: field, delta: field.toDelta() as unknown[] });
    else if (field instanceof Y.AbstractType) fields.set(key, { type: field });
    else fields.set(key, { value: field });
  }
  return { kind: 'map', map: value, fields };
}

function restoreEntry(objects: Y.Map<unknown>, id: string, copy: EntryCopy): void {
  const now = objects.get(id);
  if (copy.kind === 'absent') {
    if (objects.has(id)) objects.delete(id);
  } else if (copy.kind === 'other') {
    // An integrated type cannot be put back; a plain value (an old board's junk) can.
    if (now !== copy.value && !(copy.value instanceof Y.AbstractType)) objects.set(id, copy.value);
  } else if (now !== copy.map) {
    objects.set(id, rebuild(copy.fields));
  } else {
    restoreFields(copy.map, copy.fields);
  }
}

function rebuild(fields: Map<string, FieldCopy>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, field] of fields) {
    if ('text' in field) map.set(key, textFrom(field.delta));
    else if ('value' in field) map.set(key, field.value);
  }
  return map;
}

function restoreFields(map: Y.Map<unknown>, fields: Map<string, FieldCopy>): void {
  for (const key of [...map.keys()]) if (!fields.has(key)) map.delete(key);
  for (const [key, field] of fields) {
    const now = map.get(key);
    if ('value' in field) {
      if (!map.has(key) || !sameValue(now, field.value)) map.set(key, field.value);
    } else if ('text' in field) {
      if (now !== field.text) map.set(key, textFrom(field.delta));
      else restoreText(field.text, field.delta, () => map.set(key, textFrom(field.delta)));
    }
  }
}

/** Edits the text back to `delta` with the smallest change; a change of formatting alone rebuilds it. */
function restoreText(text: Y.Text, delta: unknown[], rebuildText: () => void): void {
  if (sameValue(text.toDelta(), delta)) return;
  const wanted = plainOf(delta);
  const { index, remove, insert } = simpleDiffString(text.toString(), wanted);
  if (remove > 0) text.delete(index, remove);
  if (insert) text.insert(index, insert);
  if (!sameValue(text.toDelta(), delta)) rebuildText();
}

function textFrom(delta: unknown[]): Y.Text {
  const text = new Y.Text();
  text.applyDelta(delta);
  return text;
}

function plainOf(delta: unknown[]): string {
  return delta.map((op) => (typeof (op as { insert?: unknown }).insert === 'string' ? (op as { insert: string }).insert : '')).join('');
}

/** Plain values compared by their JSON: they come from one store, so key order matches when equal. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
