/**
 * Helpers for the accessibility sweep (issue #12, tests/e2e/a11y-sweep-*):
 * a person whose interface is in a chosen language, axe-core's results
 * counted by impact and kept for a summary, the checks on focus and width,
 * and one workshop board with something in every state a participant meets.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { MAIN_TIMER, STEP_SETTING, addAction, createTheme, getObjectMap, getSettingsMap, getThemesMap, getTimersMap, insertObject, todayDate, type CreateBoardRequest } from '@clapboard/shared';
import { postJson } from '../../support/postJson.ts';
import { createBoardWith, type CreatedBoard } from '../../support/server.ts';
import { axeViolations, type Violation } from './axe.ts';
import { waitFor } from './browser.ts';
import type { BrowserSuite } from './suite.ts';
import { connectNodeClient, countObjects, waitForServerDoc } from './yclient.ts';

export type SweepLanguage = 'en' | 'ar';
export const SWEEP_LANGUAGES: readonly SweepLanguage[] = ['en', 'ar'];

/** localStorage key the client reads the picked interface language from (client/src/i18n/index.ts). */
export const LANGUAGE_KEY = 'clapboard.language';

/** The desktop the sweep checks: a common laptop screen. */
export const DESKTOP_1440 = { width: 1440, height: 900 } as const;
/** The narrowest width WCAG 1.4.10 (reflow) asks for. */
export const NARROW_320 = { width: 320, height: 720 } as const;

export type Device = 'desktop' | 'phone';

/**
 * A person whose interface is in `language`: chosen in this browser before
 * (the picker's remembered choice), so the first render is already in it.
 */
export async function personIn(suite: BrowserSuite, language: SweepLanguage, displayName: string, device: Device = 'desktop'): Promise<BrowserContext> {
  const context = await suite.person(displayName, device);
  await context.addInitScript(
    ([key, value]) => {
      try {
        window.localStorage.setItem(key, value);
      } catch {
        // No storage on opaque origins.
      }
    },
    [LANGUAGE_KEY, language] as const,
  );
  return context;
}

export async function documentLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/** `<html lang dir>` as the language wants it: `dir="rtl" lang="ar"` for Arabic. */
export async function expectDocumentLanguage(page: Page, language: SweepLanguage): Promise<void> {
  await expect
    .poll(() => documentLanguage(page), { timeout: 10_000, interval: 50 })
    .toEqual({ lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });
}

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
const IMPACTS: readonly Impact[] = ['critical', 'serious', 'moderate', 'minor'];
export type ImpactCounts = Record<Impact, number>;

/** Every axe run of the file: page × language → WCAG 2.2 A/AA violations by impact, for the summary printed at the end. */
export const axeResults = new Map<string, ImpactCounts>();
/** The same pages under axe's best-practice rules (not WCAG; reported, never failed on). */
export const bestPracticeResults = new Map<string, { counts: ImpactCounts; rules: string[] }>();

export function countByImpact(violations: readonly Violation[]): ImpactCounts {
  const counts: ImpactCounts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const violation of violations) {
    const impact = (violation.impact ?? 'minor') as Impact;
    if (IMPACTS.includes(impact)) counts[impact] += 1;
  }
  return counts;
}

export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `  ${v.id} [${v.impact}] ${v.help}\n${v.targets.map((target) => `      at ${target}`).join('\n')}`).join('\n');
}

/**
 * Rules that must have found something to pass on a whole page, so a page
 * that did not render cannot pass by being empty. A part of a page is
 * checked to exist instead (it is scrolled into view), and its contrast by
 * `contrastIssues` as well: axe judges none in Arabic or in a modal dialog.
 */
export const PAGE_MUST_PASS = ['html-has-lang', 'html-lang-valid', 'document-title', 'color-contrast'] as const;

/**
 * axe-core's WCAG 2.2 A/AA rules on the page (or inside `selector`):
 * records the counts under `label`, prints anything it found, and fails on
 * any serious or critical violation with each rule id, impact and target.
 * A whole page is also run under best-practice rules, for the record only.
 */
