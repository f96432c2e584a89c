import type Database from 'better-sqlite3';

/**
 * SQL schema, versioned with PRAGMA user_version. Deliberately absent:
 * timestamps, client ids and addresses next to updates, so the database
 * cannot say who wrote what or exactly when.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL
  ) STRICT;
  CREATE TABLE board_tokens (
    token_hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer'))
  ) STRICT;
  CREATE TABLE doc_snapshots (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    doc TEXT NOT NULL,
    snapshot BLOB NOT NULL,
    through_seq INTEGER NOT NULL,
    PRIMARY KEY (board_id, doc)
  ) STRICT;
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    doc TEXT NOT NULL,
    data BLOB NOT NULL
  ) STRICT;
  CREATE INDEX doc_updates_by_doc ON doc_updates (board_id, doc, seq);
  `,
];

export function migrateSqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
