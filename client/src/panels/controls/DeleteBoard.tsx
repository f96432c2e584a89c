import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardConnection } from '../../connection/BoardConnection.ts';

/**
 * Facilitators: erase the board now (`DELETE /api/boards/:id`), for
 * everyone, rather than waiting for its retention date. Asked twice, in
 * words that say it cannot be undone. Once the server has erased it, every
 * open page (this one included) is closed with BoardDeleted and says so.
 */
export function DeleteBoard({ connection }: { connection: BoardConnection }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [state, setState] = useState<'idle' | 'deleting' | 'failed'>('idle');

  const handleDelete = async () => {
    setState('deleting');
    const result = await connection.privacy.deleteBoard();
    setState(result.ok ? 'idle' : 'failed');
  };

  return (
    <div className="delete-board" data-testid="delete-board">
      {!asking ? (
        <button type="button" data-testid="delete-board-open" onClick={() => setAsking(true)}>
          {t('controls.deleteBoard.open')}
        </button>
      ) : (
        <div role="group" aria-labelledby="delete-board-question">
          <p id="delete-board-question">{t('controls.deleteBoard.question')}</p>
          <button type="button" className="danger" data-testid="delete-board-confirm" disabled={state === 'deleting'} onClick={() => void handleDelete()}>
            {t('controls.deleteBoard.confirm')}
          </button>
          <button type="button" data-testid="delete-board-cancel" autoFocus onClick={() => setAsking(false)}>
            {t('controls.deleteBoard.cancel')}
          </button>
        </div>
      )}
      <p role="status" className="round-note">{state === 'failed' ? t('controls.deleteBoard.failed') : ''}</p>
    </div>
  );
}
