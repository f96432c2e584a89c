import { useTranslation } from 'react-i18next';

/** Shown instead of the board when the server runs a newer version than this tab (see isOutOfDate). */
export function OutOfDatePage() {
  const { t } = useTranslation();
  return (
    <main className="page">
      <h1>{t('board.outOfDate.title')}</h1>
      <p role="alert" data-testid="board-out-of-date">{t('board.outOfDate.message')}</p>
      <button type="button" data-testid="board-reload" onClick={() => window.location.reload()}>
        {t('board.outOfDate.reload')}
      </button>
    </main>
  );
}
