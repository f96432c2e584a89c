import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeMonitoringAnswers, SMALLEST_REPORTED_GROUP } from '@clapboard/shared';
import { MemoryBoardStore, MemoryContactStore, MemoryMonitoringStore, SqliteBoardStore, SqliteContactStore, SqliteMonitoringStore } from '@clapboard/server';
import { participantDataContract } from './participantDataContract.ts';
import { uniqueMarker } from './support.ts';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-participant-data-')), 'test.sqlite');
const openSqlite = (filename: string) => {
  const boards = new SqliteBoardStore({ filename });
  return { boards, monitoring: new SqliteMonitoringStore(boards), contacts: new SqliteContactStore(boards) };
};

participantDataContract('memory', async () => ({ boards: new MemoryBoardStore(), monitoring: new MemoryMonitoringStore(), contacts: new MemoryContactStore() }));
participantDataContract('sqlite', async () => openSqlite(tempFile()));

describe('monitoring and contacts on disk (SQLite)', () => {
  it('refuses data for a board that is gone, instead of failing other writes', async () => {
    const { boards, monitoring, contacts } = openSqlite(tempFile());
    try {
      const limits = { groupSize: SMALLEST_REPORTED_GROUP, maxResponses: 10 };
      expect(await monitoring.add('board-never-existed00', completeMonitoringAnswers({}), limits)).toBe('missing');
      expect(await contacts.add('board-never-existed00', 'a@example.org', 10)).toBe('missing');
    } finally {
      await monitoring.close();
      await contacts.close();
      await boards.close();
    }
  });

  it('leaves the WAL empty after every response, so no earlier state of the counts or contacts stays behind', async () => {
    const filename = tempFile();
    const { boards, monitoring, contacts } = openSqlite(filename);
    try {
      await boards.createBoard({ id: 'board-eeeeeeeeeeeeeeee', tokenHashes: { facilitator: 'a', participant: 'b', observer: 'c' }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
      const first = uniqueMarker('first-contact');
      await contacts.add('board-eeeeeeeeeeeeeeee', first, 10);
      expect(fs.statSync(`${filename}-wal`).size).toBe(0);
      await contacts.add('board-eeeeeeeeeeeeeeee', uniqueMarker('second-contact'), 10);
      expect(fs.statSync(`${filename}-wal`).size).toBe(0);
      await monitoring.add('board-eeeeeeeeeeeeeeee', completeMonitoringAnswers({ ageBand: '18to24' }), { groupSize: SMALLEST_REPORTED_GROUP, maxResponses: 10 });
      expect(fs.statSync(`${filename}-wal`).size).toBe(0);
      // The first contact once, in the current list, and nowhere else (secure_delete zeroed the list it replaced).
      expect(fs.readFileSync(filename).toString('latin1').split(first).length - 1).toBe(1);
    } finally {
      await monitoring.close();
      await contacts.close();
      await boards.close();
    }
  });
});
