import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, MemoryAnonymousNoteStore, MemoryBoardStore, SqliteAnonymousNoteStore, SqliteBoardStore } from '@clapboard/server';
import { anonymousNoteStoreContract } from './storeContract.ts';
import { Database } from './support.ts';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-anonymous-notes-')), 'test.sqlite');
const openSqlite = (filename: string) => {
  const boards = new SqliteBoardStore({ filename });
  return { boards, notes: new SqliteAnonymousNoteStore(boards) };
};

anonymousNoteStoreContract('memory', async () => ({ boards: new MemoryBoardStore(), notes: new MemoryAnonymousNoteStore() }));

anonymousNoteStoreContract('sqlite', async () => {
  const filename = tempFile();
  return { ...openSqlite(filename), reopen: async () => openSqlite(filename) };
});

describe('SqliteAnonymousNoteStore on disk', () => {
  const open: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const store of open.splice(0).reverse()) await store.close();
  });

  it('stores a receipt’s hash and a card’s key per note, nothing else, and zeroes a withdrawn one', async () => {
    const filename = tempFile();
    const { boards, notes } = openSqlite(filename);
    open.push(boards);
    await boards.createBoard({ id: 'board-dddddddddddddddd', tokenHashes: { facilitator: 'a', participant: 'b', observer: 'c' }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
    const receipts = Array.from({ length: 6 }, (_, index) => `RECEIPT-${index}-${'r'.repeat(30)}`);
    for (const [index, receipt] of receipts.entries()) expect(await notes.add('board-dddddddddddddddd', hashToken(receipt), `CARD-${index}-kkkkkkkkkkkk`, 100)).toBe('added');
    expect(await notes.remove('board-dddddddddddddddd', hashToken(receipts[2]!))).toBe('CARD-2-kkkkkkkkkkkk');
    await notes.close();
    await boards.close();
    open.length = 0;

    const db = new Database(filename, { readonly: true });
    try {
      expect(db.prepare("SELECT name FROM pragma_table_info('anonymous_notes')").all().map((row) => row.name)).toEqual(['board_id', 'receipt_hash', 'answer_id']);
      expect(db.prepare('SELECT COUNT(*) AS n FROM anonymous_notes').get().n).toBe(5);
    } finally {
      db.close();
    }
    // Only hashes of receipts, never a receipt; the withdrawn row's bytes are gone (secure_delete), in the file and its WAL.
    const bytes = ['', '-wal'].map((suffix) => (fs.existsSync(filename + suffix) ? fs.readFileSync(filename + suffix).toString('latin1') : '')).join('');
    for (const receipt of receipts) expect(bytes).not.toContain(receipt);
    expect(bytes).toContain(hashToken(receipts[0]!));
    expect(bytes).toContain('CARD-0-kkkkkkkkkkkk');
    expect(bytes).not.toContain('CARD-2-kkkkkkkkkkkk');
    expect(bytes).not.toContain(hashToken(receipts[2]!));
  });
});
