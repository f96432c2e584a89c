import * as Y from 'yjs';
import type { WritableLayout } from '@clapboard/shared';

/**
 * Does a client's update only touch the root types that client may write,
 * and keep the shape their layout allows?
 *
 * Yjs updates do not say which root they change: an item names its parent
 * either as a root name, or as the id of another item (a nested type), or not
 * at all, in which case Yjs takes the parent from the item's left (or right)
 * origin while integrating it. Deletions name only id ranges. So every item is
 * followed, through the room's document and through the other items of the
 * same update, until it reaches a root, and that root must be allowed. The
 * same walk counts how deep the item lands, which the root's layout bounds.
 *
 * Verdicts:
 * - `allowed`    every change stays under an allowed root, within its layout;
 * - `forbidden`  something would land under another root (or a new one);
 * - `layout`     something would land deeper than the layout allows, or be of
 *                the wrong kind there (a value directly under `objects`, a
 *                map inside a text, a sequence entry in a map, a subdocument):
 *                deep nesting makes every later change cost as much as the
 *                depth, and wrong kinds make readers crash;
 * - `too-large`  more structs or new types than one update may carry;
 * - `missing`    something depends on changes the server does not have, which
 *                Yjs would park as "pending" and apply later, unchecked. Such
 *                updates are refused rather than held: the stock client sends
 *                everything the server lacks in its sync step 2 after it
 *                reconnects, so nothing is lost, and the server never keeps
 *                pending state on a client's behalf;
 * - `malformed`  not a readable v1 update, or references that form a loop.
 *
 * Structs the server already has entirely are not scope-checked: Yjs skips
 * them, so they cannot change anything (their references must still resolve,
 * or Yjs would park them). Pure: reads `doc`, never changes it. Linear in the
 * size of the update: every answer is memoised.
 */
export type ScopeVerdict = 'allowed' | 'forbidden' | 'layout' | 'too-large' | 'missing' | 'malformed';

export interface UpdateLimits {
  /** Structs (runs of items, deletions excluded) one update may carry. */
  maxStructs: number;
  /** Shared types (maps, texts) one update may create. */
  maxTypes: number;
}

/**
 * Generous for people (a sync step 2 after a day offline, a paste of 1,000
 * notes creates 2,000 types), small enough that one update is cheap to judge.
 */
export const DEFAULT_UPDATE_LIMITS: UpdateLimits = { maxStructs: 200_000, maxTypes: 50_000 };

/**
 * Where an item lives: under which root, in a type at which depth (0: the
 * root), as a keyed map entry or in a sequence, and in which entry of the
 * root (its key there: an object's id under `objects`; null for the root's
 * own unkeyed content).
 */
interface Place {
  root: string;
  depth: number;
  keyed: boolean;
  entry: string | null;
  /**
   * Its key in the map it sits in (null in a sequence). An item that
   * overwrites a map entry names no key of its own: Yjs takes it from the
   * left origin, and so does the walk.
   */
  sub: string | null;
}

/** A shared type's position: its root, depth and entry. */
type TypePlace = Omit<Place, 'keyed' | 'sub'>;

/** The entry an item belongs to, from the type it sits in: at depth 0 its own key is the entry. */
function entryIn(container: TypePlace, parentSub: string | null): string | null {
  return container.depth === 0 ? parentSub : container.entry;
}

/**
 * Where following references from one item ends. `gc`: at a struct the server
 * has garbage-collected (or a parent that is no type); Yjs then turns the new
 * item into a GC struct too, so it changes nothing and is harmless wherever
 * it was aimed.
 */
type Reach = Place | 'forbidden' | 'gc' | 'missing' | 'malformed';

type Struct = Y.Item | Y.GC | Y.Skip;
// Yjs types its own type tree with `any` events; `unknown` does not fit it.
type AnyType = Y.AbstractType<any>;

const VISITING = 'visiting';

export function checkUpdateScope(
  doc: Y.Doc,
  update: Uint8Array,
  writable: WritableLayout,
  limits: UpdateLimits = DEFAULT_UPDATE_LIMITS,
): ScopeVerdict {
  return inspectUpdate(doc, update, writable, limits).verdict;
}

