import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, canWrite, getObjectsMap, type BoardObject, type ConnectorEnd, type NoteColor, type Role } from '@clapboard/shared';
import { ViewportController } from '../canvas/ViewportController.ts';
import { center, type Point, type Rect } from '../canvas/geometry.ts';
import { BoardStore } from './BoardStore.ts';
import { Observable } from './Observable.ts';
import { SelectionStore } from './SelectionStore.ts';
import * as commands from './commands.ts';

export type Tool = 'select' | 'hand' | 'note' | 'text' | 'rectangle' | 'ellipse' | 'connector' | 'frame';

const CLIPBOARD_MARKER = 'clapboard/objects@1';

/**
 * The editing session for one board in this tab: the read model, selection,
 * camera, undo history and the commands that tie them together. Tools and
 * panels call these methods; they never write to the document themselves.
 */
export class BoardEditor {
  readonly store: BoardStore;
  readonly selection = new SelectionStore();
  readonly viewport = new ViewportController();
  readonly undoManager: Y.UndoManager;
  readonly tool = new Observable<Tool>('select');
  /** The object whose text is open in the inline editor. */
  readonly editing = new Observable<string | null>(null);
  readonly canEdit: boolean;
  private clipboard: BoardObject[] = [];
  private pasteCount = 0;
  /** Set while arrow-key nudges follow one another, so a held key is one undo step. */
  private nudging = false;

  constructor(
    readonly doc: Y.Doc,
    readonly role: Role,
  ) {
    this.store = new BoardStore(doc);
    this.canEdit = canWrite(role, 'content');
    // Only this person's own edits are undoable: a remote change is never
    // reverted by someone else's Ctrl+Z.
    this.undoManager = new Y.UndoManager(getObjectsMap(doc), {
      trackedOrigins: new Set([LOCAL_USER_ORIGIN]),
      captureTimeout: 400,
    });
    this.store.subscribe(() => this.selection.prune((id) => !!this.store.get(id)));
  }

  destroy(): void {
    this.undoManager.destroy();
    this.store.destroy();
  }

  /**
   * Runs a command as its own undo step, then applies it to the read model at
   * once so the next frame shows it. The undo manager would otherwise merge
   * every change made within its capture timeout, so a quick "add, then
   * delete" would be undone as one.
   */
  run<T>(fn: () => T, options: { mergeWithNudges?: boolean } = {}): T {
    const merge = options.mergeWithNudges === true && this.nudging;
    if (!merge) this.undoManager.stopCapturing();
    this.nudging = options.mergeWithNudges === true;
    const result = fn();
    // Text typed straight after a command is a step of its own too.
    if (!this.nudging) this.undoManager.stopCapturing();
    this.store.flush();
    return result;
  }

  viewCenter(): Point {
    return center(this.viewport.visible());
  }

  createAt(kind: commands.NewObjectKind, at: Point, options?: Parameters<typeof commands.createObject>[4]): string | null {
    if (!this.canEdit) return null;
    const id = this.run(() => commands.createObject(this.doc, this.store, kind, at, options));
    this.selection.replace([id]);
    return id;
  }

  moveSelection(dx: number, dy: number, ids: readonly string[] = this.selection.current): void {
    if (!this.canEdit || ids.length === 0) return;
    this.run(() => commands.moveObjects(this.doc, this.store, ids, dx, dy));
  }

  /** Arrow-key moves: a run of them (a held key) undoes in one step. */
  nudgeSelection(dx: number, dy: number): void {
    if (!this.canEdit || this.selection.current.length === 0) return;
    const ids = this.selection.current;
    this.run(() => commands.moveObjects(this.doc, this.store, ids, dx, dy), { mergeWithNudges: true });
  }

  resizeSelection(ids: readonly string[], from: Rect, to: Rect): void {
    if (!this.canEdit) return;
    this.run(() => commands.resizeObjects(this.doc, this.store, ids, from, to));
  }

  createConnector(from: ConnectorEnd, to: ConnectorEnd): void {
    if (!this.canEdit) return;
    const id = this.run(() => commands.createConnector(this.doc, this.store, from, to));
    this.selection.replace([id]);
  }

