import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  SchemaTooNewError,
  getMetaMap,
  getObjectsMap,
  migrateBoardDoc,
  readAllObjects,
  readSchemaVersion,
  roomName,
} from '@clapboard/shared';
import { MemoryBoardStore } from '@clapboard/server';
import { connectSynced } from '../support/clients.ts';
import { startTestServer } from '../support/server.ts';

const fixtureDir = path.resolve(import.meta.dirname, '../../shared/src/model/migrations/fixtures');
const readFixture = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtureDir, name), 'utf8'));

/** Builds a document exactly as a board at that version stored it. */
function buildFixtureDoc(fixture: { schemaVersion: number | null; objects: Record<string, Record<string, unknown>> }): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (fixture.schemaVersion !== null) getMetaMap(doc).set('schemaVersion', fixture.schemaVersion);
    for (const [id, fields] of Object.entries(fixture.objects)) {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(fields)) {
        const isText = typeof value === 'object' && value !== null && '$text' in value;
        map.set(key, isText ? new Y.Text((value as { $text: string }).$text) : value);
      }
      getObjectsMap(doc).set(id, map);
    }
  });
  return doc;
}

const docJson = (doc: Y.Doc) => ({ meta: getMetaMap(doc).toJSON(), objects: getObjectsMap(doc).toJSON() });

describe('board schema migrations', () => {
  const earlierVersions = Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, index) => index + 1);

  it('are numbered consecutively up to the current version', () => {
    expect(MIGRATIONS.map((migration) => migration.to)).toEqual(earlierVersions.slice(1));
  });

  it.each(earlierVersions)('upgrade the v%i fixture to the expected current document', (version) => {
    const doc = buildFixtureDoc(readFixture(`v${version}.before.json`));
    expect(readSchemaVersion(doc)).toBe(version);
    const result = migrateBoardDoc(doc, 'test');
    expect(result.to).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.applied).toHaveLength(CURRENT_SCHEMA_VERSION - version);
    expect(docJson(doc)).toEqual(readFixture(`v${version}.after.json`));
    // The migrated document is valid for the current schema, object by object.
    expect(readAllObjects(doc)).toHaveLength(getObjectsMap(doc).size);
  });

  it('are idempotent: migrating a migrated document changes nothing', () => {
    const doc = buildFixtureDoc(readFixture('v1.before.json'));
    migrateBoardDoc(doc, 'test');
    let updates = 0;
    doc.on('update', () => (updates += 1));
    expect(migrateBoardDoc(doc, 'test').applied).toEqual([]);
    expect(updates).toBe(0);
  });

  it('refuse a document from a newer schema', () => {
    const doc = new Y.Doc();
    getMetaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
    expect(() => migrateBoardDoc(doc, 'test')).toThrow(SchemaTooNewError);
  });

  it('run on the server when it loads an old board, and clients receive the upgraded document', async () => {
    const store = new MemoryBoardStore();
    const server = await startTestServer({ store });
    try {
      const board = await server.createBoard('Old board');
      const legacy = buildFixtureDoc(readFixture('v1.before.json'));
      await store.appendUpdate({ boardId: board.id, doc: 'content' }, Y.encodeStateAsUpdate(legacy));
      // The board's own creation stamped v3; a v1 document has no stamp, so drop it to simulate a pre-versioning board.
      const stored = await store.loadDocument({ boardId: board.id, doc: 'content' });
      const only = new Y.Doc();
      Y.applyUpdate(only, stored.updates[1]!);
      await store.compactDocument({ boardId: board.id, doc: 'content' }, Y.encodeStateAsUpdate(only), stored);
      const client = await connectSynced(server.syncUrl, roomName(board.id, 'content'), board.tokens.participant);
      expect(docJson(client.doc)).toEqual(readFixture('v1.after.json'));
      client.destroy();
    } finally {
      await server.close();
    }
  });
});
