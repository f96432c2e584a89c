import { Gate } from './gate.ts';
import type { BoardStore, DocKey, StoredDocument } from '@clapboard/server';

/**
 * A store whose appends can be held back: while the gate is closed, updates
 * reach the store but are not durable yet. Lets a test observe the window in
 * which the server has an edit it has not stored, without timing tricks.
 */
export class GatedStore implements BoardStore {
  private readonly gate = new Gate();

  constructor(private readonly inner: BoardStore) {
    this.compactLog = inner.compactLog?.bind(inner);
  }

  /** Appends from now on wait until `release()`. */
  hold(): void {
    this.gate.hold();
  }

  /** Appends waiting behind the gate. */
  get waiting(): number {
    return this.gate.waiting;
  }

  release(): void {
    this.gate.release();
  }

  async appendUpdate(key: DocKey, update: Uint8Array): Promise<number> {
    await this.gate.pass();
    return this.inner.appendUpdate(key, update);
  }

  createBoard: BoardStore['createBoard'] = (board) => this.inner.createBoard(board);
  getBoard: BoardStore['getBoard'] = (boardId) => this.inner.getBoard(boardId);
  roleForTokenHash: BoardStore['roleForTokenHash'] = (boardId, hash) => this.inner.roleForTokenHash(boardId, hash);
  listLinks: BoardStore['listLinks'] = (boardId) => this.inner.listLinks(boardId);
  addLink: BoardStore['addLink'] = (boardId, link, maxLinks) => this.inner.addLink(boardId, link, maxLinks);
  rotateLink: BoardStore['rotateLink'] = (boardId, oldHash, newHash) => this.inner.rotateLink(boardId, oldHash, newHash);
  revokeLink: BoardStore['revokeLink'] = (boardId, hash) => this.inner.revokeLink(boardId, hash);
  loadDocument = (key: DocKey): Promise<StoredDocument> => this.inner.loadDocument(key);
  compactDocument: BoardStore['compactDocument'] = (key, snapshot, folded) => this.inner.compactDocument(key, snapshot, folded);
  countUpdates: BoardStore['countUpdates'] = (key) => this.inner.countUpdates(key);
  /** Present exactly when the wrapped store has it, so compaction takes the same path as without the gate. */
  readonly compactLog: BoardStore['compactLog'];
  retentionDate: BoardStore['retentionDate'] = (boardId) => this.inner.retentionDate(boardId);
  setRetentionDate: BoardStore['setRetentionDate'] = (boardId, deleteOn) => this.inner.setRetentionDate(boardId, deleteOn);
  listBoardsDue: BoardStore['listBoardsDue'] = (today) => this.inner.listBoardsDue(today);
  listUndatedBoards: BoardStore['listUndatedBoards'] = () => this.inner.listUndatedBoards();
  deleteBoard: BoardStore['deleteBoard'] = (boardId) => this.inner.deleteBoard(boardId);
  close: BoardStore['close'] = () => this.inner.close();
}
