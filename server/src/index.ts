export { buildApp, listenApp, SQLITE_FILENAME, type BuildAppOptions } from './app.ts';
export { ConfigError, loadConfig, type ServerConfig } from './config.ts';
export { hashToken } from './auth/capabilityTokens.ts';
export { InProcessFanoutHub, type Fanout, type FanoutMessage } from './fanout/Fanout.ts';
export type { BoardStore, DocKey, StoredDocument } from './storage/BoardStore.ts';
export { MemoryBoardStore } from './storage/MemoryBoardStore.ts';
export { SqliteBoardStore } from './storage/SqliteBoardStore.ts';
export { compactDocument } from './sync/compaction.ts';
