import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from './browser.ts';

const CLIENT = join(REPO_ROOT, 'client');

/** Run in a child process: Vite reads NODE_ENV (vitest's is "test"), and a build must be a production one, like the app's. */
const BUILD = `
const [entry, outDir] = process.argv.slice(1);
const { build } = await import(${JSON.stringify(pathToFileURL(join(CLIENT, 'node_modules/vite/dist/node/index.js')).href)});
const { default: react } = await import(${JSON.stringify(pathToFileURL(join(CLIENT, 'node_modules/@vitejs/plugin-react/dist/index.js')).href)});
await build({
  root: ${JSON.stringify(CLIENT)},
  configFile: false,
  logLevel: 'warn',
  plugins: [react()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: { outDir, emptyOutDir: true, minify: false, lib: { entry, formats: ['iife'], name: 'testPage', fileName: () => 'page.js' } },
});
`;

/**
 * Builds one module of the client (a test page under client/src/testing)
 * into a single script with the client's own Vite and React plugin, for
 * pages the app does not have — several canvases on one page. Into a
 * temporary folder: client/dist and the app's build never see it.
 */
export async function buildClientScript(entry: string): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'clapboard-page-'));
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', BUILD, join(CLIENT, entry), outDir], {
      env: { ...process.env, NODE_ENV: 'production' },
      timeout: 120_000,
    });
    return await readFile(join(outDir, 'page.js'), 'utf8');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * A page at a made-up origin (a real origin, unlike about:blank: storage
 * works) whose only content is `script`. Served by the browser context
 * itself, so no server is involved.
 */
export async function openScriptPage(context: BrowserContext, script: string): Promise<Page> {
  const origin = 'http://test-page.invalid';
  await context.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/page.js"></script></head><body></body></html>' });
  });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  return page;
}
