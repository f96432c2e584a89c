/**
 * Holds calls back until released: a store wrapper awaits `pass()` before a
 * write, so a test can observe the moment between a request and its commit
 * without timing tricks.
 */
export class Gate {
  private open = true;
  private readonly held: Array<() => void> = [];

  /** Calls from now on wait until `release()`. */
  hold(): void {
    this.open = false;
  }

  /** Calls waiting behind the gate. */
  get waiting(): number {
    return this.held.length;
  }

  release(): void {
    this.open = true;
    for (const resume of this.held.splice(0)) resume();
  }

  /** Resolves at once while open, else when released. */
  async pass(): Promise<void> {
    if (!this.open) await new Promise<void>((resume) => this.held.push(resume));
  }
}
