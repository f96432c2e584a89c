/**
 * Suggested themes benchmark (issue #10). Run: `npx -y pnpm@10 bench:themes` from the repo root.
 *
 *   labelled   the hand-labelled set (tests/synthesis/fixtures/labelled-notes.json,
 *              270 notes in English, Arabic and Persian): time and adjusted Rand
 *              index per language and overall.
 *   1k / 10k   boards made by recombining the labelled notes with noise (a word
 *              dropped, two letters swapped, a phrase from another note of the same
 *              theme and language added), each keeping its source's theme: time
 *              (median of 3 runs, BENCH_RUNS) and ARI against those themes. 10k goes
 *              through the sampled rounds of clusterVectors (above 2,000 notes).
 */
import os from 'node:os';
import { suggestThemes } from '@clapboard/shared';
import { adjustedRandIndex } from '../../shared/src/synthesis/adjustedRandIndex.ts';
import { ariReport, asInputs, loadLabelledNotes, predictedGroups, type LabelledNote } from '../synthesis/fixtures/labelledNotes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
/** Measures the grouping, not the default cut-off of 30 suggestions. */
const OPTIONS = { maxThemes: 100_000 };

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` notes recombined from the labelled ones, deterministic for a given count. */
function recombined(labelled: readonly LabelledNote[], count: number): LabelledNote[] {
  const random = seededRandom(count);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const sameTheme = new Map<string, LabelledNote[]>();
  for (const note of labelled) {
    const key = `${note.lang}:${note.theme}`;
    sameTheme.set(key, [...(sameTheme.get(key) ?? []), note]);
  }
  return Array.from({ length: count }, (_, index) => {
    const source = pick(labelled);
    let words = source.text.split(/\s+/).filter((word) => word.length > 0 && random() > 0.1);
    words = words.map((word) => {
      if (word.length < 4 || random() > 0.08) return word;
      const at = 1 + Math.floor(random() * (word.length - 2));
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    });
    if (random() < 0.35) {
      const other = pick(sameTheme.get(`${source.lang}:${source.theme}`)!).text.split(/\s+/);
      const start = Math.floor(random() * other.length);
      words.push(...other.slice(start, start + 2 + Math.floor(random() * 4)));
    }
    return { id: `b${String(index).padStart(6, '0')}-${source.id}`, lang: source.lang, theme: source.theme, text: words.join(' ') };
  });
}

function timed(notes: readonly LabelledNote[]) {
  const inputs = asInputs(notes);
  const times: number[] = [];
  let themes = suggestThemes(inputs, OPTIONS);
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    themes = suggestThemes(inputs, OPTIONS);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { themes, median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! };
}

const labelled = loadLabelledNotes();
const rows: string[] = [];
const fmt = (value: number) => value.toFixed(3);
const ms = (value: number) => `${value.toFixed(0)} ms`;

const base = timed(labelled);
const report = ariReport(labelled, base.themes);
rows.push(`| labelled (${labelled.length}) | ${ms(base.median)} [${ms(base.min)}–${ms(base.max)}] | ${base.themes.length} | en ${fmt(report.en)} · ar ${fmt(report.ar)} · fa ${fmt(report.fa)} · all ${fmt(report.all)} (across languages ${fmt(report.allAcrossLanguages)}) |`);

for (const size of SIZES) {
  const notes = recombined(labelled, size);
  const result = timed(notes);
  const ari = adjustedRandIndex(
    notes.map((note) => `${note.lang}:${note.theme}`),
    predictedGroups(notes, result.themes),
  );
  rows.push(`| ${size.toLocaleString('en')} recombined | ${ms(result.median)} [${ms(result.min)}–${ms(result.max)}] | ${result.themes.length} | ${fmt(ari)} |`);
}

console.log(`suggestThemes, median of ${RUNS} runs after one warm-up [min–max]; Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}\n`);
console.log('| notes | time | suggestions | adjusted Rand index |');
console.log('| --- | --- | ---: | --- |');
for (const row of rows) console.log(row);
