import type { SparseVector } from './vectors.ts';

/**
 * Average-linkage agglomerative clustering of unit vectors under cosine
 * similarity, cut where the best remaining merge falls below a threshold.
 *
 * Why average linkage: single linkage chains unrelated notes through one
 * shared word; complete linkage splits a theme as soon as two of its notes
 * use different words. Average linkage asks that a note be similar to a
 * group *on average*, which is what "these notes are about the same thing"
 * means for short texts.
 *
 * Everything here works on indices into arrays the caller sorted by note id,
 * and breaks every tie by the lower index, so the same notes in any order
 * give the same groups.
 */

/**
 * All pairwise dot products, as a dense n x n matrix, through an inverted
 * index: each note is multiplied only with earlier notes it shares a feature
 * with. Cost: the sum over features of (notes with the feature)^2 / 2.
 * `scales` (optional) multiplies row i and column j: 1/size turns sums of
 * member vectors into the average similarity between two groups.
 */
export function similarityMatrix(vectors: readonly SparseVector[], featureCount: number, scales?: Float64Array): Float64Array {
  const n = vectors.length;
  const offsets = new Int32Array(featureCount + 1);
  for (const vector of vectors) for (const feature of vector.indices) offsets[feature + 1]! += 1;
  for (let feature = 0; feature < featureCount; feature += 1) offsets[feature + 1]! += offsets[feature]!;
  const postingNote = new Int32Array(offsets[featureCount]!);
  const postingValue = new Float64Array(offsets[featureCount]!);
  const filled = offsets.slice(0, featureCount);
  const similarity = new Float64Array(n * n);
  for (let note = 0; note < n; note += 1) {
    const { indices, values } = vectors[note]!;
    const row = note * n;
    for (let position = 0; position < indices.length; position += 1) {
      const feature = indices[position]!;
      const weight = values[position]!;
      const start = offsets[feature]!;
      const end = filled[feature]!;
      for (let posting = start; posting < end; posting += 1) similarity[row + postingNote[posting]!]! += weight * postingValue[posting]!;
      postingNote[end] = note;
      postingValue[end] = weight;
      filled[feature] = end + 1;
    }
  }
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < i; j += 1) {
      const value = scales ? similarity[i * n + j]! * scales[i]! * scales[j]! : similarity[i * n + j]!;
      similarity[i * n + j] = value;
      similarity[j * n + i] = value;
    }
  }
  return similarity;
}

/**
 * Average linkage by the nearest-neighbour chain algorithm: O(n^2) time on a
 * dense similarity matrix (updated in place), instead of the O(n^3) of
 * searching the whole matrix for the best pair before every merge. It gives
 * the same merges as the greedy algorithm because average linkage is
 * reducible: merging A and B never brings the result closer to C than A or B
 * already was. The same property makes the threshold cut safe: once a
 * group's best similarity is below the threshold, it never rises above it,
 * so that group is final.
 *
 * `sizes` are the starting groups' sizes (1 for single notes), for the
 * Lance-Williams update sim(A+B, C) = (|A| sim(A,C) + |B| sim(B,C)) / (|A|+|B|).
 * Returns the groups of starting indices, each ascending, ordered by their
 * first index.
 */
