import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STEP_PROMPT_LENGTH, MAX_STEP_TITLE_LENGTH, phraseFor, type BoardStep, type Phrasebook } from '@clapboard/shared';
import type * as Y from 'yjs';
import { setStepTranslations } from '../../editor/stepCommands.ts';
import { LANGUAGES } from '../../i18n/languages.ts';

/** Every step's words, once each (two steps may share a prompt). */
function originalsOf(steps: readonly BoardStep[]): string[] {
  return [...new Set(steps.flatMap((step) => (step.prompt ? [step.title, step.prompt] : [step.title])))];
}

/**
 * A facilitator writes the steps' titles and prompts in another language,
 * each under its original; everyone reading that language then sees the
 * steps in it (StepPrompt, the room display). Empty boxes show the original.
 */
export function StepTranslateForm({ controlDoc, steps, book, onDone }: { controlDoc: Y.Doc; steps: readonly BoardStep[]; book: Phrasebook; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const languages = LANGUAGES.filter((language) => language.code !== 'en');
  const originals = originalsOf(steps);
  const wordsIn = (lang: string) => originals.map((original) => (phraseFor({ [lang]: book[lang] ?? {} }, lang, original)?.text ?? ''));
  const [lang, setLang] = useState<string>(languages[0]?.code ?? 'ar');
  const [words, setWords] = useState<string[]>(() => wordsIn(lang));
  const titles = new Set(steps.map((step) => step.title));

  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    setStepTranslations(controlDoc, lang, originals.map((original, index) => [original, words[index] ?? ''] as const));
    onDone(true);
  };
  return (
    <form className="statement-translate" onSubmit={handleSave} data-testid="steps-translate-form">
      <h3>{t('steps.translate.title')}</h3>
      <label className="statement-field">
        <span>{t('steps.translate.language')}</span>
        <select value={lang} onChange={(event) => { setLang(event.target.value); setWords(wordsIn(event.target.value)); }} data-testid="steps-translate-language">
          {languages.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>{language.name}</option>
          ))}
        </select>
      </label>
      <p className="statement-field-help">{t('steps.translate.help')}</p>
      {originals.map((original, index) => {
        const id = `steps-translate-${index}`;
        const isTitle = titles.has(original);
        return (
          <div key={original} className="statement-field">
            <label htmlFor={id} dir="auto">{original}</label>
            {isTitle ? (
              <input id={id} lang={lang} dir="auto" maxLength={MAX_STEP_TITLE_LENGTH} value={words[index] ?? ''} onChange={(event) => setWords((current) => current.map((word, i) => (i === index ? event.target.value : word)))} data-testid={id} />
            ) : (
              <textarea id={id} lang={lang} dir="auto" rows={2} maxLength={MAX_STEP_PROMPT_LENGTH} value={words[index] ?? ''} onChange={(event) => setWords((current) => current.map((word, i) => (i === index ? event.target.value : word)))} data-testid={id} />
            )}
          </div>
        );
      })}
      <div className="statement-actions">
        <button type="submit" className="primary" data-testid="steps-translate-save">{t('steps.translate.save')}</button>
        <button type="button" onClick={() => onDone(false)}>{t('steps.translate.cancel')}</button>
      </div>
    </form>
  );
}
