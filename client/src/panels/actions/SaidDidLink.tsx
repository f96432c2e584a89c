import { useTranslation } from 'react-i18next';

/**
 * The way from a board to its "You said, we did" page, in the header for
 * every role. Same tab: the page reads this tab's board token (kept per tab
 * by the session) and links back.
 */
export function SaidDidLink({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  return (
    <a className="said-did-link" data-testid="said-did-link" href={`/b/${encodeURIComponent(boardId)}/said-did`}>
      {t('saidDid.open')}
    </a>
  );
}
