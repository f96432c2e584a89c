import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteRecord } from '@clapboard/shared';
import type { VotesApi } from '../../connection/votesApi.ts';
import { useEditor, useObservable, useStoreRevision } from '../../editor/EditorContext.ts';
import type { VoteBallots } from '../../model/VoteBallots.ts';
import { castDots, redeemVotingCode } from './ballotFlow.ts';
import { targetLabel } from './targetLabel.ts';
import { voteErrorMessage } from './voteErrors.ts';
import { VoteResults } from './VoteResults.tsx';
import { useFocusRescue } from '../useFocusRescue.ts';

/**
 * A participant's ballot: pick up to `perPerson` of the targets, listed by
 * their words (a phone can tick a list where it could not tap small notes),
 * and send. For a `codes` vote the code comes first. "Counted" only on the
 * server's 201. Nothing here touches the board's documents or awareness.
 */
export function BallotBox({ voteId, vote, api, ballots }: { voteId: string; vote: VoteRecord; api: VotesApi; ballots: VoteBallots }) {
  const { t } = useTranslation();
  const id = useId();
  const { store } = useEditor();
  useStoreRevision();
  const stored = useObservable(ballots.byVote).get(voteId);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The form that had focus is replaced once a step succeeds (the code by the choices, the choices by
  // "counted"): focus moves to what replaced it, so keyboard and screen-reader users are not dropped to the page.
  const next = useRef<HTMLElement | null>(null);
  const [focusNext, setFocusNext] = useState(false);
  useEffect(() => {
    if (focusNext && next.current) {
      next.current.focus();
      setFocusNext(false);
    }
  }, [focusNext, stored]);
  // And when the facilitator closes the vote under someone's focus: to the heading, now "Results".
  const region = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusRescue(region, heading);

  const run = async (action: () => ReturnType<typeof castDots>) => {
    setBusy(true);
    setError(null);
    const result = await action().catch(() => ({ ok: false as const, error: { status: null, code: null, message: 'failed' } }));
    setBusy(false);
    if (!result.ok) setError(voteErrorMessage(t, result.error));
    else setFocusNext(true);
  };
  const toggle = (target: string) => {
    const next = new Set(chosen);
    if (next.has(target)) next.delete(target);
    else if (next.size < vote.perPerson) next.add(target);
    setChosen(next);
  };

  let body;
  if (vote.state === 'closed') body = <VoteResults vote={vote} />;
  else if (stored?.cast) {
    body = (
      <p role="status" data-testid="ballot-counted" tabIndex={-1} ref={(element) => void (next.current = element)}>
        {t('votes.ballot.counted')}
      </p>
    );
  }
  else if (vote.access === 'codes' && !stored?.signature) {
    body = (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => redeemVotingCode(api, ballots, voteId, vote, code));
        }}
        className="round-form"
      >
        <label htmlFor={`${id}-code`}>{t('votes.ballot.codeLabel')}</label>
        <input data-testid="ballot-code" id={`${id}-code`} value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} aria-describedby={`${id}-error`} />
        <button type="submit" data-testid="ballot-use-code" disabled={busy || code.trim().length === 0}>
          {t('votes.ballot.useCode')}
        </button>
      </form>
    );
  } else {
    body = (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => castDots(api, ballots, voteId, vote, [...chosen]));
        }}
        className="round-form"
      >
        <fieldset>
          <legend>{t('votes.ballot.pick', { count: vote.perPerson })}</legend>
          {vote.targets.map((target, index) => (
            <label key={target} className="vote-choice">
              <input ref={index === 0 ? (element) => void (next.current = element) : undefined} type="checkbox" checked={chosen.has(target)} disabled={!chosen.has(target) && chosen.size >= vote.perPerson} onChange={() => toggle(target)} />
              <bdi>{targetLabel(t, store, target)}</bdi>
            </label>
          ))}
        </fieldset>
        <p className="round-note" aria-live="polite">
          {t('votes.ballot.left', { count: vote.perPerson - chosen.size })}
        </p>
        <button type="submit" data-testid="ballot-send" disabled={busy || chosen.size === 0} aria-describedby={`${id}-error`}>
          {busy ? t('votes.ballot.sending') : t('votes.ballot.send', { count: chosen.size })}
        </button>
      </form>
    );
  }
  return (
    <section ref={region} className="ballot-box round-answer panel" aria-labelledby={`${id}-heading`} data-testid="ballot-box">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>{vote.state === 'closed' ? t('votes.results.heading') : t('votes.ballot.heading')}</h2>
      {vote.state === 'open' && <p className="round-note">{vote.access === 'codes' ? t('votes.ballot.anonymousCodes') : t('votes.ballot.anonymous')}</p>}
      {body}
      <p id={`${id}-error`} className="round-status error" role="status">
        {error ?? ''}
      </p>
    </section>
  );
}
