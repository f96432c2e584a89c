import * as Y from 'yjs';
import { getMetaMap, readSchemaVersion } from '../boardDoc.ts';
import { namedColoursAndFrames } from './003-named-colours-and-frames.ts';
import { textAsYText } from './002-text-as-ytext.ts';
import { themesTagsDuplicates } from './004-themes-tags-duplicates.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

/**
 * Numbered, in order; each takes the document from `to - 1` to `to`. Never
 * edit a shipped migration: add a new one and a before/after fixture for it
 * (shared/src/model/migrations/fixtures, tests/migrations.test.ts).
 */
export const MIGRATIONS: readonly Migration[] = [textAsYText, namedColoursAndFrames, themesTagsDuplicates];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.at(-1)?.to ?? 1;

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(`board schema version ${found} is newer than this build understands (${CURRENT_SCHEMA_VERSION})`);
  }
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Brings a content document up to CURRENT_SCHEMA_VERSION in one transaction
 * with the given origin. Only the server calls this (once, when it loads a
 * board), so two clients never race to migrate the same document.
 */
export function migrateBoardDoc(doc: Y.Doc, origin: unknown): MigrationResult {
  const from = readSchemaVersion(doc);
  if (from > CURRENT_SCHEMA_VERSION) throw new SchemaTooNewError(from);
  const pending = MIGRATIONS.filter((migration) => migration.to > from);
  const stamped = getMetaMap(doc).get('schemaVersion') === CURRENT_SCHEMA_VERSION;
  if (pending.length === 0 && stamped) return { from, to: from, applied: [] };
  doc.transact(() => {
    for (const migration of pending) migration.up(doc);
    getMetaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION);
  }, origin);
  return { from, to: CURRENT_SCHEMA_VERSION, applied: pending.map((migration) => migration.name) };
}
