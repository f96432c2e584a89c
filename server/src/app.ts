import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.ts';
import { handleError, handleFrameworkError, handleNotFound } from './errors.ts';
import { InProcessFanoutHub, type Fanout } from './fanout/Fanout.ts';
import { loggerOptions } from './logger.ts';
import { boardRoutes } from './plugins/boardRoutes.ts';
import { clientPages } from './plugins/clientPages.ts';
import { statementRoutes } from './plugins/statementRoutes.ts';
import { healthRoutes } from './plugins/healthRoutes.ts';
import { timeRoutes } from './plugins/timeRoutes.ts';
import { storagePlugin } from './plugins/storagePlugin.ts';
import { syncSocketPlugin } from './plugins/syncSocket.ts';
import type { BoardStore } from './storage/BoardStore.ts';
import type { MessageHandlers } from './sync/MessageHandlers.ts';
import type { RoomRegistry } from './sync/RoomRegistry.ts';
import { SqliteBoardStore } from './storage/SqliteBoardStore.ts';
import { MemoryRoundStore } from './rounds/MemoryRoundStore.ts';
import { roundRoutes } from './rounds/roundRoutes.ts';
import type { RoundService } from './rounds/RoundService.ts';
import type { RoundStore } from './rounds/RoundStore.ts';
import { SqliteRoundStore } from './rounds/SqliteRoundStore.ts';
import { MemoryVoteStore } from './votes/MemoryVoteStore.ts';
import { SqliteVoteStore } from './votes/SqliteVoteStore.ts';
import type { VoteService } from './votes/VoteService.ts';
import type { VoteStore } from './votes/VoteStore.ts';
import { voteRoutes } from './votes/voteRoutes.ts';
import type { AnonymousNoteService } from './anonymousNotes/AnonymousNoteService.ts';
import type { AnonymousNoteStore } from './anonymousNotes/AnonymousNoteStore.ts';
import { anonymousNoteRoutes } from './anonymousNotes/anonymousNoteRoutes.ts';
import { linkRoutes } from './links/linkRoutes.ts';
import { saidDidRoutes } from './saidDid/saidDidRoutes.ts';
import { InProcessRevocationHub, type RevocationFeed } from './links/RevocationFeed.ts';
import { MemoryAnonymousNoteStore } from './anonymousNotes/MemoryAnonymousNoteStore.ts';
import { SqliteAnonymousNoteStore } from './anonymousNotes/SqliteAnonymousNoteStore.ts';
import { templateRoutes } from './templates/templateRoutes.ts';
import { translationRoutes } from './translations/translationRoutes.ts';
import { securityPlugin } from './security/securityPlugin.ts';
import { findingsRoutes } from './findings/findingsRoutes.ts';
import { InProcessBoardDeletionHub, type BoardDeletionFeed } from './privacy/BoardDeletionFeed.ts';
import { MemoryContactStore, MemoryMonitoringStore } from './privacy/MemoryParticipantData.ts';
import type { ContactStore, MonitoringStore } from './privacy/participantDataStores.ts';
import { privacyRoutes } from './privacy/privacyRoutes.ts';
import type { BoardErasure } from './privacy/BoardErasure.ts';
import type { RetentionSweeper } from './privacy/RetentionSweeper.ts';
import { SqliteContactStore, SqliteMonitoringStore } from './privacy/SqliteParticipantData.ts';

export interface BuildAppOptions {
  config: ServerConfig;
  /** Defaults to SQLite in `config.dataDir`. */
  store?: BoardStore;
  /**
   * Defaults to the rounds tables in the same SQLite file when `store` is a
   * SqliteBoardStore (the default), else to memory, like the board store.
   */
  roundStore?: RoundStore;
  /** Defaults like `roundStore`: the votes table of the same SQLite file, else memory. */
  voteStore?: VoteStore;
  /** Defaults like `roundStore`: the anonymous_notes table of the same SQLite file, else memory. */
  anonymousNoteStore?: AnonymousNoteStore;
  /** Defaults to a private in-process hub (this server alone). */
  fanout?: Fanout;
  /** How link revocations reach other server processes; defaults to a private in-process hub (this server alone). */
  revocations?: RevocationFeed;
  /** Defaults like `roundStore`: the monitoring_counts table of the same SQLite file, else memory. */
  monitoringStore?: MonitoringStore;
  /** Defaults like `roundStore`: the contacts table of the same SQLite file, else memory. */
  contactStore?: ContactStore;
  /** How board erasures reach other server processes; defaults to a private in-process hub (this server alone). */
  deletions?: BoardDeletionFeed;
  /** The retention sweep's clock (tests); defaults to Date.now. */
  now?: () => number;
  /** Where logs go (tests capture them); defaults to stdout. */
  logStream?: NodeJS.WritableStream;
}

export const SQLITE_FILENAME = 'clapboard.sqlite';

