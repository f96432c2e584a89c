// The writer thread's part of SqliteRoundStore (loaded by
// storage/sqliteWorker.mjs on the writer only). Plain JavaScript, like the
// worker itself.
import { parseAnswerSet, ROUND_SQL, serializeAnswerSet } from './sqliteRoundShared.mjs';
import { writeTransaction } from '../storage/sqliteShared.mjs';

/** @typedef {import('../storage/sqliteWorkerProtocol.ts').RoundAnswerMutation} RoundAnswerMutation */

/** @param {import('better-sqlite3').Database} db */
export function roundWriter(db) {
  const insertRound = db.prepare(ROUND_SQL.insertRound);
  const insertAnswerSet = db.prepare(ROUND_SQL.insertAnswerSet);
  const selectState = db.prepare(ROUND_SQL.selectState);
  const selectAnswerSet = db.prepare(ROUND_SQL.selectAnswerSet);
  const writeAnswerSet = db.prepare(ROUND_SQL.writeAnswerSet);
  const setState = db.prepare(ROUND_SQL.setState);
  const setPublishedCount = db.prepare(ROUND_SQL.setPublishedCount);

  /**
   * Answers are kept as one record per round and rewritten whole, sorted by
   * id, after the mutations of a transaction: see sqliteSchema.ts for why
   * not a row per answer.
   * @param {RoundAnswerMutation[]} items
   */
  const mutate = (items) => {
    /** @type {Map<string, { boardId: string, roundId: string, state: string, answers: ReturnType<typeof parseAnswerSet> }>} */
    const sets = new Map();
    const load = (/** @type {string} */ boardId, /** @type {string} */ roundId) => {
      const name = `${boardId}\u0000${roundId}`;
      let set = sets.get(name);
      if (!set) {
        const state = /** @type {{ state: string } | undefined} */ (selectState.get(boardId, roundId))?.state;
        const row = /** @type {{ answers: string } | undefined} */ (selectAnswerSet.get(boardId, roundId));
        if (!state || !row) return null;
        set = { boardId, roundId, state, answers: parseAnswerSet(row.answers) };
        sets.set(name, set);
      }
      return set;
    };
    const changed = new Set();
    const results = items.map((item) => {
      const set = load(item.boardId, item.roundId);
      if (item.kind === 'add') {
        if (!set) return 'missing';
        if (set.state !== 'open') return 'closed';
        if (set.answers.length >= item.maxAnswers) return 'full';
        const { answerId, receiptHash, text, lang } = item.answer;
        set.answers.push({ id: answerId, receipt: receiptHash, text, lang });
        changed.add(set);
        return 'added';
      }
      const index = set ? set.answers.findIndex((answer) => answer.receipt === item.receiptHash) : -1;
      if (!set || index === -1) return null;
      const answer = /** @type {ReturnType<typeof parseAnswerSet>[number]} */ (set.answers[index]);
      const revealed = set.state === 'revealed';
      if (item.kind === 'withdraw') set.answers.splice(index, 1);
      else if (!revealed) set.answers[index] = { ...answer, text: item.text, lang: item.lang };
      if (item.kind === 'withdraw' || !revealed) changed.add(set);
      return { roundId: item.roundId, answerId: answer.id, revealed };
    });
    for (const set of changed) writeAnswerSet.run(set.answers.length, serializeAnswerSet(set.answers), set.boardId, set.roundId);
    return results;
  };

  return {
    /** Every mutation of every group given, in one transaction; the results per group. */
    answers: writeTransaction(db, (/** @type {RoundAnswerMutation[][]} */ groups) => {
      const flat = mutate(groups.flat());
      let offset = 0;
      return groups.map((group) => flat.slice(offset, (offset += group.length)));
    }),
    createRound: writeTransaction(db, (/** @type {import('./RoundStore.ts').NewRound} */ round) => {
      insertRound.run(round.boardId, round.roundId, round.prompt, round.translations === null ? null : JSON.stringify(round.translations), round.k, round.closesAt);
      insertAnswerSet.run(round.boardId, round.roundId);
    }),
    /** @returns {boolean} */
    setState: writeTransaction(db, (/** @type {{ boardId: string, roundId: string, state: string, from: readonly string[] }} */ { boardId, roundId, state, from }) => {
      const current = /** @type {{ state: string } | undefined} */ (selectState.get(boardId, roundId))?.state;
      if (!current || !from.includes(current)) return false;
      setState.run(state, boardId, roundId);
      if (state === 'revealed') {
        // The words are on the board now; the store keeps only what edits and lookups by receipt need.
        const row = /** @type {{ answers: string }} */ (selectAnswerSet.get(boardId, roundId));
        const sealed = parseAnswerSet(row.answers).map(({ id, receipt }) => ({ id, receipt, text: null, lang: null }));
        writeAnswerSet.run(sealed.length, serializeAnswerSet(sealed), boardId, roundId);
      }
      return true;
    }),
    setPublishedCount: (/** @type {{ boardId: string, roundId: string, count: number }} */ { boardId, roundId, count }) => {
      setPublishedCount.run(count, boardId, roundId);
    },
  };
}
