import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteBoardStore } from '@clapboard/server';

/**
 * Two server processes may share one SQLite file (tests of revocation and
 * erasure across processes do). Every write of one store reads first, then
 * writes, while the other store commits in between: a deferred transaction
 * would then fail at once with SQLITE_BUSY. Each write must wait its turn
 * and succeed.
 */
describe('two SQLite stores on one file', () => {
  const open: SqliteBoardStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  const hash = (label: string, index: number) => `${label}${index}-`.padEnd(64, '0');
  const update = (text: string) => {
    const doc = new Y.Doc();
    doc.getMap('objects').set(text, text);
    return Y.encodeStateAsUpdate(doc);
  };

  it('interleave link changes, appends and board creation without one failure', async () => {
    const filename = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-two-stores-')), 'shared.sqlite');
    const one = new SqliteBoardStore({ filename });
    open.push(one);
    await one.createBoard({ id: 'board-aaaaaaaaaaaaaaaa', tokenHashes: { facilitator: hash('f', 0), participant: hash('p', 0), observer: hash('o', 0) }, initialUpdates: { content: update('first'), control: update('first') } });
    const two = new SqliteBoardStore({ filename });
    open.push(two);
    const boardId = 'board-aaaaaaaaaaaaaaaa';
    const rounds = 40;
    const work: Promise<unknown>[] = [];
    for (let index = 1; index <= rounds; index += 1) {
      const [writer, other] = index % 2 === 0 ? [one, two] : [two, one];
      work.push(
        writer.addLink(boardId, { tokenHash: hash('x', index), role: 'participant' }, 1_000).then(() => other.revokeLink(boardId, hash('x', index))),
        writer.appendUpdate({ boardId, doc: 'content' }, update(`a${index}`)),
        other.appendUpdate({ boardId, doc: 'content' }, update(`b${index}`)),
        other.createBoard({ id: `board-${String(index).padStart(16, 'b')}`, tokenHashes: { facilitator: hash('F', index), participant: hash('P', index), observer: hash('O', index) }, initialUpdates: { content: update('x'), control: update('x') } }),
      );
    }
    const outcomes = await Promise.allSettled(work);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    const stored = await two.loadDocument({ boardId, doc: 'content' });
    const replica = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(replica, stored.snapshot);
    for (const row of stored.updates) Y.applyUpdate(replica, row);
    expect(replica.getMap('objects').size).toBe(1 + 2 * rounds);
    expect((await one.listLinks(boardId)).map((link) => link.tokenHash).sort()).toEqual([hash('f', 0), hash('o', 0), hash('p', 0)].sort());
  });
});
