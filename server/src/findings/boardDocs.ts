import * as Y from 'yjs';
import { migrateBoardDoc } from '@clapboard/shared';
import type { BoardStore, DocKey } from '../storage/BoardStore.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';

/** Marks the in-memory migration of a copy read for an export; it is never stored. */
const EXPORT_MIGRATION_ORIGIN = Symbol('findings export migration');

export interface BoardDocs {
  content: Y.Doc;
  control: Y.Doc;
  /** Lets a loaded board unload again; frees the copies otherwise. Call once the export is rendered. */
  release(): void;
}

/**
 * A board's two documents, to read an export from. A board someone has open
 * is read from its loaded rooms, held until `release`, so the export sees
 * exactly what people see; one nobody has open is read from storage into
 * fresh documents (migrated in memory, never written back), without loading
 * rooms, subscribing to fan-out or starting compaction for it. The command
 * line, which has no rooms, always reads from storage.
 */
export async function readBoardDocs(store: BoardStore, rooms: RoomRegistry | null, boardId: string): Promise<BoardDocs> {
  const contentKey: DocKey = { boardId, doc: 'content' };
  const controlKey: DocKey = { boardId, doc: 'control' };
  if (rooms?.get(contentKey)) {
    // Both already loaded (a content room holds its control room): acquiring takes no await, so neither can unload in between.
    const content = await rooms.acquire(contentKey);
    const control = await rooms.acquire(controlKey);
    return {
      content: content.doc,
      control: control.doc,
      release: () => {
        rooms.release(content);
        rooms.release(control);
      },
    };
  }
  const [content, control] = await Promise.all([loadStored(store, contentKey), loadStored(store, controlKey)]);
  migrateBoardDoc(content, EXPORT_MIGRATION_ORIGIN);
  return {
    content,
    control,
    release: () => {
      content.destroy();
      control.destroy();
    },
  };
}

async function loadStored(store: BoardStore, key: DocKey): Promise<Y.Doc> {
  const stored = await store.loadDocument(key);
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
