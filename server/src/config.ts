import path from 'node:path';
import { z } from 'zod';
import { MAX_DELETE_AFTER_DAYS } from '@clapboard/shared';

const MiB = 1024 * 1024;

const intFromEnv = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Every setting the server reads from its environment. Validated once at
 * start-up; a bad value stops the server with a message naming the variable.
 */
const EnvSchema = z.object({
  PORT: intFromEnv(0, 65535).default(3000),
  /** 127.0.0.1 by default; set 0.0.0.0 to let phones on the same network join. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Base of the links handed out; defaults to http://HOST:PORT once listening. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest websocket frame accepted; larger frames close that connection with 1009. */
  MAX_PAYLOAD_BYTES: intFromEnv(1024, 64 * MiB).default(MiB),
  /** A connection whose unsent backlog passes this is closed instead of buffered without bound. */
  MAX_BUFFERED_BYTES: intFromEnv(64 * 1024, 512 * MiB).default(16 * MiB),
  /** FULL survives power loss; NORMAL survives a killed process (WAL) and is faster. */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** Updates appended to a document's log before it is compacted in the background. */
  COMPACT_AFTER_UPDATES: intFromEnv(10, 1_000_000).default(1000),
  /** How long the compaction thread lives with nothing to fold; its exit returns the heap a fold built. */
  FOLD_THREAD_IDLE_MS: intFromEnv(0, 24 * 60 * 60 * 1000).default(5_000),
  /** How long the SQLite writer thread lives with nothing to write; the next write starts it again. */
  WRITE_THREAD_IDLE_MS: intFromEnv(0, 24 * 60 * 60 * 1000).default(30_000),
  /** How long a board stays in memory after its last client leaves. */
  ROOM_IDLE_MS: intFromEnv(0, 24 * 60 * 60 * 1000).default(30_000),
  /** After a board unloads with nobody connected to the process, wait this long, then collect garbage once (IdleCollector). */
  IDLE_GC_DELAY_MS: intFromEnv(0, 24 * 60 * 60 * 1000).default(2_000),
  /** How often the process checks for a quiet spell after a burst of work, to collect its garbage (QuietCollector); 0: never. */
  QUIET_GC_CHECK_MS: intFromEnv(0, 60 * 60 * 1000).default(1_000),
  /** How many MiB the heap must have grown past its lowest reading before a quiet spell collects it. */
  QUIET_GC_MIN_GROWTH_MB: intFromEnv(1, 64 * 1024).default(32),
  /** V8's allocation-site pretenuring (engineTuning.ts): off by default; `on` gives V8 its own default back. */
  V8_PRETENURING: z.enum(['on', 'off']).default('off'),
  /**
   * A client sent other people's edits and presence less than this long ago
   * gets the next ones together when it ends: on a busy board, a few frames
   * per write instead of one each (WriteCoalescer). 0: each turn's at once.
   */
  RELAY_WINDOW_MS: intFromEnv(0, 100).default(4),
  /** Websocket connections one board (content and control documents each) may have at once. */
  MAX_CONNECTIONS_PER_BOARD: intFromEnv(1, 100_000).default(250),
  /** Presence states one board keeps; connections past it stay invisible rather than crowd everyone's screens. */
  MAX_PRESENCE_PER_BOARD: intFromEnv(1, 100_000).default(250),
  /** Structs one document update may carry (a day offline is a few thousand). */
  MAX_UPDATE_STRUCTS: intFromEnv(1, 10_000_000).default(200_000),
  /** Shared types (notes are two each) one document update may create. */
  MAX_UPDATE_TYPES: intFromEnv(1, 10_000_000).default(50_000),
  /** Messages per second one connection may send on average… */
  RATE_MESSAGES_PER_SECOND: intFromEnv(1, 1_000_000).default(200),
  /** …and at once: typing and dragging send bursts. */
  RATE_MESSAGES_BURST: intFromEnv(1, 10_000_000).default(1000),
  /** Document updates per second one connection may send on average (a drag sends one per frame, about 60)… */
  RATE_UPDATES_PER_SECOND: intFromEnv(1, 1_000_000).default(100),
  /** …and at once. */
  RATE_UPDATES_BURST: intFromEnv(1, 10_000_000).default(600),
  /** Objects one board holds; a 10,000-note board is a big workshop's board twice over (docs/security.md). */
  MAX_OBJECTS_PER_BOARD: intFromEnv(1, 10_000_000).default(20_000),
  /** Bytes one board document takes in storage; a 10,000-note board takes about 2.8 MiB (docs/security.md). */
  MAX_BOARD_BYTES: intFromEnv(64 * 1024, 4096 * MiB).default(32 * MiB),
  /** Websocket connections one client address may hold at once, over every board. A workshop behind one NAT is one address. */
  MAX_CONNECTIONS_PER_ADDRESS: intFromEnv(1, 1_000_000).default(1000),
  /** HTTP requests per client address per minute, per kind (server/src/security/rateLimits.ts). */
  RATE_CREATE_BOARDS_PER_MINUTE: intFromEnv(1, 1_000_000).default(30),
  RATE_ANSWERS_PER_MINUTE: intFromEnv(1, 1_000_000).default(600),
  RATE_BALLOTS_PER_MINUTE: intFromEnv(1, 1_000_000).default(600),
  RATE_RECEIPTS_PER_MINUTE: intFromEnv(1, 1_000_000).default(600),
  RATE_ANONYMOUS_NOTES_PER_MINUTE: intFromEnv(1, 1_000_000).default(600),
  RATE_LINKS_PER_MINUTE: intFromEnv(1, 1_000_000).default(60),
  RATE_EXPORTS_PER_MINUTE: intFromEnv(1, 1_000_000).default(30),
  /** Every other API request. */
  RATE_API_PER_MINUTE: intFromEnv(1, 10_000_000).default(6000),
  /**
   * Whether (and how far) to believe X-Forwarded-For: `false` (default),
   * `true` (every proxy), a number of hops, or a comma-separated list of
   * proxy addresses/CIDRs. Decides the address rate limits key on; addresses
   * are never logged.
   */
  TRUST_PROXY: z
    .string()
    .transform((value, context): boolean | number | string[] => {
      const text = value.trim();
      if (text === 'true' || text === 'false') return text === 'true';
      if (/^\d+$/.test(text)) return Number(text);
      const list = text.split(',').map((part) => part.trim());
      if (list.every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part) && /[.:]/.test(part))) return list;
      context.addIssue({ code: 'custom', message: 'expected true, false, a number of hops, or a comma-separated list of addresses' });
      return z.NEVER;
    })
    .default(false),
  /** `production` requires an explicit PUBLIC_URL. */
  NODE_ENV: z.string().optional(),
  /** Whole-board reads (sync step 1, query-awareness) one connection may make per minute on average… */
  RATE_FULL_READS_PER_MINUTE: intFromEnv(1, 1_000_000).default(12),
  /** …and at once (a connect takes two, a reconnect's receipt one more). */
  RATE_FULL_READS_BURST: intFromEnv(1, 1_000_000).default(10),
  /**
   * How often a round's public answer count may change (docs/anonymity.md):
   * on this tick, and only once it moved by at least two. Long enough that a
   * facilitator cannot tie a change to the person who just put their phone down.
   */
  ROUND_COUNT_TICK_MS: intFromEnv(10, 60 * 60 * 1000).default(30_000),
  /** Answers one round holds at most. Everyone shares one participant token, so this is what bounds a flood. */
  MAX_ANSWERS_PER_ROUND: intFromEnv(1, 100_000).default(500),
  /** Directory of the built client; defaults to client/dist in this checkout. */
  CLIENT_DIST: z.string().min(1).optional(),
  /** Anonymous notes one board holds at most (server/src/anonymousNotes). Everyone shares one participant token, so this is what bounds a flood. */
  MAX_ANONYMOUS_NOTES_PER_BOARD: intFromEnv(1, 100_000).default(1000),
  /** Largest PNG export, in pixels (width × height): a bigger board is scaled down to fit (16 MP is 4,000 × 4,000, about 64 MiB while drawn). */
  MAX_EXPORT_PIXELS: intFromEnv(10_000, 200_000_000).default(16_000_000),
  /** Retention of a board created without a date (nor a statement giving one), in days (server/src/privacy). At most MAX_DELETE_AFTER_DAYS. */
  DEFAULT_RETENTION_DAYS: intFromEnv(1, MAX_DELETE_AFTER_DAYS).default(90),
  /** How often boards past their retention date are looked for and erased; also once at start-up. */
  RETENTION_SWEEP_MS: intFromEnv(1000, 24 * 60 * 60 * 1000).default(60 * 60 * 1000),
  /** Equality-monitoring responses one board takes. Everyone shares one participant token, so this is what bounds a flood. */
  MAX_MONITORING_RESPONSES_PER_BOARD: intFromEnv(1, 100_000).default(1000),
  /** Contact details one board takes (each at most MAX_CONTACT_LENGTH characters). */
  MAX_CONTACTS_PER_BOARD: intFromEnv(1, 100_000).default(1000),
  /** Translations one board holds at most (server/src/translations): one per note, answer or prompt and language. */
  MAX_TRANSLATIONS_PER_BOARD: intFromEnv(1, 1_000_000).default(20_000),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  maxPayloadBytes: number;
  maxBufferedBytes: number;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  compactAfterUpdates: number;
  foldThreadIdleMs: number;
  writeThreadIdleMs: number;
  roomIdleMs: number;
  idleCollectionMs: number;
  quietCollection: { checkEveryMs: number; minGrowthBytes: number };
  /** Whether V8 may allocate objects straight into its old generation by where they are made (engineTuning.ts). */
  pretenuring: boolean;
  relayWindowMs: number;
  clientDist: string;
  limits: SyncLimits;
  rounds: RoundLimits;
  anonymousNotes: AnonymousNoteLimits;
  translations: TranslationLimits;
  /** Largest PNG export in pixels (server/src/findings/png). */
  maxExportPixels: number;
  privacy: PrivacySettings;
  security: SecuritySettings;
}