/**
 * What an allowed update changes, per root: the entries (keys under the
 * root: object ids under `objects`) it adds to, overwrites or deletes from,
 * each with the plain values it sets directly on that entry's fields (depth
 * 1), by field. Lets a later check ask "which objects does this touch, and
 * does it move one into a frame?" (ContentLocks) without decoding again.
 */
export type TouchedEntries = ReadonlyMap<string, ReadonlyMap<string, FieldWrites>>;
/** Field name -> every plain value the update writes there. */
export type FieldWrites = ReadonlyMap<string, readonly unknown[]>;

export interface UpdateInspection {
  verdict: ScopeVerdict;
  /** Client ids under which the update adds changes the server does not have (only meaningful when allowed). */
  advancedClients: number[];
  /** The entries the update changes (only meaningful when allowed). */
  touched: TouchedEntries;
  /** The items Yjs will integrate, each with the type it lands in (only meaningful when allowed; recordValidation.ts). */
  inserted: readonly InsertedItem[];
  /** The update's deletions, as decoded (only meaningful when allowed). */
  deletions: DecodedDeletions;
}

/**
 * The shared type an item lands in: a root, by name; a type the server
 * already has; or a type the same update creates, named by the item that
 * creates it.
 */
export type DecodedDeletions = ReturnType<typeof Y.decodeUpdate>['ds'];

export type Container = string | AnyType | Y.Item;

/** An item of the update that Yjs will integrate, from `offset` on (the part before it the server has). */
export interface InsertedItem {
  item: Y.Item;
  container: Container;
  /** Its key in a map container; null in a sequence. */
  sub: string | null;
  offset: number;
}

/** checkUpdateScope, also saying whose clocks the update advances (see WriterClaims). */
export function inspectUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  writable: WritableLayout,
  limits: UpdateLimits = DEFAULT_UPDATE_LIMITS,
): UpdateInspection {
  const refuse = (verdict: ScopeVerdict): UpdateInspection => ({ verdict, advancedClients: [], touched: new Map(), inserted: [], deletions: Y.createDeleteSet() });
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return refuse('malformed');
  }
  if (decoded.structs.length > limits.maxStructs) return refuse('too-large');
  const scope = new Scope(doc, writable);
  if (!scope.index(decoded.structs)) return refuse('malformed');
  let missing = false;
  for (const verdict of everyChange(scope, decoded)) {
    if (verdict === 'missing') missing = true;
    else if (verdict !== 'allowed') return refuse(verdict);
    if (scope.newTypes > limits.maxTypes) return refuse('too-large');
  }
  return {
    verdict: missing ? 'missing' : 'allowed',
    advancedClients: scope.advancedClients(),
    touched: scope.touched,
    inserted: scope.inserted,
    deletions: decoded.ds,
  };
}

function* everyChange(scope: Scope, { structs, ds }: ReturnType<typeof Y.decodeUpdate>): Generator<ScopeVerdict> {
  for (const struct of structs) yield scope.checkStruct(struct);
  for (const [client, deletes] of ds.clients) {
    for (const { clock, len } of deletes) yield scope.checkDelete(client, clock, clock + len);
  }
}

const isPlace = (reach: Reach | typeof VISITING): reach is Place => typeof reach === 'object';

/** One check's state: the update's structs by client, and memoised answers. */
class Scope {
  /** Shared types the structs checked so far would create. */
  newTypes = 0;
  /** Root -> entry -> field -> plain values written: what the structs and deletions checked so far change. */
  readonly touched = new Map<string, Map<string, Map<string, unknown[]>>>();
  /** The update's items that Yjs will integrate, in the order checked. */
  readonly inserted: InsertedItem[] = [];
  /** Item of the update -> the type it lands in (set with its place). */
  private readonly containers = new Map<Y.Item, Container>();
  private readonly store: Y.Doc['store'];
  private readonly rootNames = new Map<AnyType, string>();
  private readonly updateStructs = new Map<number, Struct[]>();
  /** Per client: the clock up to which server and update together hold every change. */
  private readonly frontiers = new Map<number, number>();
  private readonly itemPlaces = new Map<Y.Item, Reach | typeof VISITING>();
  private readonly typePlaces = new Map<AnyType, TypePlace | 'forbidden'>();

