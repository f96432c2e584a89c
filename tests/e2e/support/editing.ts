import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import { insertObject, LOCAL_USER_ORIGIN, NOTE_SIZE, type NoteColor } from '@clapboard/shared';
import type { TestServer, CreatedBoard } from '../../support/server.ts';
import type { Viewport } from './hooks.ts';
import { boardToScreen, objectCentreOnScreen, pageObject, setViewport } from './board.ts';
import { connectNodeClient, countObjects, waitForServerDoc } from './yclient.ts';

type Point = { x: number; y: number };

/**
 * The ids this page has selected, sorted. Read from the presence state the
 * page announces to others, so no extra test hook is needed.
 */
export async function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selection = window.__clapboard!.awareness.getLocalState()?.selection;
    return Array.isArray(selection) ? (selection as string[]).slice().sort() : [];
  });
}

/**
 * A fresh board whose objects `fill` inserts (through a Node client, as a
 * seeding script would), returned once the server holds all of them.
 */
export async function seededBoard(server: TestServer, title: string, fill: (doc: Y.Doc) => void): Promise<CreatedBoard> {
  const board = await server.createBoard(title);
  const seeder = await connectNodeClient(server.url, board.links.facilitator);
  seeder.doc.transact(() => fill(seeder.doc), LOCAL_USER_ORIGIN);
  const expected = countObjects(seeder.doc);
  seeder.close();
  await waitForServerDoc(server.url, board.links.facilitator, (doc) => countObjects(doc) === expected, {
    message: `${expected} seeded objects`,
  });
  return board;
}

export function seedNote(doc: Y.Doc, id: string, at: Point, options: { text?: string; color?: NoteColor; z?: number; frameId?: string | null } = {}): string {
  return insertObject(doc, {
    id,
    type: 'note',
    x: at.x,
    y: at.y,
    width: NOTE_SIZE,
    height: NOTE_SIZE,
    z: options.z ?? 1,
    frameId: options.frameId ?? null,
    color: options.color ?? 'yellow',
    text: options.text ?? id,
  });
}

/** The camera every canvas test starts from: board origin at the canvas's top-left, 100%. */
export const HOME_VIEW: Viewport = { x: 0, y: 0, zoom: 1 };

export async function showHome(page: Page): Promise<void> {
  await setViewport(page, HOME_VIEW);
}

/** Clicks an object's centre, with Shift held if asked (to add to the selection). */
export async function clickObject(page: Page, id: string, options: { shift?: boolean } = {}): Promise<void> {
  const centre = await objectCentreOnScreen(page, id);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.click(centre.x, centre.y);
  if (options.shift) await page.keyboard.up('Shift');
}

/** A real mouse drag between two board points, with Shift held if asked. */
export async function dragOnBoard(page: Page, from: Point, to: Point, options: { shift?: boolean; steps?: number } = {}): Promise<void> {
  const start = await boardToScreen(page, from);
  const end = await boardToScreen(page, to);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: options.steps ?? 10 });
  await page.mouse.up();
  if (options.shift) await page.keyboard.up('Shift');
}

/** Where an object is now, as whole board units (what a person would notice). */
export async function positionOf(page: Page, id: string): Promise<Point | null> {
  const object = await pageObject(page, id);
  if (!object || object.x === undefined || object.y === undefined) return null;
  return { x: Math.round(object.x), y: Math.round(object.y) };
}

/** The board point at the centre of the page's canvas under its current camera. */
export async function viewCentre(page: Page): Promise<Point> {
  return page.evaluate(() => {
    const view = window.__clapboard!.getViewport();
    const canvas = document.querySelector('[data-testid="board-canvas"]')!;
    return { x: view.x + canvas.clientWidth / 2 / view.zoom, y: view.y + canvas.clientHeight / 2 / view.zoom };
  });
}

/** The board rectangle the page's canvas shows. */
export async function visibleBoardRect(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(() => {
    const view = window.__clapboard!.getViewport();
    const canvas = document.querySelector('[data-testid="board-canvas"]')!;
    return { x: view.x, y: view.y, width: canvas.clientWidth / view.zoom, height: canvas.clientHeight / view.zoom };
  });
}
