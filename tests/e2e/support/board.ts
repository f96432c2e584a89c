import type { Locator, Page } from 'playwright-core';
import type { ConnectionStatus, Viewport } from './hooks.ts';

export type PlainObject = { type: string; x?: number; y?: number; width?: number; height?: number; z?: number; frameId?: string | null; text?: string; [key: string]: unknown };

/** Every object in the page's content doc, as plain JSON keyed by id. */
export async function pageObjects(page: Page): Promise<Record<string, PlainObject>> {
  return page.evaluate(
    () => window.__clapboard!.contentDoc.getMap('objects').toJSON() as Record<string, PlainObject>,
  );
}

export async function pageNotes(page: Page): Promise<Record<string, PlainObject>> {
  const all = await pageObjects(page);
  return Object.fromEntries(Object.entries(all).filter(([, object]) => object.type === 'note'));
}

export async function pageObject(page: Page, id: string): Promise<PlainObject | null> {
  return page.evaluate((id) => {
    const map = window.__clapboard!.contentDoc.getMap('objects').get(id) as { toJSON(): unknown } | undefined;
    return (map ? map.toJSON() : null) as PlainObject | null;
  }, id);
}

export async function connection(page: Page): Promise<{ status: ConnectionStatus; unsynced: number }> {
  return page.evaluate(() => window.__clapboard!.connection());
}

export async function awarenessClientId(page: Page): Promise<number> {
  return page.evaluate(() => window.__clapboard!.awareness.clientID);
}

export async function getViewport(page: Page): Promise<Viewport> {
  return page.evaluate(() => window.__clapboard!.getViewport());
}

/** Sets the viewport and waits until the client reports it back. */
export async function setViewport(page: Page, viewport: Viewport): Promise<void> {
  await page.evaluate((viewport) => window.__clapboard!.setViewport(viewport), viewport);
  await page.waitForFunction(
    (want) => {
      const got = window.__clapboard!.getViewport();
      return Math.abs(got.x - want.x) < 0.5 && Math.abs(got.y - want.y) < 0.5 && Math.abs(got.zoom - want.zoom) < 1e-3;
    },
    viewport,
    { timeout: 5_000, polling: 'raf' },
  );
}

export function canvas(page: Page): Locator {
  return page.getByTestId('board-canvas');
}

export async function canvasBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('board-canvas has no bounding box (not rendered?)');
  return box;
}

/** Screen (page) coordinates of a board point under the current viewport. */
export async function boardToScreen(page: Page, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const [box, viewport] = await Promise.all([canvasBox(page), getViewport(page)]);
  return { x: box.x + (point.x - viewport.x) * viewport.zoom, y: box.y + (point.y - viewport.y) * viewport.zoom };
}

export async function screenToBoard(page: Page, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const [box, viewport] = await Promise.all([canvasBox(page), getViewport(page)]);
  return { x: viewport.x + (point.x - box.x) / viewport.zoom, y: viewport.y + (point.y - box.y) / viewport.zoom };
}

/** Screen point at the centre of an object as the page currently shows it. */
export async function objectCentreOnScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  const object = await pageObject(page, id);
  if (!object || object.x === undefined || object.y === undefined) throw new Error(`object ${id} has no position`);
  return boardToScreen(page, { x: object.x + (object.width ?? 0) / 2, y: object.y + (object.height ?? 0) / 2 });
}

/** Polls the page's doc until a note id not in `before` appears; returns it. */
export async function waitForNewNote(page: Page, before: Set<string>, timeout = 10_000): Promise<string> {
  const handle = await page.waitForFunction(
    (known) => {
      const objects = window.__clapboard!.contentDoc.getMap('objects') as unknown as Map<string, { get(key: string): unknown }>;
      for (const [id, map] of objects.entries()) {
        if (map.get('type') === 'note' && !known.includes(id)) return id;
      }
      return null;
    },
    [...before],
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}

/**
 * Creates a note with the toolbar: note tool, click on the canvas at a board
 * point. Returns the new note's id.
 */
export async function createNoteWithToolbar(page: Page, at: { x: number; y: number }): Promise<string> {
  const before = new Set(Object.keys(await pageNotes(page)));
  await page.getByTestId('tool-note').click();
  const screen = await boardToScreen(page, at);
  await page.mouse.click(screen.x, screen.y);
  try {
    return await waitForNewNote(page, before);
  } catch (error) {
    await page.screenshot({ path: '/tmp/createnote-fail.png' }).catch(() => {});
    const info = await page.evaluate(() => ({ vp: window.__clapboard!.getViewport(), n: window.__clapboard!.contentDoc.getMap('objects').size, active: document.activeElement?.outerHTML.slice(0, 100) }));
    throw new Error(`${(error as Error).message} ${JSON.stringify(info)} clicked ${JSON.stringify(screen)}`);
  }
}

/** Leaves any inline editor / tool and returns to the select tool. */
export async function backToSelect(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('tool-select').click();
}

/** Double-clicks a note, waits for the inline editor and types `text` at the end. */
export async function typeIntoNote(page: Page, id: string, text: string): Promise<void> {
  const centre = await objectCentreOnScreen(page, id);
  await page.mouse.dblclick(centre.x, centre.y);
  const editor = page.getByTestId('note-editor');
  await editor.waitFor({ state: 'visible', timeout: 5_000 });
  await editor.press('Control+End');
  await editor.pressSequentially(text);
}

/** Drags an object by its centre with real mouse events, in `steps` moves. */
export async function dragObject(page: Page, id: string, delta: { x: number; y: number }, steps = 12): Promise<void> {
  const from = await objectCentreOnScreen(page, id);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + delta.x, from.y + delta.y, { steps });
  await page.mouse.up();
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; keyboard only. */
export async function tabUntil(page: Page, selector: string, options: { max?: number; backwards?: boolean } = {}): Promise<void> {
  const { max = 300, backwards = false } = options;
  for (let i = 0; i < max; i++) {
    const focused = await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector);
    if (focused) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'none');
  throw new Error(`Tab never reached ${selector} in ${max} presses; focus is on ${active}`);
}

export async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Resolves after `n` animation frames in the page, so anything scheduled has been drawn. */
export async function afterFrames(page: Page, n = 3): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}