/** Retention, erasure, monitoring and contacts (server/src/privacy). */
export interface PrivacySettings {
  defaultRetentionDays: number;
  retentionSweepMs: number;
  maxMonitoringResponsesPerBoard: number;
  maxContactsPerBoard: number;
}

/** Anonymous sticky notes (server/src/anonymousNotes). */
export interface AnonymousNoteLimits {
  maxPerBoard: number;
}

/** Interpreters' translations (server/src/translations). */
export interface TranslationLimits {
  maxPerBoard: number;
}

/** Anonymous rounds (server/src/rounds). */
export interface RoundLimits {
  countTickMs: number;
  maxAnswersPerRound: number;
}

/** Per-board and per-connection bounds of the sync server (docs/protocol.md, "Limits"). */
export interface SyncLimits {
  maxConnectionsPerBoard: number;
  maxPresencePerBoard: number;
  maxUpdateStructs: number;
  maxUpdateTypes: number;
  messagesPerSecond: number;
  messageBurst: number;
  fullReadsPerMinute: number;
  fullReadBurst: number;
  updatesPerSecond: number;
  updateBurst: number;
  maxObjectsPerBoard: number;
  maxBoardBytes: number;
  maxConnectionsPerAddress: number;
}

/** HTTP requests per address per minute, by kind (server/src/security/rateLimits.ts). */
export interface HttpRateLimits {
  createBoards: number;
  answers: number;
  ballots: number;
  receipts: number;
  anonymousNotes: number;
  links: number;
  exports: number;
  api: number;
}

