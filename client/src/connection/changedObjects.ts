import type * as Y from 'yjs';
import { getObjectsMap } from '@clapboard/shared';

/** Any shared type; the event type parameter does not matter for walking the tree. */
type SharedType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Ids of the board objects a transaction changed: added, deleted, or edited
 * anywhere inside (a keystroke in a note's text counts for that note). Other
 * roots of the document are ignored.
 */
export function changedObjectIds(transaction: Y.Transaction, objects: SharedType): Set<string> {
  const ids = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    if (type === objects) {
      for (const key of keys) if (key !== null) ids.add(key);
      continue;
    }
    const id = objectKeyOf(type, objects);
    if (id !== null) ids.add(id);
  }
  return ids;
}

/** The key under `objects` of the object that contains `type`, however deeply nested. */
function objectKeyOf(type: SharedType, objects: SharedType): string | null {
  let current = type;
  while (current._item) {
    const parent = current._item.parent;
    if (parent === objects) return current._item.parentSub;
    // A parent that is not a type is an unresolved ID: not part of the live tree.
    if (!parent || !('_item' in parent)) return null;
    current = parent;
  }
  return null;
}

/**
 * Feeds `onEdit` the object ids of every transaction whose origin is this
 * person's (`isLocal`); remote and storage updates never count. Returns the
 * unsubscribe function.
 */
export function watchLocalObjectEdits(doc: Y.Doc, isLocal: (origin: unknown) => boolean, onEdit: (ids: ReadonlySet<string>) => void): () => void {
  const objects = getObjectsMap(doc);
  const handle = (transaction: Y.Transaction) => {
    if (!isLocal(transaction.origin)) return;
    const ids = changedObjectIds(transaction, objects);
    if (ids.size > 0) onEdit(ids);
  };
  doc.on('afterTransaction', handle);
  return () => doc.off('afterTransaction', handle);
}
