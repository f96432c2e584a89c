import type { Page } from 'playwright-core';

/** Everything a person could read from the page: its text, its markup, both documents and every presence state. */
export async function everythingVisible(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hook = window.__clapboard!;
    return [
      document.body.innerText,
      document.documentElement.outerHTML,
      JSON.stringify(hook.contentDoc.toJSON()),
      JSON.stringify(hook.controlDoc.toJSON()),
      JSON.stringify([...hook.awareness.getStates().values()]),
    ].join('\n');
  });
}
