/**
 * The client is built in layers, each importing only the ones below it, so
 * a lower layer never knows an upper one (no import cycles between folders):
 *
 *   i18n → connection → model → editor → presence → canvas → panels → testing → pages → main.tsx
 *
 * `shared/` (contracts, document model, geometry) is below all of them and
 * imports neither the client nor the server; the client and the server do
 * not import each other. The canvas, panels and pages write the documents only
 * through the editor's methods, where undo, locks and permissions live.
 * This test reads every source file and names each line that breaks a rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLIENT_SRC = path.join(ROOT, 'client/src');

/** Lowest first. A file may import its own folder and any folder before it. */
const CLIENT_LAYERS = ['i18n', 'connection', 'model', 'editor', 'presence', 'canvas', 'panels', 'testing', 'pages'] as const;
/** Files directly in client/src (main.tsx, styles.css): the entry point, above every layer. */
const ENTRY = '(entry)';

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|jsx)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sourceFiles(full));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

/** Every module specifier in `code`: `import … from`, `export … from`, `import '…'` and `import('…')`. */
function importSpecifiers(code: string): string[] {
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
}

/** The client layer a path under client/src belongs to. */
function clientLayerOf(file: string): string {
  const relative = path.relative(CLIENT_SRC, file);
  const [first, ...rest] = relative.split(path.sep);
  return rest.length === 0 ? ENTRY : first!;
}

function rank(layer: string): number {
  return layer === ENTRY ? CLIENT_LAYERS.length : CLIENT_LAYERS.indexOf(layer as (typeof CLIENT_LAYERS)[number]);
}

interface Edge {
  from: string;
  specifier: string;
  /** Absolute path for a relative import, else the bare specifier. */
  target: string;
}

function edgesUnder(dir: string): Edge[] {
  return sourceFiles(dir).flatMap((file) =>
    importSpecifiers(fs.readFileSync(file, 'utf8')).map((specifier) => ({
      from: file,
      specifier,
      target: specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier,
    })),
  );
}

const show = (edge: Edge) => `${path.relative(ROOT, edge.from)} imports '${edge.specifier}'`;
const inside = (target: string, dir: string) => !path.relative(dir, target).startsWith('..');

describe('import layers', () => {
  it('finds the imports of every form', () => {
    const code = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from \"./c.ts\";",
      "import './styles.css';",
      "const lazy = await import('../pages/Page.tsx');",
      'import {\n  d,\n  e,\n} from "@clapboard/shared";',
    ].join('\n');
    expect(importSpecifiers(code).sort()).toEqual(['../b.ts', '../pages/Page.tsx', './a.ts', './c.ts', './styles.css', '@clapboard/shared'].sort());
  });

  const clientEdges = edgesUnder(CLIENT_SRC);

  it('reads the whole client', () => {
    // Guards the test itself: a wrong root or pattern would find nothing and pass.
    expect(new Set(clientEdges.map((edge) => edge.from)).size).toBeGreaterThan(50);
    expect(clientEdges.filter((edge) => edge.specifier.startsWith('.')).length).toBeGreaterThan(100);
  });

  it('puts every client folder in a layer', () => {
    const folders = fs
      .readdirSync(CLIENT_SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => rank(folder) === -1), 'folders missing from CLIENT_LAYERS').toEqual([]);
  });

  it('has no client file importing a layer above its own, or another folder of its own rank', () => {
    const bad = clientEdges
      .filter((edge) => edge.specifier.startsWith('.'))
      .filter((edge) => {
        if (!inside(edge.target, CLIENT_SRC)) return true;
        const from = clientLayerOf(edge.from);
        const to = clientLayerOf(edge.target);
        return from !== to && rank(to) >= rank(from);
      })
      .map((edge) => `${show(edge)} (${clientLayerOf(edge.from)} → ${inside(edge.target, CLIENT_SRC) ? clientLayerOf(edge.target) : 'outside client/src'})`);
    expect(bad).toEqual([]);
  });

  it('has panels, pages and the canvas write the documents only through the editor', () => {
    // Undo, locks and permissions live in the editor's commands; a write around them escapes all three.
    const writers = /\.transact\(|(?<![.\w])(insertObject|updateObject|deleteObjects|replaceText|setBoardTitle)\(/;
    const bad: string[] = [];
    for (const layer of ['canvas', 'panels', 'pages']) {
      for (const file of sourceFiles(path.join(CLIENT_SRC, layer))) {
        const code = fs.readFileSync(file, 'utf8');
        const match = writers.exec(code);
        if (match) bad.push(`${path.relative(ROOT, file)} calls ${match[0]}`);
        for (const specifier of importSpecifiers(code)) {
          if (/editor\/(settingsC|c)ommands\.ts$/.test(specifier) && layer !== 'canvas') bad.push(`${path.relative(ROOT, file)} imports '${specifier}'`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps shared free of the client and the server, and those two apart', () => {
    const rules: { dir: string; forbidden: string[] }[] = [
      { dir: 'shared/src', forbidden: ['client', 'server'] },
      { dir: 'client/src', forbidden: ['server'] },
      { dir: 'server/src', forbidden: ['client'] },
    ];
    const bad: string[] = [];
    for (const { dir, forbidden } of rules) {
      const root = path.join(ROOT, dir);
      for (const edge of edgesUnder(root)) {
        const reachesPackage = forbidden.some((name) =>
          edge.specifier.startsWith('.') ? inside(edge.target, path.join(ROOT, name)) : edge.specifier === `@clapboard/${name}` || edge.specifier.startsWith(`@clapboard/${name}/`),
        );
        // Shared is imported by package name, never by a path out of its own folder.
        const leavesShared = dir === 'shared/src' && edge.specifier.startsWith('.') && !inside(edge.target, root);
        if (reachesPackage || leavesShared) bad.push(show(edge));
      }
    }
    expect(bad).toEqual([]);
  });
});
