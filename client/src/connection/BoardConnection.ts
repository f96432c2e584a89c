import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, roomName, syncSubprotocols, type BoardSession } from '@clapboard/shared';
import { watchLocalObjectEdits } from './changedObjects.ts';
import { ConnectionTracker } from './connectionTracker.ts';
import { DurabilityProbe } from './durabilityProbe.ts';
import { RoundsApi } from './roundsApi.ts';
import { VotesApi } from './votesApi.ts';
import { AnonymousNotesApi } from './anonymousNotesApi.ts';
import { TemplatesApi } from './templatesApi.ts';
import { writerKeyFor } from './writerKey.ts';
import { ConnectionEnd } from './connectionEnd.ts';
import { PrivacyApi } from './privacyApi.ts';
import { TranslationsApi } from './translationsApi.ts';
import { LinksApi } from './linksApi.ts';
import { ServerClock } from './serverClock.ts';
import { forgetDepartedPeers } from './forgetDepartedPeers.ts';

/**
 * Everything that ties one board to the network: the content and control
 * documents, their websocket providers, the offline store, and the tracker
 * behind the connection indicator. One instance per open board.
 */
export class BoardConnection {
  readonly contentDoc = new Y.Doc();
  readonly controlDoc = new Y.Doc();
  readonly tracker = new ConnectionTracker();
  /**
   * Presence has an id of its own, from a private document, unrelated to the
   * content document's clientID: every Yjs item carries its author's
   * clientID, so sharing it would let anyone match each note to the name in
   * its author's presence.
   */
  private readonly presenceDoc = new Y.Doc();
  readonly awareness = new Awareness(this.presenceDoc);
  /** Anonymous rounds over HTTP, with this link's token: answers never go through the documents above. */
  readonly rounds: RoundsApi;
  /** Anonymous dot votes over HTTP, likewise: ballots never go through the documents. */
  readonly votes: VotesApi;
  /** Anonymous notes over HTTP, with this link's token: they never go through the documents above either. */
  readonly anonymousNotes: AnonymousNotesApi;
  /** Equality monitoring, contacts and the retention date over HTTP (docs/protocol.md, "Data protection"). */
  readonly privacy: PrivacyApi;
  /** Interpreters' translations (docs/protocol.md, "Translations"). */
  readonly translations: TranslationsApi;
  /** Adding templates to the board (facilitators): the server builds them, from its own Yjs client. */
  readonly templates: TemplatesApi;
  /** The board's links, for facilitators (co-facilitators; rotate, revoke). */
  readonly links: LinksApi;
  /** The server's clock as this page measures it: timers are in server time (shared/src/model/timer.ts). */
  readonly clock = new ServerClock();
  /** Set when the connection ended for good (the link was revoked): the page stops and says why. */
  readonly ended = new ConnectionEnd();
  private readonly providers: WebsocketProvider[] = [];
  private readonly persistence: IndexeddbPersistence[] = [];
  private readonly syncListeners = new Set<() => void>();
  private contentSynced = false;
  private readonly cleanup: (() => void)[] = [];
  /** Origins that are this person's edits: their own, and their undo/redo. */
  private readonly localOrigins = new Set<unknown>([LOCAL_USER_ORIGIN]);

