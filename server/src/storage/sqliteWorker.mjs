// A worker thread of SqliteBoardStore. Plain JavaScript on purpose: Node 20
// cannot load TypeScript, and a worker does not reliably inherit the loader
// its parent runs under (the tsx CLI, `node --import tsx`, vitest); a JS
// worker starts the same way everywhere, in tens of milliseconds. Messages:
// sqliteWorkerProtocol.ts.
//
// - writer: owns the store's only writing connection. Requests are handled
//   in the order they arrive. Every append group received while the previous
//   commit (and its fsync) was running is committed in one transaction: the
//   group commit forms by itself, and the main thread's event loop never
//   waits for a disk.
// - folder: a read-only connection for compaction: reads a document and
//   replays it into a fresh Y.Doc, keeping that CPU work off both the main
//   thread and the writer. The snapshot goes back to the writer to be stored.
//
// An answer is posted only after its transaction committed; the main thread
// treats an append as durable on that answer and never before.
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { SQL, documentReader, openConnection, writeTransaction } from './sqliteShared.mjs';

/** @typedef {import('./sqliteWorkerProtocol.ts').WorkerRequest} WorkerRequest */
/** @typedef {Extract<WorkerRequest, { op: 'append' }>} AppendRequest */
/** @typedef {import('./sqliteWorkerProtocol.ts').WorkerResponse} WorkerResponse */

const config = /** @type {import('./sqliteWorkerProtocol.ts').WorkerConfig} */ (workerData);
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

// Compaction is background work: on a server with one core (the bench pins
// it to one, as a small VPS has) a fold competes with the event loop, and
// with many boards compacting at once it stalled relays for hundreds of ms.
// At the lowest priority the thread gets the core when the event loop and
// the writer leave it idle. Linux only (a thread's id is a pid there);
// elsewhere it runs at normal priority.
if (config.role === 'folder') lowerThisThreadsPriority();

/** Sets this thread, not the process, to nice 19; best effort. */
function lowerThisThreadsPriority() {
  try {
    // '/proc/thread-self' links to '<pid>/task/<tid>'.
    const threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) os.setPriority(threadId, 19);
  } catch {
    // Not Linux, or not allowed: compaction still works, only at normal priority.
  }
}

// Only the folder replays documents; the writer need not load Yjs.
const fold = config.role === 'folder' ? (await import('./foldLog.mjs')).foldStoredDocument : null;
const db = openConnection(config.filename, config.synchronous, { readonly: config.role === 'folder' });
const read = documentReader(db);
const write = config.role === 'writer' ? writer(db) : null;
// Anonymous rounds share this database file and this writer (docs/anonymity.md).
const rounds = config.role === 'writer' ? (await import('../rounds/sqliteRoundWriter.mjs')).roundWriter(db) : null;
// And anonymous votes.
const votes = config.role === 'writer' ? (await import('../votes/sqliteVoteWriter.mjs')).voteWriter(db) : null;
// And the receipts of anonymous notes.
const anonymousNotes = config.role === 'writer' ? (await import('../anonymousNotes/sqliteAnonymousNoteWriter.mjs')).anonymousNoteWriter(db) : null;
// And link management (co-facilitators: add, rotate, revoke).
const links = config.role === 'writer' ? (await import('./sqliteLinkWriter.mjs')).linkWriter(db) : null;
// And erasure, retention dates, equality monitoring and contacts (issue #11).
const privacy = config.role === 'writer' ? (await import('../privacy/sqlitePrivacyWriter.mjs')).privacyWriter(db) : null;
// Frames a killed process left in the WAL may hold earlier states of a
// round's answers in the order they came in: fold them in and empty it.
if (write) write.truncateWal();
let closed = false;
/** Set by the test hook SqliteBoardStore.crashWriterBeforeNextCommitForTesting(). */
let crashBeforeNextCommit = false;

