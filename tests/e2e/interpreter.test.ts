/**
 * An interpreter translates a note beside the original (issue #12): the
 * translation is sent to the server, which writes it; a reader in that
 * language sees it under the original in the outline, with its own `lang`,
 * and the note keeps its author and its words.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { getObjectMap, parseBoardLink } from '@clapboard/shared';
import { axeViolations } from './support/axe.ts';
import { PHONE, VIEWPORT, openBoard, screenshot } from './support/browser.ts';
import { clickObject, seedNote, seededBoard, showHome } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;
const ARABIC = 'نحتاج إلى مترجم في مواعيد الطبيب';
const ENGLISH = 'We need an interpreter at doctor’s appointments';

const PROMPT = 'What would make the clinic easier to use?';
const PROMPT_AR = 'ما الذي يجعل استخدام العيادة أسهل؟';

describe('interpreters', () => {
  const suite = useBrowserSuite();

  /** An interpreter link made from the board's links (POST …/links). */
  const interpreterLink = async (boardId: string, facilitatorToken: string) => {
    const made = await fetch(`${suite.server.url}/api/boards/${boardId}/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${facilitatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'interpreter' }),
    });
    expect(made.status).toBe(201);
    return ((await made.json()) as { link: string }).link;
  };
  /** Someone whose browser reads Arabic, on a laptop or a phone. */
  const arabicReader = async (link: string, device: 'desktop' | 'phone') => {
    const context = await suite.browser.newContext({ ...(device === 'phone' ? PHONE : { viewport: VIEWPORT }), locale: 'ar' });
    contexts.push(context);
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
    return openBoard(context, link);
  };
  const contexts: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
  });

  it('an interpreter translates into a language the interface does not ship; a reader whose browser reads it sees it', async () => {
    const TIGRINYA = 'ኣብ ቆጸራ ሓኪም ተርጓሚ የድልየና';
    const board = await seededBoard(suite.server, 'Health access', (doc) => {
      seedNote(doc, 'note-en', { x: 100, y: 100 }, { text: ENGLISH });
    });
    const interpreter = await suite.openAs('Yonas', await interpreterLink(board.id, board.tokens.facilitator));
    const panel = interpreter.getByTestId('translate-panel');
    await panel.getByTestId('translate-into').selectOption('ti');
    await showHome(interpreter);
    await clickObject(interpreter, 'note-en');
    await expect.poll(() => panel.locator('.translate-original').textContent(), POLL).toBe(ENGLISH);
    expect(await panel.getByTestId('translate-text').getAttribute('lang')).toBe('ti');
    await panel.getByTestId('translate-text').fill(TIGRINYA);
    await panel.getByTestId('translate-save').click();
    await expect.poll(() => panel.getByTestId('translate-status').textContent(), POLL).toMatch(/^Translation saved\./);

    // No Tigrinya interface ships, so this reader's page is in English; the translation still finds them.
    const context = await suite.browser.newContext({ viewport: VIEWPORT, locale: 'ti-ER' });
    contexts.push(context);
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
    const reader = await openBoard(context, board.links.participant);
    expect(await reader.evaluate(() => document.documentElement.lang)).toBe('en');
    const shown = reader.locator('[data-testid="outline-note"] [data-testid="translation"]');
    await expect.poll(() => shown.textContent(), POLL).toBe(`Translation: ${TIGRINYA}`);
    expect(await shown.locator('[lang="ti"]').count()).toBe(1);
    expect(await axeViolations(interpreter)).toEqual([]);
  });

  it('an interpreter translates an open question; a participant reading Arabic sees it in the answer box, the original a tap away', async () => {
    const board = await seededBoard(suite.server, 'Clinic', () => {});
    const opened = await fetch(`${suite.server.url}/api/boards/${board.id}/rounds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: PROMPT }),
    });
    expect(opened.status).toBe(201);
    const interpreter = await arabicReader(await interpreterLink(board.id, board.tokens.facilitator), 'desktop');
    // An interpreter takes part too: the answer box is theirs as well.
    await interpreter.getByTestId('round-answer').waitFor();
    const form = interpreter.getByTestId('translate-prompt');
    await expect.poll(() => form.locator('.translate-original').textContent(), POLL).toBe(PROMPT);
    await form.getByTestId('translate-prompt-text').fill(PROMPT_AR);
    await form.getByTestId('translate-prompt-save').click();
    await expect.poll(() => form.getByTestId('translate-prompt-status').textContent(), POLL).not.toBe('');
    expect(await axeViolations(interpreter)).toEqual([]);

    const participant = await arabicReader(board.links.participant, 'phone');
    const prompt = participant.getByTestId('round-answer').getByTestId('round-prompt');
    await expect.poll(() => prompt.textContent(), POLL).toBe(PROMPT_AR);
    expect(await prompt.getAttribute('lang')).toBe('ar');
    await participant.getByTestId('round-original').locator('summary').click();
    await expect.poll(() => participant.getByTestId('round-original').locator('.round-original-text').textContent(), POLL).toBe(PROMPT);
    expect(await axeViolations(participant)).toEqual([]);
  });

  it('an interpreter translates a note; a reader sees the translation beside the untouched original', async () => {
    const board = await seededBoard(suite.server, 'Health access', (doc) => {
      seedNote(doc, 'note-ar', { x: 100, y: 100 }, { text: ARABIC });
      getObjectMap(doc, 'note-ar')!.set('lang', 'ar');
    });
    const made = await fetch(`${suite.server.url}/api/boards/${board.id}/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'interpreter' }),
    });
    expect(made.status).toBe(201);
    const { link } = (await made.json()) as { link: string };
    expect(parseBoardLink(link)!.token).toBeTruthy();

    const interpreter = await suite.openAs('Yusuf', link);
    expect(await interpreter.getByTestId('role-badge').textContent()).toBe('Interpreter');
    const panel = interpreter.getByTestId('translate-panel');
    await showHome(interpreter);
    await clickObject(interpreter, 'note-ar');
    await expect.poll(() => panel.locator('.translate-original').textContent(), POLL).toBe(ARABIC);
    expect(await panel.locator('.translate-original').getAttribute('lang')).toBe('ar');
    await panel.getByTestId('translate-text').fill(ENGLISH);
    await panel.getByTestId('translate-save').click();
    await expect.poll(() => panel.getByTestId('translate-status').textContent(), POLL).toMatch(/^Translation saved\./);

    const reader = await suite.openAs('Ruth', board.links.participant);
    const shown = reader.locator('[data-testid="outline-note"] [data-testid="translation"]');
    await expect.poll(() => shown.textContent(), POLL).toBe(`Translation: ${ENGLISH}`);
    expect(await shown.locator('[lang="en"]').count()).toBe(1);
    // The original is as its author wrote it, in its own language.
    expect(await reader.locator('[data-testid="outline-note-text"]').inputValue()).toBe(ARABIC);
    expect(await reader.locator('[data-testid="outline-note-text"]').getAttribute('lang')).toBe('ar');
    await expect.poll(() => panel.getByTestId('translation').textContent(), POLL).toBe(`Translation: ${ENGLISH}`);
    await screenshot(interpreter, 'interpreter-translation');
    expect(await axeViolations(interpreter)).toEqual([]);
    expect(await axeViolations(reader)).toEqual([]);
  });
});
