import fs from 'node:fs';

/**
 * The database holds every board's text, so nobody but the server's own
 * user may read it, whatever the umask. (Modes mean nothing on Windows;
 * there these are no-ops in effect.)
 */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Creates `dir` and any missing parents with mode 0700. A directory that
 * already exists keeps its mode: it may be a mount point or a directory the
 * operator set up on purpose, and the files in it are private anyway.
 */
export function ensurePrivateDirectory(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/**
 * Creates the SQLite file with mode 0600 before SQLite opens it. SQLite
 * would create it 0644 (less the umask); it gives the -wal and -shm files it
 * creates later the main file's mode, so this one file decides all three.
 * Files of ours left with looser modes (by an earlier version) are tightened;
 * files owned by another user are left alone, as chmod would fail on them.
 */
export function ensurePrivateDatabaseFile(filename: string): void {
  fs.closeSync(fs.openSync(filename, 'a', PRIVATE_FILE));
  const uid = process.getuid?.();
  for (const file of [filename, `${filename}-wal`, `${filename}-shm`]) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && (stat.mode & 0o077) !== 0 && stat.uid === uid) fs.chmodSync(file, stat.mode & PRIVATE_FILE);
  }
}