export function averageLinkage(similarity: Float64Array, n: number, sizes: ArrayLike<number>, threshold: number): number[][] {
  const size = Float64Array.from({ length: n }, (_, index) => sizes[index]!);
  /** 1 while a group may still merge; 0 once merged away or final. */
  const open = new Uint8Array(n).fill(1);
  const members: Array<number[] | null> = Array.from({ length: n }, (_, index) => [index]);
  const chain: number[] = [];
  let firstOpen = 0;
  for (;;) {
    if (chain.length === 0) {
      while (firstOpen < n && !open[firstOpen]) firstOpen += 1;
      if (firstOpen >= n) break;
      chain.push(firstOpen);
    }
    const top = chain[chain.length - 1]!;
    const previous = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    const row = top * n;
    // Prefer the previous link on a tie: that is what guarantees the chain ends in a reciprocal pair.
    let nearest = previous;
    let nearestSimilarity = previous >= 0 ? similarity[row + previous]! : -Infinity;
    for (let other = firstOpen; other < n; other += 1) {
      if (other === top || !open[other]) continue;
      const value = similarity[row + other]!;
      if (value > nearestSimilarity) {
        nearestSimilarity = value;
        nearest = other;
      }
    }
    if (nearest < 0 || nearestSimilarity < threshold) {
      // Similarities rise along the chain, so every group on it is below the threshold too.
      for (const group of chain) open[group] = 0;
      chain.length = 0;
      continue;
    }
    if (nearest !== previous) {
      chain.push(nearest);
      continue;
    }
    chain.length -= 2;
    const kept = Math.min(top, nearest);
    const gone = Math.max(top, nearest);
    const keptSize = size[kept]!;
    const goneSize = size[gone]!;
    const total = keptSize + goneSize;
    for (let other = firstOpen; other < n; other += 1) {
      if (!open[other] || other === kept || other === gone) continue;
      const value = (keptSize * similarity[kept * n + other]! + goneSize * similarity[gone * n + other]!) / total;
      similarity[kept * n + other] = value;
      similarity[other * n + kept] = value;
    }
    size[kept] = total;
    open[gone] = 0;
    members[kept] = mergeSorted(members[kept]!, members[gone]!);
    members[gone] = null;
  }
  return members.filter((group): group is number[] => group !== null);
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return merged;
}

/** The sum of the member vectors of each group: its average similarity to anything is a dot product divided by its size. */
export function groupSums(vectors: readonly SparseVector[], groups: readonly (readonly number[])[]): SparseVector[] {
  return groups.map((group) => {
    const sum = new Map<number, number>();
    for (const note of group) {
      const { indices, values } = vectors[note]!;
      for (let position = 0; position < indices.length; position += 1) sum.set(indices[position]!, (sum.get(indices[position]!) ?? 0) + values[position]!);
    }
    const indices = Int32Array.from(sum.keys()).sort();
    return { indices, values: Float64Array.from(indices, (feature) => sum.get(feature)!) };
  });
}

/**
 * Above this many notes the dense matrix (8 n^2 bytes: 32 MB at 2,000, 800 MB
 * at 10,000) and its O(n^2) pairs are too much, and `clusterVectors` works in
 * rounds instead.
 */
export const DENSE_LIMIT = 2000;

/**
 * Clusters any number of notes. Up to `denseLimit` notes: exact average
 * linkage. Beyond, in rounds (the "buckshot" idea from Scatter/Gather):
 *
 * 1. cluster an evenly spaced sample of `denseLimit` of the pending notes
 *    exactly;
 * 2. give every other pending note to the sample group it is most similar to
 *    on average, if that average reaches the threshold (the same test
 *    average linkage applies to a merge with a group of one);
 * 3. the notes that matched no group are the next round's pending notes;
 * 4. finally, average linkage again over the groups of two or more from all
 *    rounds (their exact average similarities from member sums), so two
 *    groups found in different rounds, or grown apart by step 2, can still
 *    merge.
 *
 * The trade-off: a note outside the sample joins a group as it stood after
 * the sample was clustered, and the groups' own coherence is not re-checked
 * as they grow; a theme with no note in a round's sample is found only in a
 * later round (step 3) and then joined in step 4. Time is about a few exact
 * runs of `denseLimit` notes plus one sparse pass per round, instead of
 * O(n^2) time and memory for the exact algorithm.
 */
