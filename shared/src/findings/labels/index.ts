import { z } from 'zod';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fa } from './fa.ts';
import { fr } from './fr.ts';
import { ps } from './ps.ts';
import type { FindingsLabels, PluralForms } from './types.ts';
import { uk } from './uk.ts';

export * from './types.ts';

/**
 * Languages the text exports are written in: the interface's languages
 * (client/src/i18n/languages.ts). Only the words around people's words
 * change; people's words, ids, the CSV's column names and the JSON are the
 * same in every language.
 */
export const FINDINGS_LANGUAGES = ['en', 'ar', 'fa', 'ps', 'uk', 'fr'] as const;
export type FindingsLanguage = (typeof FINDINGS_LANGUAGES)[number];
export const FindingsLanguageSchema = z.enum(FINDINGS_LANGUAGES, { error: `lang must be one of ${FINDINGS_LANGUAGES.join(', ')}` });
export const DEFAULT_FINDINGS_LANGUAGE: FindingsLanguage = 'en';

const LABELS: Readonly<Record<FindingsLanguage, FindingsLabels>> = { en, ar, fa, ps, uk, fr };

/** Language tags that mean one we write under another code: Dari reads Persian; `pbt`/`pbu` are Pashto's regional codes (as the client's pickLanguage). */
const ALIASES: Readonly<Record<string, FindingsLanguage>> = { prs: 'fa', pbt: 'ps', pbu: 'ps' };

export function isFindingsLanguage(value: unknown): value is FindingsLanguage {
  return typeof value === 'string' && (FINDINGS_LANGUAGES as readonly string[]).includes(value);
}

export function findingsLabels(lang: FindingsLanguage = DEFAULT_FINDINGS_LANGUAGE): FindingsLabels {
  return LABELS[lang];
}

/** Ranges past this many in one `Accept-Language` are not read. */
const MAX_LANGUAGE_RANGES = 32;

/**
 * The export language for an `Accept-Language` header (RFC 9110 §12.5.4):
 * the first range, by descending `q` (ties in the order given), whose base
 * language is one we write in, or an alias of one (`prs`, `pbt`, `pbu`);
 * `*`, `q=0` and anything unreadable are skipped; English when nothing
 * matches or there is no header.
 */
export function pickFindingsLanguage(acceptLanguage: string | readonly string[] | undefined): FindingsLanguage {
  const header = typeof acceptLanguage === 'string' ? acceptLanguage : (acceptLanguage ?? []).join(',');
  const ranges = header
    .split(',')
    .slice(0, MAX_LANGUAGE_RANGES)
    .map((part, index) => {
      const [range = '', ...params] = part.split(';');
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([0-9](?:\.[0-9]{0,3})?)\s*$/i.exec(param);
        q = match ? Number(match[1]) : /^\s*q\s*=/i.test(param) ? 0 : q;
      }
      return { base: range.trim().toLowerCase().split('-')[0] ?? '', q, index };
    })
    .filter((range) => range.base !== '' && range.base !== '*' && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { base } of ranges) {
    const match = isFindingsLanguage(base) ? base : ALIASES[base];
    if (match) return match;
  }
  return DEFAULT_FINDINGS_LANGUAGE;
}

/** What the renderers write with: the labels, counted words and days in one language. */
export interface FindingsLocale {
  readonly lang: FindingsLanguage;
  readonly labels: FindingsLabels;
  /** "3 notes": the number in Western digits, the word in the plural form the language uses for it. */
  count(word: keyof FindingsLabels['counts'], count: number): string;
  /** A `YYYY-MM-DD` day as the language writes dates (Intl.DateTimeFormat, long style); anything else as it is. */
  day(isoDay: string): string;
}

const locales = new Map<FindingsLanguage, FindingsLocale>();

export function findingsLocale(lang: FindingsLanguage = DEFAULT_FINDINGS_LANGUAGE): FindingsLocale {
  let locale = locales.get(lang);
  if (!locale) {
    const labels = LABELS[lang];
    const plurals = new Intl.PluralRules(lang);
    const dates = new Intl.DateTimeFormat(labels.dateLocale, { dateStyle: 'long', timeZone: 'UTC' });
    locale = {
      lang,
      labels,
      count: (word, count) => pluralForm(labels.counts[word], plurals.select(count)).replace('#', String(count)),
      day: (isoDay) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) return isoDay;
        const date = new Date(`${isoDay}T00:00:00Z`);
        if (Number.isNaN(date.getTime())) return isoDay;
        // Without the era: CLDR's Pashto pattern prints a Latin "AP" before the year.
        return dates
          .formatToParts(date)
          .filter((part) => part.type !== 'era')
          .map((part) => part.value)
          .join('')
          .replace(/\s{2,}/g, ' ')
          .trim();
      },
    };
    locales.set(lang, locale);
  }
  return locale;
}

function pluralForm(forms: PluralForms, category: Intl.LDMLPluralRule): string {
  return (category === 'other' ? undefined : forms[category]) ?? forms.other;
}
