/**
 * Note text wraps and shrinks to fit its note. Measured with an injected
 * monospace measure (every character half the font size wide), so the
 * expectations are exact and no canvas is needed.
 *
 * Each test uses its own texts, so no result can come from a cache filled by
 * another test.
 */
import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT, NOTE_PADDING, countLines, fitFontSize, wrapLines } from '../../client/src/canvas/fitText.ts';

const mono = (text: string, size: number) => text.length * size * 0.5;

describe('wrapLines', () => {
  it('wraps at spaces without leaving trailing spaces', () => {
    // 10 characters per line at size 10 in 50 px.
    expect(wrapLines('the quick brown fox', 10, 50, mono)).toEqual(['the quick', 'brown fox']);
  });

  it('breaks a word longer than the line by characters', () => {
    expect(wrapLines('abcdefghijklmnopqrstuvwxyz', 10, 50, mono)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz']);
  });

  it('keeps paragraphs, including empty ones', () => {
    expect(wrapLines('one\n\ntwo', 10, 50, mono)).toEqual(['one', '', 'two']);
  });

  // Regression: a too-long word that was not first on its line used to move
  // whole to the next line unbroken and overflow the note ("thoughts," at width 30).
  it('never makes a line wider than the box, even for a long word after another word', () => {
    const text = 'Sticky notes hold short thoughts, but someone always writes an essay anyway.';
    for (const width of [30, 55, 80, 140]) {
      for (const line of wrapLines(text, 10, width, mono)) expect(mono(line, 10) <= width || line.length === 1).toBe(true);
    }
  });

  it('countLines agrees with wrapLines', () => {
    const text = 'a few words that wrap\nand a second paragraph';
    expect(countLines(text, 10, 60, mono)).toBe(wrapLines(text, 10, 60, mono).length);
  });
});

describe('fitFontSize', () => {
  const box = 200;
  const innerW = box - NOTE_PADDING * 2 - 4;
  const innerH = box - NOTE_PADDING * 2;
  const fits = (text: string, size: number) => countLines(text, size, innerW, mono) * size * LINE_HEIGHT <= innerH;

  it('uses the largest size for a short note', () => {
    expect(fitFontSize('Hi there', box, box, mono)).toBe(28);
  });

  it('shrinks long text to the largest size at which it fits', () => {
    const text = 'We should run the retrospective before the planning session so that the actions feed in directly';
    const size = fitFontSize(text, box, box, mono);
    expect(size).toBeLessThan(28);
    expect(fits(text, size)).toBe(true);
    expect(fits(text, size + 1)).toBe(false);
  });

  it('shrinks rather than break a long word while it can stay readable', () => {
    const word = 'internationalisation'; // 20 characters: 10 px each at size 20 > 172 px, fits at 17.
    const size = fitFontSize(word, box, box, mono);
    expect(size).toBe(17);
    expect(wrapLines(word, size, innerW, mono)).toEqual([word]);
  });

  it('stops at the floor size for text that can never fit', () => {
    expect(fitFontSize('overflow '.repeat(400), box, box, mono)).toBe(8);
  });
});
