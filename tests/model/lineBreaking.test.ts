/**
 * Line breaking of note text (shared/src/render/noteText.ts and
 * lineBreaks.ts): breaks between words come from Intl.Segmenter, and a word
 * too long for a line is cut between grapheme clusters, never inside one.
 *
 * Measured with injected measures, so no font is involved and the expected
 * lines are exact:
 * - `perCodePoint`: every code point half the font size wide, combining
 *   marks, joiners and surrogate halves included. Cutting by code unit or
 *   code point would fit more on a line, so it would split clusters.
 * - `perCodeUnit`: the same per UTF-16 code unit, as tests/client/fitText.test.ts measures.
 * - `perCluster`: every grapheme cluster half the font size wide.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLineBreaks, fitFontSize, wrapLines, type MeasureFn } from '@clapboard/shared/render';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const clusters = (text: string): string[] => Array.from(graphemes.segment(text), (s) => s.segment);
const perCodePoint: MeasureFn = (text, size) => Array.from(text).length * size * 0.5;
const perCodeUnit: MeasureFn = (text, size) => text.length * size * 0.5;
const perCluster: MeasureFn = (text, size) => clusters(text).length * size * 0.5;
/** 5 board units a code point (or cluster) at size 10. */
const SIZE = 10;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HARAKA = /^[\u064B-\u065F\u0670]/;
const ZWNJ = '\u200c';

/**
 * Asserts what must hold for any text: the lines are the text in order,
 * parted only where whitespace was dropped; each starts and ends on a
 * grapheme cluster boundary of the text (so no cluster is split and no
 * surrogate is left alone); and each fits, unless it is one cluster.
 */
function expectWellBroken(text: string, lines: string[], width: number, measure: MeasureFn): void {
  const boundaries = new Set(Array.from(graphemes.segment(text), (s) => s.index));
  boundaries.add(text.length);
  let at = 0;
  for (const line of lines) {
    expect(line).not.toMatch(LONE_SURROGATE);
    while (!text.startsWith(line, at)) {
      expect(text[at], `only whitespace may be dropped before ${JSON.stringify(line)} in ${JSON.stringify(text)}`).toMatch(/\s/);
      at++;
    }
    expect(boundaries.has(at), `${JSON.stringify(line)} starts inside a cluster of ${JSON.stringify(text)}`).toBe(true);
    at += line.length;
    expect(boundaries.has(at), `${JSON.stringify(line)} ends inside a cluster of ${JSON.stringify(text)}`).toBe(true);
    if (clusters(line).length > 1) expect(measure(line, SIZE), `${JSON.stringify(line)} fits ${width}`).toBeLessThanOrEqual(width);
  }
  expect(text.slice(at)).toMatch(/^\s*$/);
}

describe('Latin text wraps as before', () => {
  const mono: MeasureFn = (text, size) => text.length * size * 0.5;

  it('breaks at spaces and keeps punctuation with its word', () => {
    // 10 characters a line.
    expect(wrapLines("Let's meet on Tuesday to plan the sprint.", SIZE, 50, mono)).toEqual(['Let\'s meet', 'on Tuesday', 'to plan', 'the', 'sprint.']);
    expect(wrapLines('Keep it simple, e.g. one idea per note', SIZE, 50, mono)).toEqual(['Keep it', 'simple,', 'e.g. one', 'idea per', 'note']);
  });

  it('cuts a long word into full lines and carries on after its rest', () => {
    expect(wrapLines('Supercalifragilisticexpialidocious is long', SIZE, 50, mono)).toEqual(['Supercalif', 'ragilistic', 'expialidoc', 'ious is', 'long']);
    expect(wrapLines('state-of-the-art tools, e.g. vitest', SIZE, 50, mono)).toEqual(['state-of-t', 'he-art', 'tools,', 'e.g.', 'vitest']);
  });

  it('keeps tabs, runs of spaces and empty paragraphs as before', () => {
    expect(wrapLines('one  two\tthree\n\n  four', SIZE, 40, mono)).toEqual(['one  two', 'three', '', '  four']);
  });

  it('finds the same font size', () => {
    // 'internationalisation' is the longest word: 20 characters fit 172 units at size 17.
    expect(fitFontSize('We need internationalisation support', 200, 200, mono)).toBe(17);
  });
});

