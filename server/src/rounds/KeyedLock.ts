/**
 * Runs tasks one at a time per key, in the order they were queued. A round's
 * submissions, edits, close and reveal go through one key, so a reveal reads
 * a set of answers nothing changes while it writes them onto the board.
 * Within one server process only: rounds are served by the process that
 * holds the SQLite file (docs/anonymity.md, "Limits").
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => {});
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
