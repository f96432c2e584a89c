import RBush from 'rbush';
import * as Y from 'yjs';
import {
  compareStacking,
  connectorBounds,
  getObjectsMap,
  isPositioned,
  readObject,
  type BoardObject,
  type ConnectorRecord,
  type ObjectMap,
  type PositionedObject,
  type Rect,
} from '@clapboard/shared';
import { AnswerTexts } from './AnswerTexts.ts';
import { TranslationTexts } from './TranslationTexts.ts';

export interface IndexItem {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  id: string;
}

type Listener = () => void;

/**
 * A read model of the board's objects for rendering: validated snapshots,
 * an R-tree of their bounds (culling and hit-testing without Konva's hit
 * canvas), and per-object subscriptions so one remote edit re-renders one
 * node. It is updated incrementally from `observeDeep` — only the objects a
 * transaction touched are re-read — and changes are batched to one flush per
 * animation frame so a burst of remote updates costs one render.
 */
export class BoardStore {
  private readonly objects: Y.Map<ObjectMap>;
  private readonly snapshots = new Map<string, BoardObject>();
  private readonly items = new Map<string, IndexItem>();
  private readonly tree = new RBush<IndexItem>();
  /** objectId -> connectors attached to it, so moving a note re-derives its arrows' bounds. */
  private readonly attachments = new Map<string, Set<string>>();
  private readonly objectListeners = new Map<string, Set<Listener>>();
  private readonly listeners = new Set<Listener>();
  private dirty = new Set<string>();
  private frameRequest = 0;
  private sortedCache: BoardObject[] | null = null;
  private version = 0;

  /** The words of revealed anonymous answers, which answer cards show. */
  readonly answers: AnswerTexts;
  /** Interpreters' translations of notes, answers and prompts. */
  readonly translations: TranslationTexts;

  constructor(doc: Y.Doc) {
    this.objects = getObjectsMap(doc);
    this.answers = new AnswerTexts(doc);
    this.translations = new TranslationTexts(doc);
    this.loadAll();
    this.objects.observeDeep(this.handleDeep);
  }

  /** What an object says: its own text, an answer card's revealed words ('' when hidden), nothing for a connector. */
  textOf(object: BoardObject): string {
    if (object.type === 'answer') return this.answers.get(object.answerId)?.text ?? '';
    return object.type === 'connector' ? '' : object.text;
  }

  destroy(): void {
    this.answers.destroy();
    this.translations.destroy();
    this.objects.unobserveDeep(this.handleDeep);
    cancelAnimationFrame(this.frameRequest);
  }

  /** Bumped on every flush; a cheap "has anything changed" for memoised derived data. */
  get revision(): number {
    return this.version;
  }

  get size(): number {
    return this.snapshots.size;
  }

  get(id: string): BoardObject | undefined {
    return this.snapshots.get(id);
  }

  getMap(id: string): ObjectMap | undefined {
    const value: unknown = this.objects.get(id);
    return value instanceof Y.Map ? value : undefined;
  }

  rectOf = (id: string): Rect | null => {
    const object = this.snapshots.get(id);
    return object && isPositioned(object) ? object : null;
  };

  /** Every object in stacking order; cached until something changes. */
  sorted(): readonly BoardObject[] {
    if (!this.sortedCache) this.sortedCache = [...this.snapshots.values()].sort(compareStacking);
    return this.sortedCache;
  }

  /** Ids whose bounds intersect `rect`, in no particular order. */
  search(rect: Rect): IndexItem[] {
    return this.tree.search({ minX: rect.x, minY: rect.y, maxX: rect.x + rect.width, maxY: rect.y + rect.height });
  }

  boundsOf(id: string): IndexItem | undefined {
    return this.items.get(id);
  }

  /** Bounds of everything on the board, or null when it is empty. */
  allBounds(): Rect | null {
    if (this.items.size === 0) return null;
    const { minX, minY, maxX, maxY } = this.tree.toJSON() as IndexItem & { leaf: boolean };
    return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  }

  frames(): PositionedObject[] {
    return this.sorted().filter((object): object is PositionedObject => object.type === 'frame');
  }

  /** Objects whose frameId is the given frame. */
  childrenOf(frameId: string): BoardObject[] {
    const out: BoardObject[] = [];
    for (const object of this.snapshots.values()) if (object.frameId === frameId) out.push(object);
    return out;
  }

  connectorsAttachedTo(id: string): ReadonlySet<string> {
    return this.attachments.get(id) ?? EMPTY;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  subscribeObject(id: string, listener: Listener): () => void {
    let set = this.objectListeners.get(id);
    if (!set) this.objectListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.objectListeners.delete(id);
    };
  }

