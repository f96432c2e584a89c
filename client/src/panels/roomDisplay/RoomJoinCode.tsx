import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkParticipantLink, rememberDisplayJoin, type ParticipantLinkCheck } from '../../connection/displayRoute.ts';
import { QrCode } from './QrCode.tsx';

type JoinState = { kind: 'checking' } | { kind: 'ready'; link: string } | { kind: 'ask'; problem: Exclude<ParticipantLinkCheck, 'ok'> | null };

const PROBLEM_KEYS: Record<Exclude<ParticipantLinkCheck, 'ok'>, string> = {
  'not-a-link': 'roomDisplay.addLink.notParticipant',
  'wrong-board': 'roomDisplay.addLink.wrongBoard',
  'not-participant': 'roomDisplay.addLink.notParticipant',
  unchecked: 'roomDisplay.addLink.unchecked',
};

/**
 * The QR code people in the room scan to join: the participant link, once
 * the server has confirmed it is one (see checkParticipantLink). Without a
 * link that passes, it asks for one instead — the only control the display
 * ever shows, and gone once the code is up.
 */
export function RoomJoinCode({ boardId, initialLink }: { boardId: string; initialLink: string | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<JoinState>(initialLink ? { kind: 'checking' } : { kind: 'ask', problem: null });
  const [draft, setDraft] = useState('');

  const check = async (link: string) => {
    setState({ kind: 'checking' });
    const verdict = await checkParticipantLink(boardId, link);
    if (verdict === 'ok') {
      rememberDisplayJoin(boardId, link.trim());
      setState({ kind: 'ready', link: link.trim() });
    } else {
      setState({ kind: 'ask', problem: verdict });
    }
  };

  useEffect(() => {
    if (initialLink) void check(initialLink);
    // Checked once, for the link the display was opened with.
  }, []);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim()) void check(draft);
  }

  if (state.kind === 'ready') {
    return (
      <figure className="room-join" data-testid="room-join">
        <QrCode text={state.link} label={t('roomDisplay.qrLabel')} />
        <figcaption className="room-join-caption">{t('roomDisplay.scanToJoin')}</figcaption>
      </figure>
    );
  }
  if (state.kind === 'checking') return <p className="room-join-status" role="status">{t('roomDisplay.addLink.checking')}</p>;
  return (
    <form className="room-join-form" onSubmit={handleSubmit} data-testid="room-join-form">
      <p>{t('roomDisplay.addLink.intro')}</p>
      {state.problem && <p role="alert" className="room-join-problem" data-testid="room-join-problem">{t(PROBLEM_KEYS[state.problem])}</p>}
      <label htmlFor="room-join-link">{t('roomDisplay.addLink.label')}</label>
      <input id="room-join-link" type="url" autoComplete="off" value={draft} onChange={(event) => setDraft(event.target.value)} data-testid="room-join-input" />
      <button type="submit" data-testid="room-join-submit">{t('roomDisplay.addLink.submit')}</button>
    </form>
  );
}
