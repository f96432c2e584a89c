/**
 * Findings from the command line, against a data directory, with no server
 * running (docs/protocol.md, "Findings"):
 *
 *   npx -y pnpm@10 findings -- --data-dir DIR --board ID --format md [--out FILE] [--frame ID] [--lang CODE]
 *
 * (pnpm prints a line naming the script on standard output first; with
 * `npx -y pnpm@10 --silent findings …`, or `--out`, only the export is written.)
 *
 * Reads the board from the SQLite file in DIR with the server's own store,
 * writes the export to FILE or standard output (headings and labels in
 * `--lang`, English by default), and exits 0; a bad argument,
 * a missing database or an unknown board exits 2 with one line saying which.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BoardIdSchema, ObjectIdSchema, todayDate } from '@clapboard/shared';
import { DEFAULT_FINDINGS_LANGUAGE, FindingsLanguageSchema } from '@clapboard/shared/findings';
import { SQLITE_FILENAME } from '../app.ts';
import { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { exportFindings } from './exportFindings.ts';
import { FINDINGS_FORMATS, FindingsFormatNameSchema } from './formats.ts';

const ArgsSchema = z
  .object({
    'data-dir': z.string({ error: '--data-dir is required' }).min(1, '--data-dir must not be empty'),
    board: z.string({ error: '--board is required' }).pipe(BoardIdSchema),
    format: z.string({ error: '--format is required' }).pipe(FindingsFormatNameSchema),
    out: z.string().min(1, '--out must not be empty').optional(),
    frame: ObjectIdSchema.optional(),
    lang: FindingsLanguageSchema.default(DEFAULT_FINDINGS_LANGUAGE),
  })
  .strict();

const USAGE = 'usage: findings --data-dir DIR --board ID --format json|md|csv|docx|png [--out FILE] [--frame ID] [--lang en|ar|fa|ps|uk|fr]';

/** Paths are taken from where the command was typed: pnpm runs the script in server/, and says where it started in INIT_CWD. */
function resolveFromInvocation(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export async function runFindingsCli(argv: readonly string[]): Promise<{ code: number; message?: string }> {
  let values: Record<string, unknown>;
  try {
    // pnpm passes the `--` that separates its own options through.
    const args = argv[0] === '--' ? argv.slice(1) : [...argv];
    ({ values } = parseArgs({
      args,
      options: { 'data-dir': { type: 'string' }, board: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, frame: { type: 'string' }, lang: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { code: 2, message: `${(error as Error).message}\n${USAGE}` };
  }
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) return { code: 2, message: `${parsed.error.issues.map((issue) => issue.message).join('\n')}\n${USAGE}` };
  const args = parsed.data;
  const format = FINDINGS_FORMATS[args.format];
  if (!format) return { code: 2, message: `format ${args.format} is not available in this build` };
  if (args.frame !== undefined && !format.framed) return { code: 2, message: `--frame: format ${args.format} exports the whole board; only png takes a frame` };

  const filename = path.join(resolveFromInvocation(args['data-dir']), SQLITE_FILENAME);
  // The store would create an empty database; a typo in the path should say so instead.
  if (!fs.existsSync(filename)) return { code: 2, message: `no Clapboard database at ${filename}` };
  const store = new SqliteBoardStore({ filename });
  try {
    if (!(await store.getBoard(args.board))) return { code: 2, message: `no board ${args.board} in ${filename}` };
    const outcome = await exportFindings(store, null, args.board, format, { frameId: args.frame, today: todayDate(), lang: args.lang });
    if (!outcome.ok) return { code: 2, message: `--frame: no frame ${args.frame} on this board` };
    const bytes = typeof outcome.body === 'string' ? Buffer.from(outcome.body, 'utf8') : outcome.body;
    if (args.out) fs.writeFileSync(resolveFromInvocation(args.out), bytes);
    else await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())));
    return { code: 0 };
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFindingsCli(process.argv.slice(2)).then(
    ({ code, message }) => {
      if (message) process.stderr.write(`${message}\n`);
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`findings: ${String((error as Error)?.stack ?? error)}\n`);
      process.exitCode = 1;
    },
  );
}
