import { useTranslation } from 'react-i18next';
import { useEditor } from '../../editor/EditorContext.ts';
import { MakeThemeButton } from './MakeThemeButton.tsx';
import { SelectionTools } from './SelectionTools.tsx';
import { SuggestThemes } from './SuggestThemes.tsx';
import { ThemeCard } from './ThemeCard.tsx';
import { useAnnouncer } from './useAnnouncer.ts';
import { useThemes } from './useThemes.ts';
import './synthesis.css';

/**
 * Synthesis on the board (issue #10): the themes, each to rename, describe,
 * merge or delete; tags and duplicates for the selected notes; and, for
 * facilitators, suggested themes to accept, edit or reject. Observers see
 * the themes read-only.
 */
export function SynthesisPanel() {
  const { t } = useTranslation();
  const editor = useEditor();
  const themes = useThemes();
  const [announcement, say] = useAnnouncer();
  return (
    <section className="synthesis panel" data-testid="synthesis-panel" aria-labelledby="synthesis-heading">
      <h2 id="synthesis-heading">{t('themes.heading')}</h2>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="synthesis-status">
        <span key={announcement.seq}>{announcement.text}</span>
      </p>
      <p>{editor.canEdit ? t('themes.intro') : t('themes.readOnly')}</p>
      {editor.canEdit && <MakeThemeButton onSay={say} testId="synthesis-make-theme" />}
      <SelectionTools onSay={say} />
      {themes.length === 0 ? (
        <p data-testid="themes-none">{t('themes.none')}</p>
      ) : (
        <ul className="theme-list" data-testid="theme-list">
          {themes.map((theme) => (
            <ThemeCard key={theme.id} theme={theme} others={themes.filter((other) => other.id !== theme.id)} onSay={say} />
          ))}
        </ul>
      )}
      {editor.canEdit && editor.role === 'facilitator' && <SuggestThemes onSay={say} />}
    </section>
  );
}
