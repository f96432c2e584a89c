import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (`npx playwright install`
 * cannot download browsers here). Override with CLAPBOARD_CHROMIUM.
 */
export const CHROMIUM_PATH = process.env.CLAPBOARD_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Extra flags that let requestAnimationFrame run as fast as the page can
 * draw instead of at the 60 Hz vsync, so rAF deltas measure the real cost of
 * a frame rather than bottoming out at 16.7 ms. Used by the benchmark only.
 */
export const UNCAPPED_FRAME_RATE_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

export const VIEWPORT = { width: 1600, height: 900 } as const;

export type Device = 'desktop' | 'phone';

/** A small phone held upright, with a touch screen: how many participants join. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;

/** localStorage key the client reads the display name from. */
export const DISPLAY_NAME_KEY = 'clapboard.displayName';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'artifacts', 'screenshots');

export async function launchBrowser(options: { uncappedFrameRate?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.uncappedFrameRate ? UNCAPPED_FRAME_RATE_ARGS : [])],
    timeout: 30_000,
  });
}

/**
 * A fresh context (own storage, own BroadcastChannel scope, so two contexts
 * really are two people) with the display name preset in localStorage.
 */
export async function newPersonContext(browser: Browser, displayName?: string, device: Device = 'desktop'): Promise<BrowserContext> {
  const context = await browser.newContext(device === 'phone' ? PHONE : { viewport: VIEWPORT, deviceScaleFactor: 1 });
  context.setDefaultTimeout(15_000);
  // tsx/esbuild (keepNames) wraps named inner functions in `__name(fn, "name")`;
  // functions serialised into the page by evaluate() then need the helper there.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  if (displayName !== undefined) {
    await context.addInitScript(
      ([key, name]) => {
        try {
          window.localStorage.setItem(key, name);
        } catch {
          // about:blank and other opaque origins have no localStorage.
        }
      },
      [DISPLAY_NAME_KEY, displayName] as const,
    );
  }
  return context;
}

/**
 * Page errors and console errors, collected so a failing test can show what
 * the client complained about.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** Opens a board link and waits until the client says it is synced and has drawn. */
export async function openBoard(context: BrowserContext, link: string, timeout = 20_000): Promise<Page> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(link, { waitUntil: 'domcontentloaded', timeout });
  try {
    await waitForReady(page, timeout);
  } catch (error) {
    throw new Error(`board page never became ready (${link}): ${(error as Error).message}\n${errors.join('\n')}`);
  }
  return page;
}

export async function waitForReady(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => window.__clapboard?.isReady() === true, null, { timeout, polling: 50 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Polls `fn` until it returns a truthy value (returned) or `timeout` passes.
 * For synchronisation outside vitest's `expect.poll` (setup, the benchmark).
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  options: { timeout?: number; interval?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const { timeout = 10_000, interval = 50, message = 'condition' } = options;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
