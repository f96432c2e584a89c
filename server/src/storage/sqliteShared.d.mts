import type Database from 'better-sqlite3';
import type { DocKey, StoredDocument } from './BoardStore.ts';

/** Opens a connection with the store's pragmas (WAL unless read-only, secure_delete, busy timeout, foreign keys). */
export declare function openConnection(filename: string, synchronous: 'FULL' | 'NORMAL', options?: { readonly?: boolean }): Database.Database;

/** A write transaction that takes the write lock when it begins (BEGIN IMMEDIATE), so it waits for another connection's write instead of failing with SQLITE_BUSY. */
export declare function writeTransaction<F extends (...args: any[]) => any>(db: Database.Database, fn: F): F;

export declare const SQL: Readonly<{
  insertBoard: string;
  insertToken: string;
  getBoard: string;
  roleForToken: string;
  listLinks: string;
  countLinks: string;
  countRoleLinks: string;
  deleteToken: string;
  insertUpdate: string;
  selectSnapshot: string;
  selectUpdates: string;
  insertSnapshot: string;
  replaceSnapshot: string;
  deleteUpdate: string;
  countUpdates: string;
}>;

/** Reads a document's snapshot and log in one read transaction, so the two agree. */
export declare function documentReader(db: Database.Database): (key: DocKey) => StoredDocument;
