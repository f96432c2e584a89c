/**
 * Templates and steps in the browser (issue #8): a facilitator creates a
 * board from the focus-group template on the create page, steps to the next
 * question, and a participant's phone shows the new prompt while their view
 * moves to the question's frame. The facilitator saves the board as a
 * template file and adds it back; a broken file is refused with its
 * problems listed. Screenshots of a board made from each shipped template.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CreateBoardResponseSchema, TemplateSchema, findShippedTemplate, shippedTemplates } from '@clapboard/shared';
import { openBoard, screenshot, waitForReady } from './support/browser.ts';
import { canvasBox, getViewport, pageObjects, type PlainObject } from './support/board.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;

const focusGroup = findShippedTemplate('focus-group')!;

/** The frame on the page titled `title`. */
async function frameTitled(page: Page, title: string): Promise<PlainObject & { id: string }> {
  const objects = await pageObjects(page);
  const entry = Object.entries(objects).find(([, object]) => object.type === 'frame' && object.text === title);
  if (!entry) throw new Error(`no frame titled ${title}`);
  return { ...entry[1], id: entry[0] };
}

/** The board point in the middle of the page's canvas. */
async function viewCentre(page: Page): Promise<{ x: number; y: number }> {
  const [box, view] = await Promise.all([canvasBox(page), getViewport(page)]);
  return { x: view.x + box.width / 2 / view.zoom, y: view.y + box.height / 2 / view.zoom };
}

/** Whether the whole of `rect` is on the page's screen. */
async function wholeInView(page: Page, rect: PlainObject): Promise<boolean> {
  const [box, view] = await Promise.all([canvasBox(page), getViewport(page)]);
  return view.x <= rect.x! && view.y <= rect.y! && view.x + box.width / view.zoom >= rect.x! + rect.width! && view.y + box.height / view.zoom >= rect.y! + rect.height!;
}

const inside = (point: { x: number; y: number }, rect: PlainObject) =>
  point.x >= rect.x! && point.x <= rect.x! + rect.width! && point.y >= rect.y! && point.y <= rect.y! + rect.height!;

