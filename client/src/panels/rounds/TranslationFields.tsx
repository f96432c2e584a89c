import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageTagSchema, MAX_PROMPT_LENGTH, MAX_TRANSLATIONS } from '@clapboard/shared';
import { describedBy, FieldError } from './FieldError.tsx';
import { COMMON_LANGUAGES, languageName } from './languageNames.ts';
import type { FormError, RoundFormErrors, TranslationDraft } from './roundForm.ts';

type FocusTarget = { row: string } | 'add' | null;

/**
 * The prompt in other languages, one group of fields per language. Focus
 * follows the change: a new row's language field takes it, and after a
 * removal the "add" button does, so keyboard users are not dropped at the
 * top of the page when the row they were in disappears.
 */
export function TranslationFields({
  idBase,
  rows,
  errors,
  onChange,
}: {
  idBase: string;
  rows: readonly TranslationDraft[];
  errors: Pick<RoundFormErrors, 'rows' | 'translations'>;
  onChange: (rows: TranslationDraft[], changedKey?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const nextKey = useRef(0);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const listId = `${idBase}-languages`;
  const full = rows.length >= MAX_TRANSLATIONS;

  useEffect(() => {
    if (!focus) return;
    if (focus === 'add') addRef.current?.focus();
    else document.getElementById(`${idBase}-lang-${focus.row}`)?.focus();
    setFocus(null);
  }, [focus, idBase]);

  const add = () => {
    const key = `t${nextKey.current++}`;
    onChange([...rows, { key, lang: '', text: '' }]);
    setFocus({ row: key });
  };
  const update = (key: string, change: Partial<TranslationDraft>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)), key);
  const remove = (key: string) => {
    onChange(rows.filter((row) => row.key !== key), key);
    setFocus('add');
  };

  return (
    <fieldset className="round-translations" data-testid="round-translations">
      <legend>{t('rounds.form.translationsLegend')}</legend>
      <p id={`${idBase}-help`} className="round-length">
        {t('rounds.form.translationsHelp', { max: MAX_TRANSLATIONS })}
      </p>
      <datalist id={listId}>
        {COMMON_LANGUAGES.map((tag) => (
          <option key={tag} value={tag} label={languageName(tag, i18n.language) ?? tag} />
        ))}
      </datalist>
      {rows.map((row, index) => (
        <TranslationRow
          key={row.key}
          id={`${idBase}-${row.key}`}
          langId={`${idBase}-lang-${row.key}`}
          listId={listId}
          number={index + 1}
          row={row}
          errors={errors.rows[row.key] ?? {}}
          onUpdate={(change) => update(row.key, change)}
          onRemove={() => remove(row.key)}
        />
      ))}
      <FieldError id={`${idBase}-error`} error={errors.translations} />
      <div className="round-actions">
        <button type="button" ref={addRef} data-testid="round-add-translation" disabled={full} aria-describedby={describedBy(full && `${idBase}-full`)} onClick={add}>
          {t('rounds.form.addTranslation')}
        </button>
      </div>
      {full && (
        <p id={`${idBase}-full`} className="round-length">
          {t('rounds.form.maxTranslations', { max: MAX_TRANSLATIONS })}
        </p>
      )}
    </fieldset>
  );
}

function TranslationRow({
  id,
  langId,
  listId,
  number,
  row,
  errors,
  onUpdate,
  onRemove,
}: {
  id: string;
  langId: string;
  listId: string;
  number: number;
  row: TranslationDraft;
  errors: { lang?: FormError; text?: FormError };
  onUpdate: (change: Partial<TranslationDraft>) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const tag = row.lang.trim();
  const name = languageName(tag, i18n.language);
  // Set on the words only once the tag is one, so screen readers and fonts pick the right language.
  const lang = LanguageTagSchema.safeParse(tag).success ? tag : undefined;
  return (
    <fieldset className="round-translation" data-testid="round-translation">
      <legend>{t('rounds.form.translationLegend', { number })}</legend>
      <label htmlFor={langId}>{t('rounds.form.language')}</label>
      <input
        id={langId}
        data-testid="round-translation-lang"
        type="text"
        list={listId}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={row.lang}
        aria-invalid={errors.lang ? true : undefined}
        aria-describedby={describedBy(errors.lang && `${id}-lang-error`, name ? `${id}-name` : `${id}-lang-help`)}
        onChange={(event) => onUpdate({ lang: event.target.value })}
      />
      {name ? (
        <p id={`${id}-name`} className="round-length" data-testid="round-translation-name">
          {t('rounds.form.languageRecognised', { name })}
        </p>
      ) : (
        <p id={`${id}-lang-help`} className="round-length">
          {t('rounds.form.languageHelp')}
        </p>
      )}
      <FieldError id={`${id}-lang-error`} error={errors.lang} />
      <label htmlFor={`${id}-text`}>{t('rounds.form.translationText')}</label>
      <textarea
        id={`${id}-text`}
        data-testid="round-translation-text"
        dir="auto"
        lang={lang}
        rows={2}
        maxLength={MAX_PROMPT_LENGTH}
        value={row.text}
        aria-invalid={errors.text ? true : undefined}
        aria-describedby={describedBy(errors.text && `${id}-text-error`)}
        onChange={(event) => onUpdate({ text: event.target.value })}
      />
      <FieldError id={`${id}-text-error`} error={errors.text} />
      <div className="round-actions">
        <button type="button" data-testid="round-remove-translation" aria-label={t('rounds.form.removeTranslationLabel', { number })} onClick={onRemove}>
          {t('rounds.form.removeTranslation')}
        </button>
      </div>
    </fieldset>
  );
}
