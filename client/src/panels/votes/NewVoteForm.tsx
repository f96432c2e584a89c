import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DOTS_PER_PERSON, MAX_VOTE_TARGETS, MAX_VOTING_CODES, type CreateVoteRequest } from '@clapboard/shared';
import type { VotesApi } from '../../connection/votesApi.ts';
import { useEditor, useStoreRevision } from '../../editor/EditorContext.ts';
import { voteErrorMessage } from './voteErrors.ts';

const VOTABLE: ReadonlySet<string> = new Set(['note', 'answer', 'text', 'shape']);

/**
 * Starts a dot vote over the selected notes or over everything in a frame,
 * with a number of dots each, open to anyone with the link or only to
 * holders of one-time codes. `onCodes` gets the codes, which the server
 * shows this once.
 */
export function NewVoteForm({ api, onCodes }: { api: VotesApi; onCodes: (voteId: string, codes: string[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const editor = useEditor();
  useStoreRevision();
  const selection = useSyncExternalStore(editor.selection.subscribe, editor.selection.getSnapshot);
  const selected = selection.filter((objectId) => VOTABLE.has(editor.store.get(objectId)?.type ?? '')).slice(0, MAX_VOTE_TARGETS);
  const frames = editor.store.frames();
  const [source, setSource] = useState<'selection' | 'frame'>('frame');
  const [frameId, setFrameId] = useState('');
  const [perPerson, setPerPerson] = useState(3);
  const [withCodes, setWithCodes] = useState(false);
  const [codeCount, setCodeCount] = useState(20);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const chosenFrame = frameId || frames[0]?.id || '';
  const ready = source === 'selection' ? selected.length > 0 : chosenFrame !== '';

  const submit = async () => {
    const body: CreateVoteRequest = { targets: source === 'selection' ? selected : chosenFrame, perPerson, ...(withCodes ? { codes: codeCount } : {}) };
    setBusy(true);
    setStatus(null);
    const result = await api.createVote(body);
    setBusy(false);
    if (!result.ok) return setStatus({ kind: 'error', text: voteErrorMessage(t, result.error) });
    setStatus({ kind: 'ok', text: t('votes.controls.started') });
    if (result.value.codes) onCodes(result.value.voteId, result.value.codes);
  };

  return (
    <form
      className="round-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t('votes.controls.targets')}</legend>
        <label>
          <input type="radio" name={`${id}-source`} checked={source === 'frame'} onChange={() => setSource('frame')} disabled={frames.length === 0} /> {t('votes.controls.frame')}
        </label>
        {source === 'frame' && frames.length > 0 && (
          <select data-testid="vote-frame" aria-label={t('votes.controls.whichFrame')} value={chosenFrame} onChange={(event) => setFrameId(event.target.value)}>
            {frames.map((frame) => (
              <option key={frame.id} value={frame.id}>
                {editor.store.textOf(frame) || t('outline.untitledFrame')}
              </option>
            ))}
          </select>
        )}
        <label>
          <input type="radio" name={`${id}-source`} checked={source === 'selection'} onChange={() => setSource('selection')} /> {t('votes.controls.selection', { count: selected.length })}
        </label>
      </fieldset>
      <label htmlFor={`${id}-dots`}>{t('votes.controls.perPerson')}</label>
      <input data-testid="vote-per-person" id={`${id}-dots`} type="number" min={1} max={MAX_DOTS_PER_PERSON} value={perPerson} onChange={(event) => setPerPerson(Math.max(1, Math.min(MAX_DOTS_PER_PERSON, Number(event.target.value) || 1)))} />
      <label className="vote-choice">
        <input data-testid="vote-with-codes" type="checkbox" checked={withCodes} onChange={(event) => setWithCodes(event.target.checked)} /> {t('votes.controls.withCodes')}
      </label>
      {withCodes && (
        <>
          <label htmlFor={`${id}-codes`}>{t('votes.controls.codeCount')}</label>
          <input data-testid="vote-code-count" id={`${id}-codes`} type="number" min={1} max={MAX_VOTING_CODES} value={codeCount} onChange={(event) => setCodeCount(Math.max(1, Math.min(MAX_VOTING_CODES, Number(event.target.value) || 1)))} />
        </>
      )}
      <p className="round-note">{withCodes ? t('votes.controls.codesHelp') : t('votes.controls.anyoneHelp')}</p>
      <div className="round-actions">
        <button type="submit" data-testid="vote-start" disabled={busy || !ready}>
          {t('votes.controls.start')}
        </button>
      </div>
      <p role="status" className={status?.kind === 'error' ? 'round-status error' : 'round-status'}>
        {status?.text ?? ''}
      </p>
    </form>
  );
}
