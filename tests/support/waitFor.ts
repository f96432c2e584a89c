/**
 * Retries `check` until it stops throwing (or returns a truthy value), or the
 * timeout passes; then rethrows the last failure. Tests synchronise with this,
 * never with fixed sleeps.
 */
export async function waitFor<T>(check: () => T | Promise<T>, { timeout = 10_000, interval = 10 } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false) return value;
      lastError = new Error('condition was false');
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