/** @param {import('better-sqlite3').Database} db */
function writer(db) {
  const insertBoard = db.prepare(SQL.insertBoard);
  const insertToken = db.prepare(SQL.insertToken);
  const insertUpdate = db.prepare(SQL.insertUpdate);
  const insertSnapshot = db.prepare(SQL.insertSnapshot);
  const replaceSnapshot = db.prepare(SQL.replaceSnapshot);
  const deleteUpdate = db.prepare(SQL.deleteUpdate);
  return {
    /** One transaction, one fsync, for every group given; the sequence numbers per group. */
    append: writeTransaction(db, (/** @type {AppendRequest[]} */ requests) =>
      requests.map((request) =>
        request.items.map(({ boardId, doc, update }) => Number(insertUpdate.run(boardId, doc, update).lastInsertRowid)),
      ),
    ),
    createBoard: writeTransaction(db, (/** @type {import('./BoardStore.ts').NewBoard} */ board) => {
      insertBoard.run(board.id, board.deleteOn ?? null);
      for (const [role, hash] of Object.entries(board.tokenHashes)) insertToken.run(hash, board.id, role);
      for (const [doc, update] of Object.entries(board.initialUpdates)) insertUpdate.run(board.id, doc, update);
    }),
    /**
     * BoardStore.compactDocument: the snapshot only if it is still the one
     * the compaction read, then the rows it folded and no others.
     * @returns {import('./BoardStore.ts').CompactOutcome}
     */
    compact: writeTransaction(db, (/** @type {Extract<WorkerRequest, { op: 'compact' }>} */ { boardId, doc, snapshot, folded }) => {
      const throughSeq = folded.seqs.reduce((highest, seq) => Math.max(highest, seq), 0);
      const written =
        folded.snapshotVersion === 0
          ? insertSnapshot.run(boardId, doc, snapshot, throughSeq)
          : replaceSnapshot.run(snapshot, throughSeq, boardId, doc, folded.snapshotVersion);
      if (written.changes === 0) return 'superseded';
      for (const seq of folded.seqs) deleteUpdate.run(boardId, doc, seq);
      return 'compacted';
    }),
    /**
     * After a compaction, outside its transaction. secure_delete zeroes the
     * folded rows in the pages the transaction wrote, but the WAL still holds
     * earlier copies of those pages, text and all, until its frames happen to
     * be overwritten. TRUNCATE copies every frame into the database and
     * empties the WAL file. It waits (busy_timeout) for readers still on an
     * older snapshot; if one outlasts that, the old frames stay until the
     * next compaction's checkpoint. Appends wait behind it on this thread,
     * which compaction's rarity (COMPACT_AFTER_UPDATES, unload) makes cheap.
     */
    truncateWal: () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}

/** @param {unknown} error @returns {import('./sqliteWorkerProtocol.ts').SerializedError} */
function serializeError(error) {
  if (error instanceof Error) {
    const code = /** @type {{ code?: unknown }} */ (error).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** @param {WorkerResponse} response @param {ArrayBuffer[]} [transfer] */
function answer(response, transfer = []) {
  port.postMessage(response, transfer);
}

/** @param {Exclude<WorkerRequest, AppendRequest | PrivateGroupRequest>} request */
function handle(request) {
  try {
    if (closed) throw new Error('store is closed');
    switch (request.op) {
      case 'createBoard':
        if (!write) throw new Error('not the writer');
        write.createBoard(request.board);
        answer({ id: request.id, ok: true });
        return;
      case 'compact':
        if (!write) throw new Error('not the writer');
        compactions.push({ id: request.id, outcome: write.compact(request) });
        return;
      case 'fold': {
        if (!fold) throw new Error('not the folder');
        const stored = read({ boardId: request.boardId, doc: request.doc });
        if (stored.updates.length === 0) {
          answer({ id: request.id, ok: true, value: { snapshot: null, folded: { snapshotVersion: stored.snapshotVersion, seqs: [] }, foldedUpdates: 0, snapshotBytes: stored.snapshot?.byteLength ?? 0 } });
          return;
        }
        const snapshot = fold(stored);
        const folded = { snapshotVersion: stored.snapshotVersion, seqs: stored.seqs };
        const value = { snapshot, folded, foldedUpdates: stored.updates.length, snapshotBytes: snapshot.byteLength };
        answer({ id: request.id, ok: true, value }, [/** @type {ArrayBuffer} */ (snapshot.buffer)]);
        return;
      }
      case 'createRound':
        if (!rounds || !write) throw new Error('not the writer');
        rounds.createRound(request.round);
        answer({ id: request.id, ok: true });
        return;
      case 'setRoundState': {
        if (!rounds || !write) throw new Error('not the writer');
        const changed = rounds.setState(request);
        // Revealing rewrites the answers without their words; no older copy stays in the WAL.
        if (changed) write.truncateWal();
        answer({ id: request.id, ok: true, value: changed });
        return;
      }
      case 'setPublishedCount':
        if (!rounds) throw new Error('not the writer');
        rounds.setPublishedCount(request);
        answer({ id: request.id, ok: true });
        return;
      case 'anonymousNotes':
        // No WAL truncation: these rows hold no words, and the order notes
        // came in is on the board anyway (docs/anonymity.md, "Anonymous notes").
        if (!anonymousNotes) throw new Error('not the writer');
        answer({ id: request.id, ok: true, value: anonymousNotes.mutations(request.items) });
        return;
      case 'links':
        if (!links) throw new Error('not the writer');
        answer({ id: request.id, ok: true, value: links.mutate(request.mutation) });
        return;
      case 'eraseBoards': {
        if (!privacy) throw new Error('not the writer');
        const erased = privacy.erase(request.boardIds);
        const reclaimed = request.reclaim === false ? false : privacy.reclaim();
        answer({ id: request.id, ok: true, value: { erased, reclaimed } });
        return;
      }
      case 'eraseRows':
        if (!privacy) throw new Error('not the writer');
        privacy.eraseRows(request.boardId, request.tables);
        answer({ id: request.id, ok: true });
        return;
      case 'setRetention':
        if (!privacy) throw new Error('not the writer');
        answer({ id: request.id, ok: true, value: privacy.setRetention(request.boardId, request.deleteOn) });
        return;
      case 'crashBeforeNextCommit':
        crashBeforeNextCommit = true;
        answer({ id: request.id, ok: true });
        return;
      case 'close':
        finishCompactions();
        closed = true;
        db.close();
        answer({ id: request.id, ok: true });
        return;
      default:
        throw new Error(`unknown request ${/** @type {{ op: string }} */ (request).op}`);
    }
  } catch (error) {
    answer({ id: request.id, ok: false, error: serializeError(error) });
  }
}

/** @param {AppendRequest[]} requests */
function commitAppends(requests) {
  /** @type {number[][]} */
  let seqs;
  // In a worker, process.exit() stops this thread only, mid-request, like a crash.
  if (crashBeforeNextCommit) process.exit(70);
  try {
    if (closed) throw new Error('store is closed');
    if (!write) throw new Error('not the writer');
    seqs = write.append(requests);
  } catch (error) {
    const serialized = serializeError(error);
    for (const request of requests) answer({ id: request.id, ok: false, error: serialized });
    return;
  }
  requests.forEach((request, index) => answer({ id: request.id, ok: true, value: seqs[index] }));
}

/** @typedef {Extract<WorkerRequest, { op: 'roundAnswers' | 'voteMutations' | 'privacyMutations' }>} PrivateGroupRequest */
/** @param {WorkerRequest | undefined} request */
const isPrivateGroup = (request) => request?.op === 'roundAnswers' || request?.op === 'voteMutations' || request?.op === 'privacyMutations';

/**
 * Every round-answer (or vote) group received together, in one transaction;
 * then the WAL is checkpointed and truncated before anyone is answered.
 * Otherwise the WAL would keep one frame per commit of the page holding a
 * round's answers (or a vote's tally), each a copy with one more answer (or
 * ballot) than the last: their arrival order, which the stored record itself
 * does not keep. One truncation per group, however many it holds.
 * @param {PrivateGroupRequest[]} requests
 */
function commitPrivateGroup(requests) {
  /** @type {unknown[][]} */
  let results;
  try {
    if (closed) throw new Error('store is closed');
    if (!rounds || !votes || !privacy || !write) throw new Error('not the writer');
    const groups = requests.map((request) => request.items);
    const op = requests[0]?.op;
    // Monitoring counts and contact lists are rewritten whole too; their WAL copies would keep arrival order the same way.
    results =
      op === 'voteMutations' ? votes.mutations(/** @type {any} */ (groups)) : op === 'privacyMutations' ? privacy.mutations(/** @type {any} */ (groups)) : rounds.answers(/** @type {any} */ (groups));
    write.truncateWal();
  } catch (error) {
    const serialized = serializeError(error);
    for (const request of requests) answer({ id: request.id, ok: false, error: serialized });
    return;
  }
  requests.forEach((request, index) => answer({ id: request.id, ok: true, value: results[index] }));
}

/**
 * Compactions committed in this drain, answered only once the WAL is
 * truncated (finishCompactions). One truncation serves all of them: when
 * many boards reach COMPACT_AFTER_UPDATES together (a soak at 1,500/s, 100
 * boards), one each kept the appends queued behind them waiting for
 * checkpoints, long enough to hold relays back by a second.
 * @type {Array<{ id: number, outcome: string }>}
 */
let compactions = [];

/** Truncates the WAL once if a compaction of this drain deleted rows, then answers them all. */
function finishCompactions() {
  const done = compactions;
  compactions = [];
  if (done.length === 0) return;
  try {
    // Only a compaction that deleted rows leaves their old pages in the WAL.
    if (done.some(({ outcome }) => outcome === 'compacted')) write?.truncateWal();
  } catch (error) {
    const serialized = serializeError(error);
    for (const { id } of done) answer({ id, ok: false, error: serialized });
    return;
  }
  for (const { id, outcome } of done) answer({ id, ok: true, value: outcome });
}

/** @type {WorkerRequest[]} */
let queue = [];
let drainScheduled = false;

/**
 * Runs after every message that arrived while the thread was busy has been
 * queued (setImmediate follows the poll phase that delivered them), so one
 * drain sees everything sent during the previous commit. Consecutive append
 * groups share one transaction; anything else runs on its own, in order.
 */
function drain() {
  drainScheduled = false;
  const requests = queue;
  queue = [];
  let index = 0;
  while (index < requests.length) {
    const request = /** @type {WorkerRequest} */ (requests[index]);
    if (isPrivateGroup(request)) {
      /** @type {PrivateGroupRequest[]} */
      const group = [];
      while (index < requests.length && requests[index]?.op === request.op) {
        group.push(/** @type {PrivateGroupRequest} */ (requests[index]));
        index += 1;
      }
      commitPrivateGroup(group);
      continue;
    }
    if (request.op !== 'append') {
      handle(request);
      index += 1;
      continue;
    }
    /** @type {AppendRequest[]} */
    const group = [];
    while (index < requests.length && requests[index]?.op === 'append') {
      group.push(/** @type {AppendRequest} */ (requests[index]));
      index += 1;
    }
    commitAppends(group);
  }
  finishCompactions();
}

port.on('message', (/** @type {WorkerRequest} */ request) => {
  queue.push(request);
  if (!drainScheduled) {
    drainScheduled = true;
    setImmediate(drain);
  }
});
