import type { Token } from './tokenize.ts';

/** A sparse vector: feature indices ascending, with their weights. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

export interface VectorSpace {
  /** One unit-length vector per note (empty for a note with no content words). */
  readonly vectors: SparseVector[];
  /** Size of the feature space (words first, then character n-grams). */
  readonly featureCount: number;
  /** Notes containing each word term: for the keywords' IDF. */
  readonly wordDocumentFrequency: ReadonlyMap<string, number>;
}

/**
 * How much of a note's vector is its whole words; the rest (sqrt(1 - w^2))
 * is its character n-grams. Words make sharp matches ("interpreter" is the
 * same word); n-grams catch what words miss: inflections the light stemmer
 * leaves ("appointments"/"appointment's", "بالمستشفى"/"مستشفيات"), typos
 * ("intepreter"), Persian written with or without the ZWNJ. Measured on the
 * labelled set (docs/synthesis.md).
 */
export const WORD_WEIGHT = 0.5;
const CHAR_WEIGHT = Math.sqrt(1 - WORD_WEIGHT * WORD_WEIGHT);
const NGRAM_MIN = 3;
/**
 * 3- and 4-grams: on the labelled set 3-5 and 3-6 scored no better (and 4-5
 * worse for Persian, whose words are short), and every extra length adds a
 * gram per character to every note.
 */
const NGRAM_MAX = 4;
/**
 * A feature only one note has cannot make two notes similar; left in, it
 * only lengthens that note's vector and so lowers all its similarities, more
 * for long, wordy notes than short ones. Dropping them makes one threshold
 * fit short and long notes alike (measured: a flatter ARI plateau).
 */
const MIN_DOCUMENT_FREQUENCY = 2;

/** IDF, smoothed so a term in every note still weighs 1 rather than 0. */
export function inverseDocumentFrequency(documentCount: number, documentFrequency: number): number {
  return Math.log((1 + documentCount) / (1 + documentFrequency)) + 1;
}

const SURROGATE = /[\ud800-\udfff]/;

/** Character n-grams of a term, with a space marking each end so prefixes and suffixes are grams of their own. */
function characterNgrams(term: string): string[] {
  const padded = ` ${term} `;
  // Code points, not UTF-16 units, so a gram never splits a character outside the BMP.
  const chars = SURROGATE.test(padded) ? [...padded] : null;
  const length = chars ? chars.length : padded.length;
  const grams: string[] = [];
  for (let size = NGRAM_MIN; size <= NGRAM_MAX; size += 1) {
    for (let start = 0; start + size <= length; start += 1) grams.push(chars ? chars.slice(start, start + size).join('') : padded.slice(start, start + size));
  }
  return grams;
}

/** Feature id -> count for one note's features. */
type Counts = Map<number, number>;

/** The note's features other notes share, ascending. */
function keptFeatures(counts: Counts, documentFrequency: Int32Array): Int32Array {
  return Int32Array.from([...counts.keys()].filter((feature) => documentFrequency[feature]! >= MIN_DOCUMENT_FREQUENCY)).sort();
}

/**
 * Sublinear TF times IDF, scaled to length `norm`, written at `at` into
 * `indices`/`values` in ascending feature order. Returns the next free slot.
 */
function writeWeighted(counts: Counts, documentFrequency: Int32Array, documentCount: number, offset: number, norm: number, indices: Int32Array, values: Float64Array, at: number): number {
  const features = keptFeatures(counts, documentFrequency);
  let sumOfSquares = 0;
  features.forEach((feature, position) => {
    // A word said five times in one note is not five times the topic.
    const weight = (1 + Math.log(counts.get(feature)!)) * inverseDocumentFrequency(documentCount, documentFrequency[feature]!);
    indices[at + position] = feature + offset;
    values[at + position] = weight;
    sumOfSquares += weight * weight;
  });
  if (sumOfSquares === 0) return at;
  const scale = norm / Math.sqrt(sumOfSquares);
  for (let position = at; position < at + features.length; position += 1) values[position]! *= scale;
  return at + features.length;
}

/**
 * TF-IDF vectors over words and character 3-4-grams, L2-normalised, so a dot
 * product is a cosine similarity. Feature ids are handed out in note order:
 * the caller passes notes sorted by id, which makes every id, every sum and
 * so every similarity independent of the order the notes came in.
 */
export function buildVectorSpace(tokensPerNote: readonly (readonly Token[])[]): VectorSpace {
  const wordIds = new Map<string, number>();
  const gramIds = new Map<string, number>();
  const gramsOfTerm = new Map<string, number[]>();
  const wordCounts: Counts[] = [];
  const gramCounts: Counts[] = [];

  for (const tokens of tokensPerNote) {
    const words: Counts = new Map();
    const grams: Counts = new Map();
    for (const { term } of tokens) {
      let wordId = wordIds.get(term);
      if (wordId === undefined) wordIds.set(term, (wordId = wordIds.size));
      words.set(wordId, (words.get(wordId) ?? 0) + 1);
      let gramList = gramsOfTerm.get(term);
      if (gramList === undefined) {
        gramList = characterNgrams(term).map((gram) => {
          let gramId = gramIds.get(gram);
          if (gramId === undefined) gramIds.set(gram, (gramId = gramIds.size));
          return gramId;
        });
        gramsOfTerm.set(term, gramList);
      }
      for (const gramId of gramList) grams.set(gramId, (grams.get(gramId) ?? 0) + 1);
    }
    wordCounts.push(words);
    gramCounts.push(grams);
  }

  const documentCount = tokensPerNote.length;
  const wordDf = new Int32Array(wordIds.size);
  const gramDf = new Int32Array(gramIds.size);
  for (const counts of wordCounts) for (const feature of counts.keys()) wordDf[feature]! += 1;
  for (const counts of gramCounts) for (const feature of counts.keys()) gramDf[feature]! += 1;

  const vectors = wordCounts.map((words, note): SparseVector => {
    const grams = gramCounts[note]!;
    const indices = new Int32Array(words.size + grams.size);
    const values = new Float64Array(words.size + grams.size);
    const afterWords = writeWeighted(words, wordDf, documentCount, 0, WORD_WEIGHT, indices, values, 0);
    const end = writeWeighted(grams, gramDf, documentCount, wordIds.size, CHAR_WEIGHT, indices, values, afterWords);
    return { indices: indices.slice(0, end), values: values.slice(0, end) };
  });

  const wordDocumentFrequency = new Map<string, number>();
  for (const [term, id] of wordIds) wordDocumentFrequency.set(term, wordDf[id]!);
  return { vectors, featureCount: wordIds.size + gramIds.size, wordDocumentFrequency };
}
