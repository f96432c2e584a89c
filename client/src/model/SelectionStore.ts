/** The ids this person has selected; a tiny observable so canvas, outline and presence share it. */
export class SelectionStore {
  private ids: readonly string[] = [];
  private set = new Set<string>();
  private readonly listeners = new Set<() => void>();

  get current(): readonly string[] {
    return this.ids;
  }

  has(id: string): boolean {
    return this.set.has(id);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly string[] => this.ids;

  replace(ids: Iterable<string>): void {
    const next = [...new Set(ids)];
    if (next.length === this.ids.length && next.every((id, i) => id === this.ids[i])) return;
    this.ids = next;
    this.set = new Set(next);
    for (const listener of this.listeners) listener();
  }

  toggle(id: string): void {
    this.replace(this.set.has(id) ? this.ids.filter((other) => other !== id) : [...this.ids, id]);
  }

  clear(): void {
    this.replace([]);
  }

  /** Drops ids that no longer exist (deleted by someone else). */
  prune(exists: (id: string) => boolean): void {
    if (this.ids.some((id) => !exists(id))) this.replace(this.ids.filter(exists));
  }
}
