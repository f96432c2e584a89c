import { DOC_KINDS, type LinkRole, type Role } from '@clapboard/shared';
import {
  docKeyString,
  type AddLinkOutcome,
  type BoardRecord,
  type BoardStore,
  type CompactOutcome,
  type DocKey,
  type FoldedRead,
  type NewBoard,
  type RevokeLinkOutcome,
  type StoredDocument,
  type StoredLink,
} from './BoardStore.ts';

interface MemoryDocument {
  snapshot: Uint8Array | null;
  /** 0 while there is no snapshot; one more with each compaction. */
  snapshotVersion: number;
  /** Highest seq folded into the snapshot, for `lastSeq` when the log is empty. */
  snapshotSeq: number;
  updates: Array<{ seq: number; update: Uint8Array }>;
}

/** Non-durable store for tests and tools; same contract as SqliteBoardStore. */
export class MemoryBoardStore implements BoardStore {
  private readonly boards = new Map<string, BoardRecord>();
  /** Retention dates by board (BoardStore.retentionDate); a board without one is absent. */
  private readonly retention = new Map<string, string>();
  private readonly tokens = new Map<string, { boardId: string; role: LinkRole }>();
  private readonly documents = new Map<string, MemoryDocument>();
  private seq = 0;

  async createBoard(board: NewBoard): Promise<void> {
    if (this.boards.has(board.id)) throw new Error(`board ${board.id} exists`);
    this.boards.set(board.id, { id: board.id });
    if (board.deleteOn) this.retention.set(board.id, board.deleteOn);
    for (const [role, hash] of Object.entries(board.tokenHashes) as Array<[Role, string]>) {
      this.tokens.set(hash, { boardId: board.id, role });
    }
    for (const [doc, update] of Object.entries(board.initialUpdates)) {
      this.document({ boardId: board.id, doc: doc as DocKey['doc'] }).updates.push({ seq: ++this.seq, update: update.slice() });
    }
  }

  async getBoard(boardId: string): Promise<BoardRecord | null> {
    return this.boards.get(boardId) ?? null;
  }

  async roleForTokenHash(boardId: string, tokenHash: string): Promise<LinkRole | null> {
    const entry = this.tokens.get(tokenHash);
    return entry && entry.boardId === boardId ? entry.role : null;
  }

  async listLinks(boardId: string): Promise<StoredLink[]> {
    return this.linksOf(boardId);
  }

  async addLink(boardId: string, link: StoredLink, maxLinks: number): Promise<AddLinkOutcome> {
    if (!this.boards.has(boardId)) throw new Error('no such board');
    if (this.tokens.has(link.tokenHash)) throw new Error('token hash exists');
    if (this.linksOf(boardId).length >= maxLinks) return 'full';
    this.tokens.set(link.tokenHash, { boardId, role: link.role });
    return 'added';
  }

  async rotateLink(boardId: string, oldHash: string, newHash: string): Promise<LinkRole | null> {
    const entry = this.tokens.get(oldHash);
    if (!entry || entry.boardId !== boardId) return null;
    if (this.tokens.has(newHash)) throw new Error('token hash exists');
    this.tokens.delete(oldHash);
    this.tokens.set(newHash, entry);
    return entry.role;
  }

  async revokeLink(boardId: string, tokenHash: string): Promise<RevokeLinkOutcome> {
    const entry = this.tokens.get(tokenHash);
    if (!entry || entry.boardId !== boardId) return 'not-found';
    const facilitators = this.linksOf(boardId).filter((link) => link.role === 'facilitator').length;
    if (entry.role === 'facilitator' && facilitators <= 1) return 'last-facilitator';
    this.tokens.delete(tokenHash);
    return 'revoked';
  }

  async loadDocument(key: DocKey): Promise<StoredDocument> {
    const document = this.documents.get(docKeyString(key));
    if (!document) return { snapshot: null, updates: [], seqs: [], snapshotVersion: 0, lastSeq: 0 };
    return {
      snapshot: document.snapshot?.slice() ?? null,
      updates: document.updates.map((row) => row.update.slice()),
      seqs: document.updates.map((row) => row.seq),
      snapshotVersion: document.snapshotVersion,
      lastSeq: document.updates.at(-1)?.seq ?? document.snapshotSeq,
    };
  }

  async appendUpdate(key: DocKey, update: Uint8Array): Promise<number> {
    const seq = ++this.seq;
    this.document(key).updates.push({ seq, update: update.slice() });
    return seq;
  }

  async compactDocument(key: DocKey, snapshot: Uint8Array, folded: FoldedRead): Promise<CompactOutcome> {
    const document = this.document(key);
    if (document.snapshotVersion !== folded.snapshotVersion) return 'superseded';
    const foldedSeqs = new Set(folded.seqs);
    document.snapshot = snapshot.slice();
    document.snapshotVersion += 1;
    document.snapshotSeq = folded.seqs.reduce((highest, seq) => Math.max(highest, seq), document.snapshotSeq);
    document.updates = document.updates.filter((row) => !foldedSeqs.has(row.seq));
    return 'compacted';
  }

  async countUpdates(key: DocKey): Promise<number> {
    return this.documents.get(docKeyString(key))?.updates.length ?? 0;
  }

  async retentionDate(boardId: string): Promise<string | null> {
    return this.retention.get(boardId) ?? null;
  }

  async setRetentionDate(boardId: string, deleteOn: string): Promise<boolean> {
    if (!this.boards.has(boardId)) return false;
    this.retention.set(boardId, deleteOn);
    return true;
  }

  async listBoardsDue(today: string): Promise<string[]> {
    return [...this.retention].filter(([, deleteOn]) => deleteOn <= today).map(([boardId]) => boardId);
  }

  async listUndatedBoards(): Promise<string[]> {
    return [...this.boards.keys()].filter((boardId) => !this.retention.has(boardId));
  }

  /** Nothing of it stays reachable; the garbage collector does the rest. */
  async deleteBoard(boardId: string): Promise<boolean> {
    const existed = this.boards.delete(boardId);
    this.retention.delete(boardId);
    for (const [hash, entry] of this.tokens) if (entry.boardId === boardId) this.tokens.delete(hash);
    for (const doc of DOC_KINDS) this.documents.delete(docKeyString({ boardId, doc }));
    return existed;
  }

  async close(): Promise<void> {}

  /** Synchronous, so a count and the change it guards happen with nothing in between. */
  private linksOf(boardId: string): StoredLink[] {
    return [...this.tokens].filter(([, entry]) => entry.boardId === boardId).map(([tokenHash, { role }]) => ({ tokenHash, role }));
  }

  private document(key: DocKey): MemoryDocument {
    const id = docKeyString(key);
    let document = this.documents.get(id);
    if (!document) {
      document = { snapshot: null, snapshotVersion: 0, snapshotSeq: 0, updates: [] };
      this.documents.set(id, document);
    }
    return document;
  }
}
