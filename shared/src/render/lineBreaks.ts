/**
 * Where note text may break into lines, and where a word too long for a line
 * may be cut. This is Unicode text segmentation rather than layout, so it
 * lives apart from noteText.ts, which only measures and fills lines.
 *
 * - Lines break at spaces, as they always have. SPACE_RUN is the old `\s`
 *   split, except that no-break spaces (U+00A0, U+2007, U+202F, U+FEFF) hold
 *   their neighbours together, and a space that carries a combining mark is
 *   part of a grapheme cluster, not a break.
 * - Inside a run without spaces, Intl.Segmenter's word segments add the
 *   breaks of scripts that have no spaces to break at: between words of
 *   Chinese, Japanese, Thai, Lao, Khmer and Myanmar, after the Ethiopic
 *   wordspace and punctuation (፡ ። ፣ ፤ ፥ ፦ ፧ ፨), and after a zero-width space.
 *   A run with none of those characters cannot break inside, so it never
 *   meets the word segmenter: it costs some 30 times a regex split, and an
 *   export lays out 10,000 notes.
 * - A word wider than a line is cut only between grapheme clusters, so no
 *   emoji, flag, letter with its harakat or Ge'ez syllable is ever split.
 *
 * The segmenters are made once, on first use, for the 'und' locale: the
 * board and the server's export (whose default locales differ) must break
 * a note the same way. Without Intl.Segmenter (Firefox before 125, Safari
 * before 14.1) lines break at spaces only and words are cut between code
 * points, which still never splits a surrogate pair.
 */

/** A run of a paragraph that is laid out whole: a word (`space: false`) or the spaces between words. */
export interface LineToken {
  readonly text: string;
  readonly space: boolean;
}

export interface LineBreaks {
  /** A paragraph (no '\n') as words and spaces; a line may break before any token and drops the spaces at its end. */
  tokens(paragraph: string): LineToken[];
  /** Offsets of the grapheme cluster boundaries of `text`, from 0 to `text.length` inclusive. */
  graphemeBoundaries(text: string): number[];
}

/** A line may break at these spaces: JavaScript's `\s` without the no-break spaces, and not before a mark that the space carries. */
const SPACE_RUN =
  /((?:[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000](?![\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Mc}\u200d]))+)/u;
/** Scripts written without spaces between words (Script_Extensions, so that the kana prolonged sound mark ー counts). */
const UNSPACED_SCRIPT = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Myanmar}';
/** A line may break after these: the Ethiopic wordspace and punctuation, and the zero-width space. */
const BREAK_AFTER_CHARS = '\\u1361-\\u1368\\u200b';
/** A run needs the word segmenter only if it has one of these. */
const NEEDS_WORD_BREAKS = new RegExp(`[${UNSPACED_SCRIPT}${BREAK_AFTER_CHARS}]`, 'u');
const STARTS_UNSPACED = new RegExp(`^[${UNSPACED_SCRIPT}]`, 'u');
const ENDS_UNSPACED = new RegExp(`[${UNSPACED_SCRIPT}]$`, 'u');
const ENDS_BREAK_AFTER = new RegExp(`[${BREAK_AFTER_CHARS}]$`, 'u');
/** No line starts with closing punctuation or ends with opening punctuation: 「 and 」, ( and ), « and ». */
const ENDS_OPENING = /[\p{Ps}\p{Pi}]$/u;
const STARTS_CLOSING = /^[\p{Pe}\p{Pf}]/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Code points that extend the character before them: combining marks (harakat, variation selectors), skin tones, ZWNJ and ZWJ, emoji tags. */
const EXTENDERS = /[\p{M}\p{Emoji_Modifier}\u200c\u200d\u{e0020}-\u{e007f}]/gu;

type Segment = Pick<Intl.SegmentData, 'segment' | 'isWordLike'>;

/** Whether a line may break between two adjacent word segments of a run without spaces. */
function breaksBetween(before: Segment, after: Segment): boolean {
  // ሰላም፡ | ከመይ፡ | ኣለኹም፧
  if (ENDS_BREAK_AFTER.test(before.segment)) return !STARTS_CLOSING.test(after.segment);
  // 日本語 | の | テキスト, สวัสดี | ครับ, 。| 次 but not 「 | 日本.
  if (after.isWordLike && STARTS_UNSPACED.test(after.segment)) return !ENDS_OPENING.test(before.segment);
  // テキスト | Windows, but not テキスト | 。
  return Boolean(before.isWordLike && after.isWordLike && ENDS_UNSPACED.test(before.segment));
}

/** Line breaking with the given Intl.Segmenter constructor, or without one (the fallback). */
export function createLineBreaks(Segmenter: typeof Intl.Segmenter | undefined): LineBreaks {
  let words: Intl.Segmenter | null = null;
  let graphemes: Intl.Segmenter | null = null;
  if (Segmenter) {
    try {
      words = new Segmenter('und', { granularity: 'word' });
      graphemes = new Segmenter('und', { granularity: 'grapheme' });
    } catch {
      words = graphemes = null;
    }
  }

  /** Splits a run without spaces into the words a line may break between. */
  const wordsOf = (run: string, into: LineToken[]): void => {
    if (!words || !NEEDS_WORD_BREAKS.test(run)) {
      into.push({ text: run, space: false });
      return;
    }
    let word = '';
    let previous: Segment | undefined;
    for (const segment of words.segment(run)) {
      if (previous && breaksBetween(previous, segment)) {
        into.push({ text: word, space: false });
        word = '';
      }
      word += segment.segment;
      previous = segment;
    }
    if (word) into.push({ text: word, space: false });
  };

  const graphemeBoundaries = (text: string): number[] => {
    const boundaries: number[] = [];
    if (graphemes) {
      for (const { index } of graphemes.segment(text)) boundaries.push(index);
    } else {
      let index = 0;
      for (const codePoint of Array.from(text)) {
        boundaries.push(index);
        index += codePoint.length;
      }
    }
    boundaries.push(text.length);
    return boundaries;
  };

  return {
    tokens(paragraph) {
      const tokens: LineToken[] = [];
      // With a capturing group, split alternates runs without spaces (even indices) and spaces (odd).
      paragraph.split(SPACE_RUN).forEach((run, i) => {
        if (run === '') return;
        if (i % 2 === 1) tokens.push({ text: run, space: true });
        else wordsOf(run, tokens);
      });
      return tokens;
    },
    graphemeBoundaries,
  };
}

/**
 * About how many characters a word has: a letter with its harakat, or an
 * emoji with its skin tone, counts one (a flag two, a ZWJ sequence one per
 * emoji in it). Only picks which word fitFontSize measures as the longest:
 * the grapheme segmenter would be exact, but costs some 8 µs a word, a
 * second for the words of 10,000 notes.
 */
export function characterCount(word: string): number {
  if (PRINTABLE_ASCII.test(word)) return word.length;
  let count = 0;
  for (const _ of word) count++;
  return count - (word.match(EXTENDERS)?.length ?? 0);
}

let shared: LineBreaks | undefined;

/** Line breaking with this runtime's Intl.Segmenter, if it has one; made on first use. */
export function lineBreaks(): LineBreaks {
  return (shared ??= createLineBreaks(typeof Intl === 'undefined' ? undefined : Intl.Segmenter));
}
