import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_LOADERS, type Catalog } from '../../client/src/i18n/catalogs.ts';
import { LANGUAGES, type Language } from '../../client/src/i18n/languages.ts';
import { en } from '../../client/src/i18n/locales/en.ts';

/**
 * Every shipped catalog is complete, in its own language, and checkable:
 * - each English key is there, and nothing else; plurals carry exactly the
 *   forms the language's plural rules name (Arabic six, Persian two…), as
 *   i18next picks them with Intl.PluralRules, never English's shape;
 * - each placeholder of the English string is kept;
 * - a string equal to the English one is listed in the catalog's
 *   `sameAsEnglish` (a product name, a file format), and every listed one is;
 * - every English key appears as a whole literal in the client's source
 *   (unused keys fail), and no `t(` call builds its key at run time, so the
 *   first two checks cover every string a page can show.
 */
const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const CLIENT_SRC = path.resolve(import.meta.dirname, '../../client/src');

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(dotted, value);
    else for (const [inner, text] of flatten(value, dotted)) out.set(inner, text);
  }
  return out;
}

/** `base` of a plural key (`deleted.note_one` -> `deleted.note`), when `base_other` exists too. */
function pluralBase(key: string, keys: ReadonlySet<string>): string | null {
  const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return match && keys.has(`${match[1]}_other`) ? match[1]! : null;
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1]!));

const english = flatten(en as unknown as Catalog);
const englishKeys = new Set(english.keys());
const englishPluralBases = new Map<string, { zero: boolean }>();
for (const key of englishKeys) {
  const base = pluralBase(key, englishKeys);
  if (base) englishPluralBases.set(base, { zero: englishKeys.has(`${base}_zero`) });
}

/** The keys a catalog in `language` must have: English's, with each plural in that language's forms. */
function expectedKeys(language: Language): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
  const expected = new Set<string>();
  for (const key of englishKeys) if (!pluralBase(key, englishKeys)) expected.add(key);
  for (const [base, { zero }] of englishPluralBases) {
    for (const category of categories) expected.add(`${base}_${category}`);
    if (zero) expected.add(`${base}_zero`);
  }
  return expected;
}

/** The English text a translated key stands for: the same key, or for a plural form English lacks, its `_other`. */
function englishFor(key: string): string {
  const direct = english.get(key);
  if (direct !== undefined) return direct;
  const base = /^(.*)_(zero|one|two|few|many|other)$/.exec(key)?.[1];
  return english.get(`${base}_other`) ?? '';
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('interface catalogs', () => {
  for (const { code, reviewed } of LANGUAGES.filter((language) => language.code !== 'en')) {
    describe(code, () => {
      it('has every key in its own plural forms, and nothing else', async () => {
        const { strings } = await CATALOG_LOADERS[code as Exclude<Language, 'en'>]();
        const actual = new Set(flatten(strings).keys());
        const expected = expectedKeys(code);
        expect([...expected].filter((key) => !actual.has(key)), 'missing').toEqual([]);
        expect([...actual].filter((key) => !expected.has(key)), 'not in English (or a plural form the language does not have)').toEqual([]);
      });

      it('keeps every placeholder, and leaves nothing in English but what it lists', async () => {
        const module = await import(`../../client/src/i18n/locales/${code}.ts`);
        const strings = flatten(module[code] as Catalog);
        const sameAsEnglish = new Set<string>(module.sameAsEnglish as string[]);
        const lost: string[] = [];
        const untranslated: string[] = [];
        for (const [key, text] of strings) {
          const source = englishFor(key);
          const wanted = [...placeholders(source)].filter((name) => name !== 'count');
          const kept = placeholders(text);
          for (const name of wanted) if (!kept.has(name)) lost.push(`${key}: {{${name}}}`);
          for (const name of kept) if (!placeholders(source).has(name) && name !== 'count') lost.push(`${key}: unknown {{${name}}}`);
          if (text === source && !sameAsEnglish.has(key)) untranslated.push(key);
        }
        expect(lost, 'placeholders').toEqual([]);
        expect(untranslated, 'left in English').toEqual([]);
        expect([...sameAsEnglish].filter((key) => strings.get(key) !== englishFor(key)), 'listed as English but translated').toEqual([]);
      });

      it(`says who reviewed it, and the picker agrees (${reviewed ? 'reviewed' : 'not yet reviewed'})`, async () => {
        const { review } = await CATALOG_LOADERS[code as Exclude<Language, 'en'>]();
        expect(review.reviewedBy !== null).toBe(reviewed);
        expect(review.note.length).toBeGreaterThan(0);
      });
    });
  }

  it('uses every English key, each written whole in the source', () => {
    const source = sourceFiles(CLIENT_SRC).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const literals = new Set([...source.matchAll(/['"]([A-Za-z0-9_.-]+)['"]/g)].map((match) => match[1]!));
    const unused: string[] = [];
    for (const key of englishKeys) {
      const base = pluralBase(key, englishKeys) ?? key;
      if (!literals.has(base) && !literals.has(key)) unused.push(key);
    }
    expect(unused).toEqual([]);
  });

  it('builds no key at run time', () => {
    const built: string[] = [];
    for (const file of sourceFiles(CLIENT_SRC)) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        // A template literal or a concatenation as t's first argument: its key cannot be checked.
        if (/\bt\(\s*`[^`]*\$\{/.test(line) || /\bt\(\s*['"][^'"]*['"]\s*\+/.test(line)) built.push(`${path.relative(CLIENT_SRC, file)}:${index + 1}`);
      });
    }
    expect(built).toEqual([]);
  });
});
