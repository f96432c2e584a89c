import { z } from 'zod';
import { DEFAULT_INTERFACE_LANGUAGE, INTERFACE_LANGUAGES, isInterfaceLanguage, languageForAcceptLanguage, type InterfaceLanguage } from '../../interfaceLanguages.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fa } from './fa.ts';
import { fr } from './fr.ts';
import { ps } from './ps.ts';
import type { FindingsLabels, PluralForms } from './types.ts';
import { uk } from './uk.ts';

export * from './types.ts';

/**
 * Languages the text exports are written in: the interface's languages.
 * Only the words around people's words change; people's words, ids, the
 * CSV's column names and the JSON are the same in every language.
 */
export const FINDINGS_LANGUAGES = INTERFACE_LANGUAGES;
export type FindingsLanguage = InterfaceLanguage;
export const FindingsLanguageSchema = z.enum(FINDINGS_LANGUAGES, { error: `lang must be one of ${FINDINGS_LANGUAGES.join(', ')}` });
export const DEFAULT_FINDINGS_LANGUAGE: FindingsLanguage = DEFAULT_INTERFACE_LANGUAGE;
export const isFindingsLanguage = isInterfaceLanguage;

const LABELS: Readonly<Record<FindingsLanguage, FindingsLabels>> = { en, ar, fa, ps, uk, fr };

export function findingsLabels(lang: FindingsLanguage = DEFAULT_FINDINGS_LANGUAGE): FindingsLabels {
  return LABELS[lang];
}

/** The export language for an `Accept-Language` header: its most preferred range we write in (aliases included), else English. */
export const pickFindingsLanguage = languageForAcceptLanguage;

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