  /** Applies pending changes now instead of at the next frame (tests, and right after a local edit). */
  flush = (): void => {
    cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
    if (this.dirty.size === 0) return;
    const ids = this.dirty;
    this.dirty = new Set();
    // Connectors follow their ends: re-derive the bounds of any connector
    // attached to an object that changed.
    for (const id of [...ids]) for (const connectorId of this.attachments.get(id) ?? EMPTY) ids.add(connectorId);
    // A first sync brings thousands of objects at once: rebuilding the tree
    // in bulk is far cheaper than that many single inserts.
    const bulk = ids.size > BULK_REBUILD_THRESHOLD;
    const connectors: string[] = [];
    for (const id of ids) {
      const next = readSnapshot(this.objects.get(id), id);
      this.setSnapshot(id, next, !bulk);
      if (next?.type === 'connector') connectors.push(id);
    }
    if (bulk) {
      this.tree.clear();
      this.tree.load([...this.items.values()]);
    }
    for (const id of connectors) this.reindex(id);
    this.sortedCache = null;
    this.version += 1;
    for (const id of ids) for (const listener of this.objectListeners.get(id) ?? EMPTY_LISTENERS) listener();
    for (const listener of this.listeners) listener();
  };

  private loadAll(): void {
    const bulk: IndexItem[] = [];
    const connectors: string[] = [];
    for (const [id, value] of this.objects.entries()) {
      const object = readSnapshot(value, id);
      if (!object) continue;
      this.snapshots.set(id, object);
      if (object.type === 'connector') {
        connectors.push(id);
        this.attach(object);
      } else {
        const item = itemFor(id, object);
        this.items.set(id, item);
        bulk.push(item);
      }
    }
    // Bulk loading builds a far better tree, far faster, than 10k inserts.
    this.tree.load(bulk);
    for (const id of connectors) this.reindex(id);
    this.version += 1;
  }

  private readonly handleDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      if (event.target === this.objects) {
        for (const key of event.changes.keys.keys()) this.dirty.add(key);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') this.dirty.add(id);
      }
    }
    if (this.dirty.size > 0 && this.frameRequest === 0) this.frameRequest = requestAnimationFrame(this.flush);
  };

  /** Replaces one object's snapshot and index entry (the tree too unless a bulk rebuild follows). */
  private setSnapshot(id: string, next: BoardObject | null, updateTree: boolean): void {
    const previous = this.snapshots.get(id);
    if (previous?.type === 'connector') this.detach(previous);
    const oldItem = this.items.get(id);
    if (oldItem) {
      if (updateTree) this.tree.remove(oldItem);
      this.items.delete(id);
    }
    if (!next) {
      this.snapshots.delete(id);
      return;
    }
    this.snapshots.set(id, next);
    if (next.type === 'connector') {
      this.attach(next);
    } else {
      const item = itemFor(id, next);
      this.items.set(id, item);
      if (updateTree) this.tree.insert(item);
    }
  }

  private reindex(id: string): void {
    const object = this.snapshots.get(id);
    if (object?.type !== 'connector') return;
    const oldItem = this.items.get(id);
    if (oldItem) this.tree.remove(oldItem);
    const bounds = connectorBounds(object, this.rectOf);
    if (!bounds) {
      this.items.delete(id);
      return;
    }
    const item = itemFor(id, bounds);
    this.items.set(id, item);
    this.tree.insert(item);
  }

  private attach(connector: ConnectorRecord): void {
    for (const end of [connector.from, connector.to]) {
      if (!('objectId' in end)) continue;
      let set = this.attachments.get(end.objectId);
      if (!set) this.attachments.set(end.objectId, (set = new Set()));
      set.add(connector.id);
    }
  }

  private detach(connector: ConnectorRecord): void {
    for (const end of [connector.from, connector.to]) {
      if ('objectId' in end) this.attachments.get(end.objectId)?.delete(connector.id);
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();
const BULK_REBUILD_THRESHOLD = 500;
const EMPTY_LISTENERS: ReadonlySet<Listener> = new Set();

/**
 * One object's snapshot, or null to leave it out. A peer can store anything
 * under `objects`; whatever one entry holds, reading it must not stop the
 * rest of the board from loading (and so from being drawn and listed).
 */
function readSnapshot(value: unknown, id: string): BoardObject | null {
  try {
    return readObject(value, id);
  } catch {
    return null;
  }
}

function itemFor(id: string, rect: Rect): IndexItem {
  return { id, minX: rect.x, minY: rect.y, maxX: rect.x + rect.width, maxY: rect.y + rect.height };
}