/** The app with the decorations its plugins add, spelled out for callers outside this package. */
export type ClapboardApp = FastifyInstance & {
  store: BoardStore;
  fanout: Fanout;
  rooms: RoomRegistry;
  syncMessages: MessageHandlers;
  rounds: RoundService;
  votes: VoteService;
  anonymousNotes: AnonymousNoteService;
  erasure: BoardErasure;
  retention: RetentionSweeper;
};

/** Builds the app without listening, so tests can `inject()` or listen on port 0. */
export async function buildApp(options: BuildAppOptions): Promise<ClapboardApp> {
  const { config } = options;
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    // Only for the address rate limits key on (docs/security.md); addresses are never logged or stored.
    // (One type per branch: Fastify's overloads do not take the union whole.)
    trustProxy: config.security.trustProxy as string[] & boolean & number,
    bodyLimit: 64 * 1024,
    frameworkErrors: handleFrameworkError,
  });
  // At the root, so they answer for every plugin's prefix too.
  app.setNotFoundHandler(handleNotFound);
  app.setErrorHandler(handleError);
  // Before every route: headers and limits apply to all of them.
  await app.register(securityPlugin, { settings: config.security, publicUrl: config.publicUrl, maxConnectionsPerAddress: config.limits.maxConnectionsPerAddress });
  let listeningUrl: string | undefined;
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (address && typeof address === 'object') {
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      listeningUrl = `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${address.port}`;
    }
  });
  const publicUrl = () => config.publicUrl ?? listeningUrl ?? `http://localhost:${config.port}`;

  const store = options.store ?? new SqliteBoardStore({ filename: path.join(config.dataDir, SQLITE_FILENAME), synchronous: config.sqliteSynchronous, foldThreadIdleMs: config.foldThreadIdleMs, writeThreadIdleMs: config.writeThreadIdleMs });
  await app.register(storagePlugin, { store, fanout: options.fanout ?? new InProcessFanoutHub().connect() });
  await app.register(healthRoutes);
  await app.register(timeRoutes);
  await app.register(boardRoutes, { publicUrl, defaultRetentionDays: config.privacy.defaultRetentionDays });
  await app.register(statementRoutes);
  await app.register(syncSocketPlugin, {
    maxPayloadBytes: config.maxPayloadBytes,
    maxBufferedBytes: config.maxBufferedBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    roomIdleMs: config.roomIdleMs,
    idleCollectionMs: config.idleCollectionMs,
    quietCollection: config.quietCollection,
    relayWindowMs: config.relayWindowMs,
    limits: config.limits,
  });
  const roundStore = options.roundStore ?? (store instanceof SqliteBoardStore ? new SqliteRoundStore(store) : new MemoryRoundStore());
  await app.register(roundRoutes, { store: roundStore, limits: config.rounds });
  const voteStore = options.voteStore ?? (store instanceof SqliteBoardStore ? new SqliteVoteStore(store) : new MemoryVoteStore());
  await app.register(voteRoutes, { store: voteStore });
  const anonymousNoteStore = options.anonymousNoteStore ?? (store instanceof SqliteBoardStore ? new SqliteAnonymousNoteStore(store) : new MemoryAnonymousNoteStore());
  await app.register(anonymousNoteRoutes, { store: anonymousNoteStore, limits: config.anonymousNotes });
  await app.register(templateRoutes);
  await app.register(translationRoutes, { limits: config.translations });
  await app.register(findingsRoutes, { maxExportPixels: config.maxExportPixels });
  await app.register(linkRoutes, { publicUrl, revocations: options.revocations ?? new InProcessRevocationHub().connect() });
  await app.register(saidDidRoutes, { publicUrl });
  const sqlite = store instanceof SqliteBoardStore ? store : null;
  const monitoringStore = options.monitoringStore ?? (sqlite ? new SqliteMonitoringStore(sqlite) : new MemoryMonitoringStore());
  const contactStore = options.contactStore ?? (sqlite ? new SqliteContactStore(sqlite) : new MemoryContactStore());
  await app.register(privacyRoutes, {
    settings: config.privacy,
    monitoring: monitoringStore,
    contacts: contactStore,
    rounds: roundStore,
    votes: voteStore,
    keyedStores: [roundStore, voteStore, anonymousNoteStore, monitoringStore, contactStore],
    deletions: options.deletions ?? new InProcessBoardDeletionHub().connect(),
    ...(options.now ? { now: options.now } : {}),
  });
  await app.register(clientPages, { clientDist: config.clientDist });
  return app as ClapboardApp;
}

/** Listens and returns the URL it is reachable at on this machine (not PUBLIC_URL). */
export async function listenApp(app: FastifyInstance, config: Pick<ServerConfig, 'port' | 'host'>): Promise<string> {
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? 'localhost' : config.host;
  return `http://${host}:${port}`;
}
