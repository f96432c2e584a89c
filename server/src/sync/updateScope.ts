import * as Y from 'yjs';

/**
 * Does a client's update only touch the root types that client may write?
 *
 * Yjs updates do not say which root they change: an item names its parent
 * either as a root name, or as the id of another item (a nested type), or not
 * at all, in which case Yjs takes the parent from the item's left (or right)
 * origin while integrating it. Deletions name only id ranges. So every item is
 * followed, through the room's document and through the other items of the
 * same update, until it reaches a root, and that root must be allowed.
 *
 * Verdicts:
 * - `allowed`    every change stays under an allowed root;
 * - `forbidden`  something would land under another root (or a new one);
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
 * or Yjs would park them). Pure: reads `doc`, never changes it.
 */
export type ScopeVerdict = 'allowed' | 'forbidden' | 'missing' | 'malformed';

/**
 * Where following references from one item ends. `gc`: at a struct the server
 * has garbage-collected; Yjs then turns the new item into a GC struct too, so
 * it changes nothing and is harmless wherever it was aimed.
 */
type Reach = 'allowed' | 'forbidden' | 'gc' | 'missing' | 'malformed';

type Struct = Y.Item | Y.GC | Y.Skip;
// Yjs types its own type tree with `any` events; `unknown` does not fit it.
type AnyType = Y.AbstractType<any>;

export function checkUpdateScope(doc: Y.Doc, update: Uint8Array, allowedRoots: readonly string[]): ScopeVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'malformed';
  }
  const scope = new Scope(doc, allowedRoots);
  if (!scope.index(decoded.structs)) return 'malformed';
  let missing = false;
  for (const reach of everyChange(scope, decoded)) {
    if (reach === 'forbidden' || reach === 'malformed') return reach;
    if (reach === 'missing') missing = true;
  }
  return missing ? 'missing' : 'allowed';
}

function* everyChange(scope: Scope, { structs, ds }: ReturnType<typeof Y.decodeUpdate>): Generator<Reach> {
  for (const struct of structs) yield scope.checkStruct(struct);
  for (const [client, deletes] of ds.clients) {
    for (const { clock, len } of deletes) yield scope.checkDelete(client, clock, clock + len);
  }
}

/** One check's state: the update's structs by client, and memoised answers. */
class Scope {
  private readonly store: Y.Doc['store'];
  private readonly allowedNames: ReadonlySet<string>;
  private readonly allowedTypes = new Set<AnyType>();
  private readonly updateStructs = new Map<number, Struct[]>();
  /** Per client: the clock up to which server and update together hold every change. */
  private readonly frontiers = new Map<number, number>();
  private readonly itemReach = new Map<Y.Item, Reach | 'visiting'>();
  private readonly typeReach = new Map<AnyType, Reach>();

  constructor(doc: Y.Doc, allowedRoots: readonly string[]) {
    this.store = doc.store;
    this.allowedNames = new Set(allowedRoots);
    // Looked up, not created: a root the doc has never seen holds no items.
    for (const name of allowedRoots) {
      const type = doc.share.get(name);
      if (type) this.allowedTypes.add(type);
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

  checkStruct(struct: Struct): Reach {
    if (struct instanceof Y.Skip) return 'allowed';
    const { client, clock } = struct.id;
    if (clock >= this.frontierOf(client)) return 'missing';
    if (struct instanceof Y.GC) return 'allowed';
    const state = this.stateOf(client);
    const known = clock + struct.length <= state;
    const reaches = [this.reachOfItem(struct)];
    for (const ref of [struct.origin, struct.rightOrigin]) if (ref) reaches.push(this.reachOfId(ref));
    // Yjs integrates only the unknown tail of a struct that straddles the
    // server's state, with the server's own item at `state - 1` as its left
    // neighbour, whatever the struct claims: that neighbour must be in scope too.
    if (clock < state && !known) reaches.push(this.reachOfId(Y.createID(client, state - 1)));
    return worst(reaches, known);
  }

  /** A deletion of [clock, end) by id: each item it hits must be in scope. */
  checkDelete(client: number, clock: number, end: number): Reach {
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
      if (struct instanceof Y.Item && !struct.deleted && this.reachOfStoreItem(struct) !== 'allowed') return 'forbidden';
    }
    return 'allowed';
  }

  /**
   * The root an item of the update will live under. Iterative, so a long chain
   * of items (text typed at many places) cannot overflow the stack; each item
   * on the chain is memoised with the answer.
   */
  private reachOfItem(start: Y.Item): Reach {
    const path: Y.Item[] = [];
    let item = start;
    let reach: Reach;
    for (;;) {
      const seen = this.itemReach.get(item);
      if (seen !== undefined) {
        reach = seen === 'visiting' ? 'malformed' : seen;
        break;
      }
      this.itemReach.set(item, 'visiting');
      path.push(item);
      // After decoding, `parent` is a root name, a parent item's id, or null:
      // then Yjs takes it from the left origin, else the right one.
      const parent = item.parent as unknown;
      if (typeof parent === 'string') {
        reach = this.allowedNames.has(parent) ? 'allowed' : 'forbidden';
        break;
      }
      const next = parent instanceof Y.ID ? parent : (item.origin ?? item.rightOrigin);
      if (next === null) {
        reach = 'malformed';
        break;
      }
      const found = this.updateItemAt(next);
      if (found === null) {
        reach = this.reachOfId(next);
        break;
      }
      item = found;
    }
    for (const visited of path) this.itemReach.set(visited, reach);
    return reach;
  }

  private reachOfId(id: Y.ID): Reach {
    const { client, clock } = id;
    if (clock < this.stateOf(client)) {
      const structs = this.store.clients.get(client)!;
      const struct = structs[Y.findIndexSS(structs, clock)]!;
      return struct instanceof Y.GC ? 'gc' : this.reachOfStoreItem(struct);
    }
    if (clock >= this.frontierOf(client)) return 'missing';
    const struct = findStruct(this.updateStructs.get(client)!, clock)!;
    return struct instanceof Y.Item ? this.reachOfItem(struct) : 'gc';
  }

  /** The update's item holding `id`, when Yjs would take it from the update rather than the server. */
  private updateItemAt({ client, clock }: Y.ID): Y.Item | null {
    if (clock < this.stateOf(client) || clock >= this.frontierOf(client)) return null;
    const struct = findStruct(this.updateStructs.get(client)!, clock);
    return struct instanceof Y.Item ? struct : null;
  }

  /** Integrated items have a type as parent; walk types up to the root. */
  private reachOfStoreItem(item: Y.Item): Reach {
    const parent = item.parent as AnyType;
    let reach = this.typeReach.get(parent);
    if (reach === undefined) {
      let type = parent;
      while (type._item) type = type._item.parent as AnyType;
      reach = this.allowedTypes.has(type) ? 'allowed' : 'forbidden';
      this.typeReach.set(parent, reach);
    }
    return reach;
  }

  private stateOf(client: number): number {
    return Y.getState(this.store, client);
  }

  private frontierOf(client: number): number {
    return this.frontiers.get(client) ?? this.stateOf(client);
  }
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
function worst(reaches: readonly Reach[], knownToServer: boolean): Reach {
  if (reaches.includes('malformed')) return 'malformed';
  if (!knownToServer && reaches.includes('forbidden')) return 'forbidden';
  if (reaches.includes('missing')) return 'missing';
  return 'allowed';
}
