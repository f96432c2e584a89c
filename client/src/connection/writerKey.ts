import { randomId } from '@clapboard/shared';

const WRITER_KEY_PREFIX = 'clapboard.writer.';

/**
 * A random key this browser keeps per board and role, sent with every sync
 * connection (docs/protocol.md, "Client ids"). The server reserves the Yjs
 * client ids this browser wrote under for whoever presents the same key, so
 * after a network drop or a reload nobody else can have taken the clocks of
 * its unsynced edits. Kept in localStorage, next to the offline copy it
 * protects (IndexedDB outlives a tab too). It names no person and the server
 * stores only its hash, in memory.
 */
export function writerKeyFor(boardId: string, role: string): string {
  const name = `${WRITER_KEY_PREFIX}${boardId}:${role}`;
  try {
    const existing = localStorage.getItem(name);
    if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
    const created = randomId(24);
    localStorage.setItem(name, created);
    return created;
  } catch {
    // Storage refused (private mode, quota): this tab alone, then.
    return randomId(24);
  }
}
