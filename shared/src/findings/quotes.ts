import { createTokenizer, type Tokenizer } from '../synthesis/tokenize.ts';

/** Quotes shown per theme: enough to hear the theme in people's words, few enough to read aloud. */
export const QUOTES_PER_THEME = 3;

export interface QuoteCandidate {
  id: string;
  text: string;
  lang: string | null;
  /** Repeats are voices, but quoting one repeats what another quote already says. */
  duplicateOf: string | null;
}

/**
 * The members of a theme that best stand for it: those nearest the theme's
 * centroid by shared words. With each note a set of content words, a note's
 * closeness is the sum, over its words, of how many other members use the
 * word too, divided by the square root of its word count (cosine similarity
 * with the theme's word counts, up to a factor common to all). Duplicates
 * count towards the theme's words (a repeat is a voice) but are never
 * quoted themselves, nor are empty texts (hidden answers). Ties go to the
 * longer note, then the smaller id, so the choice is the same on every
 * machine.
 */
export function representativeQuotes(members: readonly QuoteCandidate[], count = QUOTES_PER_THEME, tokenize: Tokenizer = createTokenizer()): QuoteCandidate[] {
  const voiced = members.filter((member) => member.text.trim() !== '');
  const terms = voiced.map((member) => new Set(tokenize(member.text, member.lang ?? undefined).map((token) => token.term)));
  const frequency = new Map<string, number>();
  for (const set of terms) for (const term of set) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const scored = voiced.flatMap((member, index) => {
    if (member.duplicateOf !== null) return [];
    const set = terms[index]!;
    let shared = 0;
    for (const term of set) shared += frequency.get(term)! - 1;
    return [{ member, score: set.size === 0 ? 0 : shared / Math.sqrt(set.size) }];
  });
  scored.sort((a, b) => b.score - a.score || b.member.text.length - a.member.text.length || compareCodeUnits(a.member.id, b.member.id));
  return scored.slice(0, count).map(({ member }) => member);
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
