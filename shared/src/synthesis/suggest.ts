import { z } from 'zod';
import { MAX_OBJECT_TEXT } from '../model/records/common.ts';
import { clusterVectors } from './cluster.ts';
import { groupKeywords, labelOf } from './keywords.ts';
import { createTokenizer } from './tokenize.ts';
import { buildVectorSpace } from './vectors.ts';

/**
 * Suggested themes (issue #10): groups of notes that share words or
 * character sequences, each with keywords in the notes' own language, for a
 * facilitator to accept, edit or reject. Computed here, in the browser or
 * the server, from the notes' text alone: participants' words never leave
 * the installation. Method, limits and measured quality: docs/synthesis.md.
 */

export interface SuggestInput {
  id: string;
  text: string;
  /** BCP 47 tag if known; only used to pick Intl.Segmenter's dictionary for scripts written without spaces. */
  lang?: string;
}

export interface SuggestedTheme {
  /** Member note ids, sorted. */
  noteIds: string[];
  /** The best two or three keywords, joined: a starting name the facilitator edits. */
  label: string;
  /** Up to five distinctive words of the group, most distinctive first, as the notes spell them. */
  keywords: string[];
}

export interface SuggestOptions {
  /** Most suggestions returned (the largest groups). Default 30: more is a wall of its own. */
  maxThemes?: number;
  /** Fewest notes in a suggestion, at least 2 (a theme of one note is just the note). Default 2. */
  minSize?: number;
  /**
   * Lowest average cosine similarity (0-1) between two groups that may still
   * merge. Higher: smaller, tighter groups; lower: bigger, looser ones.
   */
  threshold?: number;
}

/**
 * Chosen on the labelled set in tests/synthesis/fixtures (docs/synthesis.md
 * has the ARI around it): the middle of the range where the score is flat.
 */
export const DEFAULT_SUGGEST_THRESHOLD = 0.08;
export const DEFAULT_MAX_THEMES = 30;

export const SuggestOptionsSchema = z.object({
  maxThemes: z.number().int().min(1).optional(),
  minSize: z.number().int().min(2, 'minSize must be at least 2').optional(),
  threshold: z.number().min(0).max(1).optional(),
});

/** Code-unit order, never localeCompare: the same on every machine. */
const byId = (a: SuggestInput, b: SuggestInput) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/**
 * Pure and deterministic: the notes are sorted by id first (a repeated id
 * keeps its first text in that order), every tie is broken by id, and the
 * result is sorted by size, largest first, then by first note id. So the
 * same notes in any order give identical suggestions, in any script.
 * Throws a ZodError for invalid options.
 */
export function suggestThemes(notes: readonly SuggestInput[], options: SuggestOptions = {}): SuggestedTheme[] {
  const { maxThemes = DEFAULT_MAX_THEMES, minSize = 2, threshold = DEFAULT_SUGGEST_THRESHOLD } = SuggestOptionsSchema.parse(options);
  const sorted = [...notes].sort(byId).filter((note, index, all) => index === 0 || all[index - 1]!.id !== note.id);
  if (sorted.length < minSize) return [];

  const tokenize = createTokenizer();
  const tokens = sorted.map((note) => tokenize(String(note.text ?? '').slice(0, MAX_OBJECT_TEXT), note.lang));
  const space = buildVectorSpace(tokens);
  const groups = clusterVectors(space.vectors, space.featureCount, threshold)
    .filter((group) => group.length >= minSize)
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .slice(0, maxThemes);

  return groups.map((group) => {
    const { keywords, shared } = groupKeywords(
      group.map((note) => tokens[note]!),
      sorted.length,
      space.wordDocumentFrequency,
    );
    return { noteIds: group.map((note) => sorted[note]!.id), label: labelOf(keywords, shared), keywords };
  });
}
