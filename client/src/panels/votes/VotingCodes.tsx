import { useTranslation } from 'react-i18next';

/**
 * The one-time codes of a vote just opened, to print or copy now: the
 * server keeps only their hashes and will not show them again. Hand one to
 * each person, face down, in any order: nobody should note who got which.
 */
export function VotingCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="voting-codes round-warning" data-testid="voting-codes">
      <p>{t('votes.codes.once', { count: codes.length })}</p>
      <ol className="voting-code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="round-actions">
        <button type="button" onClick={() => window.print()}>
          {t('votes.codes.print')}
        </button>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}>
          {t('votes.codes.copy')}
        </button>
        <button type="button" onClick={onDone}>
          {t('votes.codes.done')}
        </button>
      </div>
    </div>
  );
}
