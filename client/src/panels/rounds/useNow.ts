import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs` while `active`, for text
 * that counts down ("3 minutes left"). A few seconds late is fine for a
 * minute-by-minute countdown, and cheaper than a tick per second.
 */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
