import type { Token } from './tokenize.ts';
import { inverseDocumentFrequency } from './vectors.ts';

/** Keywords a suggestion carries; the label is made of the best two or three. */
export const KEYWORD_COUNT = 5;
const ARABIC_SCRIPT = /^\p{Script=Arabic}/u;

/** Code-point order: unlike localeCompare it is the same on every machine. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The most distinctive words of a group, as written in its notes: a term's
 * score is the share of the group's notes that use it times its IDF over all
 * notes, so a word every member uses beats a rare word one member used, and
 * a word the whole board uses ("help", "need") sinks. Terms used by at least
 * two members come first: one note's word does not name a group. Each
 * term is shown in its commonest spelling among the members.
 */
export function groupKeywords(
  members: readonly (readonly Token[])[],
  documentCount: number,
  documentFrequency: ReadonlyMap<string, number>,
): { keywords: string[]; shared: number } {
  const notesUsing = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  for (const tokens of members) {
    const seen = new Set<string>();
    for (const { term, surface } of tokens) {
      let forms = spellings.get(term);
      if (!forms) spellings.set(term, (forms = new Map()));
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
      if (!seen.has(term)) {
        seen.add(term);
        notesUsing.set(term, (notesUsing.get(term) ?? 0) + 1);
      }
    }
  }
  const scored = [...notesUsing].map(([term, count]) => ({
    term,
    shared: count >= 2,
    score: (count / members.length) * inverseDocumentFrequency(documentCount, documentFrequency.get(term) ?? 1),
  }));
  scored.sort((a, b) => Number(b.shared) - Number(a.shared) || b.score - a.score || byCodePoint(a.term, b.term));
  const best = scored.slice(0, KEYWORD_COUNT);
  const keywords = best.map(({ term }) => {
    const forms = [...spellings.get(term)!].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]));
    return forms[0]![0];
  });
  return { keywords, shared: best.filter(({ shared }) => shared).length };
}

/**
 * "interpreter, appointment, phone": the three best keywords if all three
 * are shared by two or more members, otherwise the best two (a third word
 * from a single note would mislabel the group). Arabic-script labels use the
 * Arabic comma.
 */
export function labelOf(keywords: readonly string[], shared: number): string {
  const best = keywords.slice(0, Math.max(2, Math.min(3, shared)));
  return best.join(best.length > 0 && ARABIC_SCRIPT.test(best[0]!) ? '، ' : ', ');
}
