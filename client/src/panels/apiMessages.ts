import { LanguageTagSchema } from '@clapboard/shared';

/**
 * zod's prettified message ("✖ text must not be empty\n  → at text")
 * without its decorations: the server's 400s name the field and the limit,
 * which is worth showing as it is.
 */
export function readableZodMessage(message: string): string {
  return message
    .split('\n')
    .filter((line) => !line.trim().startsWith('→'))
    .map((line) => line.replace(/^\s*✖\s*/, '').trim())
    .filter(Boolean)
    .join('; ');
}

/** The interface language as a `lang` for what someone writes, or nothing when it is not a language tag (i18next's `cimode`). */
export function interfaceLanguageTag(language: string): string | undefined {
  return LanguageTagSchema.safeParse(language).success ? language : undefined;
}
