/**
 * Presence that moves cameras: following someone's view from the people
 * list (until one moves on one's own), and the facilitator's "bring everyone
 * to me", which only a facilitator link offers.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { awarenessClientId, canvas, getViewport, setViewport } from './support/board.ts';
import { seedNote, seededBoard, showHome, viewCentre } from './support/editing.ts';
import type { Viewport } from './support/hooks.ts';
import { useBrowserSuite } from './support/suite.ts';

/** Text as read, without the invisible bidi isolates wrapped around names. */
async function shownText(locator: Locator): Promise<string | null> {
  return (await locator.textContent())?.replace(/[\u2066-\u2069]/g, '') ?? null;
}

const POLL = { timeout: 10_000, interval: 50 } as const;

/** What a person is looking at: the board point in the middle of their canvas, and the zoom. */
async function lookingAt(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const [centre, view] = await Promise.all([viewCentre(page), getViewport(page)]);
  return { x: Math.round(centre.x), y: Math.round(centre.y), zoom: Number(view.zoom.toFixed(3)) };
}

/** The view whose centre is `centre` on `page`'s canvas at `zoom`. */
async function viewCentredOn(page: Page, centre: { x: number; y: number }, zoom: number): Promise<Viewport> {
  const size = await canvas(page).evaluate((element) => ({ width: element.clientWidth, height: element.clientHeight }));
  return { x: centre.x - size.width / 2 / zoom, y: centre.y - size.height / 2 / zoom, zoom };
}

function presenceEntry(page: Page, clientId: number) {
  return page.locator(`[data-testid="presence-item"][data-client-id="${clientId}"]`);
}

describe('presence that moves the camera', () => {
  const suite = useBrowserSuite();

  it('following someone keeps one’s view on theirs until one pans or zooms oneself', async () => {
    const board = await seededBoard(suite.server, 'Follow', (doc) => seedNote(doc, 'a', { x: 0, y: 0 }));
    const alice = await suite.openAs('Alice', board.links.participant);
    const bob = await suite.openAs('Bob', board.links.participant);
    for (const page of [alice, bob]) await showHome(page);
    const aliceId = await awarenessClientId(alice);

    await setViewport(alice, await viewCentredOn(alice, { x: 1500, y: 900 }, 1.5));
    const followButton = presenceEntry(bob, aliceId).getByRole('button', { name: /Alice/ });
    await followButton.click();
    await expect.poll(() => followButton.getAttribute('aria-pressed'), POLL).toBe('true');
    await expect.poll(() => lookingAt(bob), POLL).toEqual({ x: 1500, y: 900, zoom: 1.5 });
    // Alice can see that Bob is following her.
    const bobId = await awarenessClientId(bob);
    await expect
      .poll(() => alice.evaluate((id) => window.__clapboard!.awareness.getStates().get(id)?.following, bobId), POLL)
      .toBe(aliceId);

    // Alice moves on; Bob's view goes with her.
    await setViewport(alice, await viewCentredOn(alice, { x: -400, y: 300 }, 0.5));
    await expect.poll(() => lookingAt(bob), POLL).toEqual({ x: -400, y: 300, zoom: 0.5 });

    // Bob zooms himself: he stops following, and Alice's next move leaves him where he is.
    await canvas(bob).focus();
    await bob.keyboard.press('+');
    await expect.poll(() => followButton.getAttribute('aria-pressed'), POLL).toBe('false');
    const own = await lookingAt(bob);
    expect(own.zoom).toBe(0.625);
    await setViewport(alice, await viewCentredOn(alice, { x: 2000, y: 2000 }, 1));
    // Bob's page has heard about Alice's new view before his is checked.
    await expect
      .poll(async () => {
        const seen = await bob.evaluate((id) => window.__clapboard!.awareness.getStates().get(id)?.viewport as Viewport | undefined, aliceId);
        return seen ? Math.round(seen.zoom * 100) : null;
      }, POLL)
      .toBe(100);
    expect(await lookingAt(bob)).toEqual(own);
  });

  it('“bring everyone to me” moves every other person to the facilitator’s view, once', async () => {
    const board = await seededBoard(suite.server, 'Summon', (doc) => seedNote(doc, 'a', { x: 0, y: 0 }));
    const fran = await suite.openAs('Fran', board.links.facilitator);
    const pat = await suite.openAs('Pat', board.links.participant);
    const olly = await suite.openAs('Olly', board.links.observer);
    for (const page of [fran, pat, olly]) await showHome(page);

    // Only the facilitator link offers the button.
    await fran.getByTestId('summon-everyone').waitFor({ state: 'visible' });
    expect(await pat.getByTestId('summon-everyone').count()).toBe(0);
    expect(await olly.getByTestId('summon-everyone').count()).toBe(0);

    await setViewport(fran, await viewCentredOn(fran, { x: 2400, y: 1200 }, 0.75));
    const franView = await lookingAt(fran);
    await fran.getByTestId('summon-everyone').click();
    for (const page of [pat, olly]) {
      await expect.poll(() => lookingAt(page), POLL).toEqual(franView);
      await expect.poll(() => shownText(page.getByTestId('summon-notice')), POLL).toBe(
        'Fran brought everyone to this part of the board.',
      );
    }
    // Fran is told it worked, and for how many.
    expect(await shownText(fran.getByTestId('summon-notice'))).toBe('The 2 others now see this part of the board.');

    // A summons is a jump, not a leash: Pat can look elsewhere afterwards and stays there.
    await setViewport(pat, { x: 0, y: 0, zoom: 1 });
    await setViewport(fran, await viewCentredOn(fran, { x: 100, y: 100 }, 2));
    const franId = await awarenessClientId(fran);
    await expect
      .poll(() => pat.evaluate((id) => (window.__clapboard!.awareness.getStates().get(id)?.viewport as Viewport | undefined)?.zoom, franId), POLL)
      .toBe(2);
    expect(await getViewport(pat)).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('someone who arrives after a summons is not pulled along by it, but is by the next one', async () => {
    const board = await seededBoard(suite.server, 'Late', (doc) => seedNote(doc, 'a', { x: 0, y: 0 }));
    const fran = await suite.openAs('Fran', board.links.facilitator);
    await showHome(fran);
    await setViewport(fran, await viewCentredOn(fran, { x: 4000, y: 3000 }, 0.5));
    await fran.getByTestId('summon-everyone').click();
    await expect.poll(() => fran.evaluate(() => !!window.__clapboard!.awareness.getLocalState()?.summon), POLL).toBe(true);

    const nia = await suite.openAs('Nia', board.links.participant);
    const franId = await awarenessClientId(fran);
    await expect.poll(() => nia.evaluate((id) => !!window.__clapboard!.awareness.getStates().get(id)?.summon, franId), POLL).toBe(true);
    await nia.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const notice = nia.getByTestId('summon-notice');
    expect(await notice.textContent()).toBe('');
    expect(await lookingAt(nia)).not.toEqual(await lookingAt(fran));

    // The next summons is for her too.
    await fran.getByTestId('summon-everyone').click();
    await expect.poll(() => lookingAt(nia), POLL).toEqual(await lookingAt(fran));
    await expect.poll(() => shownText(notice), POLL).toBe('Fran brought everyone to this part of the board.');
  });
});
