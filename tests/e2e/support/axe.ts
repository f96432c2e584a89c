import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_SOURCE = fs.readFileSync(AXE_PATH, 'utf8');
/** WCAG 2.2 A and AA, the level the product promises. */
export const WCAG_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core's WCAG 2.2 A/AA violations on the page, or inside the elements
 * matching `selector`. `mustPass` guards the check itself: rules that must
 * have found something to pass, since a selector that matched nothing
 * passes with no violations. `tags`: other rule sets (axe's "best-practice") instead of WCAG's.
 */
export async function axeViolations(page: Page, selector?: string, mustPass: readonly string[] = [], tags: readonly string[] = WCAG_TAGS): Promise<Violation[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy (script-src 'self') refuses inline scripts, and rightly.
  await page.evaluate(AXE_SOURCE);
  const { violations, passes } = await page.evaluate(
    async ([tags, selector]) => {
      type Rule = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
      const result = await axe.run(selector ? { include: [selector] } : document, { runOnly: { type: 'tag', values: tags } });
      return {
        violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })),
        passes: result.passes.map((rule) => rule.id),
      };
    },
    [tags, selector ?? null] as const,
  );
  expect(passes).toEqual(expect.arrayContaining([...mustPass]));
  return violations;
}