/** Security settings (server/src/security). */
export interface SecuritySettings {
  /** Passed to Fastify's trustProxy. */
  trustProxy: boolean | number | string[];
  rates: HttpRateLimits;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment (process.env by default) into a ServerConfig, or throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const known = Object.fromEntries(
    Object.keys(EnvSchema.shape)
      .map((key) => [key, env[key] === '' ? undefined : env[key]] as const)
      .filter(([, value]) => value !== undefined),
  );
  const parsed = EnvSchema.safeParse(known);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  // Links handed out must name the address people reach, not whatever this process listens on.
  if (e.NODE_ENV === 'production' && !e.PUBLIC_URL) {
    throw new ConfigError('Invalid environment:\n  PUBLIC_URL="": required when NODE_ENV=production (the https address people open, e.g. https://board.example.org)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    maxPayloadBytes: e.MAX_PAYLOAD_BYTES,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    foldThreadIdleMs: e.FOLD_THREAD_IDLE_MS,
    writeThreadIdleMs: e.WRITE_THREAD_IDLE_MS,
    roomIdleMs: e.ROOM_IDLE_MS,
    idleCollectionMs: e.IDLE_GC_DELAY_MS,
    quietCollection: { checkEveryMs: e.QUIET_GC_CHECK_MS, minGrowthBytes: e.QUIET_GC_MIN_GROWTH_MB * 1024 * 1024 },
    pretenuring: e.V8_PRETENURING === 'on',
    relayWindowMs: e.RELAY_WINDOW_MS,
    limits: {
      maxConnectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD,
      maxPresencePerBoard: e.MAX_PRESENCE_PER_BOARD,
      maxUpdateStructs: e.MAX_UPDATE_STRUCTS,
      maxUpdateTypes: e.MAX_UPDATE_TYPES,
      messagesPerSecond: e.RATE_MESSAGES_PER_SECOND,
      messageBurst: e.RATE_MESSAGES_BURST,
      fullReadsPerMinute: e.RATE_FULL_READS_PER_MINUTE,
      fullReadBurst: e.RATE_FULL_READS_BURST,
      updatesPerSecond: e.RATE_UPDATES_PER_SECOND,
      updateBurst: e.RATE_UPDATES_BURST,
      maxObjectsPerBoard: e.MAX_OBJECTS_PER_BOARD,
      maxBoardBytes: e.MAX_BOARD_BYTES,
      maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
    },
    security: {
      trustProxy: e.TRUST_PROXY,
      rates: {
        createBoards: e.RATE_CREATE_BOARDS_PER_MINUTE,
        answers: e.RATE_ANSWERS_PER_MINUTE,
        ballots: e.RATE_BALLOTS_PER_MINUTE,
        receipts: e.RATE_RECEIPTS_PER_MINUTE,
        anonymousNotes: e.RATE_ANONYMOUS_NOTES_PER_MINUTE,
        links: e.RATE_LINKS_PER_MINUTE,
        exports: e.RATE_EXPORTS_PER_MINUTE,
        api: e.RATE_API_PER_MINUTE,
      },
    },
    rounds: { countTickMs: e.ROUND_COUNT_TICK_MS, maxAnswersPerRound: e.MAX_ANSWERS_PER_ROUND },
    clientDist: path.resolve(e.CLIENT_DIST ?? new URL('../../client/dist', import.meta.url).pathname),
    anonymousNotes: { maxPerBoard: e.MAX_ANONYMOUS_NOTES_PER_BOARD },
    translations: { maxPerBoard: e.MAX_TRANSLATIONS_PER_BOARD },
    maxExportPixels: e.MAX_EXPORT_PIXELS,
    privacy: {
      defaultRetentionDays: e.DEFAULT_RETENTION_DAYS,
      retentionSweepMs: e.RETENTION_SWEEP_MS,
      maxMonitoringResponsesPerBoard: e.MAX_MONITORING_RESPONSES_PER_BOARD,
      maxContactsPerBoard: e.MAX_CONTACTS_PER_BOARD,
    },
  };
}
