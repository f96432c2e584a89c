/**
 * What presence gives away. Every Yjs item carries its author's clientID, so
 * a presence id equal to the content document's clientID would let anyone on
 * the board match each note to the name in its author's presence. Presence
 * has an id of its own, and the people list and following still work by it.
 */
import { describe, expect, it } from 'vitest';
import { setViewport, waitForNewNote } from './support/board.ts';
import { seedNote, seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

describe('presence ids', () => {
  const suite = useBrowserSuite();

  it('are not the clientID stamped on what the person writes', async () => {
    const board = await seededBoard(suite.server, 'Private', (doc) => seedNote(doc, 'a', { x: 0, y: 0 }));
    const alice = await suite.openAs('Alice', board.links.participant);
    const bob = await suite.openAs('Bob', board.links.participant);
    // The product says plainly that ordinary notes are not anonymous; the id below only removes the direct mapping.
    expect(await bob.getByTestId('traceable-notice').textContent()).toMatch(/can be traced to this device/);

    await alice.getByTestId('outline-add-note').click();
    const written = await waitForNewNote(bob, new Set(['a']));
    const aliceWriter = await alice.evaluate(() => window.__clapboard!.contentDoc.clientID);

    // Alice as Bob's page sees her: her presence id, and who wrote what in Bob's copy of the board.
    const seenByBob = () =>
      bob.evaluate((id) => {
        const hook = window.__clapboard!;
        const presence = [...hook.awareness.getStates()].find(([, state]) => (state.user as { name?: string } | undefined)?.name === 'Alice');
        return {
          presenceId: presence?.[0] ?? null,
          noteAuthor: (hook.contentDoc.getMap('objects').get(id) as { _item: { id: { client: number } } | null } | undefined)?._item?.id.client ?? null,
          writers: [...hook.contentDoc.store.clients.keys()],
        };
      }, written);
    await expect.poll(async () => (await seenByBob()).presenceId, POLL).not.toBeNull();
    const { presenceId, noteAuthor, writers } = await seenByBob();
    if (presenceId === null) throw new Error('Bob lost sight of Alice');
    expect(noteAuthor).toBe(aliceWriter);
    expect(writers).toContain(aliceWriter);
    expect(presenceId).not.toBe(aliceWriter);
    expect(writers).not.toContain(presenceId);
    expect(await alice.evaluate(() => window.__clapboard!.awareness.clientID)).toBe(presenceId);

    // Bob's people list offers Alice under that id, and following her is announced by it.
    const follow = bob.locator(`[data-testid="presence-item"][data-client-id="${presenceId}"]`).getByRole('button', { name: /Alice/ });
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed'), POLL).toBe('true');
    const bobId = await bob.evaluate(() => window.__clapboard!.awareness.clientID);
    await expect
      .poll(() => alice.evaluate((id) => window.__clapboard!.awareness.getStates().get(id)?.following, bobId), POLL)
      .toBe(presenceId);

    // After a dropped connection Alice is back under the same id, and her presence still updates.
    const aliceAsSeen = () =>
      bob.evaluate((id) => (window.__clapboard!.awareness.getStates().get(id)?.viewport as { zoom: number } | undefined)?.zoom ?? null, presenceId);
    await alice.evaluate(() => window.__clapboard!.disconnect());
    await expect.poll(aliceAsSeen, POLL).toBeNull();
    await alice.evaluate(() => window.__clapboard!.connect());
    await setViewport(alice, { x: 0, y: 0, zoom: 0.5 });
    await expect.poll(aliceAsSeen, POLL).toBe(0.5);
  });
});
