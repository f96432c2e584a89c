import type { Awareness } from 'y-protocols/awareness';
import { AwarenessStateSchema, MAX_SHARED_SELECTION, fitViewport, randomId, type AwarenessState, type Point, type Role, type Viewport } from '@clapboard/shared';
import type { BoardEditor } from '../editor/BoardEditor.ts';
import { Observable } from '../model/Observable.ts';
import { distinctColor, sanitizeName, saveColor } from './identity.ts';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  role: Role | null;
  cursor: Point | null;
  selection: readonly string[];
  viewport: Viewport | null;
  editing: string | null;
  /** Presence id of the person they follow, if any: a leader's people list marks who follows them. */
  following: number | null;
  isSelf: boolean;
}

/** Cursor updates are throttled: smooth enough to follow, light enough for weak connections. */
const CURSOR_INTERVAL_MS = 50;
const VIEWPORT_INTERVAL_MS = 150;

/**
 * This person's presence (awareness only, never stored) and everyone
 * else's. Only fields of the shared AwarenessState schema are ever set —
 * the server disconnects a client whose awareness fails it.
 */
export class Presence {
  readonly peers = new Observable<readonly Peer[]>([]);
  readonly following = new Observable<number | null>(null);
  /** The last summon we obeyed (name of the facilitator), for a notice. */
  readonly summonedBy = new Observable<string | null>(null);
  private readonly seenSummons = new Set<string>();
  /** Everyone whose presence this tab has already seen at least once. */
  private readonly knownPeers = new Set<number>();
  private cursorTimer = 0;
  private pendingCursor: Point | null | undefined;
  private viewportTimer = 0;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    readonly awareness: Awareness,
    private readonly editor: BoardEditor,
    private readonly role: Role,
    name: string,
    color: string,
  ) {
    const initial: AwarenessState = {
      user: { name: sanitizeName(name) || 'Guest', color },
      role,
      cursor: null,
      selection: [],
      viewport: null,
      following: null,
      editing: null,
      ...(role === 'facilitator' ? { summon: null } : {}),
    };
    awareness.setLocalState(initial);
    awareness.on('change', this.handleChange);
    this.cleanup.push(
      () => awareness.off('change', this.handleChange),
      editor.viewport.subscribe((source) => {
        // Moving oneself stops following; this canvas changing size (a phone's keyboard, a bar appearing) fits the leader's view to it again.
        if (source === 'user' && this.following.get() !== null) this.follow(null);
        else if (source === 'program' && this.following.get() !== null) this.applyFollow();
        this.scheduleViewport();
      }),
      editor.selection.subscribe(() => this.set('selection', editor.selection.current.slice(0, MAX_SHARED_SELECTION))),
      editor.editing.subscribe(() => this.set('editing', editor.editing.get())),
    );
    this.handleChange();
    const handleUnload = () => awareness.setLocalState(null);
    window.addEventListener('pagehide', handleUnload);
    this.cleanup.push(() => window.removeEventListener('pagehide', handleUnload));
  }

  destroy(): void {
    window.clearTimeout(this.cursorTimer);
    window.clearTimeout(this.viewportTimer);
    for (const fn of this.cleanup) fn();
  }

  private set<K extends keyof AwarenessState>(key: K, value: AwarenessState[K]): void {
    this.awareness.setLocalStateField(key, value);
  }

  setName(name: string): void {
    const clean = sanitizeName(name);
    const user = this.awareness.getLocalState()?.user as AwarenessState['user'];
    if (clean && user) this.set('user', { ...user, name: clean });
  }

  setCursor(point: Point | null): void {
    this.pendingCursor = point ? { x: Math.round(point.x), y: Math.round(point.y) } : null;
    if (this.cursorTimer) return;
    this.cursorTimer = window.setTimeout(() => {
      this.cursorTimer = 0;
      if (this.pendingCursor !== undefined) this.set('cursor', this.pendingCursor);
      this.pendingCursor = undefined;
    }, CURSOR_INTERVAL_MS);
  }

  private scheduleViewport(): void {
    if (this.viewportTimer) return;
    this.viewportTimer = window.setTimeout(() => {
      this.viewportTimer = 0;
      this.set('viewport', this.currentViewport());
    }, VIEWPORT_INTERVAL_MS);
  }

  private currentViewport(): Viewport {
    const { viewport } = this.editor;
    const view = viewport.current;
    return { x: view.x, y: view.y, zoom: view.zoom, width: viewport.width, height: viewport.height };
  }

  /** Follow another person's view until this person pans or zooms themselves. */
  follow(clientId: number | null): void {
    this.following.set(clientId);
    this.set('following', clientId);
    if (clientId !== null) this.applyFollow();
  }

  /** Facilitator only: ask everyone to jump to this view. The server rejects it from anyone else. */
  summonEveryone(): void {
    if (this.role !== 'facilitator') return;
    this.set('summon', { nonce: randomId(12), viewport: this.currentViewport() });
  }

  private applyFollow(): void {
    const target = this.peers.get().find((peer) => peer.clientId === this.following.get());
    if (!target) {
      if (this.following.get() !== null) this.follow(null);
      return;
    }
    if (target.viewport) this.jumpTo(target.viewport);
  }

  /** Shows everything the other person sees, however this screen's size differs from theirs (a phone following a laptop). */
  private jumpTo(viewport: Viewport): void {
    const { width, height } = this.editor.viewport;
    this.editor.viewport.set(fitViewport(viewport, width, height), 'follow');
  }

  private readonly handleChange = (): void => {
    const peers: Peer[] = [];
    for (const [clientId, raw] of this.awareness.getStates()) {
      // Remote states are untrusted input: skip anything off-schema.
      const parsed = AwarenessStateSchema.safeParse(raw);
      if (!parsed.success || !parsed.data.user) continue;
      const state = parsed.data;
      const isSelf = clientId === this.awareness.clientID;
      const name = state.user!.name;
      peers.push({
        clientId,
        name,
        color: state.user!.color,
        role: state.role ?? null,
        cursor: state.cursor ?? null,
        selection: state.selection ?? [],
        viewport: state.viewport ?? null,
        editing: state.editing ?? null,
        following: state.following ?? null,
        isSelf,
      });
      const firstSight = !this.knownPeers.has(clientId);
      this.knownPeers.add(clientId);
      // The server only lets facilitators set `summon` (and checks `role`), so this cannot be forged.
      if (!isSelf && state.role === 'facilitator' && state.summon && !this.seenSummons.has(`${clientId}:${state.summon.nonce}`)) {
        this.seenSummons.add(`${clientId}:${state.summon.nonce}`);
        // A summons already standing when we arrived was for the people there then.
        if (!firstSight) {
          this.follow(null);
          this.jumpTo(state.summon.viewport);
          this.summonedBy.set(name);
        }
      }
    }
    const self = peers.find((peer) => peer.isSelf);
    const recolor = self ? distinctColor(self, peers.filter((peer) => !peer.isSelf)) : null;
    if (recolor) {
      // Sets our state, which runs this handler again with the new colour.
      saveColor(recolor);
      this.set('user', { name: self!.name, color: recolor });
      return;
    }
    peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
    // Our own cursor and viewport change on every pan; nobody on this page
    // shows them, so they must not re-render the people list each time.
    if (!samePeers(peers, this.peers.get())) this.peers.set(peers);
    if (this.following.get() !== null) this.applyFollow();
  };
}

/** Equal for display: everything, except this person's own cursor and viewport. */
function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  const shown = (peer: Peer) => JSON.stringify(peer.isSelf ? { ...peer, cursor: null, viewport: null } : peer);
  return a.length === b.length && a.every((peer, i) => shown(peer) === shown(b[i]!));
}
