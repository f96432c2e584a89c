/**
 * An interpreter translates a note beside the original (issue #12): the
 * translation is sent to the server, which writes it; a reader in that
 * language sees it under the original in the outline, with its own `lang`,
 * and the note keeps its author and its words.
 */
import { describe, expect, it } from 'vitest';
import { getObjectMap, parseBoardLink } from '@clapboard/shared';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/browser.ts';
import { clickObject, seedNote, seededBoard, showHome } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;
const ARABIC = 'نحتاج إلى مترجم في مواعيد الطبيب';
const ENGLISH = 'We need an interpreter at doctor’s appointments';

describe('interpreters', () => {
  const suite = useBrowserSuite();

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
