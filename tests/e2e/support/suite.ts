import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { launchBrowser, newPersonContext, openBoard, type Device } from './browser.ts';

export interface BrowserSuite {
  /** The real server for this file, on port 0. Valid inside tests. */
  readonly server: TestServer;
  /** Debian's Chromium, one per file. Valid inside tests. */
  readonly browser: Browser;
  /** A fresh context (one person, on a desktop or a phone) that is closed when the file's tests end. */
  person(displayName?: string, device?: Device): Promise<BrowserContext>;
  /** A person's context with `link` open and ready. */
  openAs(displayName: string, link: string, device?: Device): Promise<Page>;
}

/**
 * One real server and one browser per test file, and every context a test
 * opened closed afterwards. Call at the top of a `describe`.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
  });

  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error('useBrowserSuite: the server is only available inside tests');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('useBrowserSuite: the browser is only available inside tests');
      return browser;
    },
    async person(displayName, device) {
      const context = await newPersonContext(suite.browser, displayName, device);
      contexts.push(context);
      return context;
    },
    async openAs(displayName, link, device) {
      return openBoard(await suite.person(displayName, device), link);
    },
  };
  return suite;
}
