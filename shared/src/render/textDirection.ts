/** Letters of the right-to-left scripts people on our boards write in (Arabic, Persian, Pashto, Urdu, Hebrew, …). */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const ANY_LETTER = /\p{L}/u;

/**
 * The paragraph direction a browser would pick with `dir="auto"`: that of
 * the first strongly directional letter. Canvas text has no `dir="auto"`, so
 * without this a note written in Arabic would be aligned to the left.
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = ANY_LETTER.exec(text);
  return first && RTL_LETTER.test(first[0]) ? 'rtl' : 'ltr';
}

/** Konva Text props for text that starts at the edge its direction reads from. */
export function startAlignedText(text: string): { direction: 'ltr' | 'rtl'; align: 'left' | 'right' } {
  const direction = textDirection(text);
  return { direction, align: direction === 'rtl' ? 'right' : 'left' };
}
