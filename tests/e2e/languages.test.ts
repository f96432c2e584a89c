/**
 * The interface in the reader's language (issue #12): picked from the
 * browser's languages, switched from the picker on every page, remembered,
 * right-to-left where the language is, and still free of axe-core
 * violations in Arabic. Notes record the language they were written in.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ar } from '../../client/src/i18n/locales/ar.ts';
import { fr } from '../../client/src/i18n/locales/fr.ts';
import { en } from '../../client/src/i18n/locales/en.ts';
import { axeViolations } from './support/axe.ts';
import { PHONE, VIEWPORT, openBoard, screenshot } from './support/browser.ts';
import { pageNotes } from './support/board.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;

describe('interface languages', () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];
  /** A person whose browser prefers `locale` (navigator.languages), on a phone or a desktop. */
  const personPreferring = async (locale: string, device: 'phone' | 'desktop' = 'desktop') => {
    const context = await suite.browser.newContext({ ...(device === 'phone' ? PHONE : { viewport: VIEWPORT }), locale });
    context.setDefaultTimeout(15_000);
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
    contexts.push(context);
    return context;
  };
  const documentLanguage = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

  it('opens in the browser’s first language we ship, right to left for Arabic, with no axe violations', async () => {
    const page = await (await personPreferring('ar-EG', 'phone')).newPage();
    await page.goto(suite.server.url);
    await expect.poll(() => documentLanguage(page), POLL).toEqual({ lang: 'ar', dir: 'rtl' });
    await expect.poll(() => page.locator('label[for="board-title"]').textContent(), POLL).toBe(ar.create.titleLabel);
    expect(await axeViolations(page)).toEqual([]);
    // Dari reads the Persian catalog; a language we do not ship falls back to English.
    const dari = await (await personPreferring('prs-AF')).newPage();
    await dari.goto(suite.server.url);
    await expect.poll(() => documentLanguage(dari), POLL).toEqual({ lang: 'fa', dir: 'rtl' });
    const tigrinya = await (await personPreferring('ti-ER')).newPage();
    await tigrinya.goto(suite.server.url);
    await expect.poll(() => tigrinya.locator('label[for="board-title"]').textContent(), POLL).toBe(en.create.titleLabel);
    expect((await documentLanguage(tigrinya)).dir).toBe('ltr');
  });

  it('switches from the picker, and this browser remembers the choice', async () => {
    const context = await personPreferring('en-GB');
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.getByTestId('language-select').selectOption('fr');
    await expect.poll(() => page.locator('label[for="board-title"]').textContent(), POLL).toBe(fr.create.titleLabel);
    expect(await documentLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.reload();
    await expect.poll(() => documentLanguage(page), POLL).toEqual({ lang: 'fr', dir: 'ltr' });
    // Each catalog is fetched when wanted, not shipped in the first bundle: English needs no Arabic.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));
    expect(scripts.some((name) => /\/fr[-.][^/]*\.js$/.test(name))).toBe(true);
    expect(scripts.some((name) => /\/ar[-.][^/]*\.js$/.test(name))).toBe(false);
  });

  it('an Arabic participant’s board page flips, passes axe, and their notes say they are Arabic', async () => {
    const board = await suite.server.createBoard('ورشة السكن');
    const context = await personPreferring('ar', 'desktop');
    const page = await openBoard(context, board.links.participant);
    await expect.poll(() => documentLanguage(page), POLL).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.getByTestId('role-badge').textContent()).toBe(ar.role.participant);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('board-canvas').focus();
    await page.keyboard.press('n');
    await expect.poll(async () => Object.values(await pageNotes(page)).map((note) => note.lang), POLL).toEqual(['ar']);
    await page.keyboard.press('Enter');
    await page.getByTestId('note-editor').waitFor({ state: 'visible' });
    await page.keyboard.type('نحتاج إلى مترجم في المواعيد');
    await page.keyboard.press('Escape');
    await expect.poll(async () => Object.values(await pageNotes(page)).map((note) => note.text), POLL).toEqual(['نحتاج إلى مترجم في المواعيد']);
    await screenshot(page, 'arabic-board');
    const phone = await openBoard(await personPreferring('ar', 'phone'), board.links.participant);
    await expect.poll(() => documentLanguage(phone), POLL).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await axeViolations(phone)).toEqual([]);
    // On a phone the picker is in the people sheet; switching there flips the page back to left to right.
    await phone.getByTestId('phone-people').tap();
    const sheet = phone.getByTestId('people-sheet');
    expect(await axeViolations(phone, '[data-testid="people-sheet"]')).toEqual([]);
    await sheet.getByTestId('language-select').selectOption('uk');
    await expect.poll(() => documentLanguage(phone), POLL).toEqual({ lang: 'uk', dir: 'ltr' });
  });
});
