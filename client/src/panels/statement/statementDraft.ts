import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import {
  EngagementStatementInputSchema,
  IAP2_LEVELS,
  MAX_DELETE_AFTER_DAYS,
  MAX_RUN_BY_LENGTH,
  MAX_STATEMENT_TEXT_LENGTH,
  STATEMENT_FIELDS,
  calendarDay,
  type EngagementStatement,
  type StatementField,
} from '@clapboard/shared';

/** A statement being written: every field as typed, untrimmed, possibly empty. */
export type StatementDraft = Record<StatementField, string>;
export type StatementErrors = Partial<Record<StatementField, string>>;

const DAY_MS = 24 * 60 * 60 * 1000;

export function statementDraft(statement: EngagementStatement | null): StatementDraft {
  return Object.fromEntries(STATEMENT_FIELDS.map((field) => [field, statement?.[field] ?? ''])) as StatementDraft;
}

export function isEmptyDraft(draft: StatementDraft): boolean {
  return STATEMENT_FIELDS.every((field) => draft[field].trim() === '');
}

export function maxLength(field: StatementField): number {
  return field === 'runBy' ? MAX_RUN_BY_LENGTH : MAX_STATEMENT_TEXT_LENGTH;
}

/** The deletion dates a facilitator may pick today, as the server checks them (`YYYY-MM-DD`). */
export function deleteOnRange(now = Date.now()): { min: string; max: string } {
  const day = (offset: number) => new Date(now + offset * DAY_MS).toISOString().slice(0, 10);
  return { min: day(-1), max: day(MAX_DELETE_AFTER_DAYS) };
}

/**
 * Checks a draft field by field with the same limits as the server, in the
 * person's language, then once more with the shared schema itself, so what
 * passes here is what the server accepts.
 */
export function checkDraft(draft: StatementDraft, t: TFunction): { ok: true; statement: EngagementStatement } | { ok: false; errors: StatementErrors } {
  const errors: StatementErrors = {};
  for (const field of STATEMENT_FIELDS) {
    const value = draft[field].trim();
    if (field === 'level') {
      if (!(IAP2_LEVELS as readonly string[]).includes(value)) errors.level = t('statement.form.error.level');
    } else if (field === 'deleteOn') {
      const day = calendarDay(value);
      const today = Math.floor(Date.now() / DAY_MS);
      if (day === null) errors.deleteOn = t('statement.form.error.date');
      else if (day < today - 1) errors.deleteOn = t('statement.form.error.past');
      else if (day > today + MAX_DELETE_AFTER_DAYS) errors.deleteOn = t('statement.form.error.tooFar', { count: MAX_DELETE_AFTER_DAYS });
    } else if (value === '') {
      errors[field] = t('statement.form.error.empty');
    } else if (value.length > maxLength(field)) {
      errors[field] = t('statement.form.error.tooLong', { count: maxLength(field) });
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = EngagementStatementInputSchema.safeParse(draft);
  if (parsed.success) return { ok: true, statement: parsed.data };
  // Only if the checks above fall behind the schema: mark the fields it names.
  for (const issue of parsed.error.issues) errors[issue.path[0] as StatementField] = issue.message;
  return { ok: false, errors };
}

/** Draft state for a statement form: the fields, one setter, and the errors of the last check. */
export function useStatementDraft(initial: EngagementStatement | null = null) {
  const [draft, setDraft] = useState(() => statementDraft(initial));
  const [errors, setErrors] = useState<StatementErrors>({});
  const setField = useCallback((field: StatementField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // The mark goes when the person changes the field; the next check decides again.
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }, []);
  return { draft, setField, errors, setErrors, reset: (statement: EngagementStatement | null) => setDraft(statementDraft(statement)) };
}
export type StatementDraftState = ReturnType<typeof useStatementDraft>;
