import { z } from 'zod';
import type { InterfaceLanguage } from '@clapboard/shared';

type LocaleError = (issue: z.core.$ZodRawIssue) => string | { message: string } | undefined | null;

/** zod's own messages per language (zod/v4/locales): they say what was expected in words its translators wrote. */
const LOCALES: Readonly<Record<Exclude<InterfaceLanguage, 'en'>, () => { localeError: LocaleError }>> = {
  ar: z.locales.ar,
  fa: z.locales.fa,
  ps: z.locales.ps,
  uk: z.locales.uk,
  fr: z.locales.fr,
};

const localeErrors = new Map<InterfaceLanguage, LocaleError>();

function localeErrorFor(language: Exclude<InterfaceLanguage, 'en'>): LocaleError {
  let localeError = localeErrors.get(language);
  if (!localeError) {
    localeError = LOCALES[language]().localeError;
    localeErrors.set(language, localeError);
  }
  return localeError;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * A validation failure in `language`, laid out as `z.prettifyError` lays it
 * out (a line per problem, then the field), so the pages read it the same
 * way in every language. zod writes a schema's own English message (`text
 * must not be empty`) over any locale, so each issue is worded again from
 * its code and limits; `invalid_type` names what was sent, which zod drops
 * from the issue, so it is read again from `input` at the issue's path.
 * Nothing of the value sent goes into the message but its type.
 */
export function localizedValidationMessage(error: z.ZodError, language: InterfaceLanguage, input: unknown): string {
  if (language === 'en') return z.prettifyError(error);
  const localeError = localeErrorFor(language);
  // In z.prettifyError's order: shallower paths first.
  return [...error.issues]
    .sort((a, b) => a.path.length - b.path.length)
    .map((issue) => {
      const worded = localeError({ ...issue, input: valueAt(input, issue.path) } as z.core.$ZodRawIssue);
      const message = typeof worded === 'string' ? worded : (worded?.message ?? issue.message);
      return issue.path.length > 0 ? `✖ ${message}\n  → at ${issue.path.map(String).join('.')}` : `✖ ${message}`;
    })
    .join('\n');
}