export async function expectNoSeriousViolations(page: Page, label: string, options: { selector?: string; mustPass?: readonly string[] } = {}): Promise<ImpactCounts> {
  const mustPass = options.mustPass ?? (options.selector ? [] : PAGE_MUST_PASS);
  // In sight first: axe cannot judge the contrast of text scrolled out of view (it reports it as "incomplete").
  if (options.selector) await page.locator(options.selector).first().scrollIntoViewIfNeeded();
  const violations = await axeViolations(page, options.selector, mustPass);
  const counts = countByImpact(violations);
  axeResults.set(label, counts);
  if (violations.length > 0) console.log(`axe ${label}:\n${describeViolations(violations)}`);
  if (!options.selector) {
    const advice = await axeViolations(page, undefined, [], ['best-practice']);
    bestPracticeResults.set(label, { counts: countByImpact(advice), rules: advice.map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`) });
  }
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking, `serious or critical axe violations on ${label}:\n${describeViolations(blocking)}`).toEqual([]);
  // Contrast where axe could not judge it (Arabic text, modal dialogs): colour-contrast is a serious rule.
  const contrast = await contrastIssues(page, options.selector);
  expect(contrast.checked, `texts whose contrast was worked out on ${label}`).toBeGreaterThan(0);
  expect(contrast.issues, `text below WCAG 1.4.3 contrast on ${label}`).toEqual([]);
  return counts;
}

/** A text whose colour is too close to its background's, by WCAG 1.4.3's ratio. */
export interface ContrastIssue {
  element: string;
  text: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
}

/**
 * WCAG 1.4.3 contrast, worked out in the page for what axe-core leaves
 * unjudged: it skips Arabic text as "icon ligatures" (its test for an icon
 * font is that a word draws narrower than its letters, which joined Arabic
 * script always does), and cannot see the background of a modal dialog in
 * the top layer ("overlapped by another element"). Every element with text
 * of its own, visible, not disabled, against the first opaque background
 * among its ancestors (the page's if none); elements over a background
 * image or a canvas are left out, as axe leaves them.
 */
export async function contrastIssues(page: Page, selector?: string): Promise<{ checked: number; issues: ContrastIssue[] }> {
  return page.evaluate((selector) => {
    const parse = (value: string): [number, number, number, number] | null => {
      const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
      return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])] : null;
    };
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const blend = (top: number[], bottom: number[]) => [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
    /** The colour behind `element`: its own and its ancestors' backgrounds, blended down to the first opaque one. */
    const backgroundOf = (element: Element): number[] | null => {
      const layers: number[][] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== 'none' || node.tagName === 'CANVAS') return null;
        const colour = parse(style.backgroundColor);
        if (colour && colour[3] > 0) {
          layers.push(colour);
          if (colour[3] >= 1) break;
        }
        // A modal dialog is drawn over its ::backdrop, not over its DOM ancestors.
        if (node.tagName === 'DIALOG') break;
      }
      let result = [255, 255, 255];
      for (const layer of layers.reverse()) result = blend(layer, result);
      return result;
    };
    const roots = selector ? Array.from(document.querySelectorAll(selector)) : [document.body];
    const issues: { element: string; text: string; ratio: number; needed: number; color: string; background: string }[] = [];
    let checked = 0;
    for (const root of roots) {
      for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
        const own = Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? '').join('').trim();
        if (!own || element.closest('script, style, option, [aria-hidden="true"], :disabled, [aria-disabled="true"]')) continue;
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const style = getComputedStyle(element);
        const colour = parse(style.color);
        const background = backgroundOf(element);
        if (!colour || !background) continue;
        checked += 1;
        const fore = blend(colour, background);
        const [light, dark] = [luminance(fore), luminance(background)].sort((a, b) => b - a) as [number, number];
        const ratio = (light + 0.05) / (dark + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const needed = large ? 3 : 4.5;
        if (ratio + 0.005 < needed) {
          issues.push({
            element: `${element.tagName.toLowerCase()}${element.getAttribute('data-testid') ? `[data-testid="${element.getAttribute('data-testid')}"]` : ''}.${element.className}`,
            text: own.slice(0, 40),
            ratio: Math.round(ratio * 100) / 100,
            needed,
            color: style.color,
            background: `rgb(${background.map(Math.round).join(', ')})`,
          });
        }
      }
    }
    return { checked, issues };
  }, selector ?? null);
}

const formatCounts = (c: ImpactCounts) => `critical ${c.critical}  serious ${c.serious}  moderate ${c.moderate}  minor ${c.minor}`;

/** The summary table of every axe run recorded so far. */
export function printAxeSummary(title: string): void {
  const rows = [...axeResults.entries()].map(([label, counts]) => {
    const advice = bestPracticeResults.get(label);
    return `${label.padEnd(56)} WCAG: ${formatCounts(counts)}${advice ? ` | best-practice: ${formatCounts(advice.counts)}${advice.rules.length ? ` — ${advice.rules.join('; ')}` : ''}` : ''}`;
  });
  console.log(`${title}\n${rows.join('\n')}`);
}

/** Whether the page scrolls sideways: the document wider than the window. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  if (scrollWidth > innerWidth) {
    // Name the culprits: elements whose right or left edge is outside the window.
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > window.innerWidth + 0.5 || box.left < -0.5);
        })
        .slice(0, 8)
        .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className} ${Math.round(element.getBoundingClientRect().left)}..${Math.round(element.getBoundingClientRect().right)}`),
    );
    throw new Error(`${label} scrolls sideways: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}\n${wide.join('\n')}`);
  }
}

