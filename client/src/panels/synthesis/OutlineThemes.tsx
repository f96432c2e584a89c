import { useTranslation } from 'react-i18next';
import { ThemeMembers } from './ThemeCard.tsx';
import { useThemes } from './useThemes.ts';

/**
 * The outline's themes: each theme's name, count and notes, so someone
 * using the outline instead of the canvas reads the board's synthesis too.
 * Changing them is in the synthesis panel.
 */
export function OutlineThemes() {
  const { t } = useTranslation();
  const themes = useThemes();
  if (themes.length === 0) return null;
  return (
    <div className="outline-themes" role="group" aria-labelledby="outline-themes-heading" data-testid="outline-themes">
      <h3 id="outline-themes-heading">{t('themes.heading')}</h3>
      {themes.map((theme) => {
        const name = theme.name || t('themes.untitled');
        return (
          <div key={theme.id} className="outline-theme" data-testid="outline-theme" data-theme-id={theme.id}>
            <h4 dir="auto">
              <span data-testid="outline-theme-name">{name}</span> <span className="count">{t('themes.count', { count: theme.noteIds.length })}</span>
            </h4>
            <ThemeMembers theme={theme} name={name} removable={false} />
          </div>
        );
      })}
    </div>
  );
}