  deleteSelection(): void {
    if (!this.canEdit || this.selection.current.length === 0) return;
    const ids = this.selection.current;
    this.selection.clear();
    this.run(() => commands.deleteSelection(this.doc, this.store, ids));
  }

  /** The selection plus connectors that join two selected objects, for copy and duplicate. */
  private copySet(): BoardObject[] {
    const ids = commands.expandWithFrameMembers(this.store, this.selection.current);
    for (const id of [...ids]) {
      for (const connectorId of this.store.connectorsAttachedTo(id)) {
        const connector = this.store.get(connectorId);
        if (connector?.type !== 'connector') continue;
        const ends = [connector.from, connector.to].map((end) => ('objectId' in end ? end.objectId : null));
        if (ends.every((end) => end === null || ids.has(end))) ids.add(connectorId);
      }
    }
    return [...ids].map((id) => this.store.get(id)).filter((o): o is BoardObject => !!o);
  }

  duplicate(): void {
    if (!this.canEdit || this.selection.current.length === 0) return;
    const ids = this.run(() => commands.pasteObjects(this.doc, this.store, this.copySet(), { x: 24, y: 24 }));
    this.selection.replace(ids);
  }

  copy(): string | null {
    if (this.selection.current.length === 0) return null;
    this.clipboard = this.copySet();
    this.pasteCount = 0;
    return JSON.stringify({ type: CLIPBOARD_MARKER, objects: this.clipboard });
  }

  /** Pastes `json` from the system clipboard if it is ours, else the in-app clipboard. */
  paste(json?: string): boolean {
    if (!this.canEdit) return false;
    let objects = this.clipboard;
    if (json) {
      try {
        const parsed = JSON.parse(json) as { type?: unknown; objects?: unknown };
        if (parsed.type === CLIPBOARD_MARKER && Array.isArray(parsed.objects)) objects = parsed.objects as BoardObject[];
      } catch {
        // Not ours: fall back to the in-app clipboard.
      }
    }
    if (objects.length === 0) return false;
    this.pasteCount += 1;
    const offset = this.pasteCount * 24;
    try {
      const ids = this.run(() => commands.pasteObjects(this.doc, this.store, objects, { x: offset, y: offset }));
      this.selection.replace(ids);
      return true;
    } catch {
      // Objects from another version that fail validation are not pasted.
      return false;
    }
  }

  setNoteColor(color: NoteColor): void {
    const notes = this.selection.current.filter((id) => this.store.get(id)?.type === 'note');
    if (this.canEdit && notes.length > 0) this.run(() => commands.setColor(this.doc, notes, color, this.store));
  }

  bringToFront(): void {
    if (this.canEdit) this.run(() => commands.bringToFront(this.doc, this.store, this.selection.current));
  }

  sendToBack(): void {
    if (this.canEdit) this.run(() => commands.sendToBack(this.doc, this.store, this.selection.current));
  }

  undo(): void {
    if (!this.canEdit) return;
    this.editing.set(null);
    this.run(() => this.undoManager.undo());
  }

  redo(): void {
    if (!this.canEdit) return;
    this.editing.set(null);
    this.run(() => this.undoManager.redo());
  }

  zoomToFit(): void {
    this.store.flush();
    this.viewport.fit(this.store.allBounds(), 'user');
  }

  zoomToSelection(): void {
    const rects = this.selection.current.map((id) => this.store.boundsOf(id)).filter((r) => !!r);
    if (rects.length === 0) return;
    const minX = Math.min(...rects.map((r) => r.minX));
    const minY = Math.min(...rects.map((r) => r.minY));
    const maxX = Math.max(...rects.map((r) => r.maxX));
    const maxY = Math.max(...rects.map((r) => r.maxY));
    this.viewport.fit({ x: minX, y: minY, width: maxX - minX, height: maxY - minY }, 'user');
  }

  startEditing(id: string): void {
    const object = this.store.get(id);
    if (!this.canEdit || !object || object.type === 'connector') return;
    this.selection.replace([id]);
    this.editing.set(id);
  }
}
