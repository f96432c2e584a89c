import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_REVEAL_THRESHOLD, MAX_PROMPT_LENGTH, MAX_REVEAL_THRESHOLD, MIN_REVEAL_THRESHOLD, type RoundRecord } from '@clapboard/shared';
import type { RoundsApi } from '../../connection/roundsApi.ts';
import type { RoundEntry } from '../../model/Rounds.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { roundErrorText } from './roundMessages.ts';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * A facilitator's rounds: ask a question, watch its state and coarse count
 * (from the control document, which the server writes), close and reveal.
 * No answer's words reach this panel before reveal: there are none to read
 * (docs/anonymity.md).
 */
export function RoundControls({ api, rounds }: { api: RoundsApi; rounds: readonly RoundEntry[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [prompt, setPrompt] = useState('');
  const [k, setK] = useState(String(DEFAULT_REVEAL_THRESHOLD));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const handleOpen = async (event: FormEvent) => {
    event.preventDefault();
    const threshold = Number(k);
    setBusy(true);
    setStatus(null);
    const result = await api.createRound({ prompt, k: Number.isInteger(threshold) ? threshold : DEFAULT_REVEAL_THRESHOLD });
    if (result.ok) {
      setPrompt('');
      setStatus({ kind: 'ok', text: t('rounds.controls.opened') });
    } else {
      setStatus({ kind: 'error', text: roundErrorText(t, result.error) });
    }
    setBusy(false);
  };

  return (
    <section className="round-controls panel" aria-labelledby={`${id}-heading`} data-testid="round-controls">
      <h2 id={`${id}-heading`}>{t('rounds.controls.heading')}</h2>
      <p className="round-note">{t('rounds.controls.intro')}</p>
      <form className="round-form" onSubmit={handleOpen}>
        <label htmlFor={`${id}-prompt`}>{t('rounds.controls.prompt')}</label>
        <textarea
          id={`${id}-prompt`}
          data-testid="round-prompt-input"
          dir="auto"
          rows={2}
          required
          maxLength={MAX_PROMPT_LENGTH}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
        />
        <label htmlFor={`${id}-k`}>{t('rounds.controls.k')}</label>
        <input
          id={`${id}-k`}
          data-testid="round-k-input"
          type="number"
          inputMode="numeric"
          min={MIN_REVEAL_THRESHOLD}
          max={MAX_REVEAL_THRESHOLD}
          step={1}
          required
          value={k}
          aria-describedby={`${id}-k-help`}
          onChange={(event) => setK(event.target.value)}
        />
        <p id={`${id}-k-help`} className="round-length">
          {t('rounds.controls.kHelp', { min: MIN_REVEAL_THRESHOLD })}
        </p>
        <div className="round-actions">
          <button type="submit" className="primary" data-testid="round-open" disabled={busy}>
            {busy ? t('rounds.controls.opening') : t('rounds.controls.open')}
          </button>
        </div>
      </form>
      <p role="status" className={status?.kind === 'error' ? 'round-status error' : 'round-status'} data-testid="round-controls-status">
        {status?.text ?? ''}
      </p>
      <h3>{t('rounds.controls.list')}</h3>
      {rounds.length === 0 ? (
        <p className="round-note">{t('rounds.controls.none')}</p>
      ) : (
        <ul className="round-list">
          {rounds.map(({ id: roundId, round }) => (
            <RoundRow key={roundId} roundId={roundId} round={round} api={api} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RoundRow({ roundId, round, api }: { roundId: string; round: RoundRecord; api: RoundsApi }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

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
      <p className="round-meta">
        <span className="badge" data-testid="round-state">
          {t(`rounds.controls.state.${round.state}`)}
        </span>{' '}
        <span data-testid="round-count">
          {round.state === 'open' ? t('rounds.controls.countOpen', { count: round.count }) : t('rounds.controls.count', { count: round.count })}
        </span>
        {round.state !== 'revealed' && <span className="round-needs"> · {t('rounds.controls.needs', { k: round.k })}</span>}
      </p>
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
    </li>
  );
}