export function clusterVectors(vectors: readonly SparseVector[], featureCount: number, threshold: number, denseLimit = DENSE_LIMIT): number[][] {
  const n = vectors.length;
  if (n <= denseLimit) return averageLinkage(similarityMatrix(vectors, featureCount), n, new Float64Array(n).fill(1), threshold);

  const found: number[][] = [];
  let pending = Array.from({ length: n }, (_, index) => index);
  while (pending.length > 0) {
    if (pending.length <= denseLimit) {
      const exact = averageLinkage(similarityMatrix(pending.map((note) => vectors[note]!), featureCount), pending.length, new Float64Array(pending.length).fill(1), threshold);
      found.push(...exact.map((group) => group.map((position) => pending[position]!)));
      break;
    }
    const inSample = new Uint8Array(n);
    const sample = Array.from({ length: denseLimit }, (_, k) => pending[Math.floor((k * pending.length) / denseLimit)]!);
    for (const note of sample) inSample[note] = 1;
    const groups = averageLinkage(similarityMatrix(sample.map((note) => vectors[note]!), featureCount), sample.length, new Float64Array(sample.length).fill(1), threshold).map((group) =>
      group.map((position) => sample[position]!),
    );
    const joined = assignToGroups(
      vectors,
      featureCount,
      groups,
      pending.filter((note) => !inSample[note]),
      threshold,
    );
    found.push(...joined.groups);
    pending = joined.unmatched;
  }
  return reconcile(vectors, featureCount, found, threshold, denseLimit);
}

function assignToGroups(
  vectors: readonly SparseVector[],
  featureCount: number,
  groups: readonly number[][],
  notes: readonly number[],
  threshold: number,
): { groups: number[][]; unmatched: number[] } {
  const sums = groupSums(vectors, groups);
  // Inverted index over the group sums, each weight already divided by the group's size (its mean vector).
  const offsets = new Int32Array(featureCount + 1);
  for (const sum of sums) for (const feature of sum.indices) offsets[feature + 1]! += 1;
  for (let feature = 0; feature < featureCount; feature += 1) offsets[feature + 1]! += offsets[feature]!;
  const postingGroup = new Int32Array(offsets[featureCount]!);
  const postingMean = new Float64Array(offsets[featureCount]!);
  const filled = offsets.slice(0, featureCount);
  sums.forEach((sum, group) => {
    for (let position = 0; position < sum.indices.length; position += 1) {
      const slot = filled[sum.indices[position]!]!++;
      postingGroup[slot] = group;
      postingMean[slot] = sum.values[position]! / groups[group]!.length;
    }
  });

  const grown = groups.map((group) => [...group]);
  const unmatched: number[] = [];
  const score = new Float64Array(groups.length);
  const touched: number[] = [];
  for (const note of notes) {
    const { indices, values } = vectors[note]!;
    for (let position = 0; position < indices.length; position += 1) {
      const feature = indices[position]!;
      for (let posting = offsets[feature]!; posting < offsets[feature + 1]!; posting += 1) {
        const group = postingGroup[posting]!;
        if (score[group] === 0) touched.push(group);
        score[group]! += values[position]! * postingMean[posting]!;
      }
    }
    let best = -1;
    let bestScore = -Infinity;
    for (const group of touched) {
      if (score[group]! > bestScore || (score[group] === bestScore && group < best)) {
        best = group;
        bestScore = score[group]!;
      }
    }
    if (best >= 0 && bestScore >= threshold) grown[best]!.push(note);
    else unmatched.push(note);
    for (const group of touched) score[group] = 0;
    touched.length = 0;
  }
  return { groups: grown.map((group) => group.sort((a, b) => a - b)), unmatched };
}

function reconcile(vectors: readonly SparseVector[], featureCount: number, found: number[][], threshold: number, denseLimit: number): number[][] {
  const bySize = found.map((group) => ({ group })).sort((a, b) => b.group.length - a.group.length || a.group[0]! - b.group[0]!);
  const candidates = bySize.filter(({ group }) => group.length >= 2).slice(0, denseLimit).map(({ group }) => group);
  const chosen = new Set(candidates);
  const rest = bySize.filter(({ group }) => !chosen.has(group)).map(({ group }) => group);
  candidates.sort((a, b) => a[0]! - b[0]!);
  const scales = Float64Array.from(candidates, (group) => 1 / group.length);
  const similarity = similarityMatrix(groupSums(vectors, candidates), featureCount, scales);
  const merged = averageLinkage(similarity, candidates.length, candidates.map((group) => group.length), threshold).map((positions) =>
    positions.flatMap((position) => candidates[position]!).sort((a, b) => a - b),
  );
  return [...merged, ...rest].sort((a, b) => a[0]! - b[0]!);
}