export interface FocusState {
  /** Short description of the focused element. */
  element: string;
  testId: string | null;
  visible: boolean;
  outline: string;
  boxShadow: string;
}

/** What has focus, and whether it shows it: a non-none outline or box-shadow on the focused element. */
export async function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { element: 'body', testId: null, visible: false, outline: 'none', boxShadow: 'none' };
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow !== 'none' && style.boxShadow !== '';
    const name = element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 40);
    return {
      element: `<${element.tagName.toLowerCase()}${element.getAttribute('type') ? ` type=${element.getAttribute('type')}` : ''}> ${name}`,
      testId: element.getAttribute('data-testid'),
      visible: outlined || shadowed,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
    };
  });
}

/** Fails unless the focused element shows its focus. */
export async function expectFocusVisible(page: Page, step: string): Promise<FocusState> {
  // Styles follow focus within a frame; poll briefly rather than read once.
  await expect.poll(async () => (await focusState(page)).visible, { timeout: 3_000, interval: 50 }).toBe(true).catch(async () => {
    const state = await focusState(page);
    throw new Error(`${step}: focus is not visible on ${state.element} (outline ${state.outline}, box-shadow ${state.boxShadow})`);
  });
  return focusState(page);
}

/** Every element a `tabTo` walk stopped on, by test, for the report. */
export const tabWalks: string[] = [];

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`,
 * keyboard only. Every element Tab stops on on the way must show its focus
 * (an outline or a box-shadow). Fails if it takes more than `max` presses,
 * naming where focus went, and if focus stops moving (a trap). The canvas
 * is one stop whose Tab moves the selection from object to object before
 * leaving it, so there "moving" is the selection changing.
 */
export async function tabTo(page: Page, selector: string, options: { max?: number; backwards?: boolean; label?: string } = {}): Promise<string[]> {
  const { max = 80, backwards = false } = options;
  const visited: string[] = [];
  let still = 0;
  let previous: string | null = null;
  for (let i = 0; i <= max; i++) {
    const { matches, where, key } = await page.evaluate((selector) => {
      const element = document.activeElement;
      const testId = element?.getAttribute('data-testid');
      const where = element ? `${element.tagName.toLowerCase()}${testId ? `[${testId}]` : ''}${element.id ? `#${element.id}` : ''}` : 'none';
      // On the canvas, Tab moves the selection (announced to others as presence): that is focus moving too.
      const status = testId === 'board-canvas' ? JSON.stringify(window.__clapboard?.awareness.getLocalState()?.selection ?? null) : '';
      return { matches: element?.matches(selector) ?? false, where, key: `${where}|${status}` };
    }, selector);
    if (i > 0 && where !== 'body') {
      const focus = await focusState(page);
      if (!focus.visible) throw new Error(`Tab stopped on ${where} (${focus.element}) with no visible focus (outline ${focus.outline}, box-shadow ${focus.boxShadow}); walked ${visited.join(' → ')}`);
    }
    if (visited[visited.length - 1] !== where) visited.push(where);
    if (matches) {
      tabWalks.push(`${options.label ?? selector}: ${visited.join(' → ')} (${i} presses)`);
      return visited;
    }
    still = key === previous ? still + 1 : 0;
    if (still >= 3 && where !== 'body') throw new Error(`keyboard trap: focus stayed on ${where} for ${still} presses while looking for ${selector}`);
    previous = key;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses; focus went ${visited.join(' → ')}`);
}

