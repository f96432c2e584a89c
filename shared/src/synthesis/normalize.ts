/**
 * Text normalisation for theme suggestions: two spellings of the same word,
 * as people really type them on phones, must become the same string before
 * anything is counted. Every rule here is deliberately conservative: it may
 * miss a variant, but it must never join two different words.
 */

/** Latin, Greek and Cyrillic accents (after NFD): "café" and "cafe" are typed interchangeably. */
const COMBINING_ACCENTS = /[\u0300-\u036f]/g;
/**
 * Arabic-script vowel marks (harakat, shadda, sukun, superscript alef, Quranic
 * marks) and tatweel (the stretching stroke, U+0640). They are optional in
 * everyday writing, so "سَكَن" and "سكن" and "ســكن" are one word.
 */
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
/**
 * Invisible characters that change nothing a reader sees: bidi controls (a
 * right-to-left note pasted from a chat app often carries them), zero-width
 * joiner, soft hyphen, BOM. The zero-width non-joiner (U+200C) is not here:
 * it marks Persian affixes and the tokeniser reads it before removing it.
 */
const INVISIBLES = /[\u00ad\u061c\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Letter variants that Arabic and Persian keyboards produce for the same
 * letter. Mapped one way (to the Arabic code point) so Arabic and Persian
 * spellings of a shared word ("کلاس" typed with Arabic or Persian kaf) meet.
 */
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ alef with madda -> ا
  '\u0623': '\u0627', // أ alef with hamza above -> ا
  '\u0625': '\u0627', // إ alef with hamza below -> ا
  '\u0671': '\u0627', // ٱ alef wasla -> ا
  '\u0649': '\u064a', // ى alef maksura -> ي (written interchangeably at word end)
  '\u06cc': '\u064a', // ی Persian yeh -> ي
  '\u06d2': '\u064a', // ے yeh barree -> ي
  '\u06a9': '\u0643', // ک Persian keheh -> ك
  '\u0629': '\u0647', // ة teh marbuta -> ه (often typed as heh)
  '\u06c0': '\u0647', // ۀ heh with yeh above -> ه
  '\u06c1': '\u0647', // ہ heh goal -> ه
  '\u0624': '\u0648', // ؤ waw with hamza -> و
  '\u0626': '\u064a', // ئ yeh with hamza -> ي
};
const LETTER_VARIANT_PATTERN = new RegExp(`[${Object.keys(LETTER_VARIANTS).join('')}]`, 'g');

/** Arabic-Indic (U+0660) and Persian (U+06F0) digits -> ASCII, so "٢" and "۲" and "2" agree. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * NFKC (full-width and presentation forms to plain letters, ligatures split),
 * case fold, accents and Arabic marks removed, letter variants unified,
 * invisible controls dropped. ZWNJ is kept for the tokeniser.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_ACCENTS, '')
    .normalize('NFC')
    .replace(ARABIC_MARKS, '')
    .replace(INVISIBLES, '')
    .replace(LETTER_VARIANT_PATTERN, (letter) => LETTER_VARIANTS[letter] ?? letter)
    .replace(EASTERN_DIGITS, (digit) => String((digit.charCodeAt(0) - (digit >= '\u06f0' ? 0x06f0 : 0x0660)) % 10));
}