  constructor(
    doc: Y.Doc,
    private readonly layout: WritableLayout,
  ) {
    this.store = doc.store;
    // Looked up, not created: a root the doc has never seen holds no items.
    for (const name of Object.keys(layout)) {
      const type = doc.share.get(name);
      if (type) this.rootNames.set(type, name);
    }
  }

  /**
   * Groups structs by client. A v1 update lists each client once, with
   * contiguous clocks; anything else Yjs would partly ignore, so it is refused.
   * Then finds each client's frontier: Yjs integrates a struct only if nothing
   * between the server's state and the struct is missing (a Skip is missing).
   */
  index(structs: readonly Struct[]): boolean {
    let previous: Struct | null = null;
    for (const struct of structs) {
      const { client, clock } = struct.id;
      if (previous !== null && previous.id.client === client) {
        if (clock !== previous.id.clock + previous.length) return false;
        this.updateStructs.get(client)!.push(struct);
      } else {
        if (this.updateStructs.has(client)) return false;
        this.updateStructs.set(client, [struct]);
      }
      previous = struct;
    }
    for (const [client, list] of this.updateStructs) {
      let frontier = Y.getState(this.store, client);
      for (const struct of list) {
        if (struct.id.clock > frontier) break;
        if (!(struct instanceof Y.Skip)) frontier = Math.max(frontier, struct.id.clock + struct.length);
      }
      this.frontiers.set(client, frontier);
    }
    return true;
  }

  /** Clients whose clock the update moves past the server's state. */
  advancedClients(): number[] {
    const advanced: number[] = [];
    for (const [client, frontier] of this.frontiers) if (frontier > this.stateOf(client)) advanced.push(client);
    return advanced;
  }

  checkStruct(struct: Struct): ScopeVerdict {
    if (struct instanceof Y.Skip) return 'allowed';
    const { client, clock } = struct.id;
    if (clock >= this.frontierOf(client)) return 'missing';
    if (struct instanceof Y.GC) return 'allowed';
    const state = this.stateOf(client);
    const known = clock + struct.length <= state;
    const own = this.placeOfItem(struct);
    const reaches = [own];
    for (const ref of [struct.origin, struct.rightOrigin]) if (ref) reaches.push(this.placeAt(ref));
    // Yjs integrates only the unknown tail of a struct that straddles the
    // server's state, with the server's own item at `state - 1` as its left
    // neighbour, whatever the struct claims: that neighbour must be in scope too.
    if (clock < state && !known) reaches.push(this.placeAt(Y.createID(client, state - 1)));
    const verdict = worst(reaches, known);
    if (verdict !== 'allowed' || known || !isPlace(own)) return verdict;
    if (!this.fitsLayout(struct, own)) return 'layout';
    const container = this.containers.get(struct);
    if (container !== undefined) this.inserted.push({ item: struct, container, sub: own.sub, offset: Math.max(0, state - clock) });
    const fields = this.touch(own);
    if (fields && own.depth === 1 && own.sub !== null && struct.content instanceof Y.ContentAny) {
      const values = fields.get(own.sub) ?? [];
      values.push(...struct.content.arr);
      fields.set(own.sub, values);
    }
    return 'allowed';
  }

  /** Records that the update changes `place`'s entry; its field writes, for the caller to add to. */
  private touch(place: Place): Map<string, unknown[]> | null {
    if (place.entry === null) return null;
    let entries = this.touched.get(place.root);
    if (!entries) {
      entries = new Map();
      this.touched.set(place.root, entries);
    }
    let fields = entries.get(place.entry);
    if (!fields) {
      fields = new Map();
      entries.set(place.entry, fields);
    }
    return fields;
  }

