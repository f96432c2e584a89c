import { useRef, useState } from 'react';
import { hasParticipantRights, type Role } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { AnswerReceipts } from '../../model/AnswerReceipts.ts';
import { useObservable } from '../../editor/EditorContext.ts';
import { AnswerBox } from './AnswerBox.tsx';
import { RoundControls } from './RoundControls.tsx';
import { RoundNotice } from './RoundNotice.tsx';
import { SelectedAnswer } from './SelectedAnswer.tsx';
import { useRounds } from './useRounds.ts';

/**
 * Anonymous rounds for this role: a facilitator's controls (with "hide"
 * for a selected answer card above them), a participant's answer box for
 * each open round and each round this device holds a receipt for (an
 * interpreter answers too: they take part as well as translate), or for an
 * observer, who neither asks nor answers, each open question and its time.
 */
export function RoundsPanel({ connection, role }: { connection: BoardConnection; role: Role }) {
  const rounds = useRounds(connection);
  const [receipts] = useState(() => new AnswerReceipts(connection.session.boardId));
  const held = useObservable(receipts.byRound);
  // A round seen open on this page stays shown once it closes, saying so,
  // rather than vanishing from under someone halfway through an answer.
  const seenOpen = useRef(new Set<string>());
  for (const { id, round } of rounds) if (round.state === 'open') seenOpen.current.add(id);
  if (role === 'facilitator') {
    return (
      <>
        <SelectedAnswer api={connection.rounds} />
        <RoundControls api={connection.rounds} rounds={rounds} />
      </>
    );
  }
  if (role === 'observer') {
    return (
      <>
        {rounds
          .filter(({ round }) => round.state === 'open')
          .map(({ id, round }) => (
            <RoundNotice key={id} roundId={id} round={round} />
          ))}
      </>
    );
  }
  if (!hasParticipantRights(role)) return null;
  const shown = rounds.filter(({ id, round }) => round.state === 'open' || held.has(id) || seenOpen.current.has(id));
  return (
    <>
      {shown.map(({ id, round }) => (
        <AnswerBox key={id} roundId={id} round={round} api={connection.rounds} receipts={receipts} />
      ))}
    </>
  );
}
