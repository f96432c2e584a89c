import { CreateRoundRequestSchema, MAX_PROMPT_LENGTH, MAX_REVEAL_THRESHOLD, MAX_TRANSLATIONS, MIN_REVEAL_THRESHOLD, type CreateRoundRequest } from '@clapboard/shared';
import { closesAtFor, type ClosingChoice } from './closingTime.ts';

/**
 * The facilitator's "ask a question" form as data: what was typed, turned
 * into a `POST …/rounds` body checked by the same schema the server uses, or
 * into errors per field. Errors are i18n keys with their values, so this
 * stays free of i18next (and testable) and the form words them.
 */

export interface TranslationDraft {
  /** Stable per row, for React keys and for pinning errors to the row. */
  key: string;
  lang: string;
  text: string;
}

export interface RoundDraft {
  prompt: string;
  /** As typed in the number input: it may be empty or not a number. */
  k: string;
  translations: readonly TranslationDraft[];
  closing: ClosingChoice;
}

export interface FormError {
  key: string;
  values?: Record<string, string | number>;
}

export interface RoundFormErrors {
  prompt?: FormError;
  k?: FormError;
  closing?: FormError;
  /** About the translations as a whole (too many). */
  translations?: FormError;
  /** Per translation row, by its key. */
  rows: Record<string, { lang?: FormError; text?: FormError }>;
  /** Anything the schema refused that no field above explains. */
  other?: FormError;
}

export type RoundFormResult = { ok: true; body: CreateRoundRequest } | { ok: false; errors: RoundFormErrors };

/** Whether any field has an error. */
export function hasErrors(errors: RoundFormErrors): boolean {
  return !!(errors.prompt || errors.k || errors.closing || errors.translations || errors.other || Object.keys(errors.rows).length > 0);
}

/**
 * `draft` as a request body at `now` (which a closing span counts from).
 * A translation row left wholly blank is ignored, as if never added; a row
 * with only a language or only words is an error, so nothing typed is
 * silently dropped. Two rows for one language (tags compare without case)
 * are refused: the body is keyed by language, so one would vanish.
 */
export function buildRoundRequest(draft: RoundDraft, now: Date): RoundFormResult {
  const errors: RoundFormErrors = { rows: {} };
  const rowError = (key: string, field: 'lang' | 'text', error: FormError) => {
    const row = (errors.rows[key] ??= {});
    row[field] ??= error;
  };

  const rows = draft.translations.map((row) => ({ key: row.key, lang: row.lang.trim(), text: row.text })).filter((row) => row.lang !== '' || row.text.trim() !== '');
  const rowByTag = new Map<string, string>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.lang === '') {
      rowError(row.key, 'lang', { key: 'rounds.form.error.langMissing' });
      continue;
    }
    const lower = row.lang.toLowerCase();
    if (seen.has(lower)) rowError(row.key, 'lang', { key: 'rounds.form.error.langDuplicate', values: { lang: row.lang } });
    seen.add(lower);
    if (!rowByTag.has(row.lang)) rowByTag.set(row.lang, row.key);
  }

  const closing = closesAtFor(draft.closing, now);
  if (!closing.ok) errors.closing = { key: closing.error === 'past' ? 'rounds.form.error.closingPast' : 'rounds.form.error.closingNoTime' };

  const named = rows.filter((row) => row.lang !== '');
  const candidate = {
    prompt: draft.prompt,
    // An empty box is not 0: it is "no number", which the schema refuses like any other non-number.
    k: draft.k.trim() === '' ? Number.NaN : Number(draft.k),
    ...(named.length > 0 ? { translations: Object.fromEntries(named.map((row) => [row.lang, row.text])) } : {}),
    ...(closing.ok && closing.closesAt ? { closesAt: closing.closesAt } : {}),
  };
  const parsed = CreateRoundRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, tag] = issue.path;
      if (field === 'prompt') {
        errors.prompt ??= issue.code === 'too_big' ? { key: 'rounds.form.error.promptTooLong', values: { max: MAX_PROMPT_LENGTH } } : { key: 'rounds.form.error.promptEmpty' };
      } else if (field === 'k') {
        errors.k ??= { key: 'rounds.form.error.k', values: { min: MIN_REVEAL_THRESHOLD, max: MAX_REVEAL_THRESHOLD } };
      } else if (field === 'translations' && typeof tag === 'string' && rowByTag.has(tag)) {
        const key = rowByTag.get(tag)!;
        if (issue.code === 'invalid_key') rowError(key, 'lang', { key: 'rounds.form.error.langInvalid' });
        else if (issue.code === 'too_big') rowError(key, 'text', { key: 'rounds.form.error.translationTooLong', values: { max: MAX_PROMPT_LENGTH } });
        else rowError(key, 'text', { key: 'rounds.form.error.translationEmpty' });
      } else if (field === 'translations') {
        errors.translations ??= { key: 'rounds.form.error.tooManyTranslations', values: { max: MAX_TRANSLATIONS } };
      } else if (field === 'closesAt') {
        errors.closing ??= { key: 'rounds.form.error.closingNoTime' };
      } else {
        errors.other ??= { key: 'rounds.form.error.other', values: { message: issue.message } };
      }
    }
  }
  if (hasErrors(errors) || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