describe('emoji', () => {
  const family = '👨‍👩‍👧‍👦';
  const text = `${family}🇺🇦👍🏽😀${family}🇺🇦🇺🇦👍🏽 🎉${family}👍🏽🇺🇦 ❤️‍🔥🙂🏳️‍🌈`;

  it('never splits a cluster, whatever the width', () => {
    for (const measure of [perCodePoint, perCodeUnit, perCluster]) {
      for (const width of [1, 5, 12, 20, 37, 60, 100]) expectWellBroken(text, wrapLines(text, SIZE, width, measure), width, measure);
    }
  });

  it('cuts a run of emoji between clusters, each line as full as it can be', () => {
    // Three emoji a line; the family is one cluster of seven code points.
    expect(wrapLines(`👍🏽😀🇺🇦🙂${family}😀`, SIZE, 15, perCluster)).toEqual(['👍🏽😀🇺🇦', `🙂${family}😀`]);
    // Each flag is two code points: one flag a line at 15.
    expect(wrapLines('🇺🇦🇺🇦🇺🇦', SIZE, 15, perCodePoint)).toEqual(['🇺🇦', '🇺🇦', '🇺🇦']);
  });

  it('keeps a cluster wider than the line whole, on its own line', () => {
    expect(wrapLines(family, SIZE, 10, perCodePoint)).toEqual([family]);
    expect(wrapLines(`a${family}b`, SIZE, 10, perCodePoint)).toEqual(['a', family, 'b']);
  });
});

describe('Arabic and Persian', () => {
  const arabic = 'مَرْحَبًا بِكُمْ فِي وَرْشَةِ الْعَمَلِ';
  const persian = 'می‌خواهیم خانه‌ها را ببینیم';

  it('breaks only between words while the words fit', () => {
    // Widest word: مَرْحَبًا and الْعَمَلِ, 9 code points with their harakat.
    expect(wrapLines(arabic, SIZE, 50, perCodePoint)).toEqual(['مَرْحَبًا', 'بِكُمْ فِي', 'وَرْشَةِ', 'الْعَمَلِ']);
    // Widest word: می‌خواهیم, 9 code points with its ZWNJ; خانه‌ها را would be 10.
    expect(wrapLines(persian, SIZE, 45, perCodePoint)).toEqual(['می‌خواهیم', 'خانه‌ها', 'را ببینیم']);
  });

  it('cuts an over-long word between letters, never between a letter and its harakat', () => {
    for (const width of [5, 10, 15, 20, 25]) {
      const lines = wrapLines(arabic, SIZE, width, perCodePoint);
      expectWellBroken(arabic, lines, width, perCodePoint);
      for (const line of lines) expect(line).not.toMatch(HARAKA);
    }
    // Two code points a line: each letter keeps its haraka, a bare letter may share its line.
    expect(wrapLines('مَرْحَبًا', SIZE, 10, perCodePoint)).toEqual(['مَ', 'رْ', 'حَ', 'بً', 'ا']);
  });

  it('keeps a ZWNJ with the letter before it', () => {
    for (const width of [5, 10, 15, 20, 30]) {
      const lines = wrapLines(persian, SIZE, width, perCodePoint);
      expectWellBroken(persian, lines, width, perCodePoint);
      for (const line of lines) expect(line.startsWith(ZWNJ)).toBe(false);
    }
    expect(wrapLines('می‌خواهیم', SIZE, 15, perCodePoint)).toEqual(['می‌', 'خوا', 'هیم']);
  });
});

describe("Tigrinya (Ge'ez script)", () => {
  const tigrinya = 'ሰላም፡ከመይ፡ኣለኹም፧ ንሕና ኣብዚ ኣለና።';

  it('breaks at spaces and after the wordspace ፡', () => {
    // 10 syllables a line.
    expect(wrapLines(tigrinya, SIZE, 50, perCodePoint)).toEqual(['ሰላም፡ከመይ፡', 'ኣለኹም፧ ንሕና', 'ኣብዚ ኣለና።']);
    // 6 syllables a line: a word and its wordspace each.
    expect(wrapLines(tigrinya, SIZE, 30, perCodePoint)).toEqual(['ሰላም፡', 'ከመይ፡', 'ኣለኹም፧', 'ንሕና', 'ኣብዚ', 'ኣለና።']);
  });

  it('keeps a syllable with its combining mark', () => {
    // U+135F ETHIOPIC COMBINING GEMINATION MARK on ለ.
    const word = 'ሰለ\u135Fም';
    expect(wrapLines(word, SIZE, 5, perCodePoint)).toEqual(['ሰ', 'ለ\u135F', 'ም']);
    for (const width of [5, 10, 15]) expectWellBroken(`${tigrinya} ${word}`, wrapLines(`${tigrinya} ${word}`, SIZE, width, perCodePoint), width, perCodePoint);
  });
});

