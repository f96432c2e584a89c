// The pure part of a vote's stored state, shared by MemoryVoteStore and the
// SQLite writer thread (plain JavaScript so the worker can load it). Types:
// voteTally.d.mts.

/**
 * Applies one mutation to a vote's state in place and returns its outcome.
 * State: `{ state, perPerson, targets: string[], counts: {[id]: n},
 * spent: string[], codes: string[], ballotCount, signingKey }`. Sets are
 * kept as sorted arrays so their stored form says which members there are,
 * never in which order they came.
 * @param {any} vote
 * @param {any} item
 */
export function applyVoteMutation(vote, item) {
  if (item.kind === 'cast') {
    if (vote.state !== 'open') return 'closed';
    if (item.choices.length > vote.perPerson || new Set(item.choices).size !== item.choices.length) return 'invalid';
    if (!item.choices.every((/** @type {string} */ id) => vote.targets.includes(id))) return 'invalid';
    if (sortedHas(vote.spent, item.ballotHash)) return 'already-voted';
    sortedInsert(vote.spent, item.ballotHash);
    for (const id of item.choices) vote.counts[id] = (vote.counts[id] ?? 0) + 1;
    vote.ballotCount += 1;
    return 'counted';
  }
  if (item.kind === 'redeem') {
    if (vote.state !== 'open') return 'closed';
    const index = vote.codes.indexOf(item.codeHash);
    if (index === -1) return 'refused';
    vote.codes.splice(index, 1);
    return 'redeemed';
  }
  if (item.kind === 'close') {
    vote.state = 'closed';
    vote.signingKey = null;
    vote.codes = [];
    vote.spent = [];
    return 'closed';
  }
  throw new Error(`unknown vote mutation ${item.kind}`);
}

/** Counts with every target present, keys in sorted order (the stored form). */
export function zeroCounts(/** @type {string[]} */ targets) {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const id of [...targets].sort()) counts[id] = 0;
  return counts;
}

/** @param {string[]} sorted @param {string} value */
function sortedHas(sorted, value) {
  const index = lowerBound(sorted, value);
  return sorted[index] === value;
}

/** @param {string[]} sorted @param {string} value */
function sortedInsert(sorted, value) {
  sorted.splice(lowerBound(sorted, value), 0, value);
}

/** @param {string[]} sorted @param {string} value */
function lowerBound(sorted, value) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (/** @type {string} */ (sorted[mid]) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
