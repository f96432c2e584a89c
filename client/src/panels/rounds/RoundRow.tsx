import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundRecord } from '@clapboard/shared';
import type { RoundsApi } from '../../connection/roundsApi.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { ClosingTime } from './ClosingTime.tsx';
import { languageList } from './languageNames.ts';
import { PaperAnswers } from './PaperAnswers.tsx';
import { roundErrorText } from './roundMessages.ts';
import { ROUND_STATE_KEY } from '../../i18n/keys/workshopKeys.ts';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * One round in the facilitator's list: its question (as written, with the
 * languages it was translated into), state, coarse count and closing time;
 * close, reveal, show on the board; and, while open, paper answers.
 */
export function RoundRow({ roundId, round, api }: { roundId: string; round: RoundRecord; api: RoundsApi }) {
  const { t, i18n } = useTranslation();
  const editor = useEditor();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const translated = Object.keys(round.translations ?? {});

  const run = async (action: 'close' | 'reveal') => {
    setBusy(true);
    setStatus(null);
    const result = action === 'close' ? await api.closeRound(roundId) : await api.revealRound(roundId);
    if (result.ok) setStatus({ kind: 'ok', text: t(action === 'close' ? 'rounds.controls.closed' : 'rounds.controls.revealed') });
    else setStatus({ kind: 'error', text: roundErrorText(t, result.error, round) });
    setBusy(false);
  };

  const handleShow = () => {
    const bounds = round.frameId ? editor.store.boundsOf(round.frameId) : undefined;
    if (!bounds) return;
    editor.viewport.fit({ x: bounds.minX, y: bounds.minY, width: bounds.maxX - bounds.minX, height: bounds.maxY - bounds.minY });
  };

  return (
    <li className="round-row" data-testid="round-row" data-round-id={roundId} data-state={round.state}>
      <p className="round-prompt" dir="auto">
        {round.prompt}
      </p>
      {translated.length > 0 && (
        <p className="round-meta" data-testid="round-translated">
          {t('rounds.prompt.translatedInto', { languages: languageList(translated, i18n.language) })}
        </p>
      )}
      <p className="round-meta">
        <span className="badge" data-testid="round-state">
          {t(ROUND_STATE_KEY[round.state])}
        </span>{' '}
        <span data-testid="round-count">
          {round.state === 'open' ? t('rounds.controls.countOpen', { count: round.count }) : t('rounds.controls.count', { count: round.count })}
        </span>
        {round.state !== 'revealed' && <span className="round-needs"> · {t('rounds.controls.needs', { k: round.k })}</span>}
      </p>
      {round.state === 'open' && round.closesAt && <ClosingTime closesAt={round.closesAt} />}
      <div className="round-actions">
        {round.state === 'open' && (
          <button type="button" data-testid="round-close" disabled={busy} onClick={() => run('close')}>
            {t('rounds.controls.close')}
          </button>
        )}
        {round.state !== 'revealed' && (
          <button type="button" data-testid="round-reveal" disabled={busy} onClick={() => run('reveal')}>
            {t('rounds.controls.reveal')}
          </button>
        )}
        {round.state === 'revealed' && round.frameId && (
          <button type="button" data-testid="round-show" onClick={handleShow}>
            {t('rounds.controls.show')}
          </button>
        )}
      </div>
      <p role="status" className={status?.kind === 'error' ? 'round-status error' : 'round-status'} data-testid="round-row-status">
        {status?.text ?? ''}
      </p>
      {round.state === 'open' && <PaperAnswers roundId={roundId} round={round} api={api} />}
    </li>
  );
}
