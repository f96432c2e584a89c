/**
 * Presence after a reconnect (issue #15): the states the server resends on
 * join must show again at once, not only after each person's next move.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { forgetDepartedPeers } from '../../client/src/connection/forgetDepartedPeers.ts';

function twoPeople() {
  const mine = new Awareness(new Y.Doc());
  const theirs = new Awareness(new Y.Doc());
  mine.setLocalState({ name: 'Alice' });
  theirs.setLocalState({ name: 'Bob' });
  const bobOnJoin = encodeAwarenessUpdate(theirs, [theirs.clientID]);
  applyAwarenessUpdate(mine, bobOnJoin, 'server');
  return { mine, theirs, bobOnJoin };
}

/** What y-websocket does when the socket closes: everyone but oneself is gone. */
function socketClosed(awareness: Awareness) {
  removeAwarenessStates(awareness, [...awareness.getStates().keys()].filter((id) => id !== awareness.clientID), 'provider');
}

describe('forgetDepartedPeers', () => {
  it('lets the same state, resent by the server on reconnect, show the person again', () => {
    const { mine, theirs, bobOnJoin } = twoPeople();
    socketClosed(mine);
    forgetDepartedPeers(mine);
    applyAwarenessUpdate(mine, bobOnJoin, 'server');
    expect(mine.getStates().get(theirs.clientID)).toEqual({ name: 'Bob' });
  });

  it('is needed: without it y-protocols ignores the resend', () => {
    const { mine, theirs, bobOnJoin } = twoPeople();
    socketClosed(mine);
    applyAwarenessUpdate(mine, bobOnJoin, 'server');
    expect(mine.getStates().has(theirs.clientID)).toBe(false);
  });

  it('keeps one’s own clock and the clocks of people still present', () => {
    const { mine, theirs } = twoPeople();
    const ownClock = mine.meta.get(mine.clientID)!.clock;
    forgetDepartedPeers(mine);
    expect(mine.meta.get(mine.clientID)!.clock).toBe(ownClock);
    expect(mine.meta.has(theirs.clientID)).toBe(true);
  });
});
