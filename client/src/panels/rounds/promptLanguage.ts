/**
 * Which of a round's translations a reader sees. The interface may ship in
 * fewer languages than facilitators translate prompts into (an Arabic phone
 * still gets the English interface), so the browser's own list of languages
 * is asked first, then the page's and the interface's language.
 */

/** A prompt as shown: the words, and the tag of the translation they come from (none for the original, whose language is not recorded). */
export interface ShownPrompt {
  text: string;
  lang?: string;
}

/** The reader's languages, most preferred first (duplicates are harmless); `interfaceLanguage` is i18next's. */
export function readerLanguages(interfaceLanguage: string): string[] {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? [...navigator.languages] : navigator.language ? [navigator.language] : [];
  const page = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return [...browser, page, interfaceLanguage].filter((tag) => tag.length > 0);
}

const baseOf = (tag: string) => tag.toLowerCase().split('-')[0] ?? '';

/**
 * The translation for the first of `preferred` that has one: for each
 * language in turn, the exact tag (case-insensitively: `pt-br` is `pt-BR`),
 * then its base (`ar-EG` reads `ar`), then another variant of the same base
 * (`pt` reads `pt-BR`), which is still closer to the reader than the original
 * may be. Null when none of them has a translation.
 */
export function chooseTranslation(translations: Readonly<Record<string, string>> | undefined, preferred: readonly string[]): string | null {
  const tags = Object.keys(translations ?? {}).filter((tag) => typeof translations![tag] === 'string' && translations![tag]!.trim() !== '');
  for (const wanted of preferred) {
    const lower = wanted.toLowerCase();
    const exact = tags.find((tag) => tag.toLowerCase() === lower);
    if (exact) return exact;
    const base = tags.find((tag) => tag.toLowerCase() === baseOf(wanted));
    if (base) return base;
    const sibling = tags.find((tag) => baseOf(tag) === baseOf(wanted));
    if (sibling) return sibling;
  }
  return null;
}

/** The prompt in the reader's language when the facilitator translated it into one, else the original. */
export function promptFor(round: { prompt: string; translations?: Readonly<Record<string, string>> | undefined }, preferred: readonly string[]): ShownPrompt {
  const tag = chooseTranslation(round.translations, preferred);
  return tag ? { text: round.translations![tag]!, lang: tag } : { text: round.prompt };
}
