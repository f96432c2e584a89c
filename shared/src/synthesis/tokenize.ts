import { normalizeText } from './normalize.ts';
import { STOPWORDS } from './stopwords.ts';

/** One content word of a note: `term` is what is counted, `surface` what a label shows. */
export interface Token {
  /** Normalised and lightly stemmed: equal for "Interpreters", "interpreter" and "interpreter's". */
  readonly term: string;
  /** The word as written (NFC), so labels are in the note's own spelling and script. */
  readonly surface: string;
}

/**
 * Words in space-separated scripts: letters, combining marks (Arabic
 * harakat, Indic vowel signs, Ge'ez has none but is all letters), digits,
 * ZWNJ inside Persian words, and an apostrophe between letters ("don't").
 * Used instead of Intl.Segmenter for these scripts because it gives the same
 * words, is several times faster, and does not depend on the ICU version of
 * the browser or server that runs it: the client and the server must
 * suggest the same themes for the same board.
 */
const WORD = /[\p{L}\p{M}\p{N}\u200c]+(?:['\u2019][\p{L}\p{M}]+)*/gu;
/** Scripts written without spaces between words: only Intl.Segmenter's dictionaries can find the words. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A one-character word is noise in alphabets ("a", "و") but a whole word in these scripts. */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const DIGITS_ONLY = /^\p{N}+$/u;
const ARABIC_SCRIPT = /^\p{Script=Arabic}/u;
const LATIN_SCRIPT = /^\p{Script=Latin}/u;
const APOSTROPHES = /['\u2019]/g;
const ZWNJ = '\u200c';

/**
 * Persian writes many affixes after (or before) a zero-width non-joiner:
 * "کلاس‌ها" (classes), "می‌خواهم" (I want), "بزرگ‌تر" (bigger). A part on
 * its own side of a ZWNJ that is one of these is grammar, not meaning, so it
 * is dropped; people who type without the ZWNJ ("کلاسها") are still matched
 * through the character n-grams.
 */
const PERSIAN_AFFIXES: ReadonlySet<string> = new Set(
  ['می', 'نمی', 'ها', 'های', 'هایی', 'ی', 'ای', 'تر', 'ترین', 'ام', 'ات', 'اش', 'مان', 'تان', 'شان', 'ایم', 'اید', 'اند'].map(normalizeText),
);
/**
 * Arabic clitics glued to the front of a noun: the article and the
 * conjunctions/prepositions before it ("والسكن", "بالمستشفى", "للأطفال").
 * Longest first. A bare "و" or "ب" is not stripped: too many words start
 * with those letters ("وقت", "بيت").
 */
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'].map(normalizeText);

function stemArabic(word: string): string {
  for (const prefix of ARABIC_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) return word.slice(prefix.length);
  }
  return word;
}

/** English plurals only: the character n-grams already match other endings. */
function stemLatin(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function termOf(segment: string): string | undefined {
  let word = normalizeText(segment);
  if (word.includes(ZWNJ)) {
    word = word
      .split(ZWNJ)
      .filter((part) => part.length > 0 && !PERSIAN_AFFIXES.has(part))
      .join('');
  }
  if (STOPWORDS.has(word)) return undefined;
  word = word.replace(/['\u2019]s$/, '').replace(APOSTROPHES, '');
  if (word.length === 0 || STOPWORDS.has(word) || DIGITS_ONLY.test(word)) return undefined;
  if (ARABIC_SCRIPT.test(word)) word = stemArabic(word);
  else if (LATIN_SCRIPT.test(word)) word = stemLatin(word);
  if ([...word].length < 2 && !IDEOGRAPHIC.test(word)) return undefined;
  return STOPWORDS.has(word) ? undefined : word;
}

export type Tokenizer = (text: string, lang?: string) => Token[];

/**
 * A tokeniser with its own Intl.Segmenter per language (made on first use:
 * they are costly to build), so nothing is shared between two callers.
 */
export function createTokenizer(): Tokenizer {
  const segmenters = new Map<string, Intl.Segmenter | null>();
  const segmenterFor = (lang: string | undefined): Intl.Segmenter | null => {
    const key = lang ?? '';
    let segmenter = segmenters.get(key);
    if (segmenter === undefined) {
      segmenter = null;
      if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
        try {
          segmenter = new Intl.Segmenter(lang || 'und', { granularity: 'word' });
        } catch {
          // An invalid language tag from a note: fall back to the root locale.
          segmenter = new Intl.Segmenter('und', { granularity: 'word' });
        }
      }
      segmenters.set(key, segmenter);
    }
    return segmenter;
  };

  // Notes repeat words: each distinct spelling is normalised and stemmed once per tokeniser.
  const terms = new Map<string, string | undefined>();
  const cachedTermOf = (segment: string): string | undefined => {
    if (terms.has(segment)) return terms.get(segment);
    const term = termOf(segment);
    terms.set(segment, term);
    return term;
  };

  return (text, lang) => {
    const segments: string[] = [];
    const segmenter = UNSPACED_SCRIPT.test(text) ? segmenterFor(lang) : null;
    if (segmenter) {
      for (const piece of segmenter.segment(text)) if (piece.isWordLike) segments.push(...(piece.segment.match(WORD) ?? []));
    } else {
      segments.push(...(text.match(WORD) ?? []));
    }
    const tokens: Token[] = [];
    for (const segment of segments) {
      const term = cachedTermOf(segment);
      if (term !== undefined) tokens.push({ term, surface: segment.normalize('NFC').replace(/\u200c$/, '') });
    }
    return tokens;
  };
}
