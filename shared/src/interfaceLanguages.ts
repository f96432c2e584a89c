/**
 * The languages Clapboard's own words come in: the interface's catalogs
 * (client/src/i18n), the findings exports' labels (./findings/labels) and
 * the server's error messages (server/src/i18n). One list and one reading
 * of a browser's preferences, so a person sees the same language from the
 * page, the server's answers and the files they download.
 */
export const INTERFACE_LANGUAGES = ['en', 'ar', 'fa', 'ps', 'uk', 'fr'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];
export const DEFAULT_INTERFACE_LANGUAGE: InterfaceLanguage = 'en';

/**
 * Language tags that mean one we write under another code: Dari (`prs`,
 * Persian as written in Afghanistan) reads Persian; `pbt`/`pbu` are
 * Pashto's regional codes.
 */
const ALIASES: Readonly<Record<string, InterfaceLanguage>> = { prs: 'fa', pbt: 'ps', pbu: 'ps' };

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);
}

/** The language we write for one tag (`ar-EG` → `ar`, `prs-AF` → `fa`), or undefined when we write none of it. */
export function interfaceLanguageOf(tag: string): InterfaceLanguage | undefined {
  const base = tag.trim().toLowerCase().split('-')[0] ?? '';
  return isInterfaceLanguage(base) ? base : ALIASES[base];
}

/** The first of a list of preferred tags (`navigator.languages`) that we write, else English. */
export function pickInterfaceLanguage(preferred: readonly string[]): InterfaceLanguage {
  for (const tag of preferred) {
    const match = interfaceLanguageOf(tag);
    if (match) return match;
  }
  return DEFAULT_INTERFACE_LANGUAGE;
}

/** Ranges past this many in one `Accept-Language` are not read. */
const MAX_LANGUAGE_RANGES = 32;

/**
 * The ranges of an `Accept-Language` header (RFC 9110 §12.5.4) in order of
 * preference: by descending `q`, ties in the order given; `*`, `q=0` and
 * anything unreadable are dropped.
 */
export function acceptedLanguages(acceptLanguage: string | readonly string[] | undefined): string[] {
  const header = typeof acceptLanguage === 'string' ? acceptLanguage : (acceptLanguage ?? []).join(',');
  return header
    .split(',')
    .slice(0, MAX_LANGUAGE_RANGES)
    .map((part, index) => {
      const [range = '', ...params] = part.split(';');
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([0-9](?:\.[0-9]{0,3})?)\s*$/i.exec(param);
        q = match ? Number(match[1]) : /^\s*q\s*=/i.test(param) ? 0 : q;
      }
      return { range: range.trim(), q, index };
    })
    .filter(({ range, q }) => range !== '' && range !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ range }) => range);
}

/** The language to answer an `Accept-Language` header in: its most preferred range we write, else English. */
export function languageForAcceptLanguage(acceptLanguage: string | readonly string[] | undefined): InterfaceLanguage {
  return pickInterfaceLanguage(acceptedLanguages(acceptLanguage));
}