  constructor(
    readonly session: BoardSession,
    token: string | null,
    dev: boolean,
    /**
     * `offline: false` keeps no IndexedDB copy (the room display): a
     * read-only view needs none, and sharing the facilitator's copy would
     * send that tab's unsynced edits from here, under their client id.
     */
    options: { offline?: boolean } = {},
  ) {
    this.rounds = new RoundsApi(session.boardId, dev ? null : token);
    this.votes = new VotesApi(session.boardId, dev ? null : token);
    this.anonymousNotes = new AnonymousNotesApi(session.boardId, dev ? null : token);
    this.links = new LinksApi(session.boardId, dev ? null : token);
    this.templates = new TemplatesApi(session.boardId, dev ? null : token);
    this.privacy = new PrivacyApi(session.boardId, dev ? null : token);
    this.translations = new TranslationsApi(session.boardId, dev ? null : token);
    // Offline first: whatever this browser saw last time shows at once, and
    // edits made without a network survive a reload until they are sent.
    const key = offlineStoreName(session, dev);
    if (options.offline !== false) {
      this.persistence.push(new IndexeddbPersistence(key, this.contentDoc));
      this.persistence.push(new IndexeddbPersistence(`${key}/control`, this.controlDoc));
    }

    if (dev || !token) {
      this.tracker.setWantConnected(false);
      // No server to ask: a local board's timer runs on this page's clock.
      this.clock.useLocalClock();
    } else {
      const wsOrigin = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
      // The token travels as a subprotocol, never in the URL, which proxies
      // log. disableBc: tabs of one browser must not swap updates over
      // BroadcastChannel, around the server and its per-role write checks.
      const protocols = syncSubprotocols(token, writerKeyFor(session.boardId, session.role));
      const content = new WebsocketProvider(wsOrigin, roomName(session.boardId, 'content'), this.contentDoc, {
        protocols,
        awareness: this.awareness,
        disableBc: true,
      });
      const control = new WebsocketProvider(wsOrigin, roomName(session.boardId, 'control'), this.controlDoc, {
        protocols,
        disableBc: true,
      });
      this.providers.push(content, control);
      this.ended.watch(this.providers, () => {
        this.disconnect();
        this.tracker.end();
        // An erased board leaves no copy on this device either: the offline copy goes too.
        if (this.ended.current === 'deleted') for (const store of this.persistence) void store.clearData();
      });
      this.clock.start();
      this.cleanup.push(() => this.clock.stop());
      new DurabilityProbe(content, () => this.tracker.checkpoint(), (checkpoint) => this.tracker.storedUpTo(checkpoint));
      content.on('status', ({ status }) => {
        // The provider has just dropped everyone else's presence (see forgetDepartedPeers).
        if (status === 'disconnected') forgetDepartedPeers(this.awareness);
        this.tracker.socket(status === 'connected');
      });
      content.on('sync', (synced: boolean) => {
        this.tracker.sync(synced);
        if (synced && !this.contentSynced) {
          this.contentSynced = true;
          for (const listener of this.syncListeners) listener();
        }
      });
    }

    // The indicator counts objects changed, not transactions: one note typed
    // into offline is one change waiting, however many keystrokes it took.
    this.cleanup.push(
      watchLocalObjectEdits(this.contentDoc, (origin) => this.localOrigins.has(origin), (ids) => this.tracker.localEdit(ids)),
    );
    const handleOnline = () => this.tracker.setBrowserOnline(true);
    const handleOffline = () => this.tracker.setBrowserOnline(false);
    window.addEventListener('online', handleOnline);
    window.addEventListener('offline', handleOffline);
    this.tracker.setBrowserOnline(navigator.onLine);
    this.cleanup.push(() => {
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
    });
  }

  addLocalOrigin(origin: unknown): void {
    this.localOrigins.add(origin);
  }

  /** True once the content document has had its first sync with the server (always, for dev boards). */
  get isSynced(): boolean {
    return this.contentSynced || this.providers.length === 0;
  }

  onFirstSync(listener: () => void): () => void {
    this.syncListeners.add(listener);
    return () => this.syncListeners.delete(listener);
  }

  /** Simulates (or honours) losing the network: the providers stop retrying. */
  disconnect(): void {
    this.tracker.setWantConnected(false);
    for (const provider of this.providers) provider.disconnect();
  }

  connect(): void {
    if (this.providers.length === 0) return;
    this.tracker.setWantConnected(true);
    for (const provider of this.providers) provider.connect();
  }

  destroy(): void {
    for (const fn of this.cleanup) fn();
    for (const provider of this.providers) provider.destroy();
    for (const store of this.persistence) void store.destroy();
    this.contentDoc.destroy();
    this.controlDoc.destroy();
    // Destroys the awareness with it.
    this.presenceDoc.destroy();
  }
}

/**
 * The IndexedDB name of a board's offline copy, whose contents the next link
 * to open that board in this browser sends to the server. One per role: an
 * observer's local edits (which the server refused) must never be handed to
 * a writer's link to send. The `?dev` sandbox has a namespace of its own, so
 * its edits never reach the real board.
 */
function offlineStoreName(session: BoardSession, dev: boolean): string {
  return `${dev ? 'clapboard-dev' : 'clapboard'}:${session.boardId}:${session.role}`;
}
