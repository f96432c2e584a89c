import type { Awareness } from 'y-protocols/awareness';

/**
 * When its socket closes, y-websocket removes every other person's presence
 * but keeps the clock it last saw from each. On reconnect the server sends
 * those people's states again, unchanged and with the same clocks, and
 * y-protocols ignores a state whose clock it has already seen: the people
 * list would stay empty until each person next moved (up to 15 s, the
 * awareness renewal). Forgetting the clocks of people no longer present
 * lets the server's resend count as new.
 */
export function forgetDepartedPeers(awareness: Awareness): void {
  for (const clientId of [...awareness.meta.keys()]) {
    if (clientId !== awareness.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId);
  }
}
