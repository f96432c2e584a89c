import * as Y from 'yjs';
import {
  LOCAL_USER_ORIGIN,
  canWrite,
  hasParticipantRights,
  center,
  cleanBoardTitle,
  frameAt,
  getObjectMap,
  getObjectsMap,
  getThemesMap,
  type BoardObject,
  type ConnectorEnd,
  type EngagementStatement,
  type TranslatableStatementField,
  type NoteColor,
  type Point,
  type Rect,
  type Role,
} from '@clapboard/shared';
import { BoardStore } from '../model/BoardStore.ts';
import type { OwnWriters } from '../model/OwnWriters.ts';
import { Observable } from '../model/Observable.ts';
import { SelectionStore } from '../model/SelectionStore.ts';
import { AnonymousNotesGate } from './AnonymousNotesGate.ts';
import { BoardControls } from './BoardControls.ts';
import { copySet, readClipboard, writeClipboard } from './clipboard.ts';
import * as commands from './commands.ts';
import { setBoardTitle } from './settingsCommands.ts';
import { ThemeCommands } from './ThemeCommands.ts';
import { setStatement, setStatementTranslation } from './statementCommands.ts';
import { NoteWriting, landingInView, noteLanding } from './NoteWriting.ts';
import { ViewportController } from './ViewportController.ts';

export type Tool = 'select' | 'hand' | 'note' | 'text' | 'rectangle' | 'ellipse' | 'connector' | 'frame';

/**
 * Something a command did not do, to tell the person (panels show it in a
 * live region). `seq` differs on every notice, so the same words twice are
 * announced twice.
 */
/** What a deletion removed, for the undo toast: counted as the person chose them (attached arrows go along unsaid). */
export interface Deletion {
  readonly count: number;
  /** The one type deleted, or 'object' when the selection mixed types. */
  readonly kind: BoardObject['type'] | 'object';
  /** The undo step the deletion made: the toast may only undo that one. */
  readonly step: unknown;
}

export interface EditorNotice {
  kind: 'pasteRejected' | 'duplicateRejected' | 'locked' | 'deleteOwnOnly';
  seq: number;
}