  /** A deletion of [clock, end) by id: each item it hits must be in scope. */
  checkDelete(client: number, clock: number, end: number): ScopeVerdict {
    if (end > this.frontierOf(client)) return 'missing';
    // The part the update itself adds is checked with its structs; what the
    // server has is checked here. Deleting what is already deleted (or
    // collected) is a no-op: every client's sync step 2 repeats the server's
    // own deletions, e.g. of an earlier `meta.schemaVersion`.
    const state = this.stateOf(client);
    if (clock >= state) return 'allowed';
    const structs = this.store.clients.get(client)!;
    const stop = Math.min(end, state);
    for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < stop; i += 1) {
      const struct = structs[i]!;
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      const place = this.placeOfStoreItem(struct);
      if (!isPlace(place)) return 'forbidden';
      this.touch(place);
    }
    return 'allowed';
  }

  /**
   * Whether a new item fits its root's layout where it lands. Counts the
   * types it creates. ContentDeleted is a deleted run: it holds nothing.
   */
  private fitsLayout(item: Y.Item, place: Place): boolean {
    const levels = this.layout[place.root]!;
    const level = levels[place.depth];
    if (level === undefined || (level.type === 'map') !== place.keyed) return false;
    const content = item.content;
    if (content instanceof Y.ContentDeleted) return true;
    if (content instanceof Y.ContentDoc) return false;
    if (content instanceof Y.ContentType) {
      this.newTypes += 1;
      const next = levels[place.depth + 1];
      // `sub` is the key the walk resolved, also for an overwrite that names none itself.
      if (level.typeKeys && (place.sub === null || !level.typeKeys.includes(place.sub))) return false;
      return next !== undefined && kindOf(content.type) === next.type;
    }
    return level.values;
  }

  /**
   * Where an item of the update will live. Iterative, so a long chain of
   * items (text typed at many places, or maps nested 12,000 deep) cannot
   * overflow the stack; every item on the chain is memoised with its answer.
   */
  private placeOfItem(start: Y.Item): Reach {
    const chain: Y.Item[] = [];
    let item: Y.Item | null = start;
    while (item !== null) {
      const seen = this.itemPlaces.get(item);
      if (seen === VISITING) {
        for (const visited of chain) this.itemPlaces.set(visited, 'malformed');
        return 'malformed';
      }
      if (seen !== undefined) break;
      this.itemPlaces.set(item, VISITING);
      chain.push(item);
      const link = linkOf(item);
      item = link instanceof Y.ID ? this.updateItemAt(link) : null;
    }
    // Innermost first: each item's link is then already answered.
    for (let index = chain.length - 1; index >= 0; index -= 1) this.itemPlaces.set(chain[index]!, this.resolve(chain[index]!));
    return this.itemPlaces.get(start) as Reach;
  }

  /** One step of the walk: an item's place from what it links to (already memoised when it is in the update). */
  private resolve(item: Y.Item): Reach {
    const parent = item.parent as unknown;
    const keyed = item.parentSub !== null;
    const sub = item.parentSub;
    if (typeof parent === 'string') {
      this.containers.set(item, parent);
      return parent in this.layout ? { root: parent, depth: 0, keyed, entry: sub, sub } : 'forbidden';
    }
    if (parent instanceof Y.ID) {
      const container = this.typeCreatedAt(parent);
      if (typeof container === 'string') return container;
      this.containers.set(item, this.containerAt(parent));
      return { ...container, keyed, entry: entryIn(container, sub), sub };
    }
    // No parent: Yjs takes parent and key from the left origin, else the right one.
    const sibling = item.origin ?? item.rightOrigin;
    if (sibling === null) return 'malformed';
    const reach = this.placeAt(sibling);
    if (isPlace(reach)) this.containers.set(item, this.containerOfSibling(sibling));
    return reach;
  }

  /** The type created by the item at `id` (already known to hold one): the server's, or the update's creating item. */
  private containerAt(id: Y.ID): Container {
    if (id.clock < this.stateOf(id.client)) return ((this.storeStructAt(id) as Y.Item).content as Y.ContentType).type;
    return findStruct(this.updateStructs.get(id.client)!, id.clock) as Y.Item;
  }

  /** The type the item at `id` sits in (its place already resolved), roots by name. */
  private containerOfSibling(id: Y.ID): Container {
    if (id.clock < this.stateOf(id.client)) {
      const parent = (this.storeStructAt(id) as Y.Item).parent as AnyType;
      return this.rootNames.get(parent) ?? parent;
    }
    return this.containers.get(findStruct(this.updateStructs.get(id.client)!, id.clock) as Y.Item)!;
  }

  /** The type that the item at `id` holds (Yjs makes a child of anything else garbage). */
  private typeCreatedAt(id: Y.ID): TypePlace | Exclude<Reach, Place> {
    const { client, clock } = id;
    if (clock < this.stateOf(client)) {
      const struct = this.storeStructAt(id);
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return 'gc';
      return this.placeOfType(struct.content.type);
    }
    if (clock >= this.frontierOf(client)) return 'missing';
    const struct = findStruct(this.updateStructs.get(client)!, clock);
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return 'gc';
    const place = this.placeOfItem(struct);
    return isPlace(place) ? { root: place.root, depth: place.depth + 1, entry: place.entry } : place;
  }

  /** The place of whatever item holds `id`, in the server's document or the update. */
  private placeAt(id: Y.ID): Reach {
    const { client, clock } = id;
    if (clock < this.stateOf(client)) {
      const struct = this.storeStructAt(id);
      return struct instanceof Y.GC ? 'gc' : this.placeOfStoreItem(struct as Y.Item);
    }
    if (clock >= this.frontierOf(client)) return 'missing';
    const struct = findStruct(this.updateStructs.get(client)!, clock)!;
    return struct instanceof Y.Item ? this.placeOfItem(struct) : 'gc';
  }

  /** The update's item holding `id`, when Yjs would take it from the update rather than the server. */
  private updateItemAt({ client, clock }: Y.ID): Y.Item | null {
    if (clock < this.stateOf(client) || clock >= this.frontierOf(client)) return null;
    const struct = findStruct(this.updateStructs.get(client)!, clock);
    return struct instanceof Y.Item ? struct : null;
  }

  private placeOfStoreItem(item: Y.Item): Reach {
    const container = this.placeOfType(item.parent as AnyType);
    const sub = item.parentSub;
    return typeof container === 'string' ? container : { ...container, keyed: sub !== null, entry: entryIn(container, sub), sub };
  }

  /** Integrated types hang from their item's parent type: walk up to the root, memoising every type passed. */
  private placeOfType(start: AnyType): TypePlace | 'forbidden' {
    const chain: AnyType[] = [];
    let type = start;
    let found = this.typePlaces.get(type);
    while (found === undefined && type._item) {
      chain.push(type);
      type = type._item.parent as AnyType;
      found = this.typePlaces.get(type);
    }
    if (found === undefined) {
      const root = this.rootNames.get(type);
      found = root === undefined ? 'forbidden' : { root, depth: 0, entry: null };
      this.typePlaces.set(type, found);
    }
    for (let index = chain.length - 1; index >= 0; index -= 1) {
      const child = chain[index]!;
      if (found !== 'forbidden') found = { root: found.root, depth: found.depth + 1, entry: entryIn(found, child._item!.parentSub) };
      this.typePlaces.set(child, found);
    }
    return found;
  }

  private storeStructAt({ client, clock }: Y.ID): Y.Item | Y.GC {
    const structs = this.store.clients.get(client)!;
    return structs[Y.findIndexSS(structs, clock)] as Y.Item | Y.GC;
  }

  private stateOf(client: number): number {
    return Y.getState(this.store, client);
  }

  private frontierOf(client: number): number {
    return this.frontiers.get(client) ?? this.stateOf(client);
  }
}

