import { stringify } from 'csv-stringify/sync';
import type { Findings } from './schema.ts';

/**
 * Columns of the CSV export, in order: the ones a spreadsheet is sorted by
 * first; columns added later go at the end. The names are identifiers, the
 * same in every language (a script reads them), and so is every cell that
 * is not people's words.
 */
export const FINDINGS_CSV_COLUMNS = ['id', 'text', 'theme', 'round', 'votes', 'tags', 'colour', 'frame', 'kind', 'lang', 'duplicate_of', 'hidden_reason', 'translations'] as const;
export type FindingsCsvRow = Record<(typeof FINDINGS_CSV_COLUMNS)[number], string>;

/** Several themes, or tags, in one cell. */
export const CSV_LIST_SEPARATOR = '; ';

/** Between a note's translations in the `translations` cell, each `lang: text`. */
export const CSV_TRANSLATION_SEPARATOR = ' | ';

/**
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return,
 * with a `'` in front. The notes are what anyone with the participant link
 * typed, and a spreadsheet would run `=HYPERLINK(…)` as a formula (OWASP's
 * "CSV injection"). Only cells of people's words: ids may start with `-`.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One row per note and answer card, in the order of `findings.notes`, every cell as text. */
export function findingsCsvRows(findings: Findings): FindingsCsvRow[] {
  const themeNames = new Map(findings.themes.map((theme) => [theme.id, theme.name]));
  const prompts = new Map(findings.rounds.map((round) => [round.id, round.prompt]));
  const frameTitles = new Map(findings.frames.map((frame) => [frame.id, frame.title]));
  return findings.notes.map((note) => ({
    id: note.id,
    text: neutraliseFormula(note.text),
    theme: neutraliseFormula(note.themeIds.map((id) => themeNames.get(id) ?? '').join(CSV_LIST_SEPARATOR)),
    round: neutraliseFormula(note.roundId === null ? '' : (prompts.get(note.roundId) ?? '')),
    votes: String(note.votes),
    tags: neutraliseFormula(note.tags.join(CSV_LIST_SEPARATOR)),
    colour: note.color,
    frame: neutraliseFormula(note.frameId === null ? '' : (frameTitles.get(note.frameId) ?? '')),
    kind: note.kind,
    lang: note.lang ?? '',
    duplicate_of: note.duplicateOf ?? '',
    hidden_reason: neutraliseFormula(note.hiddenReason ?? ''),
    translations: neutraliseFormula(note.translations.map(({ lang, text }) => `${lang}: ${text}`).join(CSV_TRANSLATION_SEPARATOR)),
  }));
}

/**
 * The CSV export: RFC 4180 (fields with a comma, quote or line break
 * quoted, quotes doubled, CRLF between records), UTF-8 with a byte-order
 * mark, which is what makes Excel read Arabic and Persian as UTF-8 rather
 * than the machine's legacy code page. Cells of people's words are passed
 * through `neutraliseFormula` first.
 */
export function findingsToCsv(findings: Findings): string {
  return stringify(findingsCsvRows(findings), {
    header: true,
    columns: [...FINDINGS_CSV_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    // With a record_delimiter given, csv-stringify no longer quotes a lone \n or \r unless asked.
    quote_record_delimiter: true,
  });
}
