import type * as Y from 'yjs';
import { getRoundsMap, readRound, readVotes, type BoardStep } from '@clapboard/shared';
import type { BoardApiError } from '../../connection/boardApiRequest.ts';
import type { RoundsApi } from '../../connection/roundsApi.ts';
import type { VotesApi } from '../../connection/votesApi.ts';
import type { BoardStore } from '../../model/BoardStore.ts';

export type StepActivity = 'round' | 'vote';

export type StepActivityOutcome =
  | { kind: 'none' }
  | { kind: 'opened' | 'already-open'; what: StepActivity }
  | { kind: 'failed'; what: StepActivity; error: BoardApiError };

/** Whether a round asking exactly this is open: going back a step and on again must not ask it twice. */
function roundOpenWithPrompt(controlDoc: Y.Doc, prompt: string): boolean {
  for (const id of getRoundsMap(controlDoc).keys()) {
    const round = readRound(controlDoc, id);
    if (round?.state === 'open' && round.prompt === prompt) return true;
  }
  return false;
}

/** Whether an open vote is over this frame's contents (a vote keeps target ids, not the frame it was opened on). */
function voteOpenOnFrame(controlDoc: Y.Doc, store: BoardStore, frameId: string): boolean {
  return readVotes(controlDoc).some(
    ({ vote }) => vote.state === 'open' && vote.targets.length > 0 && vote.targets.every((id) => store.get(id)?.frameId === frameId),
  );
}

/**
 * Opens what a step opens, through the same APIs as the rounds and votes
 * panels (the server holds the answers and ballots, never a document):
 * its anonymous question, or a dot vote over the notes in its frame. Once:
 * a round with the same question, or a vote over that frame, already open
 * is left as it is.
 */
export async function openStepActivity(
  step: BoardStep,
  context: { controlDoc: Y.Doc; store: BoardStore; rounds: RoundsApi; votes: VotesApi },
): Promise<StepActivityOutcome> {
  const opens = step.opens;
  if (!opens) return { kind: 'none' };
  if ('round' in opens) {
    if (roundOpenWithPrompt(context.controlDoc, opens.round.prompt)) return { kind: 'already-open', what: 'round' };
    const result = await context.rounds.createRound({ prompt: opens.round.prompt, ...(opens.round.k !== undefined ? { k: opens.round.k } : {}) });
    return result.ok ? { kind: 'opened', what: 'round' } : { kind: 'failed', what: 'round', error: result.error };
  }
  // The schema refuses a vote step without a frame; a board written by hand may still hold one.
  if (step.frameId === undefined) return { kind: 'none' };
  if (voteOpenOnFrame(context.controlDoc, context.store, step.frameId)) return { kind: 'already-open', what: 'vote' };
  const result = await context.votes.createVote({ targets: step.frameId, perPerson: opens.vote.perPerson });
  return result.ok ? { kind: 'opened', what: 'vote' } : { kind: 'failed', what: 'vote', error: result.error };
}