describe('templates and steps in the browser', () => {
  const suite = useBrowserSuite();

  it('creates a board from the focus group, steps to the next question, and moves a participant there', async () => {
    const { server } = suite;
    const context = await suite.person('Fatima');
    const create = await context.newPage();
    await create.goto(server.url, { waitUntil: 'domcontentloaded' });
    await create.getByTestId('create-title').fill('Advice sessions focus group');
    const picker = create.getByTestId('create-template');
    await expect.poll(() => picker.locator('option').count(), POLL).toBe(1 + shippedTemplates().length);
    await picker.selectOption('focus-group');
    await expect.poll(() => create.locator('.template-picker-description').innerText(), POLL).toBe(focusGroup.description);
    await screenshot(create, 'templates-create-page');
    expect(await axeViolations(create, '.template-picker', ['select-name'])).toEqual([]);
    await create.getByTestId('create-submit').click();
    const facilitatorLink = await create.getByTestId('link-facilitator-url').inputValue();
    const participantLink = await create.getByTestId('link-participant-url').inputValue();

    const facilitator = await openBoard(context, facilitatorLink);
    const question = await frameTitled(facilitator, 'Question 1: Finding help');
    const participant = await suite.openAs('Samir', participantLink, 'phone');
    await expect.poll(() => participant.getByTestId('step-prompt').innerText(), POLL).toBe('');

    const controls = facilitator.getByTestId('step-controls');
    await expect.poll(() => controls.getByTestId('step-position').innerText(), POLL).toBe(`${focusGroup.steps.length} steps, not started yet.`);
    await controls.getByTestId('step-next').click();
    await expect.poll(() => participant.getByTestId('step-prompt-title').innerText(), POLL).toBe('Welcome');

    // Elsewhere on the board, then "next question".
    await participant.evaluate(() => window.__clapboard!.setViewport({ x: -9000, y: -9000, zoom: 1 }));
    await controls.getByTestId('step-next').click();
    await expect.poll(() => controls.getByTestId('step-position').innerText(), POLL).toBe(`Step 2 of ${focusGroup.steps.length}: Question 1: Finding help`);
    await expect.poll(() => participant.getByTestId('step-prompt-title').innerText(), POLL).toBe('Question 1: Finding help');
    await expect.poll(() => participant.getByTestId('step-prompt-text').innerText(), POLL).toBe('What is it like to find help and services here?');
    // Each page fits the frame to its own screen: all of it on the phone, not the facilitator's zoom.
    await expect.poll(async () => inside(await viewCentre(participant), question) && (await wholeInView(participant, question)), POLL).toBe(true);
    expect(await wholeInView(facilitator, question)).toBe(true);
    expect(await participant.evaluate(() => (window.__clapboard!.controlDoc.getMap('settings').get('step') as { index: number }).index)).toBe(1);
    await screenshot(facilitator, 'templates-step-facilitator');
    await screenshot(participant, 'templates-step-participant-phone');
    expect(await axeViolations(facilitator, '[data-testid="step-controls"]', ['select-name'])).toEqual([]);
    expect(await axeViolations(participant, '[data-testid="step-prompt"]')).toEqual([]);

    // The step that opens a private written question opens a round, once.
    await controls.getByTestId('step-select').selectOption(String(focusGroup.steps.findIndex((step) => step.opens)));
    await expect.poll(() => controls.getByTestId('step-status').innerText(), POLL).toBe('Opened this step’s anonymous question.');
    await expect.poll(() => participant.getByTestId('round-answer').count(), POLL).toBe(1);
    // Back a step and on again: the same question is not asked twice.
    await controls.getByTestId('step-previous').click();
    await controls.getByTestId('step-next').click();
    await expect.poll(() => controls.getByTestId('step-status').innerText(), POLL).toBe('This step’s anonymous question is already open.');
    expect(await facilitator.evaluate(() => window.__clapboard!.controlDoc.getMap('rounds').size)).toBe(1);
  });

  it('saves the board as a template file, adds it back, and lists what is wrong with a broken one', async () => {
    const { server } = suite;
    const response = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Our retro', template: 'retrospective' }) });
    const board = CreateBoardResponseSchema.parse(await response.json());
    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    const panel = facilitator.getByTestId('templates-panel');

    const [download] = await Promise.all([facilitator.waitForEvent('download'), panel.getByTestId('template-export').click()]);
    expect(download.suggestedFilename()).toBe('our-retro.clapboard-template.json');
    const saved = TemplateSchema.parse(JSON.parse(await readFile((await download.path())!, 'utf8')));
    expect(saved.frames.map((frame) => frame.title)).toEqual(findShippedTemplate('retrospective')!.frames.map((frame) => frame.title));
    await expect.poll(() => panel.getByTestId('template-export-status').innerText(), POLL).toBe('Saved as “our-retro.clapboard-template.json”.');

    const directory = os.tmpdir();
    const good = path.join(directory, `template-${Date.now()}.json`);
    await writeFile(good, JSON.stringify(saved));
    const framesBefore = Object.values(await pageObjects(facilitator)).filter((object) => object.type === 'frame').length;
    await panel.getByTestId('template-import-file').setInputFiles(good);
    await expect.poll(() => panel.getByTestId('template-import-status').innerText(), POLL).toBe(`Added “Our retro” from the file: ${saved.frames.length} areas.`);
    await expect.poll(async () => Object.values(await pageObjects(facilitator)).filter((object) => object.type === 'frame').length, POLL).toBe(framesBefore + saved.frames.length);

    const bad = path.join(directory, `broken-${Date.now()}.json`);
    await writeFile(bad, JSON.stringify({ ...saved, frames: [{ ...saved.frames[0], title: '' }], steps: [{ title: 'Vote', frame: 'nowhere' }] }));
    await panel.getByTestId('template-import-file').setInputFiles(bad);
    await expect.poll(() => panel.getByTestId('template-import-status').innerText(), POLL).toBe('This file is not a valid template. Fix these 2 problems and choose it again:');
    expect(await panel.getByTestId('template-import-issues').locator('li').allInnerTexts()).toEqual(['frame 1, title: title must not be empty', 'step 1, frame: no frame has the key "nowhere"']);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(facilitator, 'templates-import-errors');
    expect(await axeViolations(facilitator, '[data-testid="templates-panel"]', ['label', 'select-name'])).toEqual([]);
  });

  it('screenshots a board made from each shipped template', async () => {
    const { server } = suite;
    const context = await suite.person('Fatima');
    for (const template of shippedTemplates()) {
      const response = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: template.name, template: template.id }) });
      const board = CreateBoardResponseSchema.parse(await response.json());
      const page = await openBoard(context, board.links.facilitator);
      await expect.poll(async () => Object.values(await pageObjects(page)).filter((object) => object.type === 'frame').length, POLL).toBe(template.frames.length);
      // Fitted once on first sync (BoardPage); fit again now that every frame has been drawn.
      await page.evaluate(() => window.__clapboard!.zoomToFit());
      await waitForReady(page);
      await screenshot(page, `template-${template.id}`);
      await page.close();
    }
  });
});
