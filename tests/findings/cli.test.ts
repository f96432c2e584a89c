import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertObject, roomName } from '@clapboard/shared';
import { runFindingsCli } from '../../server/src/findings/cli.ts';
import { connectSynced } from '../support/clients.ts';
import { startTestServer, type CreatedBoard } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The command exactly as the README gives it, run from the repository root. */
function findingsCommand(args: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve) => {
    // As typed in a shell: without the npm_config_* variables `pnpm test` passes down, which npx warns about on stderr.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_')));
    execFile('npx', ['-y', 'pnpm@10', '--silent', 'findings', '--', ...args], { cwd: repo, env, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr: stderr.toString('utf8') });
    });
  });
}

describe('npx -y pnpm@10 findings, against a real data directory', { timeout: 240_000 }, () => {
  let dataDir: string;
  let board: CreatedBoard;
  let servedMarkdown: string;
  let servedJson: string;

  beforeAll(async () => {
    const server = await startTestServer();
    dataDir = server.dataDir;
    board = await server.createBoard('Command line board');
    const person = await connectSynced(server.syncUrl, roomName(board.id, 'content'), board.tokens.participant);
    person.doc.transact(() => insertObject(person.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'teal', text: 'Written before the server stopped, مرحبا' }));
    const get = async (format: string) => {
      const response = await fetch(`${server.url}/api/boards/${board.id}/findings?format=${format}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } });
      return response.text();
    };
    await waitFor(async () => {
      if (!(await get('md')).includes('Written before the server stopped')) throw new Error('note not stored yet');
    });
    servedMarkdown = await get('md');
    servedJson = await get('json');
    person.destroy();
    await server.close();
  }, 120_000);

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('writes the Markdown report to standard output, the same as the route gave, with no server running', async () => {
    const result = await findingsCommand(['--data-dir', dataDir, '--board', board.id, '--format', 'md']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.toString('utf8')).toBe(servedMarkdown);
  });

  it('writes to --out (relative to where it was typed), JSON and CSV', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-findings-out-'));
    // Relative paths are taken from where the command was typed (the repository root), not from server/ where pnpm runs the script.
    const json = await findingsCommand(['--data-dir', path.relative(repo, dataDir), '--board', board.id, '--format', 'json', '--out', path.relative(repo, path.join(out, 'report.json'))]);
    expect(json.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'report.json'), 'utf8')).toBe(servedJson);
    const csv = await findingsCommand(['--data-dir', dataDir, '--board', board.id, '--format', 'csv', '--out', path.join(out, 'notes.csv')]);
    expect(csv.code).toBe(0);
    const rows = parse(fs.readFileSync(path.join(out, 'notes.csv')), { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.text, row.colour])).toEqual([['Written before the server stopped, مرحبا', 'teal']]);
    fs.rmSync(out, { recursive: true, force: true });
  });

  // The same entry point in this process (spawning the real command costs 10-30 s each on a busy machine).
  it('says clearly what is wrong: missing arguments, a bad format, no database, no such board', async () => {
    const missing = await runFindingsCli(['--', '--format', 'pdf']);
    expect(missing.code).toBe(2);
    expect(missing.message).toContain('--data-dir is required');
    expect(missing.message).toContain('--board is required');
    expect(missing.message).toContain('format must be one of json, md, csv, docx, png');
    expect((await runFindingsCli(['--board', board.id, '--colour', 'x'])).message).toContain("Unknown option '--colour'");
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-findings-empty-'));
    const noDatabase = await runFindingsCli(['--data-dir', empty, '--board', board.id, '--format', 'md']);
    expect(noDatabase).toEqual({ code: 2, message: `no Clapboard database at ${path.join(empty, 'clapboard.sqlite')}` });
    // It did not create one.
    expect(fs.readdirSync(empty)).toEqual([]);
    fs.rmSync(empty, { recursive: true, force: true });
    const noBoard = await runFindingsCli(['--data-dir', dataDir, '--board', 'AAAAAAAAAAAAAAAAAAAAAA', '--format', 'md']);
    expect(noBoard.code).toBe(2);
    expect(noBoard.message).toContain('no board AAAAAAAAAAAAAAAAAAAAAA');
    expect((await runFindingsCli(['--data-dir', dataDir, '--board', board.id, '--format', 'md', '--frame', 'abc'])).message).toContain('only png takes a frame');
  });
});
