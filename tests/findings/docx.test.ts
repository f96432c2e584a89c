import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildFindings } from '@clapboard/shared/findings';
import { findingsToDocx } from '../../server/src/findings/renderDocx.ts';
import { arabicBoard, englishBoard } from './fixtures.ts';

/** Every XML part of a .docx, by path; throws unless it is a zip. */
function docxParts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels')).map(([name, data]) => [name, strFromU8(data)]));
}

/** The text of document.xml's runs, joined, with XML entities decoded. */
function documentText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1]!)
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('the DOCX export', () => {
  for (const [name, build] of [
    ['english', englishBoard],
    ['arabic', arabicBoard],
  ] as const) {
    it(`${name}: is an Office document whose parts are well-formed XML, holding every theme, quote, action and answer`, async () => {
      const findings = buildFindings(build());
      const bytes = await findingsToDocx(findings, { generatedOn: '2026-12-20' });
      expect(strFromU8(bytes.subarray(0, 2))).toBe('PK');
      const parts = docxParts(bytes);
      expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']));
      for (const [part, xml] of parts) expect(XMLValidator.validate(xml), part).toBe(true);
      const text = documentText(parts.get('word/document.xml')!);
      expect(text).toContain(findings.board.title);
      // The day as the report's language writes it (English: en-GB, long).
      expect(text).toContain('20 December 2026');
      expect(text).toContain(findings.statement!.purpose);
      for (const theme of findings.themes) {
        expect(text).toContain(theme.name);
        for (const quote of theme.quotes) expect(text).toContain(quote.text.split('\n')[0]!);
      }
      for (const action of findings.actions) expect(text).toContain(action.text);
      for (const round of findings.rounds) {
        expect(text).toContain(round.prompt);
        for (const answer of round.answers) expect(text).toContain(answer.hiddenReason ?? answer.text);
        for (const translation of round.translations) expect(text).toContain(translation.prompt);
      }
    });
  }

  it('lays right-to-left text out in bidirectional paragraphs and runs', async () => {
    const xml = docxParts(await findingsToDocx(buildFindings(arabicBoard()), { generatedOn: '2026-12-20' })).get('word/document.xml')!;
    const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((match) => match[0]);
    const arabic = paragraphs.find((paragraph) => paragraph.includes('المترجمون في المكتب ساعدونا كثيرا'))!;
    expect(arabic).toContain('<w:bidi/>');
    expect(arabic).toContain('<w:rtl/>');
    const english = paragraphs.find((paragraph) => paragraph.includes('Participation'))!;
    expect(english).not.toContain('<w:bidi/>');
  });
});