/** How far each successive paste or duplicate is offset, so copies do not hide their originals. */
const PASTE_STEP = 24;

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
  /** The latest notice for the person, or null before any. */
  readonly notice = new Observable<EditorNotice | null>(null);
  /** This person's last deletion while it is still the newest undo step; null once anything else is done or undone. */
  readonly lastDeletion = new Observable<Deletion | null>(null);
  readonly canEdit: boolean;
  /** Whether this person may change board settings (the control document): facilitators only. */
  readonly canEditSettings: boolean;
  /** Where new notes are anonymous, and the one about to be written (see AnonymousNotesGate). */
  readonly anonymousNotes: AnonymousNotesGate;
  /** The facilitators' locks, hidden cursors and timer; commands below ask it before changing an object (see BoardControls). */
  readonly controls: BoardControls;
  /** Whether notes are written in a sheet first (phones), and the one being written (see NoteWriting). */
  readonly writing = new NoteWriting();
  /** Themes, tags and duplicates (synthesis, issue #10). */
  readonly themes: ThemeCommands;
  private clipboard: BoardObject[] = [];
  private pasteCount = 0;
  /** Set while arrow-key nudges follow one another, so a held key is one undo step. */
  private nudging = false;

  constructor(
    readonly doc: Y.Doc,
    readonly role: Role,
    /**
     * The board's control document, where settings such as the title live.
     * An editor with no board behind it (a test page, an offscreen render)
     * gets a private one, so a rename there reaches nobody.
     */
    readonly controlDoc: Y.Doc = new Y.Doc(),
    /**
     * Which objects this browser added, over reloads (localStorage). Without
     * it (tests, offscreen renders) only this page's own document counts.
     */
    readonly own: OwnWriters | null = null,
  ) {
    this.store = new BoardStore(doc);
    this.canEdit = canWrite(role, 'content');
    this.canEditSettings = canWrite(role, 'control');
    this.anonymousNotes = new AnonymousNotesGate(controlDoc, this.store, this.canEditSettings);
    this.controls = new BoardControls(controlDoc, this.store, role);
    // A note open for typing when a facilitator locks it closes: what is typed next would be undone.
    this.controls.model.locks.subscribe(() => {
      const id = this.editing.get();
      if (id !== null && this.controls.isLocked(id)) this.editing.set(null);
    });
    // Only this person's own edits are undoable: a remote change is never
    // reverted by someone else's Ctrl+Z.
    this.undoManager = new Y.UndoManager([getObjectsMap(doc), getThemesMap(doc)], {
      trackedOrigins: new Set([LOCAL_USER_ORIGIN]),
      captureTimeout: 400,
    });
    this.store.subscribe(() => this.selection.prune((id) => !!this.store.get(id)));
    this.themes = new ThemeCommands(this);
    // Any other step (or Ctrl+Z) makes the toast's "Undo" mean something else: withdraw it.
    const withdrawDeletion = () => {
      const deletion = this.lastDeletion.get();
      if (deletion && this.undoManager.undoStack.at(-1) !== deletion.step) this.lastDeletion.set(null);
    };
    this.undoManager.on('stack-item-added', withdrawDeletion);
    this.undoManager.on('stack-item-popped', withdrawDeletion);
  }

  destroy(): void {
    this.themes.destroy();
    this.anonymousNotes.destroy();
    this.controls.destroy();
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

  /**
   * The language new notes record as theirs (`lang`, issue #12): the
   * interface language this person picked, set by the page. Screen readers
   * then pronounce the note in it, and exports carry it.
   */
  writingLanguage: string | undefined = undefined;

  viewCenter(): Point {
    return center(this.viewport.visible());
  }

  createAt(kind: commands.NewObjectKind, at: Point, options?: Parameters<typeof commands.createObject>[4]): string | null {
    if (!this.canEdit) return null;
    if (this.controls.isLockedAt(options?.rect ? center(options.rect) : at)) return this.refuseLocked();
    // Where notes are anonymous this document must not write one: a text box opens instead.
    if (kind === 'note' && this.anonymousNotes.divertAt(options?.rect ? center(options.rect) : at)) return null;
    // On a phone a tapped note is written in the sheet first, and lands on Save.
    if (kind === 'note' && !options?.rect && options?.text === undefined && this.writing.divertNew(at, frameAt(this.store, at))) return null;
    const id = this.run(() => commands.createObject(this.doc, this.store, kind, at, { lang: this.writingLanguage, ...options }));
    this.selection.replace([id]);
    return id;
  }

  moveSelection(dx: number, dy: number, ids: readonly string[] = this.selection.current): void {
    const movable = this.unlocked(ids);
    if (!this.canEdit || movable.length === 0) return;
    // Dragged into or out of a theme's area: membership changes in the same undo step.
    this.run(() => {
      commands.moveObjects(this.doc, this.store, movable, dx, dy);
      this.themes.followMoves(movable);
    });
  }

  /** Arrow-key moves: a run of them (a held key) undoes in one step. */
  nudgeSelection(dx: number, dy: number): void {
    const ids = this.unlocked(this.selection.current);
    if (!this.canEdit || ids.length === 0) return;
    this.run(() => commands.moveObjects(this.doc, this.store, ids, dx, dy), { mergeWithNudges: true });
  }

  resizeSelection(ids: readonly string[], from: Rect, to: Rect): void {
    const resizable = this.unlocked(ids);
    if (!this.canEdit || resizable.length === 0) return;
    this.run(() => commands.resizeObjects(this.doc, this.store, resizable, from, to));
  }

  createConnector(from: ConnectorEnd, to: ConnectorEnd): void {
    if (!this.canEdit) return;
    if (this.controls.isFrameLocked(null)) return void this.refuseLocked();
    const id = this.run(() => commands.createConnector(this.doc, this.store, from, to));
    this.selection.replace([id]);
  }

  deleteSelection(): void {
    const ids = this.deletable(this.unlocked(this.selection.current));
    if (!this.canEdit || ids.length === 0) return;
    this.selection.clear();
    this.deleteAsOneStep(ids);
  }

  /** Deletes these objects (the outline's per-note delete), whatever is selected. */
  deleteObjects(ids: readonly string[]): void {
    const deletable = this.deletable(this.unlocked(ids));
    if (!this.canEdit || deletable.length === 0) return;
    this.deleteAsOneStep(deletable);
  }

  /** Whether this browser put the object on the board (whoever moved or recoloured it since). */
  wrote(id: string): boolean {
    const map = getObjectMap(this.doc, id);
    if (!map) return false;
    return this.own ? this.own.wrote(map) : map._item?.id.client === this.doc.clientID;
  }

  /** Whether this person may delete `id` now: not locked, and theirs when the board lets participants delete only their own notes. */
  mayDelete(id: string): boolean {
    if (!this.canEdit || this.controls.isLocked(id)) return false;
    return !this.ownOnlyDeletes() || this.wrote(id);
  }

  private ownOnlyDeletes(): boolean {
    return hasParticipantRights(this.role) && this.controls.model.deleteOwnOnly.get();
  }

  /** The ids this person may delete; says so when the board's own-notes rule left some out. */
  private deletable(ids: readonly string[]): readonly string[] {
    if (!this.ownOnlyDeletes()) return ids;
    const own = ids.filter((id) => this.wrote(id));
    if (own.length < ids.length) this.announce('deleteOwnOnly');
    return own;
  }

  /** Takes back `deletion` if it is still this person's newest undo step; false if it is not (nothing changes). */
  undoDeletion(deletion: Deletion): boolean {
    if (!this.canEdit || this.undoManager.undoStack.at(-1) !== deletion.step) return false;
    this.undo();
    return true;
  }

  private deleteAsOneStep(ids: readonly string[]): void {
    const types = new Set(ids.map((id) => this.store.get(id)?.type));
    const kind = types.size === 1 ? ([...types][0] ?? 'object') : 'object';
    const before = this.undoManager.undoStack.at(-1);
    this.run(() => commands.deleteSelection(this.doc, this.store, ids));
    const step = this.undoManager.undoStack.at(-1);
    this.lastDeletion.set(step && step !== before ? { count: ids.length, kind, step } : null);
  }

  /**
   * Replaces an object's text with `next` (the inline editor and the outline
   * call this on every input). Not a `run` step: typing merges into undo
   * steps by the undo manager's capture timeout, as a person expects.
   */
  setText(id: string, next: string): void {
    if (this.canEdit && !this.controls.isLocked(id)) commands.replaceText(this.doc, id, next);
  }

  /** Adds a note in the next free slot of a frame, or beside everything for null; selects it and returns its id. */
  addNoteToFrame(frameId: string | null): string | null {
    if (!this.canEdit) return null;
    if (this.controls.isFrameLocked(frameId)) return this.refuseLocked();
    if (this.anonymousNotes.divertToFrame(frameId)) return null;
    const id = this.run(() => commands.addNoteToFrame(this.doc, this.store, frameId));
    this.selection.replace([id]);
    return id;
  }

  /** Puts an object in a frame (or none), at a free slot there. */
  moveToFrame(id: string, frameId: string | null): void {
    if (this.controls.isLocked(id) || this.controls.isFrameLocked(frameId)) return void this.refuseLocked();
    if (this.canEdit) this.run(() => commands.moveToFrame(this.doc, this.store, id, frameId));
  }

  /** Renames the board. Facilitators only; an empty title is not a rename. */
  renameBoard(title: string): void {
    const clean = cleanBoardTitle(title);
    if (this.canEditSettings && clean) setBoardTitle(this.controlDoc, clean);
  }

  /** Writes the engagement statement (already checked with the shared schema). Facilitators only. */
  editStatement(statement: EngagementStatement): void {
    if (this.canEditSettings) setStatement(this.controlDoc, statement);
  }

  /** Writes one language's translation of the statement as it reads now; empty fields show the original. Facilitators only. */
  translateStatement(statement: EngagementStatement, lang: string, texts: Partial<Record<TranslatableStatementField, string>>): void {
    if (this.canEditSettings) setStatementTranslation(this.controlDoc, statement, lang, texts);
  }

  duplicate(): void {
    if (!this.canEdit || this.selection.current.length === 0) return;
    if (this.controls.isFrameLocked(null)) return void this.refuseLocked();
    const ids = this.run(() => commands.pasteObjects(this.doc, this.store, copySet(this.store, this.selection.current), { x: PASTE_STEP, y: PASTE_STEP }));
    if (ids) this.selection.replace(ids);
    else this.announce('duplicateRejected');
  }

  copy(): string | null {
    if (this.selection.current.length === 0) return null;
    this.clipboard = copySet(this.store, this.selection.current);
    this.pasteCount = 0;
    return writeClipboard(this.clipboard);
  }

  /**
   * Pastes `text` from the system clipboard if it is ours, else the in-app
   * clipboard. All or nothing: a clipboard with any entry this version
   * cannot read, or whose copies could not be placed, pastes nothing and
   * says so.
   */
  paste(text?: string): boolean {
    if (!this.canEdit) return false;
    if (this.controls.isFrameLocked(null)) return this.announce('locked');
    const content = text ? readClipboard(text) : null;
    if (content?.kind === 'invalid') return this.announce('pasteRejected');
    const objects = content?.kind === 'objects' ? content.objects : this.clipboard;
    if (objects.length === 0) return false;
    const offset = (this.pasteCount + 1) * PASTE_STEP;
    const ids = this.run(() => commands.pasteObjects(this.doc, this.store, objects, { x: offset, y: offset }));
    if (!ids) return this.announce('pasteRejected');
    this.pasteCount += 1;
    this.selection.replace(ids);
    return true;
  }

  /** Tells the person a command did nothing, and why; returns false for the command to pass on. */
  private announce(kind: EditorNotice['kind']): false {
    this.notice.set({ kind, seq: (this.notice.get()?.seq ?? 0) + 1 });
    return false;
  }

  /** A command refused because of a facilitator's lock: says so, and creates nothing. */
  private refuseLocked(): null {
    this.announce('locked');
    return null;
  }

  /** The ids this person may change now; says so when a lock left some out. */
  private unlocked(ids: readonly string[]): readonly string[] {
    const free = ids.filter((id) => !this.controls.isLocked(id));
    if (free.length < ids.length) this.announce('locked');
    return free;
  }

  setNoteColor(color: NoteColor): void {
    const notes = this.unlocked(this.selection.current).filter((id) => this.store.get(id)?.type === 'note');
    if (this.canEdit && notes.length > 0) this.run(() => commands.setColor(this.doc, notes, color, this.store));
  }

  bringToFront(): void {
    if (this.canEdit) this.run(() => commands.bringToFront(this.doc, this.store, this.unlocked(this.selection.current)));
  }

  sendToBack(): void {
    if (this.canEdit) this.run(() => commands.sendToBack(this.doc, this.store, this.unlocked(this.selection.current)));
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
    // An answer card's words are written by the server alone (docs/anonymity.md).
    if (!this.canEdit || !object || object.type === 'connector' || object.type === 'answer') return;
    this.selection.replace([id]);
    if (this.controls.isLocked(id)) return void this.refuseLocked();
    // On a phone the words are changed in the sheet, in type big enough to read.
    if (this.writing.divertEdit(id)) return;
    this.editing.set(id);
  }

  /**
   * The phone's "Add note": a note in the middle of the view, or in the
   * frame being looked at (see landingInView), by the same path as a tap
   * there, so locks and anonymous notes apply as they would to the tap.
   */
  writeNoteInView(): void {
    if (!this.canEdit) return;
    this.store.flush();
    this.createAt('note', landingInView(this.store, this.viewport.visible()).at);
  }

  /**
   * The writing sheet's Save, as one undo step: a new note with its words
   * (nothing when they are blank), or new words for the object it was
   * opened on. Returns the object's id, or null if nothing was written.
   * If notes became anonymous where the new one was going while the person
   * wrote, it is not written here: the anonymous text box opens with the words.
   */
  saveWriting(text: string): string | null {
    const request = this.writing.request.get();
    this.writing.close();
    if (!this.canEdit || !request) return null;
    if (request.kind === 'edit') {
      const object = this.store.get(request.id);
      if (!object || object.type === 'connector' || object.type === 'answer' || object.text === text) return null;
      if (this.controls.isLocked(request.id)) return this.refuseLocked();
      this.run(() => this.setText(request.id, text));
      return request.id;
    }
    if (!text.trim()) return null;
    this.store.flush();
    const { rect, frameId } = noteLanding(this.store, request);
    if (this.controls.isFrameLocked(frameId)) return this.refuseLocked();
    if (this.anonymousNotes.divertAt(center(rect), text)) return null;
    const id = this.run(() => commands.createObject(this.doc, this.store, 'note', center(rect), { rect, frameId, text, lang: this.writingLanguage }));
    this.selection.replace([id]);
    return id;
  }
}
