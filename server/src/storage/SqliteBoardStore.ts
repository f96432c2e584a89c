import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RoleSchema, type Role } from '@clapboard/shared';
import type { BoardRecord, BoardStore, DocKey, NewBoard, StoredDocument } from './BoardStore.ts';
import { migrateSqlite } from './sqliteSchema.ts';

export interface SqliteStoreOptions {
  /** Database file; ':memory:' for throwaway tests. */
  filename: string;
  synchronous?: 'FULL' | 'NORMAL';
}

interface PendingAppend {
  key: DocKey;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded default store. Appends are group-committed: every append made
 * in one turn of the event loop joins one transaction, so 50 writers cost one
 * WAL fsync rather than 50, and each caller's promise resolves only after
 * that commit returned.
 */
export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly statements;

  constructor(options: SqliteStoreOptions) {
    if (options.filename !== ':memory:') fs.mkdirSync(path.dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('foreign_keys = ON');
    // Another process (a second server, a backup) may hold the write lock briefly.
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db);
    this.statements = {
      insertBoard: this.db.prepare('INSERT INTO boards (id, title) VALUES (?, ?)'),
      insertToken: this.db.prepare('INSERT INTO board_tokens (token_hash, board_id, role) VALUES (?, ?, ?)'),
      getBoard: this.db.prepare('SELECT id, title FROM boards WHERE id = ?'),
      roleForToken: this.db.prepare('SELECT role FROM board_tokens WHERE token_hash = ? AND board_id = ?'),
      insertUpdate: this.db.prepare('INSERT INTO doc_updates (board_id, doc, data) VALUES (?, ?, ?)'),
      selectSnapshot: this.db.prepare('SELECT snapshot, through_seq FROM doc_snapshots WHERE board_id = ? AND doc = ?'),
      selectUpdates: this.db.prepare('SELECT seq, data FROM doc_updates WHERE board_id = ? AND doc = ? ORDER BY seq'),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO doc_snapshots (board_id, doc, snapshot, through_seq) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id, doc) DO UPDATE SET snapshot = excluded.snapshot, through_seq = excluded.through_seq
         WHERE excluded.through_seq >= doc_snapshots.through_seq`,
      ),
      deleteUpdatesThrough: this.db.prepare('DELETE FROM doc_updates WHERE board_id = ? AND doc = ? AND seq <= ?'),
      countUpdates: this.db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = ? AND doc = ?'),
    };
  }

  async createBoard(board: NewBoard): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertBoard.run(board.id, board.title);
      for (const [role, hash] of Object.entries(board.tokenHashes)) {
        this.statements.insertToken.run(hash, board.id, role);
      }
      for (const [doc, update] of Object.entries(board.initialUpdates)) {
        this.statements.insertUpdate.run(board.id, doc, Buffer.from(update));
      }
    })();
  }

  async getBoard(boardId: string): Promise<BoardRecord | null> {
    return (this.statements.getBoard.get(boardId) as BoardRecord | undefined) ?? null;
  }

  async roleForTokenHash(boardId: string, tokenHash: string): Promise<Role | null> {
    const row = this.statements.roleForToken.get(tokenHash, boardId) as { role: string } | undefined;
    return row ? RoleSchema.parse(row.role) : null;
  }

  async loadDocument(key: DocKey): Promise<StoredDocument> {
    // A queued append for this document must be visible to the reader.
    this.flush();
    return this.db.transaction(() => {
      const snapshotRow = this.statements.selectSnapshot.get(key.boardId, key.doc) as
        | { snapshot: Buffer; through_seq: number }
        | undefined;
      const rows = this.statements.selectUpdates.all(key.boardId, key.doc) as Array<{ seq: number; data: Buffer }>;
      return {
        snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.at(-1)?.seq ?? snapshotRow?.through_seq ?? 0,
      };
    })();
  }

  appendUpdate(key: DocKey, update: Uint8Array): Promise<number> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ key, update, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate runs after the poll phase, so every websocket message
        // read in this loop iteration is already queued: that is the group.
        setImmediate(() => this.flush());
      }
    });
  }

  async compactDocument(key: DocKey, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.flush();
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(key.boardId, key.doc, Buffer.from(snapshot), throughSeq);
      this.statements.deleteUpdatesThrough.run(key.boardId, key.doc, throughSeq);
    })();
  }

  async countUpdates(key: DocKey): Promise<number> {
    return (this.statements.countUpdates.get(key.boardId, key.doc) as { n: number }).n;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.db.close();
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let seqs: number[];
    try {
      seqs = this.db.transaction(() =>
        batch.map(({ key, update }) => Number(this.statements.insertUpdate.run(key.boardId, key.doc, Buffer.from(update)).lastInsertRowid)),
      )();
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    batch.forEach((append, index) => append.resolve(seqs[index]!));
  }
}
