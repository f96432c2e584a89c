import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getAnswersMap, getObjectMap, getTranslationsMap, insertObject, roomName, translationKey, type TranslationRecord } from '@clapboard/shared';
import {
  FINDINGS_CSV_COLUMNS,
  FINDINGS_LANGUAGES,
  buildFindings,
  findingsLabels,
  findingsLocale,
  findingsToCsv,
  findingsToJson,
  findingsToMarkdown,
  pickFindingsLanguage,
  type PluralCategory,
} from '@clapboard/shared/findings';
import { runFindingsCli } from '../../server/src/findings/cli.ts';
import { findingsToDocx } from '../../server/src/findings/renderDocx.ts';
import { TRANSLATION_ORIGIN } from '../../server/src/translations/TranslationService.ts';
import { connectSynced, type Client } from '../support/clients.ts';
import { postJson } from '../support/postJson.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { englishBoard } from './fixtures.ts';

const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/findings.schema.json');

/** A translation as the server's TranslationService writes it: one entry of the content document's `translations` root. */
function writeTranslation(doc: Y.Doc, { kind, targetId, lang, text }: TranslationRecord): void {
  const entry = new Y.Map<unknown>();
  getTranslationsMap(doc).set(translationKey(kind, targetId, lang), entry);
  entry.set('kind', kind);
  entry.set('targetId', targetId);
  entry.set('lang', lang);
  entry.set('text', text);
}

function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((match) => match[0]);
}

