import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  FINDINGS_CSV_COLUMNS,
  buildFindings,
  findingsCsvRows,
  findingsJsonSchemaText,
  findingsToCsv,
  findingsToJson,
  findingsToMarkdown,
} from '@clapboard/shared/findings';
import { arabicBoard, englishBoard, type FixtureBoard } from './fixtures.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const goldenDir = path.join(here, 'golden');
const schemaFile = path.join(here, '../../docs/findings.schema.json');

const FIXTURES: Record<string, (options?: { history?: 'direct' | 'alternate' }) => FixtureBoard> = { english: englishBoard, arabic: arabicBoard };
const RENDERERS = { json: findingsToJson, md: findingsToMarkdown, csv: findingsToCsv } as const;

function render(board: FixtureBoard): Record<keyof typeof RENDERERS, string> {
  const findings = buildFindings(board);
  return { json: findingsToJson(findings), md: findingsToMarkdown(findings), csv: findingsToCsv(findings) };
}

describe('findings golden files', () => {
  for (const [name, build] of Object.entries(FIXTURES)) {
    for (const format of Object.keys(RENDERERS) as Array<keyof typeof RENDERERS>) {
      it(`${name}.${format} matches the committed golden file`, () => {
        const text = render(build())[format];
        const file = path.join(goldenDir, `${name}.${format}`);
        // UPDATE_GOLDEN=1 rewrites them after a deliberate change; review the diff before committing.
        if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, text);
        expect(text).toBe(fs.readFileSync(file, 'utf8'));
      });
    }
  }
});

describe('findings are deterministic', () => {
  for (const [name, build] of Object.entries(FIXTURES)) {
    it(`${name}: two builds give byte-identical JSON, Markdown and CSV`, () => {
      expect(render(build())).toEqual(render(build()));
    });
    it(`${name}: the same content reached by another edit history gives the same bytes`, () => {
      const direct = build();
      const alternate = build({ history: 'alternate' });
      // The histories really differ: another client, other updates.
      expect(alternate.content.clientID).not.toBe(direct.content.clientID);
      expect(Buffer.from(encode(alternate.content)).equals(Buffer.from(encode(direct.content)))).toBe(false);
      expect(render(alternate)).toEqual(render(direct));
    });
  }
});

const encode = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

describe('the English fixture board', () => {
  const findings = buildFindings(englishBoard());
  const note = (id: string) => findings.notes.find((entry) => entry.id === id)!;

  it('counts participation without identities', () => {
    expect(findings.participation).toEqual({
      notes: 7,
      anonymousNotes: 1,
      answers: 3,
      rounds: [{ roundId: 'rnd0000000000001', answers: 3 }],
      votes: [
        { voteId: 'vote000000000001', ballots: 4 },
        { voteId: 'vote000000000002', ballots: null },
      ],
      themes: 2,
      actions: 2,
    });
  });

  it('sums closed votes per note and per theme; an open vote counts nothing', () => {
    expect(note('noteA').votes).toBe(3);
    expect(note('noteG').votes).toBe(0);
    const interpreters = findings.themes.find((theme) => theme.name === 'Interpreters')!;
    expect(interpreters.votes).toBe(3 + 4);
  });

  it('quotes the members nearest the theme, never a duplicate or a hidden answer', () => {
    const interpreters = findings.themes.find((theme) => theme.name === 'Interpreters')!;
    const quoted = interpreters.quotes.map((quote) => quote.noteId);
    expect(quoted).toHaveLength(3);
    expect(quoted).not.toContain('noteE');
    // It shares "interpreters", "Tigrinya", "need" and "appointment" with the rest (its duplicate counts as a voice).
    expect(quoted[0]).toBe('noteC');
  });

  it('orders frames by reading order and notes by frame, then reading order', () => {
    expect(findings.frames.map((frame) => frame.title)).toEqual(['What works', 'What needs to change', 'What would make advice easier to get?']);
    expect(findings.notes.map((entry) => entry.id)).toEqual([
      'noteA',
      'noteB',
      'noteC',
      'noteD',
      'noteE',
      'noteF',
      'ans00000000000001',
      'ans00000000000002',
      'ans00000000000003',
      'noteG',
      'ans00000000000004',
    ]);
  });

  it('keeps each round with its translations and answers, a hidden answer without its words', () => {
    const [round] = findings.rounds;
    expect(round!.translations.map((translation) => translation.lang)).toEqual(['ar', 'fa']);
    expect(round!.answers.map((answer) => answer.text)).toEqual(['An interpreter who calls back within a week', 'Written on paper at the drop-in: advice by phone in Arabic', '']);
    expect(round!.answers[2]!.hiddenReason).toBe('Named a member of staff');
    expect(note('ans00000000000004').kind).toBe('anonymous-note');
  });

  it('lists the notes in no theme, tags, duplicates and actions with their history', () => {
    expect(findings.unthemedNoteIds).toEqual(['noteB', 'ans00000000000003', 'noteG', 'ans00000000000004']);
    expect(note('noteC').tags).toEqual(['languages', 'urgent']);
    expect(note('noteE').duplicateOf).toBe('noteC');
    const action = findings.actions.find((entry) => entry.id === 'actInterp1')!;
    expect(action.history.map((entry) => entry.status)).toEqual(['planned', 'in-progress']);
    expect(action.status).toBe('in-progress');
  });
});

describe('the published JSON Schema', () => {
  it('is the one generated from FindingsSchema (run `npx -y pnpm@10 findings:schema` after changing it)', () => {
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(findingsJsonSchemaText());
  });

  it('validates every fixture board’s JSON export with a real validator, and refuses a broken one', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
    for (const build of Object.values(FIXTURES)) {
      const json = JSON.parse(render(build()).json);
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      const broken = { ...json, notes: [{ ...json.notes[0], votes: -1 }] };
      expect(validate(broken)).toBe(false);
      const withAuthor = { ...json, notes: [{ ...json.notes[0], author: 'Amina' }] };
      expect(validate(withAuthor)).toBe(false);
    }
  });
});

describe('the CSV export', () => {
  for (const [name, build] of Object.entries(FIXTURES)) {
    it(`${name}: parses back with csv-parse (CRLF, BOM) to the same rows`, () => {
      const findings = buildFindings(build());
      const csv = findingsToCsv(findings);
      expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(csv, { bom: true, columns: true, record_delimiter: '\r\n', relax_quotes: false });
      expect(rows).toEqual(findingsCsvRows(findings));
      expect(Object.keys(rows[0]!)).toEqual([...FINDINGS_CSV_COLUMNS]);
      expect(rows).toHaveLength(findings.notes.length);
    });
  }

  it('keeps commas, quotes and line breaks in one cell and defuses formulas', () => {
    const findings = buildFindings(englishBoard());
    const rows = parse(findingsToCsv(findings), { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get('noteB')!.text).toBe('Drop-in on Saturdays, "no appointment" needed');
    expect(byId.get('noteD')!.text).toBe('Bus fares to the office cost more than a day of food,\nplease refund travel');
    expect(byId.get('noteF')!.text).toBe('\'=HYPERLINK("http://example.invalid") travel costs');
    expect(byId.get('noteC')!.theme).toBe('Interpreters');
    expect(byId.get('noteC')!.tags).toBe('languages; urgent');
    expect(byId.get('ans00000000000001')!.round).toBe('What would make advice easier to get?');
    expect(byId.get('noteA')!.frame).toBe('What works');
  });
});
