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
  // Data protection (server/src/privacy, issue #11). delete_on: the board's
  // retention date (YYYY-MM-DD, UTC), the one the sweeper erases it on; here
  // so the sweep needs no document loaded. Boards from before it start NULL
  // and the first sweep dates them from their statement's deleteOn, else
  // DEFAULT_RETENTION_DAYS. Equality monitoring is kept as counts only (no
  // row per person, so nothing links one person's answers to each other,
  // let alone to the board), released to facilitators in groups of five;
  // contacts as one sorted list per board, rewritten whole like a round's
  // answers. Neither holds a time, a receipt, an answer id or a client id.
  `
  ALTER TABLE boards ADD COLUMN delete_on TEXT;
  CREATE INDEX boards_by_delete_on ON boards (delete_on);
  CREATE TABLE monitoring_counts (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    released INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    released_counts TEXT NOT NULL,
    pending_counts TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE contacts (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    contact_count INTEGER NOT NULL,
    contacts TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  `,
  // Published "You said, we did" links (server/src/saidDid, docs/protocol.md):
  // role 'public' reads that page and nothing else. SQLite cannot change a
  // CHECK constraint in place, so the table is rebuilt with the same rows;
  // nothing references it, and the rebuild runs in the migration's transaction.
  `
  CREATE TABLE board_tokens_next (
    token_hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer', 'public'))
  ) STRICT;
  INSERT INTO board_tokens_next (token_hash, board_id, role) SELECT token_hash, board_id, role FROM board_tokens;
  DROP TABLE board_tokens;
  ALTER TABLE board_tokens_next RENAME TO board_tokens;
  CREATE INDEX board_tokens_by_board ON board_tokens (board_id, role);
  `,
  // Interpreter links (issue #12): a participant's rights plus translation.
  // The same rebuild as above, for the same reason.
  `
  CREATE TABLE board_tokens_next (
    token_hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'interpreter', 'observer', 'public'))
  ) STRICT;
  INSERT INTO board_tokens_next (token_hash, board_id, role) SELECT token_hash, board_id, role FROM board_tokens;
  DROP TABLE board_tokens;
  ALTER TABLE board_tokens_next RENAME TO board_tokens;
  CREATE INDEX board_tokens_by_board ON board_tokens (board_id, role);
  `,
];

export function migrateSqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    // IMMEDIATE, and the version read again under the write lock: two server
    // processes opening one file at once must not both run a migration.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) !== version) return;
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  // A migration that rebuilds a table leaves free pages behind. Rows written
  // later would fill them in the order they arrive, so a row's place in the
  // file could tell when it was written (docs/anonymity.md): compact them away
  // while nothing else has the file open.
  if (current < MIGRATIONS.length && (db.pragma('freelist_count', { simple: true }) as number) > 0) db.exec('VACUUM');
}
