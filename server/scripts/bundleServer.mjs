/**
 * Builds the server into plain JavaScript with esbuild: `main.mjs` (from
 * src/main.ts) and `sqliteWorker.mjs` beside it, which is where
 * `new URL('./sqliteWorker.mjs', import.meta.url)` in the main bundle looks.
 *
 * Why: under `node --import tsx`, every module is transformed when loaded,
 * and tsx's loader thread and transforms stay in memory: an idle server
 * took 174 MiB RSS that way and 117 MiB from the bundle, and started in
 * about 2 s instead of 0.4 s. `pnpm start` runs the bundle; tests run the
 * sources (tsx) or this same bundle (the chaos suites).
 *
 * Packages that load a native addon (better-sqlite3, @napi-rs/canvas) stay
 * outside, imported by absolute path from the server's node_modules;
 * everything else, the workspace's own `@clapboard/shared` included, is
 * bundled.
 *
 *   node scripts/bundleServer.mjs [outdir]     (default: server/dist)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverRequire = createRequire(path.join(serverDir, 'package.json'));
const NATIVE_LOADERS = ['bindings', 'node-gyp-build', 'prebuild-install', 'node-addon-api'];

/** The resolved entry of a package that loads a native addon, or null for one that can be bundled. */
function nativePackageEntry(specifier) {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  if (name.startsWith('@clapboard/')) return null;
  try {
    const manifest = JSON.parse(fs.readFileSync(serverRequire.resolve(`${name}/package.json`), 'utf8'));
    const native =
      manifest.gypfile ||
      manifest.napi ||
      NATIVE_LOADERS.some((loader) => manifest.dependencies?.[loader]) ||
      Object.keys(manifest.optionalDependencies ?? {}).some((dependency) => /linux|darwin|win32/.test(dependency));
    return native ? serverRequire.resolve(specifier) : null;
  } catch {
    return null;
  }
}

/** Bundles the server into `outdir`; resolves to the path of its `main.mjs`. */
export async function bundleServer(outdir) {
  await esbuild.build({
    entryPoints: { main: path.join(serverDir, 'src/main.ts'), sqliteWorker: path.join(serverDir, 'src/storage/sqliteWorker.mjs') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The DOCX and PNG renderers are imported on first use (findings/formats.ts): in chunks of their own, not parsed at start.
    splitting: true,
    target: 'node20',
    // V8 keeps every script's source text in the heap for as long as the
    // process runs: without the whitespace and with shorter syntax the idle
    // server holds about 6 MiB less. Names are not minified, so stack traces
    // still name the functions.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    plugins: [
      {
        name: 'native-packages-from-server',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('node:')) return null;
            const entry = nativePackageEntry(args.path);
            return entry ? { path: entry, external: true } : null;
          });
        },
      },
    ],
  });
  return path.join(outdir, 'main.mjs');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = path.resolve(process.argv[2] ?? path.join(serverDir, 'dist'));
  fs.rmSync(outdir, { recursive: true, force: true });
  console.log(`server bundled: ${path.relative(process.cwd(), await bundleServer(outdir))}`);
}
