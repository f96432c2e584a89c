/**
 * Findings export benchmark (issue #10). Run: `npx -y pnpm@10 bench:findings` from the repo root.
 *
 * A 10,000-note board built in memory (BENCH_NOTES): 20 frames, notes in
 * English and Arabic with tags, 50 themes of 120 notes, an action per theme,
 * a revealed round of 500 answers and a closed vote over 200 notes. Each
 * format is timed end to end as the route does it after reading the
 * documents: build the findings, then render. BENCH_RUNS (5) runs per
 * format after one warm-up; the table gives the median and the slowest.
 * Targets: JSON, Markdown and CSV under 1 s; DOCX under 3 s; PNG under 5 s.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addAction, createTheme, getAnswersMap, getRoundsMap, getSettingsMap, getVotesMap, insertObject, readThemes, setTags, todayDate } from '@clapboard/shared';
import { buildFindings } from '@clapboard/shared/findings';
import { FINDINGS_FORMATS, type FindingsFormatName } from '../src/findings/formats.ts';

const NOTES = Number(process.env.BENCH_NOTES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS: Record<FindingsFormatName, number> = { json: 1000, md: 1000, csv: 1000, docx: 3000, png: 5000 };

const ENGLISH = ['interpreters at every appointment', 'letters only in English', 'bus fares cost too much', 'drop-in on Saturdays helps', 'caseworker never calls back', 'housing repairs take months', 'the waiting room is cold', 'staff were kind and patient'];
const ARABIC = ['نحتاج مترجمين في كل موعد', 'الرسائل بالإنجليزية فقط', 'أجرة الحافلة مرتفعة', 'الموظفون كانوا لطفاء'];

function buildBoard(): { content: Y.Doc; control: Y.Doc } {
  const content = new Y.Doc();
  const control = new Y.Doc();
  getSettingsMap(control).set('title', 'Benchmark board');
  const frameIds: string[] = [];
  const noteIds: string[] = [];
  content.transact(() => {
    for (let f = 0; f < 20; f++) frameIds.push(insertObject(content, { type: 'frame', x: (f % 5) * 6000, y: Math.floor(f / 5) * 6000, width: 5800, height: 5800, z: 0, frameId: null, text: `Frame ${f + 1}` }));
    for (let i = 0; i < NOTES; i++) {
      const frame = i % 20;
      const words = i % 5 === 0 ? ARABIC[i % ARABIC.length]! : ENGLISH[i % ENGLISH.length]!;
      const id = insertObject(content, {
        type: 'note',
        x: (frame % 5) * 6000 + (i % 25) * 220,
        y: Math.floor(frame / 5) * 6000 + Math.floor(i / 500) * 220,
        width: 200,
        height: 200,
        z: i + 1,
        frameId: frameIds[frame]!,
        color: 'yellow',
        text: `${words}, note ${i}`,
      });
      noteIds.push(id);
      if (i % 10 === 0) setTags(content, id, ['urgent', `group ${i % 7}`]);
    }
    for (let t = 0; t < 50; t++) createTheme(content, { name: `Theme ${t}`, description: `What people said about topic ${t}`, noteIds: noteIds.slice(t * 120, t * 120 + 120), area: { x: 0, y: 40_000 + t * 500, width: 400, height: 300 } });
    for (let a = 0; a < 500; a++) {
      const id = insertObject(content, { type: 'answer', x: 40_000 + (a % 25) * 220, y: Math.floor(a / 25) * 220, width: 200, height: 200, z: NOTES + a, frameId: null, color: 'teal', answerId: `answer${String(a).padStart(10, '0')}` });
      getAnswersMap(content).set(id, new Y.Map<unknown>([['text', `${ENGLISH[a % ENGLISH.length]} (answer ${a})`], ['roundId', 'benchRound000001']]));
    }
  });
  control.transact(() => {
    getRoundsMap(control).set('benchRound000001', new Y.Map<unknown>([['state', 'revealed'], ['prompt', 'What would help?'], ['count', 500], ['k', 3], ['translations', { ar: 'ما الذي يساعد؟' }]]));
    const targets = noteIds.slice(0, 200);
    getVotesMap(control).set(
      'benchVote0000001',
      new Y.Map<unknown>([['state', 'closed'], ['access', 'anyone'], ['perPerson', 3], ['targets', targets], ['publicKey', null], ['ballots', 80], ['counts', Object.fromEntries(targets.map((id, i) => [id, i % 5]))]]),
    );
  });
  // Answer cards' words are looked up by the card's own id, as the server writes them.
  for (const [id, map] of [...content.getMap('objects').entries()] as Array<[string, Y.Map<unknown>]>) {
    if (map.get('type') === 'answer') map.set('answerId', id);
  }
  for (const theme of readThemes(content)) addAction(control, { themeId: theme.id, kind: 'will', text: `Respond to ${theme.name}`, owner: 'Housing team', due: '2027-01-31' }, '2026-12-01');
  return { content, control };
}

async function main(): Promise<void> {
  const seedStart = performance.now();
  const board = buildBoard();
  const seedMs = performance.now() - seedStart;
  const today = todayDate();
  const rows: Array<{ what: string; median: number; max: number; bytes: number; target: number | null }> = [];

  const time = async (what: string, target: number | null, run: () => Promise<number> | number) => {
    await run();
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      bytes = await run();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    rows.push({ what, median: samples[Math.floor(samples.length / 2)]!, max: samples.at(-1)!, bytes, target });
  };

  await time('build findings only', null, () => (buildFindings(board), 0));
  for (const name of Object.keys(FINDINGS_FORMATS) as FindingsFormatName[]) {
    const format = FINDINGS_FORMATS[name];
    if (!format) {
      rows.push({ what: `${name} (not built into this server)`, median: Number.NaN, max: Number.NaN, bytes: 0, target: TARGET_MS[name] });
      continue;
    }
    await time(`${name}: build + render`, TARGET_MS[name], async () => {
      const body = await format.render({ findings: buildFindings(board), content: board.content, control: board.control, today });
      return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    });
  }

  const fmt = (ms: number) => (Number.isNaN(ms) ? '—' : `${ms.toFixed(0)} ms`);
  console.log(`\nFindings export, ${NOTES.toLocaleString('en')} notes + 500 answers, 50 themes; board built in ${seedMs.toFixed(0)} ms; ${RUNS} runs after a warm-up\n`);
  console.log('| export | median | slowest | size | target |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const verdict = row.target === null || Number.isNaN(row.max) ? (row.target === null ? '' : `< ${row.target / 1000} s`) : `< ${row.target / 1000} s ${row.max < row.target ? 'met' : 'MISSED'}`;
    console.log(`| ${row.what} | ${fmt(row.median)} | ${fmt(row.max)} | ${row.bytes ? `${(row.bytes / 1024).toFixed(0)} KiB` : '—'} | ${verdict} |`);
  }
}

await main();