describe('scripts written without spaces', () => {
  it('breaks between Thai words', () => {
    // สวัสดี is 6 code points, ครับ 4.
    expect(wrapLines('สวัสดีครับ', SIZE, 35, perCodePoint)).toEqual(['สวัสดี', 'ครับ']);
  });

  it('breaks between Japanese words, not before closing punctuation', () => {
    // Six characters a line; the words are 日本語, の, テキスト, です.
    expect(wrapLines('日本語のテキストです。', SIZE, 30, perCluster)).toEqual(['日本語の', 'テキスト', 'です。']);
  });

  it('shrinks for its longest word, not for the whole sentence', () => {
    // Twenty-six characters with no space, but no word longer than 4 characters.
    const text = '日本語のテキストを書きました日本語のテキストを書きました';
    expect(fitFontSize(text, 200, 200, perCluster)).toBe(28);
  });
});

describe('random text', () => {
  /** Deterministic, so a failure can be reproduced. */
  function random(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = [
    ...'مَرْحَبًا بِكُمْ فِي وَرْشَةِ الْعَمَلِ'.split(' '),
    ...'می‌خواهیم خانه‌ها را ببینیم'.split(' '),
    ...'ሰላም፡ ከመይ፡ ኣለኹም፧ ንሕና ኣብዚ ኣለና። ለ\u135F'.split(' '),
    ...['👨‍👩‍👧‍👦', '🇺🇦', '👍🏽', '😀', '❤️‍🔥', '🏳️‍🌈', 'é', 'e\u0301', '\u0301', 'note', 'สวัสดี', 'ครับ', '日本語', 'の'],
  ];
  const spaces = [' ', ' ', ' ', '  ', '\t', '\n'];

  it('never splits a cluster and fits every line that can fit', () => {
    const next = random(20240611);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    for (let round = 0; round < 400; round++) {
      let text = '';
      const count = 1 + Math.floor(next() * 12);
      for (let i = 0; i < count; i++) text += pick(pieces) + (next() < 0.6 ? pick(spaces) : '');
      const width = 1 + Math.floor(next() * 120);
      for (const measure of [perCodePoint, perCodeUnit, perCluster]) expectWellBroken(text, wrapLines(text, SIZE, width, measure), width, measure);
    }
  });
});

describe('without Intl.Segmenter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('breaks at spaces only and cuts between code points', () => {
    const breaks = createLineBreaks(undefined);
    expect(breaks.tokens('ሰላም፡ከመይ ንሕና')).toEqual([
      { text: 'ሰላም፡ከመይ', space: false },
      { text: ' ', space: true },
      { text: 'ንሕና', space: false },
    ]);
    expect(breaks.graphemeBoundaries('a👍🏽b')).toEqual([0, 1, 3, 5, 6]);
  });

  it('still never leaves a surrogate alone', async () => {
    vi.stubGlobal('Intl', Object.create(Intl, { Segmenter: { value: undefined } }));
    vi.resetModules();
    const fresh = await import('@clapboard/shared/render');
    const text = '👨‍👩‍👧‍👦🇺🇦👍🏽😀 🇺🇦👍🏽';
    // Two code units a line: without grapheme data each code point (an emoji is two units, a ZWJ one) is a line.
    const lines = fresh.wrapLines(text, SIZE, 10, perCodeUnit);
    expect(lines.join('')).toBe(text.replace(' ', ''));
    for (const line of lines) expect(line).not.toMatch(LONE_SURROGATE);
    expect(lines).toEqual(Array.from(text.replace(' ', '')));
  });
});
