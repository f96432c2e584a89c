/**
 * Looks at the findings reports as a reader would (issue #10): the English
 * and Arabic fixture boards' Markdown rendered to HTML and screenshotted in
 * Chromium, and their DOCX turned into PDF pages by LibreOffice (headless)
 * and into PNGs by pdftoppm. Run: `npx -y pnpm@10 preview:findings`.
 * Writes artifacts/findings/ and artifacts/screenshots/findings-*.png.
 * LibreOffice and poppler-utils are not project dependencies
 * (`apt-get install -y libreoffice-writer-nogui poppler-utils`); without
 * them the DOCX pages are skipped, and the script says so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { marked } from 'marked';
import { buildFindings, findingsToMarkdown, type FindingsLanguage } from '@clapboard/shared/findings';
import { findingsToDocx } from '../../server/src/findings/renderDocx.ts';
import { launchBrowser, REPO_ROOT, SCREENSHOT_DIR } from '../e2e/support/browser.ts';
import { arabicBoard, englishBoard } from '../findings/fixtures.ts';

const OUT_DIR = path.join(REPO_ROOT, 'artifacts', 'findings');
const BOARDS: ReadonlyArray<{ name: string; lang: FindingsLanguage; build: typeof englishBoard }> = [
  { name: 'english', lang: 'en', build: englishBoard },
  { name: 'arabic', lang: 'ar', build: arabicBoard },
];

function has(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browser = await launchBrowser();
  const rows: string[][] = [];
  try {
    for (const { name, lang, build } of BOARDS) {
      const findings = buildFindings(build());
      const markdown = findingsToMarkdown(findings, { lang });
      fs.writeFileSync(path.join(OUT_DIR, `${name}.md`), markdown);
      const dir = lang === 'ar' ? 'rtl' : 'ltr';
      const html = `<!doctype html><html lang="${lang}" dir="${dir}"><meta charset="utf-8"><style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5;padding:0 1rem}blockquote{border-inline-start:4px solid #1565c0;margin-inline:0;padding-inline:1rem;color:#333}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:0.25rem 0.5rem}</style><body>${await marked.parse(markdown)}</body></html>`;
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      await page.setContent(html);
      const mdShot = path.join(SCREENSHOT_DIR, `findings-md-${name}.png`);
      await page.screenshot({ path: mdShot, fullPage: true });
      await page.close();

      const docxPath = path.join(OUT_DIR, `${name}.docx`);
      fs.writeFileSync(docxPath, await findingsToDocx(findings, { generatedOn: '2026-12-02', lang }));
      let pages = 'skipped (no soffice or pdftoppm)';
      if (has('soffice') && has('pdftoppm')) {
        const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
        execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT_DIR, docxPath], { stdio: 'ignore', timeout: 120_000 });
        fs.rmSync(profile, { recursive: true, force: true });
        const prefix = path.join(SCREENSHOT_DIR, `findings-docx-${name}`);
        execFileSync('pdftoppm', ['-png', '-r', '60', path.join(OUT_DIR, `${name}.pdf`), prefix]);
        const made = fs.readdirSync(SCREENSHOT_DIR).filter((file) => file.startsWith(`findings-docx-${name}-`));
        pages = `${made.length} pages → ${path.relative(REPO_ROOT, prefix)}-N.png`;
      }
      rows.push([name, `${Buffer.byteLength(markdown)} bytes`, path.relative(REPO_ROOT, mdShot), pages]);
    }
  } finally {
    await browser.close();
  }
  console.log('| board | Markdown | rendered | DOCX pages |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

await main();