/** Board links, with an interpreter's link made through the API. */
export interface SweepBoard {
  board: CreatedBoard;
  interpreter: string;
  roundId: string;
  voteId: string;
  noteIds: string[];
  themeName: string;
  texts: SweepTexts;
}

export interface SweepTexts {
  title: string;
  purpose: string;
  prompt: string;
  notes: string[];
  frame: string;
  theme: string;
  action: string;
}

/** What a workshop writes, in the language of the people in it (mixed-direction text included in Arabic). */
export const SWEEP_TEXTS: Record<SweepLanguage, SweepTexts> = {
  en: {
    title: 'Welcome letter workshop',
    purpose: 'Rewrite the letter people get when they first arrive in the borough.',
    prompt: 'What should the letter say first?',
    notes: ['Where to get a bus pass', 'Which GP to register with', 'Free English classes'],
    frame: 'First week',
    theme: 'Getting around',
    action: 'Add a map of bus routes to the letter',
  },
  ar: {
    title: 'ورشة رسالة الترحيب',
    purpose: 'إعادة كتابة الرسالة التي يتلقاها الناس عند وصولهم إلى المنطقة.',
    prompt: 'ما أول شيء يجب أن تقوله الرسالة؟',
    notes: ['أين أحصل على بطاقة الحافلة', 'أي طبيب (GP) أسجّل عنده', 'دروس إنجليزية مجانية'],
    frame: 'الأسبوع الأول',
    theme: 'التنقل',
    action: 'إضافة خريطة لخطوط الحافلات إلى الرسالة',
  },
};

function statementFor(texts: SweepTexts): NonNullable<CreateBoardRequest['statement']> {
  return {
    purpose: texts.purpose,
    level: 'involve',
    canChange: texts.notes.join(' / '),
    cannotChange: 'Home Office rules / قواعد وزارة الداخلية',
    inputUse: 'The housing team writes the new letter from this board.',
    feedback: 'We bring the draft back to the Thursday drop-in.',
    runBy: 'Housing team with Refugee Welcome',
    deleteOn: todayDate(Date.now() + 60 * 24 * 60 * 60 * 1000),
  };
}

/**
 * A board with an engagement statement, a frame of notes, a theme with an
 * action ("you said, we did"), an interpreter's link, and, when asked, an
 * open round and an open vote (opened through the API, as a facilitator).
 */
