import { useEffect, useState } from 'react';
import type { ServerClock } from '../../connection/serverClock.ts';

/**
 * The server's time (as this page measures it), re-read every `intervalMs`
 * while `active` and whenever the measured offset changes: a countdown in
 * seconds needs a few ticks a second to turn over on time.
 */
export function useServerNow(clock: ServerClock, active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    setNow(clock.now());
    const off = clock.subscribe(() => setNow(clock.now()));
    if (!active) return off;
    const timer = window.setInterval(() => setNow(clock.now()), intervalMs);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [clock, active, intervalMs]);
  return now;
}

/** Whether the page has measured the server's clock yet: until then a timer written from here would be off by this page's error. */
export function useClockMeasured(clock: ServerClock): boolean {
  const [measured, setMeasured] = useState(() => clock.measured);
  useEffect(() => {
    setMeasured(clock.measured);
    return clock.subscribe(() => setMeasured(clock.measured));
  }, [clock]);
  return measured;
}