/** Every key path of a label set, functions as leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('findings labels, in every language the interface ships', () => {
  it('has every label English has, and no other (tsc checks the same through `satisfies FindingsLabels`)', () => {
    const english = keyPaths(findingsLabels('en')).filter((key) => !key.startsWith('counts.'));
    for (const lang of FINDINGS_LANGUAGES) {
      const labels = findingsLabels(lang);
      expect(keyPaths(labels).filter((key) => !key.startsWith('counts.')), lang).toEqual(english);
      for (const [key, value] of Object.entries(labels)) {
        if (typeof value === 'string') expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('gives each counted word every plural form the language uses, with the number in Western digits', () => {
    for (const lang of FINDINGS_LANGUAGES) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as PluralCategory[];
      for (const [word, forms] of Object.entries(findingsLabels(lang).counts)) {
        for (const category of categories) expect(forms, `${lang} ${word} ${category}`).toHaveProperty(category);
      }
      for (const n of [0, 3, 11, 25, 100, 1_000_000]) expect(findingsLocale(lang).count('note', n), `${lang} ${n}`).toContain(String(n));
    }
    expect(findingsLocale('uk').count('note', 5)).toBe('5 нотаток');
    expect(findingsLocale('uk').count('note', 22)).toBe('22 нотатки');
    expect(findingsLocale('ar').count('answer', 2)).toBe('إجابتان');
    expect(findingsLocale('ar').count('answer', 7)).toBe('7 إجابات');
    expect(findingsLocale('fr').count('dot', 0)).toBe('0 point');
  });

  it('writes days as the language does, with Intl.DateTimeFormat', () => {
    expect(findingsLocale('en').day('2027-06-30')).toBe('30 June 2027');
    expect(findingsLocale('fr').day('2027-06-30')).toBe(new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2027-06-30T00:00:00Z')));
    expect(findingsLocale('ar').day('2027-06-30')).toContain('2027');
    // Persian and Pashto count years in the solar calendar; Pashto's era ("AP") is left out.
    expect(findingsLocale('fa').day('2027-06-30')).toContain('۱۴۰۶');
    expect(findingsLocale('ps').day('2027-06-30')).not.toMatch(/[A-Za-z]/);
    expect(findingsLocale('uk').day('not a day')).toBe('not a day');
  });

  it('picks the language from Accept-Language: by q, base language, aliases; English otherwise', () => {
    expect(pickFindingsLanguage('fa-IR,fa;q=0.9,en;q=0.5')).toBe('fa');
    expect(pickFindingsLanguage('prs')).toBe('fa');
    expect(pickFindingsLanguage('pbt-AF, en;q=0.1')).toBe('ps');
    expect(pickFindingsLanguage('pbu')).toBe('ps');
    expect(pickFindingsLanguage('de-DE, fr;q=0.8, ar;q=0.9')).toBe('ar');
    expect(pickFindingsLanguage('uk;q=0, fr-CA')).toBe('fr');
    expect(pickFindingsLanguage('UK-ua')).toBe('uk');
    expect(pickFindingsLanguage(['de', 'ps;q=0.3'])).toBe('ps');
    for (const header of [undefined, '', '*', 'de, it', 'xx-YY', ';q=1', 'ar;q=nope']) expect(pickFindingsLanguage(header), String(header)).toBe('en');
  });
});

describe('findings with translations, built from a fixture board', () => {
  const board = () => {
    const fixture = englishBoard();
    fixture.content.transact(() => {
      writeTranslation(fixture.content, { kind: 'object', targetId: 'noteA', lang: 'fa', text: 'مترجم‌ها در میز مشاوره همه چیز را عوض کردند' });
      writeTranslation(fixture.content, { kind: 'object', targetId: 'noteA', lang: 'ar', text: 'المترجمون في مكتب المشورة صنعوا الفرق كله' });
      writeTranslation(fixture.content, { kind: 'answer', targetId: 'ans00000000000001', lang: 'uk', text: 'Перекладач, який передзвонює протягом тижня' });
      // A translation written before the answer was hidden: it goes with the answer's words.
      writeTranslation(fixture.content, { kind: 'answer', targetId: 'ans00000000000003', lang: 'ar', text: 'Words of a hidden answer' });
      writeTranslation(fixture.content, { kind: 'prompt', targetId: 'rnd0000000000001', lang: 'ps', text: 'څه به مشوره اسانه کړي؟' });
      getObjectMap(fixture.content, 'noteG')!.set('lang', 'en-GB');
      getObjectMap(fixture.content, 'noteB')!.set('lang', 'not a language tag!');
    });
    return fixture;
  };

  it('carries each translation beside its original, by language, and never a hidden answer’s', () => {
    const findings = buildFindings(board());
    const note = (id: string) => findings.notes.find((entry) => entry.id === id)!;
    expect(note('noteA').text).toBe('Interpreters at the advice desk made all the difference');
    expect(note('noteA').translations.map((translation) => translation.lang)).toEqual(['ar', 'fa']);
    expect(note('ans00000000000001').translations).toEqual([{ lang: 'uk', text: 'Перекладач, який передзвонює протягом тижня' }]);
    expect(note('ans00000000000003').translations).toEqual([]);
    const [round] = findings.rounds;
    expect(round!.answers.find((answer) => answer.noteId === 'ans00000000000001')!.translations).toEqual(note('ans00000000000001').translations);
    expect(round!.translations.map((translation) => translation.lang)).toEqual(['ar', 'fa']);
    expect(round!.promptTranslations).toEqual([{ lang: 'ps', text: 'څه به مشوره اسانه کړي؟' }]);
    expect(findingsToJson(findings)).not.toContain('Words of a hidden answer');
    expect(findingsToMarkdown(findings, { lang: 'ar' })).not.toContain('Words of a hidden answer');
  });

  it('reads a plain note’s language from its record when it is a language tag', () => {
    const findings = buildFindings(board());
    expect(findings.notes.find((note) => note.id === 'noteG')!.lang).toBe('en-GB');
    expect(findings.notes.find((note) => note.id === 'noteB')!.lang).toBeNull();
  });

  it('gives the same bytes for the same board and language, and JSON and CSV the same in every language', () => {
    const findings = buildFindings(board());
    for (const lang of FINDINGS_LANGUAGES) expect(findingsToMarkdown(buildFindings(board()), { lang })).toBe(findingsToMarkdown(findings, { lang }));
    expect(findingsToMarkdown(findings)).toBe(findingsToMarkdown(findings, { lang: 'en' }));
    expect(findingsToCsv(buildFindings(board()))).toBe(findingsToCsv(findings));
  });

  it('lays an Arabic, Persian or Pashto DOCX out right to left, with the document’s language set; others left to right', async () => {
    const findings = buildFindings(board());
    for (const lang of FINDINGS_LANGUAGES) {
      const parts = unzipSync(await findingsToDocx(findings, { generatedOn: '2026-12-20', lang }));
      const paragraphs = paragraphsOf(strFromU8(parts['word/document.xml']!));
      const styles = strFromU8(parts['word/styles.xml']!);
      const labels = findingsLabels(lang);
      const heading = paragraphs.find((paragraph) => paragraph.includes(`>${labels.participation.heading}<`))!;
      expect(heading, lang).toBeDefined();
      expect(styles, lang).toContain(`w:val="${labels.docxLanguage}"`);
      if (labels.direction === 'rtl') {
        expect(paragraphs.every((paragraph) => paragraph.includes('<w:bidi/>')), lang).toBe(true);
        expect(heading).toContain('<w:rtl/>');
        expect(styles).toContain(`w:bidi="${labels.docxLanguage}"`);
      } else {
        expect(heading, lang).not.toContain('<w:bidi/>');
        // People's Arabic words are still right to left in a left-to-right report.
        expect(paragraphs.find((paragraph) => paragraph.includes('المترجمون في مكتب المشورة'))!, lang).toContain('<w:bidi/>');
      }
    }
  });
});

async function getFindings(server: TestServer, board: CreatedBoard, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/boards/${board.id}/findings?${query}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}`, ...headers } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('GET /api/boards/:id/findings in the reader’s language, on a real server', () => {
  let server: TestServer;
  let board: CreatedBoard;
  let person: Client;
  const receipts: string[] = [];
  let answerId: string;
  let roundId: string;
  let noteId: string;
  const NOTE_TRANSLATION = 'ملاحظة عادية مترجمة إلى العربية';
  const ANSWER_TRANSLATION = 'إجابة من هاتف، مترجمة';
  const PROMPT_TRANSLATION = 'چه چیزی کمک می‌کند؟';

  beforeAll(async () => {
    // Many exports in a minute: more than the default RATE_EXPORTS_PER_MINUTE.
    server = await startTestServer({ env: { RATE_EXPORTS_PER_MINUTE: '1000' } });
    board = await server.createBoard('Advice café');
    person = await connectSynced(server.syncUrl, roomName(board.id, 'content'), board.tokens.participant);
    person.provider.awareness.setLocalStateField('user', { name: 'Amina Yusuf', color: '#123456' });
    person.doc.transact(() => {
      noteId = insertObject(person.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: 'Ordinary note' });
    });
    const round = await postJson(server.url, `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { prompt: 'What would help?', k: 2 });
    expect(round.status).toBe(201);
    roundId = round.body.roundId as string;
    for (const body of [{ text: 'Answer from a phone', lang: 'en' }, { text: 'Another answer' }]) {
      const answer = await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/answers`, board.tokens.participant, body);
      expect(answer.status).toBe(201);
      receipts.push(answer.body.receipt);
    }
    expect((await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/reveal`, board.tokens.facilitator)).status).toBe(200);
    const content = { boardId: board.id, doc: 'content' } as const;
    await waitFor(() => {
      const room = server.app.rooms.get(content);
      if (!room || !getObjectMap(room.doc, noteId) || getAnswersMap(room.doc).size !== 2) throw new Error('board not complete yet');
    });
    // Translations as the server writes them: by its own Yjs client, in its room, an answer by its answerId alone.
    await server.app.rooms.withRoom(content, async (room) => {
      answerId = [...getAnswersMap(room.doc).entries()].find(([, words]) => (words as Y.Map<unknown>).get('text') === 'Answer from a phone')![0];
      await room.transactDurably(() => {
        writeTranslation(room.doc, { kind: 'object', targetId: noteId, lang: 'ar', text: NOTE_TRANSLATION });
        writeTranslation(room.doc, { kind: 'answer', targetId: answerId, lang: 'ar', text: ANSWER_TRANSLATION });
        writeTranslation(room.doc, { kind: 'prompt', targetId: roundId, lang: 'fa', text: PROMPT_TRANSLATION });
      }, TRANSLATION_ORIGIN);
    });
  });

  afterAll(async () => {
    person?.destroy();
    await server?.close();
  });

  it('writes the Markdown in Arabic for lang=ar, saying so in Content-Language; people’s words as written', async () => {
    const response = await getFindings(server, board, 'format=md&lang=ar');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('ar');
    const md = text(response.bytes);
    const ar = findingsLabels('ar');
    for (const heading of [ar.about.heading, ar.participation.heading, ar.themes.heading, ar.rounds.heading, ar.unthemed.heading, ar.frames.heading]) expect(md).toContain(`\n## ${heading}\n`);
    expect(md).toContain(ar.intro);
    expect(md).not.toContain('## Participation');
    expect(md).toContain('Ordinary note');
    expect(md).toContain('### What would help?');
  });

  it('picks the language from Accept-Language when there is no lang, English when none we write in', async () => {
    const persian = await getFindings(server, board, 'format=md', { 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.5' });
    expect(persian.status).toBe(200);
    expect(persian.headers.get('content-language')).toBe('fa');
    expect(persian.headers.get('vary')?.toLowerCase()).toContain('accept-language');
    expect(text(persian.bytes)).toContain(`\n## ${findingsLabels('fa').participation.heading}\n`);
    const dari = await getFindings(server, board, 'format=md', { 'accept-language': 'prs' });
    expect(dari.headers.get('content-language')).toBe('fa');
    expect(text(dari.bytes)).toBe(text(persian.bytes));
    const german = await getFindings(server, board, 'format=md', { 'accept-language': 'de-DE,de;q=0.9' });
    expect(german.headers.get('content-language')).toBe('en');
    expect(text(german.bytes)).toContain('\n## Participation\n');
    // lang wins over the header.
    const explicit = await getFindings(server, board, 'format=md&lang=uk', { 'accept-language': 'fa' });
    expect(explicit.headers.get('content-language')).toBe('uk');
    expect(text(explicit.bytes)).toContain(`\n## ${findingsLabels('uk').participation.heading}\n`);
  });

  it('refuses a language it does not write in (400, zod’s message)', async () => {
    for (const query of ['format=md&lang=xx', 'format=json&lang=AR', 'format=md&lang=ar&lang=fa', 'format=docx&lang=']) {
      const response = await getFindings(server, board, query);
      expect(response.status, query).toBe(400);
      const body = JSON.parse(text(response.bytes));
      expect(body.code).toBe('BAD_REQUEST');
      expect(body.message ?? body.error ?? JSON.stringify(body)).toContain('lang');
    }
    expect(JSON.parse(text((await getFindings(server, board, 'format=md&lang=xx')).bytes)).message).toContain('lang must be one of en, ar, fa, ps, uk, fr');
  });

  it('carries the translations beside their originals in JSON (valid against the schema), the same in every language', async () => {
    const responses = await Promise.all(['format=json', 'format=json&lang=ar', 'format=json&lang=fr'].map((query) => getFindings(server, board, query)));
    expect(new Set(responses.map((response) => text(response.bytes))).size).toBe(1);
    const findings = JSON.parse(text(responses[0]!.bytes));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
    expect(validate(findings), JSON.stringify(validate.errors)).toBe(true);
    const note = findings.notes.find((entry: { id: string }) => entry.id === noteId);
    expect(note).toMatchObject({ text: 'Ordinary note', translations: [{ lang: 'ar', text: NOTE_TRANSLATION }] });
    const answer = findings.notes.find((entry: { text: string }) => entry.text === 'Answer from a phone');
    expect(answer).toMatchObject({ text: 'Answer from a phone', lang: 'en', translations: [{ lang: 'ar', text: ANSWER_TRANSLATION }] });
    const round = findings.rounds.find((entry: { id: string }) => entry.id === roundId);
    expect(round).toMatchObject({ prompt: 'What would help?', translations: [], promptTranslations: [{ lang: 'fa', text: PROMPT_TRANSLATION }] });
    expect(round.answers.find((entry: { text: string }) => entry.text === 'Answer from a phone')).toMatchObject({ translations: [{ lang: 'ar', text: ANSWER_TRANSLATION }] });
    expect(round.answers.find((entry: { text: string }) => entry.text === 'Another answer')).toMatchObject({ translations: [] });
  });

  it('shows each translation under its original in the Markdown', async () => {
    const lines = text((await getFindings(server, board, 'format=md&lang=en')).bytes).split('\n');
    const under = (original: string) => lines[lines.findIndex((line) => line.startsWith(original)) + 1];
    expect(under('- Ordinary note —')).toBe(`  - *(ar) ${NOTE_TRANSLATION}*`);
    expect(under('- Answer from a phone (en)')).toBe(`  - *(ar) ${ANSWER_TRANSLATION}*`);
    expect(lines).toContain(`- *(fa) ${PROMPT_TRANSLATION}*`);
  });

  it('puts the translations in the CSV’s last column, with English column names in every language', async () => {
    const csv = text((await getFindings(server, board, 'format=csv&lang=ar')).bytes);
    expect(csv).toBe(text((await getFindings(server, board, 'format=csv')).bytes));
    const rows = parse(csv, { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...FINDINGS_CSV_COLUMNS]);
    expect(FINDINGS_CSV_COLUMNS.at(-1)).toBe('translations');
    expect(rows.find((row) => row.id === noteId)).toMatchObject({ text: 'Ordinary note', translations: `ar: ${NOTE_TRANSLATION}` });
    expect(rows.find((row) => row.text === 'Answer from a phone')).toMatchObject({ kind: 'answer', translations: `ar: ${ANSWER_TRANSLATION}` });
    expect(rows.find((row) => row.text === 'Another answer')).toMatchObject({ translations: '' });
  });

  it('gives a right-to-left DOCX for lang=ar, with the translations in it', async () => {
    const response = await getFindings(server, board, 'format=docx&lang=ar');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('ar');
    const xml = strFromU8(unzipSync(response.bytes)['word/document.xml']!);
    expect(xml).toContain('<w:bidi/>');
    const paragraphs = paragraphsOf(xml);
    expect(paragraphs.every((paragraph) => paragraph.includes('<w:bidi/>'))).toBe(true);
    expect(paragraphs.find((paragraph) => paragraph.includes(`>${findingsLabels('ar').participation.heading}<`))).toContain('<w:rtl/>');
    for (const words of ['Ordinary note', NOTE_TRANSLATION, ANSWER_TRANSLATION, PROMPT_TRANSLATION]) expect(xml).toContain(words);
    const english = strFromU8(unzipSync((await getFindings(server, board, 'format=docx&lang=en')).bytes)['word/document.xml']!);
    expect(paragraphsOf(english).find((paragraph) => paragraph.includes('>Participation<'))).not.toContain('<w:bidi/>');
  });

  it('names nobody in any language: no names, receipts, client ids or tokens', async () => {
    const secrets = ['Amina Yusuf', ...receipts, String(person.doc.clientID), board.tokens.facilitator, board.tokens.participant, board.tokens.observer];
    for (const lang of FINDINGS_LANGUAGES) {
      for (const format of ['md', 'docx', 'csv', 'json']) {
        const response = await getFindings(server, board, `format=${format}&lang=${lang}`);
        expect(response.status).toBe(200);
        const searchable = format === 'docx' ? Object.values(unzipSync(response.bytes)).map((part) => strFromU8(part)).join('\n') : text(response.bytes);
        expect(searchable, `${lang} ${format}`).toContain(format === 'docx' || format === 'md' ? 'Ordinary note' : NOTE_TRANSLATION);
        for (const secret of secrets) expect(searchable.includes(secret), `${lang} ${format} must not contain ${secret}`).toBe(false);
      }
    }
  });
});

describe('the command line’s --lang', () => {
  let dataDir: string;
  let board: CreatedBoard;

  beforeAll(async () => {
    const server = await startTestServer();
    dataDir = server.dataDir;
    board = await server.createBoard('Command line board');
    const person = await connectSynced(server.syncUrl, roomName(board.id, 'content'), board.tokens.participant);
    person.doc.transact(() => insertObject(person.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'teal', text: 'Stored note' }));
    await waitFor(async () => {
      if (!text((await getFindings(server, board, 'format=md')).bytes).includes('Stored note')) throw new Error('note not stored yet');
    });
    person.destroy();
    await server.close();
  });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('writes the report in that language, English by default, and refuses an unknown one', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-findings-lang-'));
    const run = async (args: string[]) => {
      const file = path.join(out, `${args.join('-') || 'default'}.md`);
      const result = await runFindingsCli(['--data-dir', dataDir, '--board', board.id, '--format', 'md', '--out', file, ...args]);
      return { ...result, md: result.code === 0 ? fs.readFileSync(file, 'utf8') : '' };
    };
    const pashto = await run(['--lang', 'ps']);
    expect(pashto.code).toBe(0);
    expect(pashto.md).toContain(`\n## ${findingsLabels('ps').participation.heading}\n`);
    expect(pashto.md).toContain('Stored note');
    const english = await run([]);
    expect(english.md).toContain('\n## Participation\n');
    expect(english.md).toBe((await run(['--lang', 'en'])).md);
    const unknown = await run(['--lang', 'xx']);
    expect(unknown.code).toBe(2);
    expect(unknown.message).toContain('lang must be one of en, ar, fa, ps, uk, fr');
    fs.rmSync(out, { recursive: true, force: true });
  });
});