export async function sweepBoard(suite: BrowserSuite, language: SweepLanguage, options: { round?: boolean; vote?: boolean } = {}): Promise<SweepBoard> {
  const { server } = suite;
  const texts = SWEEP_TEXTS[language];
  const board = await createBoardWith(server.url, { title: texts.title, statement: statementFor(texts) });
  const facilitator = board.tokens.facilitator;

  const content = await connectNodeClient(server.url, board.links.facilitator);
  const control = await connectNodeClient(server.url, board.links.facilitator, { doc: 'control' });
  const noteIds: string[] = [];
  let themeId = '';
  try {
    content.doc.transact(() => {
      const frameId = insertObject(content.doc, { type: 'frame', x: 0, y: 0, width: 760, height: 300, z: 0, frameId: null, text: texts.frame });
      texts.notes.forEach((text, index) => {
        const id = insertObject(content.doc, { type: 'note', x: 20 + index * 240, y: 60, width: 200, height: 200, z: index + 1, frameId, color: 'yellow', text });
        getObjectMap(content.doc, id)!.set('lang', language);
        noteIds.push(id);
      });
      // In the same transaction: a theme written field by field would be sent as an empty record first, which the server refuses.
      themeId = createTheme(content.doc, { noteIds: [noteIds[0]!], name: texts.theme, description: texts.notes[0]! });
    });
    expect(addAction(control.doc, { themeId, kind: 'will', text: texts.action, owner: 'Housing team', due: '2030-06-30', status: 'in-progress' }, todayDate(Date.now())).ok).toBe(true);
    // A step and a running timer, as the step panel and timer controls set them: the room display shows both.
    control.doc.transact(() => {
      getSettingsMap(control.doc).set(STEP_SETTING, { index: 1, count: 4, title: texts.prompt, prompt: texts.notes[0]! });
      getTimersMap(control.doc).set(MAIN_TIMER, { state: 'running', durationMs: 600_000, remainingMs: 600_000, startedAt: Date.now() });
    });
  } finally {
    content.close();
    control.close();
  }
  // Everything is on the server (a fresh client sees it) before any page opens.
  await waitForServerDoc(server.url, board.links.facilitator, (doc) => countObjects(doc, 'note') === texts.notes.length && getThemesMap(doc).size === 1, { message: 'seeded notes and theme' });
  await waitFor(
    async () =>
      (await fetch(`${server.url}/api/boards/${board.id}/said-did`, { headers: { authorization: `Bearer ${board.tokens.participant}` } }).then((r) => r.json()))
        .themes?.[0]?.actions?.length === 1,
    { timeout: 10_000, message: 'the action on the server' },
  );

  const made = await postJson(server.url, `/api/boards/${board.id}/links`, facilitator, { role: 'interpreter' });
  expect(made.status).toBe(201);
  const sweep: SweepBoard = { board, interpreter: made.body.link as string, roundId: '', voteId: '', noteIds, themeName: texts.theme, texts };
  if (options.round) sweep.roundId = await openRound(suite, sweep);
  if (options.vote) sweep.voteId = await openVote(suite, sweep);
  return sweep;
}

export async function openRound(suite: BrowserSuite, sweep: SweepBoard, k = 2): Promise<string> {
  const made = await postJson(suite.server.url, `/api/boards/${sweep.board.id}/rounds`, sweep.board.tokens.facilitator, { prompt: sweep.texts.prompt, k });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.roundId as string;
}

export async function openVote(suite: BrowserSuite, sweep: SweepBoard, perPerson = 1): Promise<string> {
  const made = await postJson(suite.server.url, `/api/boards/${sweep.board.id}/votes`, sweep.board.tokens.facilitator, { targets: sweep.noteIds, perPerson });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.voteId as string;
}

/** A board route page that may open on the engagement statement first: Join it (by mouse; the keyboard flow has its own test). */
export async function joinIfAsked(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="statement-page"]') !== null || window.__clapboard?.isReady() === true, null, { timeout: 20_000, polling: 50 });
  if ((await page.getByTestId('statement-page').count()) > 0) await page.getByTestId('statement-join').click();
  await page.waitForFunction(() => window.__clapboard?.isReady() === true, null, { timeout: 20_000, polling: 50 });
}
