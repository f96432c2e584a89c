/**
 * Screenshots of a populated board for people to look at (artifacts/screenshots):
 * 200 notes in four frames, two people pointing at things, seen by a third.
 * The assertions only check that what the screenshots claim to show is there.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { awarenessClientId, boardToScreen, setViewport } from './support/board.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, insertFrame, seedNoteGrid, waitForServerDoc, countObjects } from './support/yclient.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;

const THEMES = ['What went well', 'What was hard', 'Ideas', 'Questions'];
const SNIPPETS = [
  'More time for questions',
  'Clearer agenda up front',
  'Loved the breakout rooms',
  'Too many slides',
  'Share notes afterwards',
  'Invite the night shift',
  'Try a shorter format',
  'Who owns follow-up?',
  'Budget for next year?',
  'Coffee!',
];

describe('screenshots of a populated board', () => {
  const suite = useBrowserSuite();

  it('200 notes in frames with two people’s cursors', async () => {
    const { server } = suite;
    const board = await server.createBoard('Retrospective');
    const seeder = await connectNodeClient(server.url, board.links.facilitator);
    const columns = 10;
    const pitch = 240;
    const frameWidth = columns * pitch + 80;
    const frameHeight = 5 * pitch + 140;
    THEMES.forEach((title, f) => {
      const fx = (f % 2) * (frameWidth + 200);
      const fy = Math.floor(f / 2) * (frameHeight + 200);
      seeder.doc.transact(() => insertFrame(seeder.doc, { id: `frame${f}`, x: fx, y: fy, width: frameWidth, height: frameHeight, title }));
      seedNoteGrid(seeder.doc, {
        count: 50,
        columns,
        pitch,
        originX: fx + 40,
        originY: fy + 100,
        frameId: `frame${f}`,
        idPrefix: `f${f}n`,
        text: (i) => `${SNIPPETS[(i + f * 3) % SNIPPETS.length]} (#${i + 1})`,
      });
    });
    seeder.close();
    await waitForServerDoc(server.url, board.links.observer, (doc) => countObjects(doc) === 204, { message: '204 objects' });

    const alice = await suite.openAs('Alice', board.links.participant);
    const bob = await suite.openAs('Bob', board.links.participant);
    const olly = await suite.openAs('Olly', board.links.observer);

    // Everyone sees the whole board; Alice and Bob point at different frames.
    for (const page of [alice, bob, olly]) {
      await page.evaluate(() => window.__clapboard!.zoomToFit());
    }
    await expect.poll(() => olly.evaluate(() => window.__clapboard!.renderStats().total), POLL).toBe(204);
    const aliceAt = await boardToScreen(alice, { x: 600, y: 500 });
    const bobAt = await boardToScreen(bob, { x: frameWidth + 200 + 900, y: frameHeight + 200 + 400 });
    await alice.mouse.move(aliceAt.x, aliceAt.y, { steps: 4 });
    await bob.mouse.move(bobAt.x, bobAt.y, { steps: 4 });
    const aliceId = await awarenessClientId(alice);
    const bobId = await awarenessClientId(bob);
    for (const [id, name] of [[aliceId, 'Alice'], [bobId, 'Bob']] as const) {
      const cursor = olly.locator(`[data-testid="remote-cursor"][data-client-id="${id}"]`);
      await cursor.waitFor({ state: 'visible', timeout: POLL.timeout });
      await expect.poll(() => cursor.textContent(), POLL).toContain(name);
    }
    await screenshot(olly, 'board-200-notes-fit');
    await screenshot(alice, 'board-200-notes-fit-alice');

    // Zoomed in on one frame at 100%: note text must be legible.
    await setViewport(olly, { x: 0, y: 0, zoom: 1 });
    await olly.waitForFunction(() => window.__clapboard!.renderStats().lod === 'full', null, { timeout: POLL.timeout });
    await screenshot(olly, 'board-200-notes-zoom-100');

    // Zoomed in further with Alice's cursor on screen.
    await setViewport(olly, { x: 300, y: 250, zoom: 2 });
    await screenshot(olly, 'board-200-notes-zoom-200');

    // The outline of the same board.
    await olly.getByTestId('outline').scrollIntoViewIfNeeded().catch(() => {});
    await screenshot(olly, 'board-200-notes-outline');
  });
});