/** What an item of a decoded update points at: a root name, a parent id, or a neighbour's id. */
function linkOf(item: Y.Item): string | Y.ID | null {
  const parent = item.parent as unknown;
  if (typeof parent === 'string' || parent instanceof Y.ID) return parent;
  return item.origin ?? item.rightOrigin;
}

function kindOf(type: AnyType): 'map' | 'text' | null {
  // Exact classes: Y.XmlText extends Y.Text but reads differently.
  if (type.constructor === Y.Map) return 'map';
  if (type.constructor === Y.Text) return 'text';
  return null;
}

/** Binary search in one client's contiguous structs. */
function findStruct(structs: readonly Struct[], clock: number): Struct | null {
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const struct = structs[middle]!;
    if (clock < struct.id.clock) high = middle - 1;
    else if (clock >= struct.id.clock + struct.length) low = middle + 1;
    else return struct;
  }
  return null;
}

/** The combined answer for one struct; for structs the server already has only resolvability counts. */
function worst(reaches: readonly Reach[], knownToServer: boolean): ScopeVerdict {
  if (reaches.includes('malformed')) return 'malformed';
  if (!knownToServer && reaches.includes('forbidden')) return 'forbidden';
  if (reaches.includes('missing')) return 'missing';
  return 'allowed';
}
