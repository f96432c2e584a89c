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
  // A compaction replaces the snapshot only if it is still the one it read
  // (BoardStore.compactDocument); through_seq cannot tell, since a later
  // compaction may fold rows with lower seqs. Existing snapshots start at 1.
  `
  ALTER TABLE doc_snapshots ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  `,
  // The title lives in the board's control document (settings.title), where
  // facilitators rename it; a second copy here went stale on every rename.
  `
  ALTER TABLE boards DROP COLUMN title;
  `,
  // Anonymous rounds (server/src/rounds, docs/anonymity.md). No time, client
  // id, connection, token or address next to an answer. A round's answers
  // are one record, rewritten whole (sorted by their random ids) on every
  // change: a row per answer would sit in the page in arrival order, since
  // SQLite lays out each new cell below the previous one whatever its key.
  `
  CREATE TABLE rounds (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL,
    prompt TEXT NOT NULL,
    translations TEXT,
    k INTEGER NOT NULL,
    closes_at TEXT,
    state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'revealed')),
    published_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (board_id, round_id)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE round_answers (
    board_id TEXT NOT NULL,
    round_id TEXT NOT NULL,
    answer_count INTEGER NOT NULL,
    answers TEXT NOT NULL,
    PRIMARY KEY (board_id, round_id),
    FOREIGN KEY (board_id, round_id) REFERENCES rounds (board_id, round_id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID;
  `,
  // Anonymous dot votes (server/src/votes, docs/anonymity.md). One row per
  // vote, rewritten whole on every ballot: the spent ballots' hashes and the
  // unredeemed codes' hashes as sorted JSON arrays, the tally as counts per
  // target. A row per ballot would keep arrival order, and a ballot's hash
  // next to its choices is exactly the link the vote must not keep.
  `
  CREATE TABLE votes (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    vote_id TEXT NOT NULL,
    access TEXT NOT NULL CHECK (access IN ('anyone', 'codes')),
    per_person INTEGER NOT NULL,
    targets TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    public_key TEXT,
    signing_key TEXT,
    ballot_count INTEGER NOT NULL DEFAULT 0,
    counts TEXT NOT NULL,
    spent TEXT NOT NULL,
    codes TEXT NOT NULL,
    PRIMARY KEY (board_id, vote_id)
  ) STRICT, WITHOUT ROWID;
  `,
  // Receipts of anonymous notes (server/src/anonymousNotes, docs/anonymity.md
  // "Anonymous notes"): the receipt's SHA-256 and the note's card key, both
  // random, nothing else. Keyed by the hash, no rowid: no column counts up.
  // Cells may still sit in a page in arrival order, which says nothing new:
  // the notes appear on the board live, one by one, under the server's
  // counting-up Yjs clocks.
  `
  CREATE TABLE anonymous_notes (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    receipt_hash TEXT NOT NULL,
    answer_id TEXT NOT NULL,
    PRIMARY KEY (board_id, receipt_hash)
  ) STRICT, WITHOUT ROWID;
  `,
  // Link management (server/src/links, docs/protocol.md "Links"): listing a
  // board's links and counting its facilitator links (a board keeps at
  // least one) look tokens up by board, which the token_hash key cannot do.
  // IF NOT EXISTS: a database put back to an older user_version by hand keeps it.
  `
  CREATE INDEX IF NOT EXISTS board_tokens_by_board ON board_tokens (board_id, role);
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
