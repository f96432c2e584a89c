import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import { CONTENT_ROOTS, CONTROL_ROOTS, getRoundsMap, getVotesMap, type DocKind } from '@clapboard/shared';
import { linkIdFor } from '../auth/capabilityTokens.ts';
import type { RoundStore } from '../rounds/RoundStore.ts';
import type { VoteStore } from '../votes/VoteStore.ts';
import type { ContactStore, MonitoringStore } from './participantDataStores.ts';

/** Bumped when a part of the bundle changes incompatibly. */
export const BOARD_EXPORT_VERSION = 1;

/** What each part of the bundle is, carried in the bundle itself so a file read years later still says. */
const ABOUT = {
  retention: 'The day this board and everything about it is erased (UTC).',
  documents: 'The board as everyone sees it: content (notes, frames, shapes, connectors, revealed answers and anonymous notes, which are written by the server and carry no author) and control (title, engagement statement, steps, timers, locks, published round and vote records). Plain JSON of each document root.',
  links: 'The links that open this board: a public link id and the role it grants. Tokens are never stored; their hashes are not exported either (a hash names a link as well as its id does, and a stable secret-derived value in a file does no one any good).',
  rounds: 'Anonymous rounds as stored: state, reveal threshold and how many answers are held. The words of answers not yet revealed are not in this file: they are shown only once a round reaches its threshold and is revealed, and then they are in documents.content.',
  votes: 'Anonymous votes as stored: state and how many ballots were counted, and the counts once the vote has closed (never while it is open). Ballots are not kept, only counts.',
  anonymousNoteReceipts: 'For each anonymous note, the server keeps only the hash of its author\u2019s receipt (so its author can edit or withdraw it) next to the note\u2019s card id. Not exported: a hash is of use to nobody but the receipt\u2019s holder.',
  separate: 'Equality monitoring and contacts are kept apart from board content and are never in the same file: download them separately (monitoring counts, groups under 5 shown as "fewer than 5"; contacts people chose to leave).',
} as const;

export interface ExportStores {
  rounds: RoundStore;
  votes: VoteStore;
  monitoring: MonitoringStore;
  contacts: ContactStore;
}

const ROOTS: Record<DocKind, readonly string[]> = { content: Object.values(CONTENT_ROOTS), control: Object.values(CONTROL_ROOTS) };

/** Every root of a document as plain JSON. */
function documentJson(doc: Y.Doc, roots: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(roots.map((root) => [root, doc.getMap(root).toJSON()]));
}

/**
 * `GET /api/boards/:id/export-all` (facilitator): everything held about a
 * board that a facilitator may read, in one JSON bundle, each part
 * explained in `about` (docs/protocol.md, "Subject access export").
 */
export async function exportBoard(app: FastifyInstance, boardId: string, stores: ExportStores) {
  const documents = {} as Record<DocKind, Record<string, unknown>>;
  const published = { rounds: [] as string[], votes: [] as string[] };
  for (const doc of ['content', 'control'] as const) {
    documents[doc] = await app.rooms.withRoom({ boardId, doc }, (room) => {
      if (doc === 'control') {
        published.rounds = [...getRoundsMap(room.doc).keys()].sort();
        published.votes = [...getVotesMap(room.doc).keys()].sort();
      }
      return documentJson(room.doc, ROOTS[doc]);
    });
  }
  const rounds = [];
  for (const roundId of published.rounds) {
    const round = await stores.rounds.getRound(boardId, roundId);
    if (round) rounds.push({ roundId, prompt: round.prompt, state: round.state, k: round.k, closesAt: round.closesAt, answersHeld: round.answerCount });
  }
  const votes = [];
  for (const voteId of published.votes) {
    const vote = await stores.votes.getVote(boardId, voteId);
    if (vote) votes.push({ voteId, state: vote.state, access: vote.access, perPerson: vote.perPerson, targets: vote.targets, ballotCount: vote.ballotCount, counts: vote.state === 'closed' ? vote.counts : null });
  }
  const monitoring = await stores.monitoring.read(boardId);
  return {
    format: 'clapboard-board-export',
    version: BOARD_EXPORT_VERSION,
    boardId,
    about: ABOUT,
    retention: { deleteOn: await app.store.retentionDate(boardId) },
    documents,
    links: (await app.store.listLinks(boardId)).map((link) => ({ linkId: linkIdFor(link.tokenHash), role: link.role })).sort((a, b) => (a.linkId < b.linkId ? -1 : 1)),
    rounds,
    votes,
    separate: {
      monitoring: { download: `/api/boards/${boardId}/monitoring`, responsesHeld: (monitoring?.released ?? 0) + (monitoring?.pending ?? 0) },
      contacts: { download: `/api/boards/${boardId}/contacts`, contactsHeld: (await stores.contacts.list(boardId)).length },
    },
  };
}
